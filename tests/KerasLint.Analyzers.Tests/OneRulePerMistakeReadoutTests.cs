using KerasLint.Analyzers.Tests.TfNet;
using KerasLint.Knowledge;
using KerasLint.Model;
using Microsoft.CodeAnalysis.Diagnostics;
using Torch = KerasLint.Analyzers.Tests.TorchSharp.TorchVerifier;

namespace KerasLint.Analyzers.Tests
{
    /// <summary>
    /// An accuracy of continuous values is one rule (<see cref="KL0001AccuracyOnRegressionAnalyzer"/>), decided once on
    /// the library-neutral read-out view (<c>Model/ReadoutView.cs</c>) and reported as KL0001 for a compiled Keras.NET or
    /// TensorFlow.NET metric and as KL0110 for a hand-written TorchSharp read-out. Each case runs through the one verifier
    /// (<see cref="RuleTest{TRule}"/>: every engine, every id but the rule's disabled), positive and silent, per library.
    /// </summary>
    public class OneRulePerMistakeReadoutTests
    {
        private const string KerasNetUsings = KerasCode.Usings;

        private static string KerasNet(string body) =>
            KerasNetUsings + "class C\n{\n    void Train(NDarray x, NDarray y)\n    {\n" + body + "    }\n}\n";

        private static string TfNet(string body) =>
            TfNetCode.Usings + "class C\n{\n    void Train(NDArray x, NDArray y)\n    {\n" + body + "    }\n}\n";

        private static string TorchSharp(string body) =>
            Torch.Usings + "class Trainer\n{\n    Tensor Metric(Tensor x, Tensor y)\n    {\n" + body + "    }\n}\n";

        private static Task VerifyKerasNet(string source)
        {
            var test = new RuleTest<KL0001AccuracyOnRegressionAnalyzer> { TestCode = source };
            KerasCode.Configure(test.TestState, null);
            return test.RunAsync();
        }

        private static Task VerifyTfNet(string source)
        {
            var test = new RuleTest<KL0001AccuracyOnRegressionAnalyzer> { TestCode = source };
            TfNetCode.Configure(test.TestState, null);
            return test.RunAsync();
        }

        private static Task VerifyTorchSharp(string source)
        {
            var test = new RuleTest<KL0001AccuracyOnRegressionAnalyzer> { TestCode = source };
            test.TestState.AdditionalReferences.Add(Torch.TorchSharpReference);
            return test.RunAsync();
        }

        // ---- Keras.NET: KL0001 ----

        [Fact]
        public Task KerasNetAccuracyWithMseOnALinearHead() => VerifyKerasNet(KerasNet(@"        var model = new Sequential();
        model.Add(new Dense(1, input_dim: 3));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] { {|KL0001:""accuracy""|} });
"));

