using static KerasLint.Analyzers.Tests.ReportedCasesTests;
using static KerasLint.Analyzers.Tests.TfNet.TfNetCode;

namespace KerasLint.Analyzers.Tests.TfNet
{
    /// <summary>
    /// KL0015: the TensorFlow.NET all-string compiles no edit can turn into objects are reported under their own id
    /// (never as KL0011, so that every KL0011 carries a fix that Fix All and dotnet format apply): a string that is not a
    /// constant, a name the referenced TensorFlow.Keras has no object for, a string naming nothing before 0.10.5. Each
    /// positive has its twin that KL0011 fixes. The sources are constants, so the sweeps mutate them too.
    /// </summary>
    public class TfNetKL0015Tests
    {
        // ---- a string that is not a constant: its value is known only at run time ----

        internal const string LossNotConstant = @"        var model = keras.Sequential(keras.layers.Dense(10, activation: ""softmax""));
        var lossName = Environment.GetEnvironmentVariable(""LOSS"");
        {|KL0015:model.compile(""adam"", lossName, new[] { ""accuracy"" })|};
";

        internal const string OptimizerNotConstant = @"        var model = keras.Sequential(keras.layers.Dense(10, activation: ""softmax""));
        var optimizerName = Environment.GetEnvironmentVariable(""OPTIMIZER"");
        {|KL0015:model.compile(optimizerName, ""sparse_categorical_crossentropy"", new[] { ""accuracy"" })|};
";

        // The twin: the same local holding a constant is KL0011, with its fix.
        internal const string LossInALocalConstant = @"        var model = keras.Sequential(keras.layers.Dense(10, activation: ""softmax""));
        var lossName = ""sparse_categorical_crossentropy"";
        {|KL0011:model.compile(""adam"", lossName, new[] { ""accuracy"" })|};
";

        [Fact]
        public Task LossNotConstant_IsKL0015() => TfNetRulesTest.Run(InMethod(LossNotConstant));

        [Fact]
        public Task OptimizerNotConstant_IsKL0015() => TfNetRulesTest.Run(InMethod(OptimizerNotConstant));

        [Fact]
        public Task LossInALocalConstant_IsKL0011() => TfNetRulesTest.Run(InMethod(LossInALocalConstant));

