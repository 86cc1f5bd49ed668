using static KerasLint.Analyzers.Tests.ReportedCasesTests;
using static KerasLint.Analyzers.Tests.TfNet.TfNetCode;

namespace KerasLint.Analyzers.Tests.TfNet
{
    /// <summary>The 2022 generation (Tensorflow.Keras 0.7.0: compile on Model only, OptimizerV2, concrete layer types) and the version key.</summary>
    public class TfNetGenerationTests
    {
        internal const string Generation2022Classifier = @"        var model = keras.Sequential(new List<ILayer>
        {
            keras.layers.Dense(128, activation: keras.activations.Relu),
            keras.layers.Dense(10, activation: keras.activations.Softmax),
        });
        model.compile(optimizer: keras.optimizers.Adam(), loss: keras.losses.CategoricalCrossentropy(from_logits: true), metrics: new[] { ""accuracy"", ""mse"" });
";

        [Fact]
        public async Task Generation2022_KL0006AndKL0010()
        {
            var diagnostics = await Analyze(InMethod(Generation2022Classifier, usings: Usings2022), references: Generation2022);
            Assert.Equal(new[] { "KL0006", "KL0010" }, diagnostics.Select(d => d.Id).OrderBy(i => i).ToArray());
            Assert.Contains("TensorFlow.NET's Keras 0.7.0", diagnostics[0].GetMessage());
        }

        internal const string Generation2022Strings = @"        var model = keras.Sequential(new List<ILayer> { keras.layers.Dense(10, activation: ""softmax"") });
        model.compile(""adam"", ""sparse_categorical_crossentropy"", new[] { ""accuracy"" });
";

        [Fact]
        public async Task Generation2022_AllStringCompileThrows()
        {
            var d = await Single(InMethod(Generation2022Strings, usings: Usings2022), "KL0011", references: Generation2022);
            Assert.Contains("TensorFlow.NET's Keras 0.7.0", d.GetMessage());
            Assert.Contains("throws NotImplementedException", d.GetMessage());
        }

        [Fact]
        public async Task Generation2022_SparseFromLogitsIgnored_Silent()
        {
            // Up to 0.10.3 SparseCategoricalCrossentropy ignores from_logits (outputs are always logits): KL0006 stays silent.
            var source = InMethod(Generation2022Classifier.Replace("CategoricalCrossentropy(from_logits: true)", "SparseCategoricalCrossentropy(from_logits: true)").Replace(@", ""mse""", ""), usings: Usings2022);
            Assert.Empty(await Analyze(source, references: Generation2022));
        }

        [Fact]
        public async Task VersionKey_OverridesTheAssembly()
        {
            var d = await Single(InMethod(Plain(TfNetRuleTests.AllStrings)), "KL0011", version: "0.10.4");
            Assert.Contains("TensorFlow.NET's Keras 0.10.4", d.GetMessage());
        }

        [Fact]
        public async Task VersionKey_Garbage_FallsBackToTheAssembly()
        {
            var d = await Single(InMethod(Plain(TfNetRuleTests.AllStrings)), "KL0011", version: "latest please");
            Assert.Contains("TensorFlow.NET's Keras 0.15.0", d.GetMessage());
        }

        [Fact]
        public async Task KerasNetCodeIsUnaffectedByTfNetReferences()
        {
            // A compilation that references TF.NET but holds no TF.NET code reports nothing.
            Assert.Empty(await Analyze(Usings + "class E { void M() { var l = new List<int> { 1 }; l.Add(2); } }\n"));
        }
    }
}
