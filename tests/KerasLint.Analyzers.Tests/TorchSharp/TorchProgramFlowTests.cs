namespace KerasLint.Analyzers.Tests.TorchSharp
{
    /// <summary>
    /// TorchSharp training steps whose parts meet through the shared, library-neutral <c>ProgramFlow</c> (issue 17.3):
    /// model and loss in properties set in a constructor or an initializer, a <c>Sequential</c> field appended to in
    /// another method or file, <c>forward</c> overridden in a subclass (each override a possibility), a trainer given
    /// model and loss through its constructor, a forward output wrapped in a record, a <c>Predict()</c> helper, widths
    /// as constructor arguments. Each positive case has a silent twin: correct code, or possibilities that disagree.
    /// </summary>
    public class TorchProgramFlowTests
    {
        private static Task Reports(params string[] files) => TorchVerifier.VerifyFilesAsync<KL0006FromLogitsOnProbabilitiesAnalyzer>(files);

        private static Task Silent(params string[] files) =>
            TorchVerifier.VerifyFilesAsync<KL0006FromLogitsOnProbabilitiesAnalyzer>(files.Select(f => TorchVerifier.Parse(f).Source).ToArray());

        // ---------------------------------------------------------------- properties

        private static string PropertiesSetInConstructor(string model, string extra = "") => @"
class Net
{
    public Module<Tensor, Tensor> Model { get; set; }
    public Loss<Tensor, Tensor, Tensor> Criterion { get; }

    public Net()
    {
        Model = " + model + @";
        Criterion = CrossEntropyLoss();
    }
" + extra + @"
}";

        private const string StepOnNet = @"
static class Training
{
    static Tensor Step(Net net, Tensor x, Tensor y) => {|KL0101:net.Criterion.forward(net.Model.forward(x), y)|};
}";

        [Fact]
        public Task ModelAndLossInPropertiesSetInTheConstructor_StepInAnotherFile() =>
            Reports(PropertiesSetInConstructor("Sequential(Linear(4, 3), Softmax(1))"), StepOnNet);

        [Fact]
        public Task ModelPropertyWithLogits_IsSilent() => Silent(PropertiesSetInConstructor("Sequential(Linear(4, 3))"), StepOnNet);

        [Fact]
        public Task ModelPropertyReassignedElsewhereWithLogits_IsSilent() =>
            Silent(PropertiesSetInConstructor("Sequential(Linear(4, 3), Softmax(1))"), StepOnNet, "static class Reset\n{\n    static void Logits(Net net) { net.Model = Sequential(Linear(4, 3)); }\n}\n");

        [Fact]
        public Task ModelPropertyReassignedElsewhereWithSoftmax_StillReports() =>
            Reports(PropertiesSetInConstructor("Sequential(Linear(4, 3), Softmax(1))"), StepOnNet, "static class Reset\n{\n    static void Again(Net net) { net.Model = Sequential(Linear(4, 5), Softmax(1)); }\n}\n");

        private static string PropertiesWithInitializers(string model) => @"
class Net
{
    public Module<Tensor, Tensor> Model { get; init; } = " + model + @";
    public Loss<Tensor, Tensor, Tensor> Criterion { get; } = CrossEntropyLoss();
}";

        [Fact]
        public Task ModelAndLossInAutoPropertyInitializers() => Reports(PropertiesWithInitializers("Sequential(Linear(4, 3), Softmax(1))"), StepOnNet);

        [Fact]
        public Task AutoPropertyInitializerOverriddenByAnObjectInitializerWithLogits_IsSilent() =>
            Silent(PropertiesWithInitializers("Sequential(Linear(4, 3), Softmax(1))"), StepOnNet, "static class Make\n{\n    static Net Logits() => new Net { Model = Sequential(Linear(4, 3)) };\n}\n");

        [Fact]
        public Task PropertyWithAGetterBody_IsSilent() =>
            Silent(@"
class Net
{
    private Module<Tensor, Tensor> inner = Sequential(Linear(4, 3), Softmax(1));
    public Module<Tensor, Tensor> Model { get { return inner; } }
    public Loss<Tensor, Tensor, Tensor> Criterion { get; } = CrossEntropyLoss();
}", StepOnNet);

        // ---------------------------------------------------------------- a Sequential field appended to in another method

        private static string SequentialField(string initializer = "Sequential((\"in\", Linear(4, 8)))") => @"
partial class Net
{
    private readonly Sequential model = " + initializer + @";
    private readonly CrossEntropyLoss criterion = CrossEntropyLoss();

    public Tensor Step(Tensor x, Tensor y) => {|KL0101:criterion.forward(model.forward(x), y)|};
}";

        private static string Builder(string body) => "partial class Net\n{\n" + body + "\n}\n";

        [Fact]
        public Task SequentialFieldAppendedInTheConstructorOfAnotherFile() =>
            Reports(SequentialField(), Builder("    public Net()\n    {\n        model.append(\"out\", Linear(8, 3));\n        model.append(\"sm\", Softmax(1));\n    }"));

        [Fact]
        public Task SequentialFieldWhoseLastAppendIsLinear_IsSilent() =>
            Silent(SequentialField(), Builder("    public Net()\n    {\n        model.append(\"sm\", Softmax(1));\n        model.append(\"out\", Linear(8, 3));\n    }"));

        [Fact]
        public Task SequentialFieldAppendedInABuildMethod_FromAnEmptySequential() =>
            Reports(SequentialField("Sequential()"), Builder("    public void Build()\n    {\n        model.append(\"out\", Linear(4, 3));\n        model.append(\"sm\", Softmax(1));\n    }"));

        [Fact]
        public Task SequentialFieldAppendedInABuildMethod_WithItsOwnLogitsLayers_IsSilent() =>
            Silent(SequentialField(), Builder("    public void Build()\n    {\n        model.append(\"sm\", Softmax(1));\n    }")); // Build may not run: the logits of the initializer are a possibility

        [Fact]
        public Task SequentialFieldAppendedByTwoMethodsThatDisagree_IsSilent() =>
            Silent(SequentialField("Sequential()"), Builder("    public void Probabilities() { model.append(\"sm\", Softmax(1)); }\n    public void Logits() { model.append(\"out\", Linear(8, 3)); }"));

        [Fact]
        public Task SequentialFieldAppendedInABranch_IsSilent() =>
            Silent(SequentialField("Sequential()"), Builder("    public Net(bool probabilities)\n    {\n        model.append(\"out\", Linear(4, 3));\n        if (probabilities) model.append(\"sm\", Softmax(1));\n    }"));

        [Fact]
        public Task SequentialFieldHandedToAHelperOfTheProject_IsSilent() =>
            Silent(SequentialField("Sequential()"), Builder("    public Net()\n    {\n        model.append(\"sm\", Softmax(1));\n        Helpers.AddHead(model);\n    }"),
                "static class Helpers\n{\n    public static void AddHead(Sequential s) => s.append(\"out\", Linear(8, 3));\n}\n");

        // ---------------------------------------------------------------- forward overridden in a subclass

        private const string BaseWithSoftmaxHead = @"
class Classifier : Module<Tensor, Tensor>
{
    protected readonly Linear fc = Linear(4, 3);
    public Classifier() : base(""classifier"") { }
    public override Tensor forward(Tensor x) => softmax(fc.forward(x), 1);
}";

        private const string BaseWithLogits = @"
class Classifier : Module<Tensor, Tensor>
{
    protected readonly Linear fc = Linear(4, 3);
    public Classifier() : base(""classifier"") { }
    public override Tensor forward(Tensor x) => fc.forward(x);
}";

        private const string LogitsOverride = "class Logits : Classifier\n{\n    public override Tensor forward(Tensor x) => fc.forward(x);\n}\n";

        private const string SoftmaxOverride = "class Probabilities : Classifier\n{\n    public override Tensor forward(Tensor x) => softmax(fc.forward(x), 1);\n}\n";

        private static string FieldOf(string created) => @"
class Trainer
{
    private readonly Classifier model = new " + created + @"();
    public Tensor Step(Tensor x, Tensor y) => {|KL0101:CrossEntropyLoss().forward(model.forward(x), y)|};
}";

        private const string ParameterOfTheBaseType = @"
static class Training
{
    public static Tensor Step(Classifier model, Tensor x, Tensor y) => {|KL0101:CrossEntropyLoss().forward(model.forward(x), y)|};
}";

        [Fact]
        public Task OverrideWithSoftmaxIsFollowed_OverABaseWithLogits() => Reports(BaseWithLogits, SoftmaxOverride, FieldOf("Probabilities"));

        [Fact]
        public Task OverrideWithLogitsIsFollowed_OverABaseWithSoftmax_IsSilent() => Silent(BaseWithSoftmaxHead, LogitsOverride, FieldOf("Logits"));

        [Fact]
        public Task BaseTypedValue_EveryOverrideAgrees() => Reports(BaseWithSoftmaxHead, SoftmaxOverride, ParameterOfTheBaseType);

        [Fact]
        public Task BaseTypedValue_OverridesDisagree_IsSilent() => Silent(BaseWithSoftmaxHead, LogitsOverride, SoftmaxOverride, ParameterOfTheBaseType);

        [Fact]
        public Task BaseTypedValue_EveryCallerPassesTheSoftmaxSubclass() =>
            Reports(BaseWithLogits, LogitsOverride, SoftmaxOverride, ParameterOfTheBaseType, "static class Caller\n{\n    static Tensor Run(Tensor x, Tensor y) => Training.Step(new Probabilities(), x, y);\n}\n");

        [Fact]
        public Task BaseTypedValue_CallersPassSubclassesThatDisagree_IsSilent() =>
            Silent(BaseWithLogits, LogitsOverride, SoftmaxOverride, ParameterOfTheBaseType,
                "static class Caller\n{\n    static Tensor Run(Tensor x, Tensor y) => Training.Step(new Probabilities(), x, y);\n    static Tensor Again(Tensor x, Tensor y) => Training.Step(new Logits(), x, y);\n}\n");

        // ---------------------------------------------------------------- a trainer, a record, a Predict() helper, widths

        private const string TrainerWithProperties = @"
class Trainer
{
    public Module<Tensor, Tensor> Model { get; }
    public Loss<Tensor, Tensor, Tensor> Criterion { get; }

    public Trainer(Module<Tensor, Tensor> model, Loss<Tensor, Tensor, Tensor> criterion)
    {
        Model = model;
        Criterion = criterion;
    }

    public Tensor Predict(Tensor x) => Model.forward(x);

    public Tensor Step(Tensor x, Tensor y) => {|KL0101:Criterion.forward(Predict(x), y)|};
}";

        private static string Creates(string model, string name = "Program") => "static class " + name + "\n{\n    static void Main() { var t = new Trainer(" + model + ", CrossEntropyLoss()); }\n}\n";

        [Fact]
        public Task TrainerPropertiesFromItsConstructor_ThroughAPredictHelper() => Reports(TrainerWithProperties, Creates("Sequential(Linear(4, 3), Softmax(1))"));

        [Fact]
        public Task TrainerPropertiesFromCallersThatDisagree_IsSilent() =>
            Silent(TrainerWithProperties, Creates("Sequential(Linear(4, 3), Softmax(1))"), Creates("Sequential(Linear(4, 3))", "Other"));

        private static string VirtualPredict(string overrideBody) => @"
class Trainer
{
    private readonly Module<Tensor, Tensor> model = Sequential(Linear(4, 3), Softmax(1));
    public virtual Tensor Predict(Tensor x) => model.forward(x);
    public Tensor Step(Tensor x, Tensor y) => {|KL0101:CrossEntropyLoss().forward(Predict(x), y)|};
}
class Tuned : Trainer
{
    public override Tensor Predict(Tensor x) => " + overrideBody + @";
}";

        [Fact]
        public Task VirtualPredictHelper_EveryOverrideAgrees() => Reports(VirtualPredict("softmax(base.Predict(x), 1)"));

        [Fact]
        public Task VirtualPredictHelper_AnOverrideDisagrees_IsSilent() => Silent(VirtualPredict("x"));

        private static string RecordOutput(string element) => @"
record Output(Tensor Logits, Tensor Probs);
class Net : Module<Tensor, Output>
{
    private readonly Linear fc;
    public Net(int classes) : base(""net"") { fc = Linear(4, classes); }
    public override Output forward(Tensor x) { var logits = fc.forward(x); return new Output(logits, softmax(logits, 1)); }
}
class Trainer
{
    public Net Model { get; } = new Net(3);
    public Tensor Step(Tensor x, Tensor y) => {|KL0101:CrossEntropyLoss().forward(Model.forward(x)." + element + @", y)|};
}";

        [Fact]
        public Task ForwardOutputInARecord_FromAPropertyInitializer() => Reports(RecordOutput("Probs"));

        [Fact]
        public Task ForwardOutputInARecord_LogitsElement_IsSilent() => Silent(RecordOutput("Logits"));

        private static string OneUnitHead(string creations) => @"
class Net : Module<Tensor, Tensor>
{
    private readonly Linear fc;
    public int Classes { get; }
    public Net(int classes) : base(""net"") { Classes = classes; fc = Linear(4, Classes); }
    public override Tensor forward(Tensor x) => softmax(fc.forward(x), 1);
}
static class Program
{
    static Tensor Step(Tensor x, Tensor y)
    {
        " + creations + @"
        return {|KL0004:BCELoss().forward(net.forward(x), y)|};
    }
}";

        [Fact]
        public Task WidthAsAConstructorArgumentThroughAProperty() =>
            TorchVerifier.VerifyFilesAsync<KL0004SoftmaxOnOneUnitAnalyzer>(OneUnitHead("var net = new Net(1);"));

        [Fact]
        public Task WidthFromCreationsThatDisagree_IsSilent() =>
            TorchVerifier.VerifyFilesAsync<KL0004SoftmaxOnOneUnitAnalyzer>(TorchVerifier.Parse(OneUnitHead("var net = new Net(1); var other = new Net(3);")).Source);
    }
}
