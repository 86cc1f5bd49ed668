using static KerasLint.Analyzers.Tests.Infrastructure.KerasCode;

namespace KerasLint.Analyzers.Tests
{
    public class KL0007Tests
    {
        private static Task Fix(string before, string after, string? family = null) =>
            FixTest<KL0007RegressionLossOnClassifierAnalyzer, KL0007RegressionLossOnClassifierCodeFixProvider>.Run(InMethod(before), InMethod(after), family, "KL0007.Recommended");

        private const string SoftmaxLayer = @"        var model = new Sequential();
        model.Add(new Dense(5));
        model.Add(new Softmax());
        model.Compile(""sgd"", {|KL0007:""mean_absolute_error""|});
";

        [Fact]
        public Task SoftmaxLayerPositional_Fix() => Fix(SoftmaxLayer, ReportedCasesTests.Plain(SoftmaxLayer).Replace("mean_absolute_error", "categorical_crossentropy"));

        private const string LocalLoss = @"        var loss = ""mse""; // chosen by hand
        var model = new Sequential();
        model.Add(new Dense(1));
        model.Add(new Activation(""sigmoid""));
        model.Compile(optimizer: ""sgd"", loss: {|KL0007:loss|});
";

        [Fact]
        public Task LocalLossSigmoidLayer_FixAtDeclaration() => Fix(LocalLoss, ReportedCasesTests.Plain(LocalLoss).Replace(@"""mse""", @"""binary_crossentropy"""));

        [Fact]
        public Task Functional() => AllRulesTest.Run(InMethod(@"        var input = new Input(new Shape(4));
        var output = new Dense(3, activation: ""softmax"").Set(input);
        var model = new Model(new BaseLayer[] { input }, new BaseLayer[] { output });
        model.Compile(optimizer: ""adam"", loss: {|KL0007:""msle""|});
"));

        [Fact]
        public Task Helper() => AllRulesTest.Run(InMethod(@"        var model = Make();
        model.Compile(optimizer: ""adam"", loss: {|KL0007:""mse""|}, metrics: new[] { ""accuracy"" });
", @"    Sequential Make()
    {
        var s = new Sequential();
        s.Add(new Dense(10, activation: ""softmax""));
        return s;
    }
"));

        [Fact]
        public Task Negative_CosineOnSoftmax() => AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(10, activation: ""softmax""));
        model.Compile(optimizer: ""adam"", loss: ""cosine_similarity"");
"), "tf2");

        [Fact]
        public Task Negative_MseOnTanh() => AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(2, activation: ""tanh""));
        model.Compile(optimizer: ""adam"", loss: ""mse"");
"));
    }
}
