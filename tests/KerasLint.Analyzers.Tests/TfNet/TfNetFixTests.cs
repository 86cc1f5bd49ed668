using static KerasLint.Analyzers.Tests.ReportedCasesTests;
using static KerasLint.Analyzers.Tests.TfNet.TfNetCode;

namespace KerasLint.Analyzers.Tests.TfNet
{
    /// <summary>The fixes on TensorFlow.NET code: the fixed code compiles, comments and style are kept, Fix All fixes every setup.</summary>
    public class TfNetFixTests
    {
        // ---- KL0006 ----
        internal const string FromLogitsTwoSetups = @"        var model = keras.Sequential(new List<ILayer>
        {
            keras.layers.Dense(10, activation: ""softmax""), // probabilities
        });
        model.compile(optimizer: keras.optimizers.Adam(), loss: new SparseCategoricalCrossentropy(from_logits: {|KL0006:true|}) /* kept */, metrics: new[] { ""accuracy"" });
        var other = keras.Sequential(keras.layers.Dense(1, activation: keras.activations.Sigmoid));
        other.compile(keras.optimizers.Adam(), keras.losses.BinaryCrossentropy({|KL0006:true|}));
";

        [Fact]
        public Task KL0006_FromLogitsFalse_FixAll() =>
            TfNetFixTest<KL0006FromLogitsOnProbabilitiesAnalyzer, KL0006FromLogitsOnProbabilitiesCodeFixProvider>.Run(
                InMethod(FromLogitsTwoSetups), InMethod(Plain(FromLogitsTwoSetups).Replace("from_logits: true", "from_logits: false").Replace("BinaryCrossentropy(true)", "BinaryCrossentropy(false)")),
                "KL0006.Recommended");

        [Fact]
        public Task KL0006_RemoveActivation_FixAll() =>
            TfNetFixTest<KL0006FromLogitsOnProbabilitiesAnalyzer, KL0006FromLogitsOnProbabilitiesCodeFixProvider>.Run(
                InMethod(FromLogitsTwoSetups), InMethod(Plain(FromLogitsTwoSetups).Replace(@"activation: ""softmax""", @"activation: ""linear""").Replace("keras.activations.Sigmoid", "keras.activations.Linear")),
                "KL0006.RemoveActivation");

        // ---- KL0011 ----
        internal const string AllStringsPositional = @"        var model = keras.Sequential(keras.layers.Dense(10));
        {|KL0011:model.compile(""adam"", /* the loss */ ""sparse_categorical_crossentropy"", new[] { ""accuracy"" })|};
";

        [Fact]
        public Task KL0011_Positional_LinearHeadGetsFromLogits() =>
            TfNetFixTest<KL0011StringCompileIgnoredAnalyzer, KL0011StringCompileIgnoredCodeFixProvider>.Run(
                InMethod(AllStringsPositional),
                InMethod(Plain(AllStringsPositional).Replace(@"""adam""", "keras.optimizers.Adam()").Replace(@"""sparse_categorical_crossentropy""", "keras.losses.SparseCategoricalCrossentropy(from_logits: true)")));

        internal const string AllStringsNamedTwice = @"        var model = keras.Sequential(keras.layers.Dense(10, activation: ""softmax""));
        {|KL0011:model.compile(optimizer: ""sgd"",
            loss: ""categorical_crossentropy"", // one-hot labels
            metrics: new[] { ""accuracy"" })|};
        var regressor = keras.Sequential(keras.layers.Dense(1));
        {|KL0011:regressor.compile(metrics: new[] { ""mae"" }, loss: ""mae"", optimizer: ""adam"")|};
";

        [Fact]
        public Task KL0011_Named_FixAll_KeepsOrderAndComments() =>
            TfNetFixTest<KL0011StringCompileIgnoredAnalyzer, KL0011StringCompileIgnoredCodeFixProvider>.Run(
                InMethod(AllStringsNamedTwice),
                InMethod(Plain(AllStringsNamedTwice).Replace(@"""sgd""", "keras.optimizers.SGD()").Replace(@"""categorical_crossentropy""", "keras.losses.CategoricalCrossentropy()")
                    .Replace(@"loss: ""mae""", "loss: keras.losses.MeanAbsoluteError()").Replace(@"optimizer: ""adam""", "optimizer: keras.optimizers.Adam()")),
                "KL0011.Recommended");

        internal const string AllStringsWithoutUsingStatic = @"namespace N
{
    class D
    {
        void Train(Tensorflow.Keras.Engine.IModel model)
        {
            {|KL0011:model.compile(""adam"", ""binary_crossentropy"", new string[0])|};
        }
    }
}
";

