using System.Collections.Concurrent;
using System.Collections.Immutable;
using KerasLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace KerasLint.Analyzers.Tests.TorchSharp
{
    /// <summary>
    /// Half-typed code: every TorchSharp test source, cut off at many points, must analyse without an analyzer
    /// exception (AD0001 or onAnalyzerException).
    /// </summary>
    public class TorchNoCrashSweep
    {
        private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
            new KL0101CrossEntropyOnProbabilitiesAnalyzer(),
            new KL0102BceOnUnboundedOutputsAnalyzer(),
            new KL0103BceWithLogitsOnSigmoidAnalyzer(),
            new KL0104NllLossWithoutLogSoftmaxAnalyzer(),
            new TorchSharpDropoutAnalyzer());

        private static async Task<ImmutableArray<MetadataReference>> ReferencesAsync()
        {
            var framework = await TorchVerifier.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            return framework.Add(TorchVerifier.TorchSharpReference);
        }

        /// <summary>Runs every TorchSharp analyzer; returns the diagnostics and records analyzer exceptions.</summary>
        private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source, ImmutableArray<MetadataReference> references, ConcurrentBag<string> failures, string label)
        {
            var compilation = CSharpCompilation.Create("Sweep", new[] { CSharpSyntaxTree.ParseText(source, path: "Sweep.cs") }, references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, analyzer, _) => failures.Add($"{label}: {analyzer.GetType().Name} threw {exception.GetType().Name}: {exception.Message}"),
                concurrentAnalysis: false, logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync();
            foreach (var d in diagnostics.Where(d => d.Id == "AD0001")) failures.Add($"{label}: {d.GetMessage()}");
            return diagnostics;
        }

        [Fact]
        public async Task FullSourcesReportWhatTheyMark()
        {
            // Guards the sweep against analysing nothing: the untruncated sources must produce their marked diagnostics.
            var references = await ReferencesAsync();
            var failures = new ConcurrentBag<string>();
            foreach (var c in TorchCases.All)
            {
                var (source, expected) = TorchVerifier.Parse(TorchVerifier.Usings + c.Source);
                var diagnostics = await AnalyzeAsync(source, references, failures, c.Name);
                Assert.Equal(expected.Count, diagnostics.Count(d => d.Id == c.Rule));
            }

            Assert.Empty(failures);
        }

        [Fact]
        public async Task TruncatedSourcesNeverThrow()
        {
            var references = await ReferencesAsync();
            var failures = new ConcurrentBag<string>();
            var runs = 0;
            var sources = TorchCases.All.Select(c => (c.Name, TorchVerifier.Parse(TorchVerifier.Usings + c.Source).Source)).ToList();
            await Parallel.ForEachAsync(sources, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (item, _) =>
            {
                var (name, source) = item;
                var start = TorchVerifier.Usings.Length;
                var step = Math.Max(1, (source.Length - start) / 32);
                for (var cut = start; cut <= source.Length; cut += step)
                {
                    await AnalyzeAsync(source.Substring(0, cut), references, failures, $"{name} cut at {cut}");
                    Interlocked.Increment(ref runs);
                }

                // Also a middle piece removed (unbalanced braces with code after them).
                for (var cut = start; cut + 40 <= source.Length; cut += step * 4)
                {
                    await AnalyzeAsync(source.Remove(cut, 40), references, failures, $"{name} without {cut}..{cut + 40}");
                    Interlocked.Increment(ref runs);
                }
            });

            Assert.Empty(failures);
            Assert.True(runs > 30 * TorchCases.All.Length, $"only {runs} runs");
        }
    }
}
