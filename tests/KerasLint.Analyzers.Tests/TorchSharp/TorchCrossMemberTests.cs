namespace KerasLint.Analyzers.Tests.TorchSharp
{
    /// <summary>
    /// A training step whose model, loss and read-out meet across members, classes and files: a trainer that takes
    /// them through its constructor, a forward that returns a tuple or a record, a one-line Predict helper, widths
    /// passed as constructor arguments, subclasses. Each positive case has a silent twin (correct code, or callers
    /// that disagree: unknown stays unknown).
    /// </summary>
    public class TorchCrossMemberTests
    {
        // ---------------------------------------------------------------- a trainer built with the model and the loss

        private const string Trainer = @"
class Trainer
{
    private readonly Module<Tensor, Tensor> model;
    private readonly Loss<Tensor, Tensor, Tensor> criterion;

    public Trainer(Module<Tensor, Tensor> model, Loss<Tensor, Tensor, Tensor> criterion)
    {
        this.model = model;
        this.criterion = criterion;
    }

    public Tensor Step(Tensor x, Tensor y) => {|KL0101:criterion.forward(model.forward(x), y)|};
}";

        private static string Program(string model, string loss = "CrossEntropyLoss()") => @"
static class Program
{
    static void Main()
    {
        var trainer = new Trainer(" + model + ", " + loss + @");
    }
}";

        [Fact]
        public Task TrainerGivenSoftmaxModelAndCrossEntropyThroughItsConstructor() =>
            TorchVerifier.VerifyFilesAsync<KL0006FromLogitsOnProbabilitiesAnalyzer>(Trainer, Program("Sequential(Linear(4, 3), Softmax(1))"));

        [Fact]
        public Task TrainerGivenLogitsModelIsSilent() =>
            TorchVerifier.VerifyFilesAsync<KL0006FromLogitsOnProbabilitiesAnalyzer>(TorchVerifier.Parse(Trainer).Source, Program("Sequential(Linear(4, 3))"));

        [Fact]
        public Task TrainerGivenAnotherLossIsSilent() =>
            TorchVerifier.VerifyFilesAsync<KL0006FromLogitsOnProbabilitiesAnalyzer>(TorchVerifier.Parse(Trainer).Source, Program("Sequential(Linear(4, 3), Softmax(1))", "MSELoss()"));

        [Fact]
        public Task TrainerWhoseCallersDisagreeIsSilent() =>
            TorchVerifier.VerifyFilesAsync<KL0006FromLogitsOnProbabilitiesAnalyzer>(TorchVerifier.Parse(Trainer).Source,
                Program("Sequential(Linear(4, 3), Softmax(1))"),
                Program("Sequential(Linear(4, 3))").Replace("Program", "Program2"));

        [Fact]
        public Task TrainerThatIsNeverCreatedIsSilent() =>
            TorchVerifier.VerifyFilesAsync<KL0006FromLogitsOnProbabilitiesAnalyzer>(TorchVerifier.Parse(Trainer).Source);

        [Fact]
        public Task TrainerGivenNllLossAndLogitsModel() =>
            TorchVerifier.VerifyFilesAsync<KL0005LossExpectsProbabilitiesAnalyzer>(Trainer.Replace("KL0101", "KL0104"), Program("Sequential(Linear(4, 3))", "NLLLoss()"));

        /// <summary>The fix removes the softmax where the model is built, in the other file.</summary>
        [Fact]
        public Task FixRemovesTheSoftmaxInTheFileThatBuildsTheTrainer() =>
            TorchVerifier.VerifyFixFilesAsync<KL0006FromLogitsOnProbabilitiesAnalyzer, KL0101CodeFixProvider>(
                new[]
                {
                    (Trainer, TorchVerifier.Parse(Trainer).Source),
                    (Program("Sequential(Linear(4, 3), Softmax(1))"), Program("Sequential(Linear(4, 3))")),
                },
                "KL0101.Recommended");

        // ---------------------------------------------------------------- a forward that returns a tuple or a record

        private const string TupleNet = @"
class Net : Module<Tensor, (Tensor Logits, Tensor Probs)>
{
    private readonly Module<Tensor, Tensor> fc = Linear(4, 3);
    public Net() : base(""Net"") => RegisterComponents();
    public override (Tensor Logits, Tensor Probs) forward(Tensor x)
    {
        var logits = fc.forward(x);
        return (logits, softmax(logits, 1));
    }
}";

        [Fact]
        public Task DeconstructedTupleFromForward() =>
            TorchVerifier.VerifyAsync<KL0006FromLogitsOnProbabilitiesAnalyzer>(TupleNet + @"
class Loop
{
    void Train(Tensor x, Tensor y)
    {
        var model = new Net();
        var criterion = CrossEntropyLoss();
        var (logits, probs) = model.forward(x);
        var wrong = {|KL0101:criterion.forward(probs, y)|};
        var right = criterion.forward(logits, y);
        var (_, p) = model.forward(x);
        var wrongToo = {|KL0101:criterion.forward(p, y)|};
        var (q, _) = model.forward(x);
        var rightToo = criterion.forward(q, y);
    }
}");

        [Fact]
        public Task TupleElementsByNameAndPosition() =>
            TorchVerifier.VerifyAsync<KL0006FromLogitsOnProbabilitiesAnalyzer>(TupleNet + @"
class Loop
{
    void Train(Tensor x, Tensor y)
    {
        var model = new Net();
        var criterion = CrossEntropyLoss();
        var output = model.forward(x);
        var a = {|KL0101:criterion.forward(output.Probs, y)|};
        var b = {|KL0101:criterion.forward(model.forward(x).Item2, y)|};
        var c = criterion.forward(output.Logits, y);
        var d = criterion.forward(model.forward(x).Item1, y);
    }
}");

        [Fact]
        public Task TupleFromAnotherFile() =>
            TorchVerifier.VerifyFilesAsync<KL0006FromLogitsOnProbabilitiesAnalyzer>(@"
class Loop
{
    Tensor Train(Tensor x, Tensor y) => {|KL0101:CrossEntropyLoss().forward(new Net().forward(x).Probs, y)|};
}", TupleNet);

        private const string RecordNet = @"
record Output(Tensor Logits, Tensor Probs);

class Net : Module<Tensor, Output>
{
    private readonly Module<Tensor, Tensor> fc = Linear(4, 3);
    public Net() : base(""Net"") => RegisterComponents();
    public override Output forward(Tensor x)
    {
        var logits = fc.forward(x);
        var probs = softmax(logits, 1);
        return new Output(logits, probs);
    }
}";

        [Fact]
        public Task RecordFromForward() =>
            TorchVerifier.VerifyAsync<KL0006FromLogitsOnProbabilitiesAnalyzer>(RecordNet + @"
class Loop
{
    void Train(Tensor x, Tensor y)
    {
        var model = new Net();
        var criterion = CrossEntropyLoss();
        var output = model.forward(x);
        var wrong = {|KL0101:criterion.forward(output.Probs, y)|};
        var right = criterion.forward(output.Logits, y);
    }
}");

        [Fact]
        public Task ClassWithMutablePropertyIsSilent() =>
            TorchVerifier.VerifyAsync<KL0006FromLogitsOnProbabilitiesAnalyzer>(@"
class Output
{
    public Output(Tensor probs) { Probs = probs; }
    public Tensor Probs { get; set; }
}

class Net : Module<Tensor, Output>
{
    private readonly Module<Tensor, Tensor> fc = Linear(4, 3);
    public Net() : base(""Net"") => RegisterComponents();
    public override Output forward(Tensor x) => new Output(softmax(fc.forward(x), 1));
}

class Loop
{
    void Train(Tensor x, Tensor y)
    {
        var output = new Net().forward(x);
        output.Probs = x;
        var loss = CrossEntropyLoss().forward(output.Probs, y);
    }
}");

        [Fact]
        public Task ClassWithGetterOnlyPropertySetInItsConstructor() =>
            TorchVerifier.VerifyAsync<KL0006FromLogitsOnProbabilitiesAnalyzer>(@"
class Output
{
    public Output(Tensor probs, Tensor logits) { Probs = probs; Logits = logits; }
    public Tensor Probs { get; }
    public Tensor Logits { get; }
}

class Net : Module<Tensor, Output>
{
    private readonly Module<Tensor, Tensor> fc = Linear(4, 3);
    public Net() : base(""Net"") => RegisterComponents();
    public override Output forward(Tensor x)
    {
        var logits = fc.forward(x);
        return new Output(softmax(logits, 1), logits);
    }
}

class Loop
{
    void Train(Tensor x, Tensor y)
    {
        var output = new Net().forward(x);
        var wrong = {|KL0101:CrossEntropyLoss().forward(output.Probs, y)|};
        var right = CrossEntropyLoss().forward(output.Logits, y);
    }
}");

        // ---------------------------------------------------------------- a one-line Predict helper

        [Fact]
        public Task PredictHelpers() =>
            TorchVerifier.VerifyAsync<KL0006FromLogitsOnProbabilitiesAnalyzer>(@"
class Classifier
{
    private readonly Module<Tensor, Tensor> model = Sequential(Linear(4, 3));
    private readonly Loss<Tensor, Tensor, Tensor> criterion = CrossEntropyLoss();

    Tensor Predict(Tensor x) => model.forward(x).softmax(1);
    Tensor PredictBlock(Tensor x)
    {
        return model.forward(x).softmax(1);
    }
    Tensor Logits(Tensor x) => model.forward(x);

    void Train(Tensor x, Tensor y)
    {
        var a = {|KL0101:criterion.forward(Predict(x), y)|};
        var b = {|KL0101:criterion.forward(PredictBlock(x), y)|};
        var c = criterion.forward(Logits(x), y);
    }
}");

        // ---------------------------------------------------------------- widths passed to a module's constructor

        private static readonly string WidthNet = TorchReadoutWidthTests.Net();

        private static string WidthLoop(string arguments, string marker = "KL0105") => @"
class Loop
{
    Tensor Train(Tensor x, Tensor y)
    {
        var model = new Net(" + arguments + @");
        var criterion = CrossEntropyLoss();
        return " + (marker == null ? "criterion.forward(model.forward(x), y)" : "{|" + marker + ":criterion.forward(model.forward(x), y)|}") + @";
    }
}";

        [Fact]
        public Task WidthFromConstructorArgument() =>
            TorchVerifier.VerifyFilesAsync<KL0105CrossEntropyOnOneUnitAnalyzer>(WidthLoop("inFeatures: 4, classes: 1"), WidthNet);

        [Fact]
        public Task WidthFromConstructorArgumentInTheSameFile() =>
            TorchVerifier.VerifyAsync<KL0105CrossEntropyOnOneUnitAnalyzer>(WidthLoop("4, 1") + WidthNet);

        [Fact]
        public Task WidthOfTwoClassesIsSilent() =>
            TorchVerifier.VerifyFilesAsync<KL0105CrossEntropyOnOneUnitAnalyzer>(WidthLoop("inFeatures: 4, classes: 2", null!), WidthNet);

        [Fact]
        public Task WidthWhoseCallersDisagreeIsSilent() =>
            TorchVerifier.VerifyFilesAsync<KL0105CrossEntropyOnOneUnitAnalyzer>(WidthLoop("4, 1", null!), WidthNet, @"
static class Other
{
    static Net Make() => new Net(4, 3);
}");

        [Fact]
        public Task WidthFromASubclassBaseCallDisagreeingIsSilent() =>
            TorchVerifier.VerifyFilesAsync<KL0105CrossEntropyOnOneUnitAnalyzer>(WidthLoop("4, 1", null!), WidthNet, @"
class Wide : Net
{
    public Wide() : base(4, 10) { }
}");

        [Fact]
        public Task WidthFromAConstantOfTheCaller() =>
            TorchVerifier.VerifyFilesAsync<KL0105CrossEntropyOnOneUnitAnalyzer>(@"
class Loop
{
    const int Classes = 1;
    Tensor Train(Tensor x, Tensor y) => {|KL0105:CrossEntropyLoss().forward(new Net(4, Classes).forward(x), y)|};
}", WidthNet);

        // ---------------------------------------------------------------- subclasses

        private const string Subclasses = @"
class BaseNet : Module<Tensor, Tensor>
{
    protected readonly Module<Tensor, Tensor> fc = Linear(4, 3);
    public BaseNet() : base(""Net"") => RegisterComponents();
    public override Tensor forward(Tensor x) => fc.forward(x);
}

class SoftNet : BaseNet
{
    public override Tensor forward(Tensor x) => softmax(base.forward(x), 1);
}";

        [Fact]
        public Task SubclassThatAddsASoftmax() =>
            TorchVerifier.VerifyAsync<KL0006FromLogitsOnProbabilitiesAnalyzer>(Subclasses + @"
class Loop
{
    void Train(Tensor x, Tensor y)
    {
        var criterion = CrossEntropyLoss();
        var wrong = {|KL0101:criterion.forward(new SoftNet().forward(x), y)|};
        var right = criterion.forward(new BaseNet().forward(x), y);
    }
}");

        [Fact]
        public Task ModuleFieldsSetInTheConstructorFromATrainerArgument() =>
            TorchVerifier.VerifyFilesAsync<KL0006FromLogitsOnProbabilitiesAnalyzer>(@"
class Trainer
{
    private readonly Module<Tensor, Tensor> model;
    private readonly BCEWithLogitsLoss criterion = BCEWithLogitsLoss();
    public Trainer(Module<Tensor, Tensor> model) { this.model = model; }
    public Tensor Train(Tensor x, Tensor y)
    {
        var output = model.forward(x);
        return {|KL0103:criterion.forward(output, y)|};
    }
}", @"
class Net : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> fc;
    public Net() : base(""Net"") { fc = Sequential(Linear(4, 1), Sigmoid()); RegisterComponents(); }
    public override Tensor forward(Tensor x) => fc.forward(x);
}

static class Program
{
    static void Main() => new Trainer(new Net()).Train(torch.zeros(2, 4), torch.zeros(2, 1));
}");
    }
}
