using KerasLint.Analyzers.Tests.Infrastructure;
using static KerasLint.Analyzers.Tests.Infrastructure.KerasCode;

namespace KerasLint.Analyzers.Tests.CrossMember
{
    /// <summary>
    /// Keras.NET setups whose parts live in other members or files (followed by the whole-program value flow,
    /// Analysis/ValueFlow/): each pattern reported where it is wrong, and silent when it is right or when a value is
    /// not known on every path.
    /// </summary>
    public class KerasNetCrossMemberTests
    {
        /// <summary>Every rule over several files; the first is /0/Test0.cs.</summary>
        internal static Task Run(params string[] sources)
        {
            var test = new AllRulesTest(sources[0]);
            for (var i = 1; i < sources.Length; i++) test.TestState.Sources.Add(($"/0/Test{i}.cs", sources[i]));
            return test.RunAsync();
        }

        private static string Class(string members) => Usings + "class C\n{\n" + members + "}\n";

        // ---- a model in a field ----
        private const string FieldBuiltInConstructor = @"    private readonly Sequential model;

    C()
    {
        model = new Sequential();
        model.Add(new Dense(64, activation: ""relu""));
        model.Add(new Dense(10, activation: ""softmax""));
    }

    void Train(NDarray x, NDarray y)
    {
        model.Compile(optimizer: ""adam"", loss: LOSS);
        model.Fit(x, y, epochs: 5);
    }
";

        [Fact]
        public Task FieldBuiltInConstructor_Reported() => Run(Class(FieldBuiltInConstructor.Replace("LOSS", @"{|KL0002:""binary_crossentropy""|}")));

        [Fact]
        public Task FieldBuiltInConstructor_CorrectLoss_Silent() => Run(Class(FieldBuiltInConstructor.Replace("LOSS", @"""categorical_crossentropy""")));

        private const string FieldInitializerAndConstructorAdds = @"    private Sequential model = new Sequential();

    C()
    {
        model.Add(new Dense(64, activation: ""relu""));
        model.Add(new Dense(1, activation: ""sigmoid""));
    }

    void Train()
    {
        model.Compile(optimizer: ""adam"", loss: LOSS);
    }
";

        [Fact]
        public Task FieldInitializer_ConstructorAdds_Reported() => Run(Class(FieldInitializerAndConstructorAdds.Replace("LOSS", @"{|KL0007:""mse""|}")));

        [Fact]
        public Task FieldInitializer_ConstructorAdds_CorrectLoss_Silent() => Run(Class(FieldInitializerAndConstructorAdds.Replace("LOSS", @"""binary_crossentropy""")));

        private const string FieldBuiltInMethod = @"    private Sequential model;

    void Build()
    {
        model = new Sequential();
        model.Add(new Dense(32, activation: ""relu""));
        model.Add(new Dense(3));
        model.Add(new Softmax());
    }

    void Train()
    {
        model.Compile(optimizer: ""adam"", loss: LOSS);
    }
";

        [Fact]
        public Task FieldBuiltInAnotherMethod_Reported() => Run(Class(FieldBuiltInMethod.Replace("LOSS", @"{|KL0002:""binary_crossentropy""|}")));

        [Fact]
        public Task FieldBuiltInAnotherMethod_CorrectLoss_Silent() => Run(Class(FieldBuiltInMethod.Replace("LOSS", @"""categorical_crossentropy""")));

        [Fact]
        public Task FieldWithTwoModels_Silent() => Run(Class(FieldBuiltInMethod.Replace("LOSS", @"""binary_crossentropy""")
            + "    void Rebuild() { model = new Sequential(); model.Add(new Dense(1, activation: \"sigmoid\")); }\n"));

        [Fact]
        public Task FieldLayersAddedInAThirdMethod_Silent() => Run(Class(FieldBuiltInMethod.Replace("LOSS", @"""binary_crossentropy""")
            + "    void Grow() { model.Add(new Dense(1, activation: \"sigmoid\")); }\n"));

        [Fact]
        public Task FieldBuiltInAnotherFile_Reported() => Run(
            Usings + "partial class C\n{\n    void Train() { model.Compile(optimizer: \"adam\", loss: {|KL0002:\"binary_crossentropy\"|}); }\n}\n",
            Usings + "partial class C\n{\n    private Sequential model;\n    C() { model = new Sequential(); model.Add(new Dense(10, activation: \"softmax\")); }\n}\n");

