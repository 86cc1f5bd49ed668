using KerasLint.Analyzers.Tests.TfNet;
using static KerasLint.Analyzers.Tests.Infrastructure.KerasCode;

namespace KerasLint.Analyzers.Tests
{
    /// <summary>
    /// KL0016: categorical crossentropy over a 1-unit output (Keras.NET, TensorFlow.NET), decided by the rule that
    /// reports TorchSharp's KL0105 (CrossEntropyLoss on one unit): one mistake, one rule, an id per library. The rule
    /// declares KL0016's id and descriptor in its own file and has no registry line: the engines find it.
    /// </summary>
    public class KL0016Tests
    {
        private static Task Fix(string before, string after) =>
            FixTest<KL0105CrossEntropyOnOneUnitAnalyzer, KL0016CategoricalCrossentropyOnOneUnitCodeFixProvider>.Run(InMethod(before), InMethod(after), null, "KL0016.Recommended");

        private const string SigmoidHead = @"        var model = new Sequential();
        model.Add(new Dense(16, activation: ""relu"", input_dim: 20));
        model.Add(new Dense(1, activation: ""sigmoid""));
        model.Compile(optimizer: ""adam"", loss: {|KL0016:""categorical_crossentropy""|} /* kept */, metrics: new[] { ""binary_accuracy"" });
";

        [Fact]
        public Task KerasNetSigmoidHead_OneFindingOnly() => AllRulesTest.Run(InMethod(SigmoidHead));

        [Fact]
        public Task KerasNetSigmoidHead_FixUsesBinaryCrossentropy() =>
            Fix(SigmoidHead, ReportedCasesTests.Plain(SigmoidHead).Replace(@"""categorical_crossentropy""", @"""binary_crossentropy"""));

        /// <summary>Two compiles in one member: Fix All fixes both, each with its own loss.</summary>
        [Fact]
        public Task KerasNetTwoSetups_FixAll() => Fix(@"        var a = new Sequential();
        a.Add(new Dense(1, activation: ""sigmoid"", input_dim: 4));
        a.Compile(optimizer: ""adam"", loss: {|KL0016:""sparse_categorical_crossentropy""|});
        var b = new Sequential();
        b.Add(new Dense(1, input_dim: 4));
        b.Compile(optimizer: ""sgd"", loss: {|KL0016:""categorical_crossentropy""|});
", @"        var a = new Sequential();
        a.Add(new Dense(1, activation: ""sigmoid"", input_dim: 4));
        a.Compile(optimizer: ""adam"", loss: ""binary_crossentropy"");
        var b = new Sequential();
        b.Add(new Dense(1, input_dim: 4));
        b.Compile(optimizer: ""sgd"", loss: ""binary_crossentropy"");
");

        /// <summary>The message names the loss, the head, the library and what to use; at most 160 characters.</summary>
        [Fact]
        public async Task KerasNetMessage()
        {
            var diagnostic = await Direct.Single(InMethod(ReportedCasesTests.Plain(SigmoidHead)), "KL0016");
            var message = diagnostic.GetMessage();
            Assert.StartsWith("'categorical_crossentropy' on a 1-unit output (Dense(1, activation: \"sigmoid\")) is constant in Keras.NET", message, StringComparison.Ordinal);
            Assert.Contains("Keras.NET", message, StringComparison.Ordinal);
            Assert.EndsWith("use binary_crossentropy", message, StringComparison.Ordinal);
            Assert.True(message.Length <= MessageLengthTests.MaxLength, message);
        }

        /// <summary>A softmax over the one unit is also KL0004's (the head), with its own fix; the loss is KL0016's.</summary>
        [Fact]
        public Task KerasNetSoftmaxHead_HeadAndLossEachOnce() => AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(1, activation: {|KL0004:""softmax""|}, input_dim: 8));
        model.Compile(optimizer: ""adam"", loss: {|KL0016:""categorical_crossentropy""|});
"));

        [Fact]
        public Task Negative_TwoUnits() => AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(2, activation: ""softmax"", input_dim: 8));
        model.Compile(optimizer: ""adam"", loss: ""categorical_crossentropy"", metrics: new[] { ""accuracy"" });
"));

