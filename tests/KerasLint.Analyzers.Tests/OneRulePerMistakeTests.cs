using KerasLint.Knowledge;
using static KerasLint.Analyzers.Tests.Infrastructure.KerasCode;

namespace KerasLint.Analyzers.Tests
{
    /// <summary>
    /// A mistake shared by several libraries is decided once, on the library-neutral view (<c>Model/TrainingView.cs</c>),
    /// and reported under each library's id. These are the cases the merged rules find in a library whose own rule
    /// missed them before, and the catalog mapping of TorchSharp's losses they rely on.
    /// </summary>
    public class OneRulePerMistakeTests
    {
        private const string TanhBce = @"        var model = new Sequential();
        model.Add(new Dense(1, activation: ""tanh"", input_dim: 10));
        model.Compile(optimizer: ""adam"", loss: {|KL0005:""binary_crossentropy""|});
";

        /// <summary>
        /// KL0005 (as TorchSharp's KL0102 always did for BCELoss): tanh outputs in (-1, 1) are not the probabilities
        /// binary crossentropy reads; the fix sets the sigmoid.
        /// </summary>
        [Fact]
        public async Task KerasNetBinaryCrossentropyOnATanhHead()
        {
            await AllRulesTest.Run(InMethod(TanhBce));
            var diagnostic = await Direct.Single(InMethod(TanhBce.Replace("{|KL0005:", "").Replace("|}", "")), "KL0005");
            Assert.Contains("'binary_crossentropy' expects sigmoid probabilities but the output head has no sigmoid", diagnostic.GetMessage(), StringComparison.Ordinal);
            Assert.EndsWith("use activation 'sigmoid'", diagnostic.GetMessage(), StringComparison.Ordinal);
        }

        [Fact]
        public Task KerasNetBinaryCrossentropyOnATanhHead_FixSetsTheSigmoid() =>
            FixTest<KL0005LossExpectsProbabilitiesAnalyzer, KL0005LossExpectsProbabilitiesCodeFixProvider>.Run(
                InMethod(TanhBce), InMethod(TanhBce.Replace("{|KL0005:", "").Replace("|}", "").Replace(@"""tanh""", @"""sigmoid""")), null, "KL0005.Recommended");

        /// <summary>The same mistake in TorchSharp is KL0102, from the same rule.</summary>
        [Fact]
        public Task TorchSharpBceLossOnATanhHeadIsKL0102() => TorchSharp.TorchVerifier.VerifyAsync<KL0005LossExpectsProbabilitiesAnalyzer>(@"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 1), Tanh());
        var loss = {|KL0102:BCELoss().forward(model.forward(x), y)|};
    }
}");

        /// <summary>KL0005 on a tanh head where a distribution is expected (new with the merged rule): the fix sets the softmax.</summary>
        [Fact]
        public Task KerasNetCategoricalCrossentropyOnATanhHead_FixSetsTheSoftmax() =>
            FixTest<KL0005LossExpectsProbabilitiesAnalyzer, KL0005LossExpectsProbabilitiesCodeFixProvider>.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(10, activation: ""tanh"", input_dim: 10));
        model.Compile(optimizer: ""adam"", loss: {|KL0005:""categorical_crossentropy""|});
"), InMethod(@"        var model = new Sequential();
        model.Add(new Dense(10, activation: ""softmax"", input_dim: 10));
        model.Compile(optimizer: ""adam"", loss: ""categorical_crossentropy"");
"), null, "KL0005.Recommended");

        [Fact]
        public void TorchSharpLossesMapToTheCatalog()
        {
            Assert.Equal(("sparse_categorical_crossentropy", LossInput.Logits), Of("CrossEntropyLoss"));
            Assert.Equal(("sparse_categorical_crossentropy", LossInput.LogProbabilities), Of("NLLLoss"));
            Assert.Equal(("binary_crossentropy", LossInput.Probabilities), Of("BCELoss"));
            Assert.Equal(("binary_crossentropy", LossInput.Logits), Of("BCEWithLogitsLoss"));
            Assert.Equal(("mean_squared_error", LossInput.Values), Of("MSELoss"));
            Assert.Equal(("mean_absolute_error", LossInput.Values), Of("L1Loss"));
            Assert.Equal(("huber", LossInput.Values), Of("HuberLoss"));
            Assert.Equal(("huber", LossInput.Values), Of("SmoothL1Loss"));
            Assert.Null(TorchLosses.Of("KLDivLoss"));

            // The other way, for advice: TorchSharp has no categorical crossentropy on probabilities.
            var categorical = KerasCatalog.Get("categorical_crossentropy")!;
            Assert.Equal("CrossEntropyLoss", TorchLosses.ModuleFor(categorical, LossInput.Logits));
            Assert.Equal("NLLLoss", TorchLosses.ModuleFor(categorical, LossInput.LogProbabilities));
            Assert.Null(TorchLosses.ModuleFor(categorical, LossInput.Probabilities));
            Assert.Equal("BCEWithLogitsLoss", TorchLosses.ModuleFor(KerasCatalog.Get("binary_crossentropy")!, LossInput.Logits));
        }

        [Fact]
        public void KerasLossesTakeProbabilitiesUnlessAnObjectSaysLogits()
        {
            var cce = KerasCatalog.Get("categorical_crossentropy")!;
            Assert.Equal(LossInput.Probabilities, LossSemantics.OfKeras(cce, isObject: false, fromLogits: null).Input);
            Assert.Equal(LossInput.Logits, LossSemantics.OfKeras(cce, isObject: true, fromLogits: true).Input);
            Assert.Equal(LossInput.Unknown, LossSemantics.OfKeras(cce, isObject: true, fromLogits: null).Input);
            Assert.Equal(LossInput.Values, LossSemantics.OfKeras(KerasCatalog.Get("mean_squared_error")!, isObject: true, fromLogits: null).Input);
        }

        private static (string, LossInput)? Of(string module) =>
            TorchLosses.Of(module) is { } s ? (s.Function.CanonicalName, s.Input) : null;
    }
}