        private const string LayerFields = @"    private readonly Dense hidden = new Dense(64, activation: ""relu"");
    private readonly Dense head = new Dense(10, activation: ""softmax"");

    void Train()
    {
        var model = new Sequential();
        model.Add(hidden);
        model.Add(head);
        model.Compile(optimizer: ""adam"", loss: LOSS);
    }
";

        [Fact]
        public Task LayersInFields_Reported() => Run(Class(LayerFields.Replace("LOSS", @"{|KL0002:""binary_crossentropy""|}")));

        [Fact]
        public Task LayersInFields_CorrectLoss_Silent() => Run(Class(LayerFields.Replace("LOSS", @"""categorical_crossentropy""")));

        [Fact]
        public Task FunctionalWithLayersInFields_Reported() => Run(Class(@"    private readonly Dense hidden = new Dense(64, activation: ""relu"");
    private readonly Dense head = new Dense(3, activation: ""softmax"");

    void Train()
    {
        var input = new Input(new Shape(8));
        var output = head.Set(hidden.Set(input));
        var model = new Model(new BaseLayer[] { input }, new BaseLayer[] { output });
        model.Compile(optimizer: ""adam"", loss: {|KL0002:""binary_crossentropy""|});
    }
"));

        // ---- a head site in another member: reported on each compile's loss argument (live in the compile's document) ----
        [Fact]
        public Task HeadInConstructor_SoftmaxOnOneUnit_ReportedOnEachCompile() => Run(Class(@"    private readonly Sequential model;

    C()
    {
        model = new Sequential();
        model.Add(new Dense(1, activation: ""softmax""));
    }

    void TrainA() { model.Compile(optimizer: ""adam"", loss: {|KL0004:""hinge""|}); }

    void TrainB() { model.Compile(optimizer: ""sgd"", loss: {|KL0004:""hinge""|}); }
"));

        // ---- a Sequential subclass ----
        private const string Subclass = @"class Net : Sequential
{
    public Net()
    {
        Add(new Dense(64, activation: ""relu""));
        Add(new Dense(10, activation: ""softmax""));
    }
}
";

        [Fact]
        public Task SequentialSubclass_ConstructorAdds_Reported() => Run(
            InMethod(@"        var model = new Net();
        model.Compile(optimizer: ""adam"", loss: {|KL0002:""binary_crossentropy""|});
"), Usings + Subclass);

        [Fact]
        public Task SequentialSubclass_CorrectLoss_Silent() => Run(
            InMethod(@"        var model = new Net();
        model.Compile(optimizer: ""adam"", loss: ""categorical_crossentropy"", metrics: new[] { ""accuracy"" });
"), Usings + Subclass);

        [Fact]
        public Task SequentialSubclass_LayersInFieldsWiredInBuild_Reported() => Run(InMethod(@"        var model = new Net();
        model.Compile(optimizer: ""adam"", loss: {|KL0002:""binary_crossentropy""|});
") + @"class Net : Sequential
{
    private readonly Dense hidden = new Dense(64, activation: ""relu"");
    private readonly Dense head = new Dense(10, activation: ""softmax"");

    public Net() { Build(); }

    private void Build()
    {
        Add(hidden);
        Add(head);
    }
}
");

        [Fact]
        public Task SequentialSubclass_AddsOutsideTheConstructor_Silent() => Run(InMethod(@"        var model = new Net();
        model.Compile(optimizer: ""adam"", loss: ""binary_crossentropy"");
") + @"class Net : Sequential
{
    public Net() { Add(new Dense(10, activation: ""softmax"")); }

    public void Head() { Add(new Dense(1, activation: ""sigmoid"")); }
}
");

        [Fact]
        public Task SequentialSubclass_AddInALambda_Silent() => Run(InMethod(@"        var model = new Net();
        model.Compile(optimizer: ""adam"", loss: ""binary_crossentropy"");
") + @"class Net : Sequential
{
    public Net()
    {
        Add(new Dense(10, activation: ""softmax""));
        Later = () => Add(new Dense(1, activation: ""sigmoid""));
    }

    public Action Later { get; }
}
");

        // ---- helpers ----
        [Fact]
        public Task HelperAddsFeatures_CallerAddsHead_Reported() => Run(InMethod(@"        var model = new Sequential();
        AddFeatures(model);
        model.Add(new Dense(10, activation: ""softmax""));
        model.Compile(optimizer: ""adam"", loss: {|KL0002:""binary_crossentropy""|});
", @"    static void AddFeatures(Sequential m)
    {
        m.Add(new Dense(128, activation: ""relu""));
        m.Add(new Dropout(0.2));
    }
"));

        [Fact]
        public Task HelperAddsTheHead_Reported() => Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(128, activation: ""relu""));
        AddHead(model);
        model.Compile(optimizer: ""adam"", loss: {|KL0002:""binary_crossentropy""|});
", @"    static void AddHead(Sequential m) => m.Add(new Dense(10, activation: ""softmax""));
"));

        [Fact]
        public Task HelperAddsTheHeadConditionally_Silent() => Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(128, activation: ""relu""));
        AddHead(model, x == null);
        model.Compile(optimizer: ""adam"", loss: ""binary_crossentropy"");
", @"    static void AddHead(Sequential m, bool multi)
    {
        if (multi) m.Add(new Dense(10, activation: ""softmax""));
        else m.Add(new Dense(1, activation: ""sigmoid""));
    }
"));

        private const string SoftmaxMlp = @"    static Sequential SoftmaxMlp(int classes)
    {
        var s = new Sequential();
        s.Add(new Dense(64, activation: ""relu""));
        s.Add(new Dense(classes, activation: ""softmax""));
        return s;
    }
";

        [Fact]
        public Task HeadFromParameter_EveryCallerPassesTen_Reported() => Run(InMethod(@"        var model = SoftmaxMlp(10);
        model.Compile(optimizer: ""adam"", loss: {|KL0002:""binary_crossentropy""|});
", SoftmaxMlp));

        [Fact]
        public Task HeadFromParameter_CallersDisagree_Silent() => Run(InMethod(@"        var model = SoftmaxMlp(10);
        model.Compile(optimizer: ""adam"", loss: ""binary_crossentropy"");
        var other = SoftmaxMlp(1);
", SoftmaxMlp));

        [Fact]
        public Task HeadFromParameter_OneUnit_ReportedOnTheLossArgument() => Run(InMethod(@"        var model = SoftmaxMlp(1);
        model.Compile(optimizer: ""adam"", loss: {|KL0004:""hinge""|});
", SoftmaxMlp));

        [Fact]
        public Task HeadFromParameter_OfAnotherFile_Reported() => Run(
            InMethod(@"        var model = Models.SoftmaxMlp(10);
        model.Compile(optimizer: ""adam"", loss: {|KL0002:""binary_crossentropy""|});
"), Usings + "static class Models\n{\n" + SoftmaxMlp.Replace("static Sequential", "public static Sequential") + "}\n");

        // ---- callbacks ----
        private const string CallbackList = @"        var model = new Sequential();
        model.Add(new Dense(10, activation: ""softmax""));
        model.Compile(optimizer: ""adam"", loss: ""categorical_crossentropy"", metrics: new[] { ""accuracy"" });
        var callbacks = new List<Callback> { new ModelCheckpoint(""best.h5"") };
        callbacks.Add(new EarlyStopping(monitor: MONITOR, patience: 3));
        model.Fit(x, y, epochs: 10, validation_split: 0.1f, callbacks: callbacks.ToArray());
";

        [Fact]
        public Task CallbacksInListToArray_Reported() => Run(InMethod(CallbackList.Replace("MONITOR", @"{|KL0008:""val_acc""|}")));

        [Fact]
        public Task CallbacksInListToArray_LoggedKey_Silent() => Run(InMethod(CallbackList.Replace("MONITOR", @"""val_accuracy""")));

        [Fact]
        public Task CallbacksFromHelper_ReportedOnTheCallbacksArgument() => Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] { ""mae"" });
        model.Fit(x, y, epochs: 50, callbacks: {|KL0008:Callbacks()|});
", @"    static Callback[] Callbacks() => new Callback[] { new EarlyStopping(patience: 5) };
"));

        [Fact]
        public Task CallbacksFromHelper_WithValidation_Silent() => Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] { ""mae"" });
        model.Fit(x, y, epochs: 50, validation_split: 0.2f, callbacks: Callbacks());
", @"    static Callback[] Callbacks() => new Callback[] { new EarlyStopping(patience: 5) };
"));

        // ---- metrics and losses from constants of another class ----
        private const string Names = "static class Names\n{\n    public const string Loss = \"mse\";\n    public static readonly string Accuracy = \"accuracy\";\n    public static readonly string Mae = \"mae\";\n}\n";

        [Fact]
        public Task MetricFromStaticReadonlyOfAnotherFile_Reported() => Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: Names.Loss, metrics: new[] { {|KL0001:Names.Accuracy|} });
"), Usings + Names);

        [Fact]
        public Task MetricFromStaticReadonlyOfAnotherFile_Silent() => Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: Names.Loss, metrics: new[] { Names.Mae });
"), Usings + Names);

        // ---- metrics in a field ----
        private const string MetricsClass = "static class Settings\n{\n    public static readonly string[] Metrics = { \"mae\", ACC };\n}\n";

        [Fact]
        public Task MetricsArrayInFieldOfAnotherFile_OneUse_ReportedOnTheMetricsArgument() => Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: {|KL0001:Settings.Metrics|});
"), Usings + MetricsClass.Replace("ACC", "\"accuracy\""));

        [Fact]
        public Task MetricsArrayInFieldSharedByTwoCompiles_Silent() => Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: Settings.Metrics);
        var other = new Sequential();
        other.Add(new Dense(10, activation: ""softmax""));
        other.Compile(optimizer: ""adam"", loss: ""categorical_crossentropy"", metrics: Settings.Metrics);
"), Usings + MetricsClass.Replace("ACC", "\"accuracy\""));

        // ---- a model in a field trained in another method ----
        private const string TrainedElsewhere = @"    private readonly Sequential model;

    C()
    {
        model = new Sequential();
        model.Add(new Dense(10, activation: ""softmax""));
        model.Compile(optimizer: ""adam"", loss: ""categorical_crossentropy"", metrics: new[] { ""accuracy"" });
    }

    void Train(NDarray x, NDarray y)
    {
        model.Fit(x, y, epochs: 10, validation_split: 0.1f, callbacks: new Callback[] { new EarlyStopping(monitor: MONITOR) });
    }
";

        [Fact]
        public Task FieldCompiledInConstructor_TrainedInAnotherMethod_ReportedOnTheCompile() => Run(Class(TrainedElsewhere.Replace("MONITOR", @"""val_acc""")
            .Replace("model.Compile(", "model.{|KL0008:Compile|}(")));

        [Fact]
        public Task FieldCompiledInConstructor_TrainedInAnotherMethod_LoggedKey_Silent() => Run(Class(TrainedElsewhere.Replace("MONITOR", @"""val_accuracy""")));

        [Fact]
        public Task FieldCompiledTwice_FitElsewhereUnknown_Silent() => Run(Class(TrainedElsewhere.Replace("MONITOR", @"""val_acc""")
            + "    void Recompile() { model.Compile(optimizer: \"adam\", loss: \"categorical_crossentropy\", metrics: new[] { \"accuracy\" }); }\n"));

        // ---- metrics from a conditional expression: each branch a possibility ----
        [Fact]
        public Task ConditionalMetrics_ReportedInTheBranch() => Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: x == null ? new[] { ""mae"" } : new[] { ""mae"", {|KL0001:""accuracy""|} });
"));

        [Fact]
        public Task ConditionalMetrics_RightOnEveryBranch_Silent() => Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: x == null ? new[] { ""mae"" } : new[] { ""mae"", ""mse"" });
"));

        [Fact]
        public Task ConditionalMetrics_FixRemovesInTheBranch() =>
            FixTest<KL0001AccuracyOnRegressionAnalyzer, KL0001AccuracyOnRegressionCodeFixProvider>.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: x == null ? new[] { ""mse"" } : new[] { ""mse"", {|KL0001:""accuracy""|} });
"), InMethod(@"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: x == null ? new[] { ""mse"" } : new[] { ""mse"", ""mae"" });
"));

        // ---- fit facts per compile ----
        [Fact]
        public Task FitAfterRecompile_UsesTheLaterSetup() => Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] { ""mae"" });
        model.Fit(x, y, epochs: 5, validation_split: 0.2f, callbacks: new Callback[] { new EarlyStopping(monitor: ""val_mae"") });
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] { ""mse"" });
        model.Fit(x, y, epochs: 5, validation_split: 0.2f, callbacks: new Callback[] { new EarlyStopping(monitor: ""val_mse"") });
"));
    }
}
