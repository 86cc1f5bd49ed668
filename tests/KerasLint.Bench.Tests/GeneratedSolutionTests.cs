using System.Collections.Concurrent;
using System.Collections.Immutable;
using KerasLint.Bench.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace KerasLint.Bench.Tests
{
    /// <summary>
    /// The benchmark measures analyzers that find things: the generated solutions compile without errors, KerasLint reports
    /// every setup written to trigger a rule (at 250 files, the size of the quick run) and nothing in plain C#.
    /// </summary>
    public class GeneratedSolutionTests
    {
        private static readonly ConcurrentDictionary<CodeKind, GeneratedSolution> Solutions = new();

        private static GeneratedSolution Solution(CodeKind kind) => Solutions.GetOrAdd(kind, k => SolutionGenerator.Generate(k, 250));

        private static async Task<ImmutableArray<Diagnostic>> KerasLintDiagnostics(Compilation compilation)
        {
            var exceptions = new ConcurrentQueue<string>();
            var options = new CompilationWithAnalyzersOptions(Measurements.NoOptions, (e, a, _) => exceptions.Enqueue($"{a}: {e}"),
                concurrentAnalysis: false, logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(AnalyzerSets.KerasLint.Create(), options).GetAnalyzerDiagnosticsAsync();
            Assert.Empty(exceptions);
            return diagnostics;
        }

        private static void AssertNoErrors(Compilation compilation)
        {
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }

        private static void AssertFound(GeneratedSolution solution, ImmutableArray<Diagnostic> diagnostics)
        {
            Assert.NotEmpty(solution.ExpectedDiagnostics);
            foreach (var (id, count) in solution.ExpectedDiagnostics)
                Assert.True(diagnostics.Count(d => d.Id == id) >= count, $"{solution.Name}: {id} expected at least {count}, got {diagnostics.Count(d => d.Id == id)}");
        }

        [Theory]
        [InlineData(CodeKind.KerasNet)]
        [InlineData(CodeKind.TorchSharp)]
        [InlineData(CodeKind.Plain)]
        public void Solution_compiles_without_errors(CodeKind kind)
        {
            var solution = Solution(kind);
            Assert.Equal(250, solution.Trees.Length);
            AssertNoErrors(solution.CreateCompilation());
        }

        [Theory]
        [InlineData(CodeKind.KerasNet)]
        [InlineData(CodeKind.TorchSharp)]
        public async Task KerasLint_reports_every_setup_meant_to_trigger(CodeKind kind)
        {
            var solution = Solution(kind);

            // 10-20% of the files hold training code.
            Assert.InRange(solution.DeepLearningFiles, 25, 50);
            var diagnostics = await KerasLintDiagnostics(solution.CreateCompilation());
            AssertFound(solution, diagnostics);
            Assert.True(diagnostics.Length >= 30, $"{diagnostics.Length} diagnostics");
        }

        [Theory]
        [InlineData(CodeKind.KerasNet)]
        [InlineData(CodeKind.TorchSharp)]
        public async Task Keystroke_documents_are_what_they_claim(CodeKind kind)
        {
            var solution = Solution(kind);
            var diagnostics = await KerasLintDiagnostics(solution.CreateCompilation());
            Assert.Contains(diagnostics, d => d.Location.SourceTree?.FilePath == solution.DeepLearningDocument);
            Assert.DoesNotContain(diagnostics, d => d.Location.SourceTree?.FilePath == solution.PlainDocument);
            var plainText = solution.Tree(solution.PlainDocument).ToString();
            Assert.DoesNotContain("Keras", plainText, StringComparison.Ordinal);
            Assert.DoesNotContain("TorchSharp", plainText, StringComparison.Ordinal);
        }

        [Fact]
        public async Task KerasLint_reports_nothing_on_plain_code()
        {
            var solution = Solution(CodeKind.Plain);
            Assert.Empty(solution.ExpectedDiagnostics);
            Assert.Null(solution.DeepLearningDocument);
            Assert.Empty(await KerasLintDiagnostics(solution.CreateCompilation()));
        }

        [Theory]
        [InlineData(CodeKind.KerasNet, true)]
        [InlineData(CodeKind.KerasNet, false)]
        [InlineData(CodeKind.TorchSharp, true)]
        [InlineData(CodeKind.TorchSharp, false)]
        public async Task Many_setups_compile_and_are_all_reported(CodeKind kind, bool oneMethod)
        {
            var solution = SolutionGenerator.ManySetups(kind, 20, oneMethod);
            var compilation = solution.CreateCompilation();
            AssertNoErrors(compilation);
            var methods = solution.Trees[0].GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().Count();
            Assert.Equal(oneMethod ? 1 : 20, methods);
            AssertFound(solution, await KerasLintDiagnostics(compilation));
        }

        [Fact]
        public void Analyzer_sets_load()
        {
            // KerasLint by reflection finds its engine analyzers (one per engine), which run every library's rules;
            // the peer package loads from the package folder.
            var kerasLint = AnalyzerSets.KerasLint.Create();
            Assert.True(kerasLint.Length is >= 2 and <= 4, $"{kerasLint.Length} KerasLint analyzers");
            var ids = kerasLint.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            Assert.Contains("KL0001", ids);
            Assert.Contains("KL0009", ids);
            Assert.Contains("KL0101", ids);
            Assert.True(ids.Count >= 20, $"{ids.Count} ids");
            var peer = AnalyzerSets.LoadPeer().Create();
            Assert.True(peer.Length >= 50, $"{peer.Length} peer analyzers");
            Assert.Single(AnalyzerSets.Empty.Create());
        }

        [Fact]
        public async Task Empty_baseline_reports_nothing()
        {
            var compilation = Solution(CodeKind.KerasNet).CreateCompilation();
            var diagnostics = await compilation.WithAnalyzers(AnalyzerSets.Empty.Create()).GetAnalyzerDiagnosticsAsync();
            Assert.Empty(diagnostics);
        }
    }
}
