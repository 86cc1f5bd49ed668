using static KerasLint.Analyzers.Tests.Infrastructure.KerasCode;

namespace KerasLint.Analyzers.Tests
{
    public class KL0005Tests
    {
        private static Task Fix(string before, string after, string? family = null) =>
            FixTest<KL0005LossExpectsProbabilitiesAnalyzer, KL0005LossExpectsProbabilitiesCodeFixProvider>.Run(InMethod(before), InMethod(after), family, "KL0005.Recommended");

        private const string NoActivation = @"        var model = new Sequential();
        model.Add(new Dense(128, activation: ""relu"", input_shape: new Shape(784)));
        model.Add(new Dense(10)); // logits
        model.Compile(optimizer: ""adam"", loss: {|KL0005:""categorical_crossentropy""|}, metrics: new[] { ""accuracy"" });
";

        [Fact]
        public Task LinearHead() => AllRulesTest.Run(InMethod(NoActivation));

        /// <summary>
        /// A categorical crossentropy over one unit is not a missing softmax (that fix made a 1-unit softmax, KL0004's):
        /// the loss is constant whatever the activation, a mistake of its own (KL0016). KL0005 stays silent on it.
        /// </summary>
        [Theory]
        [InlineData(@"new Dense(1, activation: ""sigmoid"", input_dim: 4)", "categorical_crossentropy")]
        [InlineData("new Dense(1, input_dim: 4)", "sparse_categorical_crossentropy")]
        public async Task CategoricalOnOneUnit_NotKL0005(string head, string loss)
        {
            var source = InMethod($"        var model = new Sequential();\n        model.Add({head});\n        model.Compile(optimizer: \"adam\", loss: \"{loss}\");\n");
            Assert.Empty(await Direct.All(source, "KL0005"));
            Assert.Single(await Direct.All(source.Replace("Dense(1,", "Dense(3,"), "KL0005"));
        }

        [Fact]
        public Task LinearHead_FixAddsSoftmaxArgument() => Fix(NoActivation, ReportedCasesTests.Plain(NoActivation).Replace("new Dense(10)", @"new Dense(10, activation: ""softmax"")"));

        private const string ReluHead = @"        var model = new Sequential();
        model.Add(new Dense(10, null, ""relu""));
        model.Compile(""adam"", {|KL0005:""sparse_categorical_crossentropy""|});
";

        [Fact]
        public Task ReluHeadPositionalActivation_Fix() => Fix(ReluHead, ReportedCasesTests.Plain(ReluHead).Replace(@"""relu""", @"""softmax"""));

        private const string SigmoidLayerCce = @"        var model = new Sequential();
        model.Add(new Dense(6));
        model.Add(new Activation(""sigmoid""));
        model.Compile(optimizer: ""adam"", loss: {|KL0005:""categorical_crossentropy""|});
";

        [Fact]
        public Task SigmoidActivationLayer_Fix() => Fix(SigmoidLayerCce, ReportedCasesTests.Plain(SigmoidLayerCce).Replace(@"""sigmoid""", @"""softmax"""));

        private const string BceLinear = @"        var model = new Sequential();
        model.Add(new Dense(1, input_dim: 10));
        model.Compile(optimizer: ""adam"", loss: {|KL0005:""binary_crossentropy""|}, metrics: new[] { ""accuracy"" });
";

        [Fact]
        public Task BinaryCrossentropyOnLinearOneUnit_FixAddsSigmoid() => Fix(BceLinear, ReportedCasesTests.Plain(BceLinear).Replace("new Dense(1, input_dim: 10)", @"new Dense(1, input_dim: 10, activation: ""sigmoid"")"));

        [Fact]
        public async Task Message_SaysWhatTheHeadProduces()
        {
            var d = await Direct.Single(InMethod(ReportedCasesTests.Plain(NoActivation)), "KL0005");
            Assert.Equal("'categorical_crossentropy' expects softmax probabilities but the output head has no softmax (Keras.NET, tf.keras 2.x); use activation 'softmax'", d.GetMessage());
        }

        [Fact]
        public Task FunctionalRelu() => AllRulesTest.Run(InMethod(@"        var input = new Input(new Shape(4));
        var output = new Dense(3, activation: ""elu"").Set(input);
        var model = new Model(new BaseLayer[] { input }, new BaseLayer[] { output });
        model.Compile(optimizer: ""adam"", loss: {|KL0005:""categorical_crossentropy""|});
"));

        [Fact]
        public Task Negative_UnknownActivation() => AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(10, activation: Environment.GetEnvironmentVariable(""ACT"")));
        model.Compile(optimizer: ""adam"", loss: ""categorical_crossentropy"");
"));

        [Fact]
        public Task Negative_SigmoidBce() => AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(1, activation: ""sigmoid""));
        model.Compile(optimizer: ""adam"", loss: ""binary_crossentropy"", metrics: new[] { ""accuracy"" });
"));
    }
}
