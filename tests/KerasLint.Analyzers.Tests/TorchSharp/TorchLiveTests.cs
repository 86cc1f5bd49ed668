using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Analyzers.Tests.TorchSharp
{
    /// <summary>
    /// Live in the editor (issue 17.4): a training step or read-out whose model lives in another file is decided while
    /// the loss call's document is analysed, as an IDE asks for an open document
    /// (<see cref="CompilationWithAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(SemanticModel, Microsoft.CodeAnalysis.Text.TextSpan?, CancellationToken)"/>),
    /// not only at compilation end; and the whole compilation reports it once.
    /// </summary>
    public class TorchLiveTests
    {
        private const string Loop = @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = new Net();
        var criterion = CrossEntropyLoss();
        var loss = criterion.forward(model.forward(x), y);
    }
}";

        private static readonly string SoftmaxNet = TorchVerifier.LinearNet(3, "softmax(fc.forward(x), 1)");

        private const string Metrics = @"
static class Metrics
{
    public static long Correct(Tensor pred, Tensor y) => pred.argmax(1).eq(y).sum().ToInt64();
}";

        private const string Evaluation = @"
class Evaluation
{
    long Run(Tensor x, Tensor y) => Metrics.Correct(new Net().forward(x), y);
}";

        private static async Task<(ImmutableArray<Diagnostic> Document, ImmutableArray<Diagnostic> All)> AnalyseAsync(params string[] sources)
        {
            var compilation = await TorchModelTestSupport.CompileAsync(sources);
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new KerasLintTorchAnalyzer());
            var document = compilation.GetSemanticModel(compilation.SyntaxTrees.First());
            var open = await compilation.WithAnalyzers(analyzers).GetAnalyzerSemanticDiagnosticsAsync(document, filterSpan: null, CancellationToken.None);
            var all = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            return (open, all);
        }

        [Fact]
        public async Task StepWithTheModelInAnotherFileIsReportedInTheOpenDocument()
        {
            var (document, all) = await AnalyseAsync(Loop, SoftmaxNet);
            var live = Assert.Single(document);
            Assert.Equal("KL0101", live.Id);
            Assert.Equal("/0/Test0.cs", live.Location.SourceTree!.FilePath);
            Assert.DoesNotContain(WellKnownDiagnosticTags.CompilationEnd, live.Descriptor.CustomTags);
            Assert.Single(all, d => d.Id == "KL0101");
        }

        [Fact]
        public async Task LogitsModelInAnotherFileStaysSilentInTheOpenDocument()
        {
            var (document, all) = await AnalyseAsync(Loop, TorchVerifier.LinearNet(3));
            Assert.Empty(document);
            Assert.Empty(all);
        }

        [Fact]
        public async Task ReadoutInAHelperWhoseCallerAndModelAreInOtherFilesIsReportedInTheOpenDocument()
        {
            var (document, all) = await AnalyseAsync(Metrics, Evaluation, TorchVerifier.LinearNet(1));
            Assert.Equal("KL0106", Assert.Single(document).Id);
            Assert.Single(all, d => d.Id == "KL0106");
        }

        [Fact]
        public async Task OtherDocumentsReportNothingOfTheStep()
        {
            var compilation = await TorchModelTestSupport.CompileAsync(Loop, SoftmaxNet);
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new KerasLintTorchAnalyzer());
            var modelDocument = compilation.GetSemanticModel(compilation.SyntaxTrees.Last());
            Assert.Empty(await compilation.WithAnalyzers(analyzers).GetAnalyzerSemanticDiagnosticsAsync(modelDocument, filterSpan: null, CancellationToken.None));
        }
    }
}