        [Fact]
        public Task KerasNetAccuracyWithMaeOnAnUnknownHeadIsReported() => VerifyKerasNet(KerasNetUsings + @"class C
{
    void Train(Sequential model)
    {
        model.Compile(optimizer: ""adam"", loss: ""mae"", metrics: new[] { {|KL0001:""acc""|} });
    }
}
");

        /// <summary>
        /// Silent: accuracy with a classification loss; an error metric with a regression loss; accuracy with mse on a
        /// sigmoid head, whose output a classifier's activation bounds (that loss is KL0007's mistake, not this one).
        /// </summary>
        [Theory]
        [InlineData(@"activation: ""sigmoid"", ", "binary_crossentropy", "accuracy")]
        [InlineData("", "mse", "mae")]
        [InlineData(@"activation: ""sigmoid"", ", "mse", "accuracy")]
        public Task KerasNetSilent(string activation, string loss, string metric) => VerifyKerasNet(KerasNet($@"        var model = new Sequential();
        model.Add(new Dense(1, {activation}input_dim: 3));
        model.Compile(optimizer: ""adam"", loss: ""{loss}"", metrics: new[] {{ ""{metric}"" }});
"));

        // ---- TensorFlow.NET: KL0001 ----

        [Fact]
        public Task TfNetAccuracyWithAMeanSquaredErrorObject() => VerifyTfNet(TfNet(@"        var model = keras.Sequential(keras.layers.Dense(1));
        model.compile(keras.optimizers.Adam(), keras.losses.MeanSquaredError(), new[] { {|KL0001:""accuracy""|} });
"));

        [Fact]
        public Task TfNetAccuracyWithCategoricalCrossentropyIsSilent() => VerifyTfNet(TfNet(@"        var model = keras.Sequential(keras.layers.Dense(3, activation: ""softmax""));
        model.compile(keras.optimizers.Adam(), keras.losses.CategoricalCrossentropy(), new[] { ""accuracy"" });
"));

        // ---- TorchSharp: KL0110, from the same rule ----

        [Fact]
        public Task TorchSharpExactEqualityOnALinearOneUnitOutput() => VerifyTorchSharp(TorchSharp(@"        var model = Sequential(Linear(4, 16), ReLU(), Linear(16, 1));
        var pred = model.forward(x);
        return ({|KL0110:pred == y|}).sum();
"));

        [Fact]
        public Task TorchSharpThresholdedLogitIsSilent() => VerifyTorchSharp(TorchSharp(@"        var model = Sequential(Linear(4, 16), ReLU(), Linear(16, 1));
        var pred = model.forward(x);
        return (pred > 0).eq(y).sum();
"));

        [Fact]
        public Task TorchSharpArgmaxOfAClassifierIsSilent() => VerifyTorchSharp(TorchSharp(@"        var model = Sequential(Linear(4, 3));
        return model.forward(x).argmax(1).eq(y).sum();
"));

        [Fact]
        public Task TorchSharpEqualityOnASigmoidOutputIsNotThisMistake() => VerifyTorchSharp(TorchSharp(@"        var model = Sequential(Linear(4, 1), Sigmoid());
        return model.forward(x).eq(y).sum();
"));

        // ---- each library's id stays valid for users' configuration ----

        /// <summary>Turning KL0110 off in .editorconfig leaves KL0001 in Keras.NET code, and silences the TorchSharp read-out.</summary>
        [Fact]
        public async Task EditorConfigSeverityOfEachIdStaysItsOwn()
        {
            const string Off = "root = true\n\n[*.cs]\ndotnet_diagnostic.KL0110.severity = none\n";
            var keras = new RuleTest<KL0001AccuracyOnRegressionAnalyzer> { TestCode = KerasNet(@"        var model = new Sequential();
        model.Add(new Dense(1, input_dim: 3));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] { {|KL0001:""accuracy""|} });
") };
            KerasCode.Configure(keras.TestState, null);
            keras.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", Off));
            await keras.RunAsync();

            var torch = new RuleTest<KL0001AccuracyOnRegressionAnalyzer> { TestCode = TorchSharp(@"        var model = Sequential(Linear(4, 16), ReLU(), Linear(16, 1));
        return (model.forward(x) == y).sum();
") };
            torch.TestState.AdditionalReferences.Add(Torch.TorchSharpReference);
            torch.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", Off));
            await torch.RunAsync();
        }

        /// <summary>A #pragma on KL0110 silences the TorchSharp read-out (KL0001's pragma does not).</summary>
        [Fact]
        public Task PragmaOnKL0110SilencesTheReadout() => VerifyTorchSharp(TorchSharp(@"        var model = Sequential(Linear(4, 16), ReLU(), Linear(16, 1));
        var pred = model.forward(x);
#pragma warning disable KL0001
        var hits = ({|KL0110:pred == y|}).sum();
#pragma warning restore KL0001
#pragma warning disable KL0110 // an exact-match count on purpose
        return hits + (pred == y).sum();
#pragma warning restore KL0110
"));

        // ---- one implementation ----

        /// <summary>The TorchSharp engine runs the very instance the setup engine runs; the KL0110-only class is gone.</summary>
        [Fact]
        public void OneInstanceJudgesSetupsAndReadouts()
        {
            var rule = RuleRegistry.SetupRules.OfType<KL0001AccuracyOnRegressionAnalyzer>().Single();
            Assert.Same(rule, RuleRegistry.ReadoutRules.OfType<KL0001AccuracyOnRegressionAnalyzer>().Single());
            Assert.Equal(new[] { "KL0001", "KL0110" }, rule.SupportedDiagnostics.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
            Assert.DoesNotContain(typeof(KerasLintRule).Assembly.GetTypes(), t => t.Name.StartsWith("KL0110", StringComparison.Ordinal));
        }

        /// <summary>
        /// The KL0110 diagnostic sits on the comparison and carries its fix plan (typed edits whose operands are its additional
        /// locations); the message names TorchSharp.
        /// </summary>
        [Fact]
        public async Task TorchSharpDiagnosticCarriesTheReadoutSites()
        {
            var (source, _) = Torch.Parse(TorchSharp(@"        var model = Sequential(Linear(4, 16), ReLU(), Linear(16, 1));
        var pred = model.forward(x);
        return pred.eq(y).sum();
"));
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("T", new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source) },
                Direct.PlatformReferences.Add(Torch.TorchSharpReference), new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var diagnostics = await compilation.WithAnalyzers(Engines.All).GetAnalyzerDiagnosticsAsync();
            var d = Assert.Single(diagnostics, x => x.Id == "KL0110");
            Assert.Equal("pred.eq(y)", d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan));
            // Its fix travels as typed edits of the one fix vocabulary (Rules/TorchFixPlans.cs), on the model's locations.
            var actions = KerasLint.Analysis.FixPlan.Read(d);
            Assert.NotEmpty(actions);
            Assert.All(actions.SelectMany(a => a.Edits), e => Assert.All(e.Operands.Append(e.Location), o => Assert.InRange(o, 0, d.AdditionalLocations.Count - 1)));
            Assert.StartsWith("TorchSharp: 'pred.eq(y)' tests continuous outputs", d.GetMessage(), StringComparison.Ordinal);
            Assert.DoesNotContain(diagnostics, x => x.Id == "KL0001");
        }

        /// <summary>How Keras's accuracies read a prediction, per family (the read-out forms the view carries).</summary>
        [Fact]
        public void KerasAccuraciesReadThePredictionPerFamily()
        {
            Assert.Equal(new[] { ReadoutForm.Round }, MetricReadouts.Of(KerasFamily.Keras22, "binary_accuracy"));
            Assert.Equal(new[] { ReadoutForm.Round, ReadoutForm.Threshold }, MetricReadouts.Of(KerasFamily.Keras23, "binary_accuracy"));
            Assert.Equal(new[] { ReadoutForm.Threshold }, MetricReadouts.Of(KerasFamily.TfKeras2, "binary_accuracy"));
            Assert.Equal(new[] { ReadoutForm.Threshold }, MetricReadouts.Of(KerasFamily.TfNet, "binary_accuracy"));
            Assert.Equal(new[] { ReadoutForm.Argmax }, MetricReadouts.Of(KerasFamily.Keras3, "sparse_categorical_accuracy"));
            Assert.Equal(new[] { ReadoutForm.Argmax }, MetricReadouts.Of(KerasFamily.Keras3, "categorical_accuracy"));
            Assert.Empty(MetricReadouts.Of(KerasFamily.Keras3, "mean_absolute_error"));
        }
    }
}
