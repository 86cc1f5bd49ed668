using static KerasLint.Analyzers.Tests.Infrastructure.KerasCode;

namespace KerasLint.Analyzers.Tests
{
    public class KL0004Tests
    {
        private static Task Fix(string before, string after, string? family = null, string members = "") =>
            FixTest<KL0004SoftmaxOnOneUnitAnalyzer, KL0004SoftmaxOnOneUnitCodeFixProvider>.Run(InMethod(before, members), InMethod(after, members), family, "KL0004.Recommended");

        private const string DenseArgument = @"        var model = new Sequential();
        model.Add(new Dense(8, activation: ""relu"", input_shape: new Shape(4)));
        model.Add(new Dense(1, activation: {|KL0004:""softmax""|})); // binary head
        model.Compile(optimizer: ""adam"", loss: ""binary_crossentropy"");
";

        [Fact]
        public Task DenseArgument_OneFinding_NotAlsoKL0005() => AllRulesTest.Run(InMethod(DenseArgument));

        [Fact]
        public Task DenseArgument_FixesToSigmoidKeepingComment() => Fix(DenseArgument, ReportedCasesTests.Plain(DenseArgument).Replace(@"""softmax""", @"""sigmoid"""));

        private const string ActivationLayer = @"        var model = new Sequential();
        model.Add(new Dense(Units));
        model.Add(new Activation({|KL0004:""softmax""|}));
        model.Compile(optimizer: ""adam"", loss: ""mse"");
";

        [Fact]
        public Task ActivationLayerWithConstUnits_NotKL0007() => AllRulesTest.Run(InMethod(ActivationLayer, "    const int Units = 1;\n"));

        [Fact]
        public Task ActivationLayer_Fix() => Fix(ActivationLayer,
            ReportedCasesTests.Plain(ActivationLayer).Replace(@"""softmax""", @"""sigmoid"""), members: "    const int Units = 1;\n");

        private const string SoftmaxLayer = @"        var model = new Sequential();
        model.Add(new Dense(1, input_dim: 3));
        model.Add({|KL0004:new Softmax()|}); // oops
        model.Compile(optimizer: ""adam"", loss: ""mae"");
";

        [Fact]
        public Task SoftmaxLayer_FixReplacesLayerWithSigmoidActivation() => Fix(SoftmaxLayer, ReportedCasesTests.Plain(SoftmaxLayer).Replace("new Softmax()", @"new Activation(""sigmoid"")"));

        private const string Functional = @"        var input = new Input(new Shape(3));
        var output = new Dense(1, activation: {|KL0004:""softmax""|}).Set(input);
        var model = new Model(new BaseLayer[] { input }, new BaseLayer[] { output });
        model.Compile(optimizer: ""adam"", loss: ""hinge"");
";

        [Fact]
        public Task Functional_Fix() => Fix(Functional, ReportedCasesTests.Plain(Functional).Replace(@"""softmax""", @"""sigmoid"""));

        [Fact]
        public Task LocalUnitsAndLayerInLocal() => AllRulesTest.Run(InMethod(@"        int units = 1;
        var head = new Dense(units, activation: {|KL0004:""softmax""|});
        var model = new Sequential();
        model.Add(head);
        model.Compile(optimizer: ""adam"", loss: ""hinge"");
"));

        [Fact]
        public Task LoopBeforeLastLayer_HeadStillKnown() => AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        for (var i = 0; i < 3; i++) model.Add(new Dense(64, activation: ""relu""));
        model.Add(new Dense(1, activation: {|KL0004:""softmax""|}));
        model.Compile(optimizer: ""adam"", loss: ""hinge"");
"));

        [Fact]
        public Task HelperBuilt_ReportedOnTheLossArgument() => AllRulesTest.Run(InMethod(@"        var model = Build();
        model.Compile(optimizer: ""adam"", loss: {|KL0004:""hinge""|});
", @"    static Sequential Build()
    {
        var s = new Sequential();
        s.Add(new Dense(1));
        s.Add(new Activation(""softmax""));
        return s;
    }
"));

        [Fact]
        public Task Negative_HelperWithTwoReturns() => AllRulesTest.Run(InMethod(@"        var model = Build(true);
        model.Compile(optimizer: ""adam"", loss: ""hinge"");
", @"    static Sequential Build(bool a)
    {
        var s = new Sequential();
        s.Add(new Dense(1, activation: ""softmax""));
        if (a) return s;
        return new Sequential();
    }
"));

        [Fact]
        public Task Negative_BranchesDisagreeOnLastLayer() => AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(64, activation: ""relu""));
        if (x == null) model.Add(new Dense(1, activation: ""softmax""));
        else model.Add(new Dense(1, activation: ""sigmoid""));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] { ""mae"" });
"));

        [Fact]
        public Task Negative_ModelPassedToUnknownMethod() => AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(1, activation: ""softmax""));
        Mutate(model);
        model.Compile(optimizer: ""adam"", loss: ""hinge"");
", "    static void Mutate(Sequential s) { }\n"));

        [Fact]
        public Task Negative_SoftmaxOnTwoUnits() => AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(2, activation: ""softmax""));
        model.Compile(optimizer: ""adam"", loss: ""categorical_crossentropy"");
"));

        [Fact]
        public Task Negative_AddAfterCompileIgnored() => AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(3, activation: ""softmax""));
        model.Compile(optimizer: ""adam"", loss: ""categorical_crossentropy"");
        model.Add(new Dense(1, activation: ""softmax""));
"));
    }
}