        [Fact]
        public Task KL0011_QualifiesKerasWhenNotImported() =>
            TfNetFixTest<KL0011StringCompileIgnoredAnalyzer, KL0011StringCompileIgnoredCodeFixProvider>.Run(
                AllStringsWithoutUsingStatic,
                Plain(AllStringsWithoutUsingStatic).Replace(@"""adam""", "Tensorflow.KerasApi.keras.optimizers.Adam()").Replace(@"""binary_crossentropy""", "Tensorflow.KerasApi.keras.losses.BinaryCrossentropy()"));

        // ---- KL0005: from_logits: true, or the activation ----
        internal const string SparseOnLinear = @"        var model = keras.Sequential(keras.layers.Dense(10)); // logits
        model.compile(keras.optimizers.Adam(), {|KL0005:keras.losses.SparseCategoricalCrossentropy()|}, new[] { ""accuracy"" });
        var other = keras.Sequential(keras.layers.Dense(3));
        other.compile(keras.optimizers.Adam(), {|KL0005:new CategoricalCrossentropy(false)|});
";

        [Fact]
        public Task KL0005_FromLogitsTrue_FixAll() =>
            TfNetFixTest<KL0005LossExpectsProbabilitiesAnalyzer, KL0005LossExpectsProbabilitiesCodeFixProvider>.Run(
                InMethod(SparseOnLinear),
                InMethod(Plain(SparseOnLinear).Replace("SparseCategoricalCrossentropy()", "SparseCategoricalCrossentropy(from_logits: true)").Replace("CategoricalCrossentropy(false)", "CategoricalCrossentropy(true)")),
                "KL0005.Recommended");

        [Fact]
        public Task KL0005_SetActivation_OnInvocationLayer() =>
            TfNetFixTest<KL0005LossExpectsProbabilitiesAnalyzer, KL0005LossExpectsProbabilitiesCodeFixProvider>.Run(
                InMethod(SparseOnLinear),
                InMethod(Plain(SparseOnLinear).Replace("Dense(10)", @"Dense(10, activation: ""softmax"")").Replace("Dense(3)", @"Dense(3, activation: ""softmax"")")),
                "KL0005.SetActivation");

        // ---- KL0004: the Activation overload ----
        [Fact]
        public Task KL0004_ActivationObjectToSigmoid() =>
            TfNetFixTest<KL0004SoftmaxOnOneUnitAnalyzer, KL0004SoftmaxOnOneUnitCodeFixProvider>.Run(
                InMethod(TfNetRuleTests.SoftmaxOneUnitActivationObject), InMethod(Plain(TfNetRuleTests.SoftmaxOneUnitActivationObject).Replace("keras.activations.Softmax", "keras.activations.Sigmoid")),
                "KL0004.Recommended");

        // ---- KL0002, KL0007: loss objects replaced, written the same way ----
        internal const string BceOnSoftmaxTwice = @"        var model = keras.Sequential(keras.layers.Dense(10, activation: ""softmax""));
        model.compile(keras.optimizers.Adam(), {|KL0002:keras.losses.BinaryCrossentropy(from_logits: false)|} /* loss */, new[] { ""accuracy"" });
        var other = keras.Sequential(keras.layers.Dense(4, activation: ""softmax""));
        other.compile(keras.optimizers.Adam(), {|KL0002:new BinaryCrossentropy()|});
";

        [Fact]
        public Task KL0002_SparseObjects_FixAll() =>
            TfNetFixTest<KL0002BinaryCrossentropyOnMultiClassAnalyzer, KL0002BinaryCrossentropyOnMultiClassCodeFixProvider>.Run(
                InMethod(BceOnSoftmaxTwice),
                InMethod(Plain(BceOnSoftmaxTwice).Replace("keras.losses.BinaryCrossentropy(from_logits: false)", "keras.losses.SparseCategoricalCrossentropy()").Replace("new BinaryCrossentropy()", "new SparseCategoricalCrossentropy()")),
                "KL0002.Sparse");

        internal const string MseOnSigmoid = @"        var model = keras.Sequential(keras.layers.Dense(1, activation: ""sigmoid""));
        model.compile(keras.optimizers.Adam(), {|KL0007:new MeanSquaredError()|}, new[] { ""accuracy"" });
";

        [Fact]
        public Task KL0007_ObjectToBinaryCrossentropy() =>
            TfNetFixTest<KL0007RegressionLossOnClassifierAnalyzer, KL0007RegressionLossOnClassifierCodeFixProvider>.Run(
                InMethod(MseOnSigmoid), InMethod(Plain(MseOnSigmoid).Replace("new MeanSquaredError()", "new BinaryCrossentropy()")), "KL0007.Recommended");

