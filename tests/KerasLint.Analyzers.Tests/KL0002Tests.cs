using static KerasLint.Analyzers.Tests.Infrastructure.KerasCode;

namespace KerasLint.Analyzers.Tests
{
    public class KL0002Tests
    {
        private static Task Fix(string before, string after, string key, string? family = null, string members = "") =>
            FixTest<KL0002BinaryCrossentropyOnMultiClassAnalyzer, KL0002BinaryCrossentropyOnMultiClassCodeFixProvider>.Run(InMethod(before, members), InMethod(after, members), family, key);

        private const string ActivationLayer = @"        var model = new Sequential();
        model.Add(new Dense(5, input_dim: 20));
        model.Add(new Activation(""softmax""));
        model.Compile(""rmsprop"", {|KL0002:""binary_crossentropy""|}, new[] { ""acc"" });
";

        [Fact]
        public Task ActivationLayerPositionalCompile() => AllRulesTest.Run(InMethod(ActivationLayer), "2.2");

        [Fact]
        public Task ActivationLayer_FixCategoricalAlsoRenamesAcc() => Fix(ActivationLayer,
            ReportedCasesTests.Plain(ActivationLayer).Replace("binary_crossentropy", "categorical_crossentropy").Replace(@"""acc""", @"""categorical_accuracy"""), "KL0002.Recommended", "2.2");

        private const string SoftmaxLayer = @"        var model = new Sequential(new BaseLayer[]
        {
            new Dense(64, activation: ""relu"", input_shape: new Shape(32)),
            new Dense(4),
            new Softmax(),
        });
        model.Compile(optimizer: ""adam"", loss: {|KL0002:""binary_crossentropy""|});
";

        [Fact]
        public Task SoftmaxLayerInConstructorArray_NoMetrics() => AllRulesTest.Run(InMethod(SoftmaxLayer));

        [Fact]
        public Task SoftmaxLayer_FixSparse() => Fix(SoftmaxLayer, ReportedCasesTests.Plain(SoftmaxLayer).Replace("binary_crossentropy", "sparse_categorical_crossentropy"), "KL0002.Sparse");

        private const string Functional = @"        var input = new Input(new Shape(100));
        var output = new Dense(3, activation: ""softmax"").Set(new Dropout(0.3).Set(new Dense(50, activation: ""relu"").Set(input)));
        var model = new Model(new BaseLayer[] { input }, new BaseLayer[] { output });
        model.Compile(optimizer: ""adam"", loss: {|KL0002:LossName|}, metrics: new[] { ""accuracy"" });
";

        [Fact]
        public Task FunctionalWithConstLoss() => AllRulesTest.Run(InMethod(Functional, "    const string LossName = \"binary_crossentropy\";\n"), "2.3");

        /// <summary>
        /// A const may be used elsewhere, so the fix replaces this use with a literal and leaves the const alone: every
        /// KL0002 carries a fix, and dotnet format's Fix All never meets one without (it would give up on the id).
        /// </summary>
        [Fact]
        public Task ConstLoss_FixReplacesTheUse() => Fix(Functional,
            ReportedCasesTests.Plain(Functional).Replace("loss: LossName", @"loss: ""categorical_crossentropy""").Replace(@"""accuracy""", @"""categorical_accuracy"""),
            "KL0002.Recommended", "2.3", "    const string LossName = \"binary_crossentropy\";\n");

        [Fact]
        public Task HelperBuilt() => AllRulesTest.Run(InMethod(@"        var model = Build(10);
        model.Compile(optimizer: ""adam"", loss: {|KL0002:""binary_crossentropy""|}, metrics: new[] { ""accuracy"" });
", @"    static Sequential Build(int inputs) => new Sequential(new BaseLayer[] { new Dense(10, activation: ""softmax"", input_shape: new Shape(inputs)) });
"));

        private const string LocalLoss = @"        var loss = ""binary_crossentropy"";
        var model = new Sequential();
        model.Add(new Dense(10, activation: ""softmax""));
        model.Compile(optimizer: ""adam"", loss: {|KL0002:loss|}, metrics: new[] { ""acc"" });
";

        [Fact]
        public Task LocalLoss_FixEditsDeclaration() => Fix(LocalLoss,
            ReportedCasesTests.Plain(LocalLoss).Replace("binary_crossentropy", "categorical_crossentropy").Replace(@"""acc""", @"""categorical_accuracy"""), "KL0002.Recommended", "3");

        [Fact]
        public Task Negative_TwoUnitSigmoid() => AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(2, activation: ""sigmoid""));
        model.Compile(optimizer: ""adam"", loss: ""binary_crossentropy"", metrics: new[] { ""accuracy"" });
"), "2.2");

        [Fact]
        public Task Negative_SoftmaxThenDenseIsUnknownLayerOrder() => AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(10, activation: ""softmax""));
        model.Add(new Flatten());
        model.Compile(optimizer: ""adam"", loss: ""binary_crossentropy"", metrics: new[] { ""accuracy"" });
"));

        [Fact]
        public Task FixAll_TwoCompiles() => Fix(@"        var a = new Sequential();
        a.Add(new Dense(10, activation: ""softmax""));
        a.Compile(optimizer: ""adam"", loss: {|KL0002:""binary_crossentropy""|}, metrics: new[] { ""accuracy"" });
        var b = new Sequential();
        b.Add(new Dense(3, activation: ""softmax""));
        b.Compile(optimizer: ""adam"", loss: /* multi-class */ {|KL0002:""binary_crossentropy""|});
", @"        var a = new Sequential();
        a.Add(new Dense(10, activation: ""softmax""));
        a.Compile(optimizer: ""adam"", loss: ""categorical_crossentropy"", metrics: new[] { ""categorical_accuracy"" });
        var b = new Sequential();
        b.Add(new Dense(3, activation: ""softmax""));
        b.Compile(optimizer: ""adam"", loss: /* multi-class */ ""categorical_crossentropy"");
", "KL0002.Recommended");
    }
}
