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
        /// <summary>
        /// KL0002 (as TorchSharp's KL0109 always did): a softmax whose width is not a constant is a multi-class head
        /// (one unit is KL0004's), so binary crossentropy on it is reported, naming the width "multi-unit".
        /// </summary>
        [Fact]
        public async Task KerasNetBinaryCrossentropyOnASoftmaxOfUnknownWidth()
        {
            const string body = @"        var classes = System.Environment.ProcessorCount;
        var model = new Sequential();
        model.Add(new Dense(classes, activation: ""softmax""));
        model.Compile(optimizer: ""adam"", loss: {|KL0002:""binary_crossentropy""|});
";
            await AllRulesTest.Run(InMethod(body));
            var diagnostic = await Direct.Single(InMethod(body.Replace("{|KL0002:", "").Replace("|}", "")), "KL0002");
            Assert.Contains("multi-unit softmax", diagnostic.GetMessage(), StringComparison.Ordinal);
        }

        [Fact]
        public Task KerasNetBinaryCrossentropyOnASoftmaxOfUnknownWidth_FixesTheLoss() =>
            FixTest<KL0002BinaryCrossentropyOnMultiClassAnalyzer, KL0002BinaryCrossentropyOnMultiClassCodeFixProvider>.Run(InMethod(@"        var classes = System.Environment.ProcessorCount;
        var model = new Sequential();
        model.Add(new Dense(classes, activation: ""softmax""));
        model.Compile(optimizer: ""adam"", loss: {|KL0002:""binary_crossentropy""|});
"), InMethod(@"        var classes = System.Environment.ProcessorCount;
        var model = new Sequential();
        model.Add(new Dense(classes, activation: ""softmax""));
        model.Compile(optimizer: ""adam"", loss: ""categorical_crossentropy"");
"), null, "KL0002.Recommended");

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