        // ---- KL0001, KL0008, KL0010 ----
        [Fact]
        public Task KL0001_ReplacesWithMaeNotMse() =>
            TfNetFixTest<KL0001AccuracyOnRegressionAnalyzer, KL0001AccuracyOnRegressionCodeFixProvider>.Run(
                InMethod(TfNetRuleTests.AccuracyWithMseObject), InMethod(Plain(TfNetRuleTests.AccuracyWithMseObject).Replace(@"""accuracy""", @"""mae""")),
                "KL0001.Recommended");

        // ---- KL0001: keys read from the History fit returns follow the metric (issue 11) ----
        internal const string RegressionHistory = @"        var model = keras.Sequential(keras.layers.Dense(1));
        model.compile(keras.optimizers.Adam(), keras.losses.MeanSquaredError(), new[] { {|KL0001:""accuracy""|} });
        var history = model.fit(x, y, epochs: 5, validation_split: 0.2f);
        var accuracy = history.history[""accuracy""]; // per epoch
        var other = keras.Sequential(keras.layers.Dense(3, activation: ""softmax""));
        other.compile(keras.optimizers.Adam(), keras.losses.CategoricalCrossentropy(), new[] { ""accuracy"" });
        var otherHistory = other.fit(x, y);
        Console.WriteLine(otherHistory.history[""accuracy""][0] + history.history[""loss""][0]);
        if (history.history.TryGetValue(""val_accuracy"", out var last)) Console.WriteLine(last.Count);
";

        /// <summary>TensorFlow.NET logs "mae" as mean_absolute_error: the lookups take that key; "loss" and the other model's History stay.</summary>
        [Fact]
        public Task KL0001_HistoryLookupsFollowTheMetric() =>
            TfNetFixTest<KL0001AccuracyOnRegressionAnalyzer, KL0001AccuracyOnRegressionCodeFixProvider>.Run(
                InMethod(RegressionHistory),
                InMethod(Plain(RegressionHistory).Replace(@"MeanSquaredError(), new[] { ""accuracy"" }", @"MeanSquaredError(), new[] { ""mae"" }")
                    .Replace(@"history.history[""accuracy""]", @"history.history[""mean_absolute_error""]").Replace(@"""val_accuracy""", @"""val_mean_absolute_error""")),
                "KL0001.Recommended");

        [Fact]
        public async Task KL0001_TitleNamesTheHistoryLookups()
        {
            var d = await TfNetCode.Single(InMethod(Plain(RegressionHistory)), "KL0001");
            Assert.Equal("Replace 'accuracy' with 'mae'; history lookup 'accuracy' → 'mean_absolute_error'; history lookup 'val_accuracy' → 'val_mean_absolute_error'", FixPlan.Read(d)[0].Title);
        }

        internal const string RegressionUnknownKey = @"        var model = keras.Sequential(keras.layers.Dense(1));
        model.compile(keras.optimizers.Adam(), keras.losses.MeanSquaredError(), new[] { ""accuracy"", ""mae"" });
        var history = model.fit(x, y);
        var values = history.history[Environment.GetEnvironmentVariable(""KEY"")];
";

        /// <summary>A key that is not a constant may read the accuracy: the removal is not offered; with a constant key it is.</summary>
        [Fact]
        public async Task KL0001_UnknownHistoryKey_FixStillOffered()
        {
            // A key the analyzer cannot see does not withhold the fix (every KL0001 carries one); the lookup stays as it is.
            var unknown = await TfNetCode.Single(InMethod(RegressionUnknownKey), "KL0001");
            Assert.Equal(new[] { "KL0001.RemoveMetric" }, FixPlan.Read(unknown).Select(a => a.EquivalenceKey));
            Assert.DoesNotContain("history lookup", FixPlan.Read(unknown).Single().Title, System.StringComparison.Ordinal);
        }

        [Fact]
        public Task KL0008_ValAccToValAccuracy() =>
            TfNetFixTest<KL0008MonitorKeyNeverLoggedAnalyzer, KL0008MonitorKeyNeverLoggedCodeFixProvider>.Run(
                InMethod(TfNetRuleTests.ValAccWithMetricObjects), InMethod(Plain(TfNetRuleTests.ValAccWithMetricObjects).Replace(@"""val_acc""", @"""val_accuracy""")),
                "KL0008.Recommended");

        internal const string MetricTypo = @"        var model = keras.Sequential(keras.layers.Dense(1));
        model.compile(keras.optimizers.Adam(), keras.losses.MeanSquaredError(), new[] { {|KL0010:""Mae""|} });
";

        [Fact]
        public Task KL0010_DidYouMean() =>
            TfNetFixTest<KL0010UnknownIdentifierAnalyzer, KL0010UnknownIdentifierCodeFixProvider>.Run(
                InMethod(MetricTypo), InMethod(Plain(MetricTypo).Replace(@"""Mae""", @"""mae""")), "KL0010.Recommended");
    }
}