        /// <summary>categorical_hinge does not normalise over the classes: on one unit it still learns.</summary>
        [Fact]
        public Task Negative_CategoricalHingeOnOneUnit() => AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(1, input_dim: 8));
        model.Compile(optimizer: ""adam"", loss: ""categorical_hinge"");
"));

        /// <summary>A width the code does not pin (a parameter with no caller) stays unknown: silent.</summary>
        [Fact]
        public Task Negative_UnknownWidth() => AllRulesTest.Run(InMethod(@"        Build(units).Compile(optimizer: ""adam"", loss: ""categorical_crossentropy"");
", @"    int units = System.Environment.ProcessorCount;
    static Sequential Build(int n)
    {
        var model = new Sequential();
        model.Add(new Dense(n, activation: ""softmax"", input_dim: 8));
        return model;
    }
"));

        /// <summary>TensorFlow.NET, a loss object on logits: log_softmax over one logit is 0.</summary>
        private const string TfNetLogits = @"        var model = keras.Sequential(keras.layers.Dense(32, activation: ""relu""), keras.layers.Dense(1));
        model.compile(keras.optimizers.Adam(), {|KL0016:keras.losses.CategoricalCrossentropy(from_logits: true)|}, new[] { ""accuracy"" });
";

        [Fact]
        public Task TfNetLossObjectOnLogits() => TfNetRulesTest.Run(TfNetCode.InMethod(TfNetLogits));

        [Fact]
        public Task TfNetLossObject_FixUsesTheBinaryObject() =>
            TfNetFixTest<KL0105CrossEntropyOnOneUnitAnalyzer, KL0016CategoricalCrossentropyOnOneUnitCodeFixProvider>.Run(
                TfNetCode.InMethod(TfNetLogits),
                TfNetCode.InMethod(ReportedCasesTests.Plain(TfNetLogits).Replace("keras.losses.CategoricalCrossentropy(from_logits: true)", "keras.losses.BinaryCrossentropy()")),
                "KL0016.Recommended");

        [Fact]
        public async Task TfNetMessageNamesTheLibrary()
        {
            var diagnostic = await TfNetCode.Single(TfNetCode.InMethod(ReportedCasesTests.Plain(TfNetLogits)), "KL0016");
            Assert.Contains("TensorFlow.NET", diagnostic.GetMessage(), StringComparison.Ordinal);
        }

        /// <summary>The same mistake in TorchSharp is KL0105, reported by the same rule.</summary>
        [Fact]
        public Task TorchSharpCrossEntropyLossOnOneUnitIsKL0105() => TorchSharp.TorchVerifier.VerifyAsync<KL0105CrossEntropyOnOneUnitAnalyzer>(@"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 8), ReLU(), Linear(8, 1));
        var loss = {|KL0105:CrossEntropyLoss().forward(model.forward(x), y)|};
    }
}");

        /// <summary>NLLLoss on one unit reads log-probabilities (KL0104's concern), not this rule's.</summary>
        [Fact]
        public Task TorchSharpNllLossIsNotThisRule() => TorchSharp.TorchVerifier.VerifyAsync<KL0105CrossEntropyOnOneUnitAnalyzer>(@"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 1), LogSoftmax(1));
        var loss = NLLLoss().forward(model.forward(x), y);
    }
}");

        /// <summary>The id and descriptor declared in the rule's own file reach the engines (no registry line, no RuleIds constant).</summary>
        [Fact]
        public void DeclaredInTheRuleFileAndFoundByTheEngines()
        {
            Assert.Contains(Engines.All.SelectMany(e => e.SupportedDiagnostics), d => d.Id == "KL0016" && d.HelpLinkUri.EndsWith("docs/rules/KL0016.md", StringComparison.Ordinal));
            Assert.Single(RuleRegistry.SetupRules.OfType<KL0105CrossEntropyOnOneUnitAnalyzer>());
            Assert.Same(RuleRegistry.SetupRules.OfType<KL0105CrossEntropyOnOneUnitAnalyzer>().Single(), RuleRegistry.StepRules.OfType<KL0105CrossEntropyOnOneUnitAnalyzer>().Single());
            Assert.DoesNotContain("KL0016", typeof(KerasLint.Knowledge.RuleIds).GetFields().Select(f => f.GetRawConstantValue() as string));
        }
    }
}