        [Fact]
        public Task LossInALocalConstant_Fixed() =>
            TfNetFixTest<KL0011StringCompileIgnoredAnalyzer, KL0011StringCompileIgnoredCodeFixProvider>.Run(
                InMethod(LossInALocalConstant),
                InMethod(@"        var model = keras.Sequential(keras.layers.Dense(10, activation: ""softmax""));
        var lossName = ""sparse_categorical_crossentropy"";
        model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(), new[] { ""accuracy"" });
"));

        [Fact]
        public async Task LossNotConstant_MessageSaysWhyAndWhatMayTrain_NoFix()
        {
            var d = await Single(InMethod(Plain(LossNotConstant)), "KL0015");
            Assert.Equal("compile(\"adam\", \"?\"): TensorFlow.NET's Keras 0.15.0 trains RMSprop with MeanSquaredError (MAE for \"mae\"); loss not constant: pass objects", d.GetMessage());
            Assert.Equal(DiagnosticSeverity.Error, d.Severity);
            Assert.Empty(FixPlan.Read(d));
            Assert.False(FixCheck.Providers.ContainsKey("KL0015"), "KL0015 has no code fix: a fixable id must be fixable everywhere");
            Assert.Empty((await Analyze(InMethod(Plain(LossNotConstant)))).Where(x => x.Id == "KL0011"));
        }

        /// <summary>Before 0.10.5 a string that is not a constant throws unless its value is the accepted one.</summary>
        [Fact]
        public async Task NotConstant_Before0105_ThrowsUnlessAccepted()
        {
            var d = await Single(InMethod(Plain(LossNotConstant).Replace(@"""adam""", @"""rmsprop""")), "KL0015", version: "0.10.4");
            Assert.Contains("throws NotImplementedException unless they are \"rmsprop\" and \"mse\"/\"mae\"; loss not constant", d.GetMessage());
            Assert.Contains("throws NotImplementedException on them; loss not constant", (await Single(InMethod(Plain(LossNotConstant)), "KL0015", version: "0.10.4")).GetMessage());
        }

        // ---- a name the referenced TensorFlow.Keras has no object for ----

        internal const string OptimizerWithoutObject = @"        var model = keras.Sequential(keras.layers.Dense(10, activation: ""softmax""));
        {|KL0015:model.compile(""adagrad"", ""sparse_categorical_crossentropy"", new[] { ""accuracy"" })|};
";

        internal const string LossWithoutObject = @"        var model = keras.Sequential(keras.layers.Dense(10, activation: ""softmax""));
        {|KL0015:model.compile(""adam"", ""kl_divergence"", new[] { ""accuracy"" })|};
";

        [Fact]
        public Task OptimizerWithoutObject_IsKL0015() => TfNetRulesTest.Run(InMethod(OptimizerWithoutObject));

        [Fact]
        public Task LossWithoutObject_IsKL0015() => TfNetRulesTest.Run(InMethod(LossWithoutObject));

        [Theory]
        [InlineData("adagrad", "sparse_categorical_crossentropy", "TensorFlow.NET's Keras 0.15.0 trains RMSprop with MeanSquaredError; pass an optimizer object it has")]
        [InlineData("adam", "kl_divergence", "TensorFlow.NET's Keras 0.15.0 trains RMSprop with MeanSquaredError; pass a loss object it has")]
        public async Task WithoutObject_MessageNamesIt(string optimizer, string loss, string part)
        {
            var source = InMethod($"        var model = keras.Sequential(keras.layers.Dense(10, activation: \"softmax\"));\n        model.compile(\"{optimizer}\", \"{loss}\", new[] {{ \"accuracy\" }});\n");
            var d = await Single(source, "KL0015");
            Assert.EndsWith(part, d.GetMessage());
            Assert.Empty(FixPlan.Read(d));
        }

        /// <summary>The twin: AdamW, which TensorFlow.Keras 0.15.0 has, is passed as its object (KL0011's fix).</summary>
        [Fact]
        public Task AdamW_HasItsObject_Fixed() =>
            TfNetFixTest<KL0011StringCompileIgnoredAnalyzer, KL0011StringCompileIgnoredCodeFixProvider>.Run(
                InMethod(@"        var model = keras.Sequential(keras.layers.Dense(10, activation: ""softmax""));
        {|KL0011:model.compile(""adamw"", ""sparse_categorical_crossentropy"", new[] { ""accuracy"" })|};
"),
                InMethod(@"        var model = keras.Sequential(keras.layers.Dense(10, activation: ""softmax""));
        model.compile(keras.optimizers.AdamW(), keras.losses.SparseCategoricalCrossentropy(), new[] { ""accuracy"" });
"));

        /// <summary>
        /// TensorFlow.Keras 0.7.0 has no BinaryCrossentropy and its SGD needs a learning rate (SGD() would not compile):
        /// KL0015; Adam and SparseCategoricalCrossentropy, which it has, are KL0011's fix.
        /// </summary>
        [Theory]
        [InlineData("sgd", "sparse_categorical_crossentropy", "TensorFlow.NET's Keras 0.7.0 throws NotImplementedException on them; pass an optimizer it has (no SGD())")]
        [InlineData("adam", "binary_crossentropy", "TensorFlow.NET's Keras 0.7.0 throws NotImplementedException on them; pass a loss object it has")]
        public async Task Generation2022_WithoutObject_IsKL0015(string optimizer, string loss, string part)
        {
            var source = InMethod(TfNetGenerationTests.Generation2022Strings.Replace(@"""adam""", $"\"{optimizer}\"").Replace(@"""sparse_categorical_crossentropy""", $"\"{loss}\""), usings: Usings2022);
            var all = await Analyze(source, references: Generation2022);
            Assert.DoesNotContain(all, d => d.Id == "KL0011");
            Assert.EndsWith(part, Assert.Single(all, d => d.Id == "KL0015").GetMessage());
        }

        [Fact]
        public async Task Generation2022_NamedObjects_StayKL0011WithAFix()
        {
            var d = await Single(InMethod(TfNetGenerationTests.Generation2022Strings, usings: Usings2022), "KL0011", references: Generation2022);
            Assert.Equal("Pass keras.optimizers.Adam() and keras.losses.SparseCategoricalCrossentropy()", FixPlan.Read(d).Single().Title);
        }

        // ---- before 0.10.5, a string that names nothing: the call throws, nothing trains in its place ----

        internal const string MetricAsLoss = @"        var model = keras.Sequential(keras.layers.Dense(1));
        {|KL0015:model.compile(""adam"", ""accuracy"", new string[0])|};
";

        [Fact]
        public Task MetricAsLoss_Before0105_IsKL0015() => TfNetRulesTest.Run(InMethod(MetricAsLoss), version: "0.10.4");

        /// <summary>The twin: from 0.10.5 the same call trains MeanSquaredError, which KL0011's fix passes.</summary>
        [Fact]
        public Task MetricAsLoss_From0105_IsKL0011() => TfNetRulesTest.Run(InMethod(MetricAsLoss.Replace("KL0015", "KL0011")), version: "0.10.5");

        [Theory]
        [InlineData("adam", "accuracy", "'accuracy' names no loss")]
        [InlineData("max", "mse", "'max' names no optimizer")]
        public async Task NamesNothing_Before0105_MessageSaysWhich(string optimizer, string loss, string part)
        {
            var source = InMethod($"        var model = keras.Sequential(keras.layers.Dense(1));\n        model.compile(\"{optimizer}\", \"{loss}\", new string[0]);\n");
            var d = await Single(source, "KL0015", version: "0.10.4");
            Assert.EndsWith("throws NotImplementedException on them; " + part + ": pass objects", d.GetMessage());
            Assert.Empty(FixPlan.Read(d));
        }
    }
}
