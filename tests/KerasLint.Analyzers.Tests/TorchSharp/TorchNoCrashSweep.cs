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
    /// Guards the TorchSharp part of the no-crash sweep (NoCrashSweepTests truncates these sources): complete, they
    /// analyse without analyzer exceptions and produce exactly the diagnostics they mark.
    /// </summary>
    public class TorchNoCrashSweep
    {
        /// <summary>The engines that run every TorchSharp rule (and KL0009).</summary>
        internal static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = Engines.All.Where(a => a is KerasLintTorchAnalyzer or KerasLintDropoutAnalyzer).ToImmutableArray();

        internal static async Task<ImmutableArray<MetadataReference>> ReferencesAsync()
        {
            var framework = await TorchVerifier.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            return framework.Add(TorchVerifier.TorchSharpReference);
        }

        /// <summary>Runs every TorchSharp analyzer; returns the diagnostics and records analyzer exceptions.</summary>
        internal static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source, ImmutableArray<MetadataReference> references, ConcurrentBag<string> failures, string label)
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
    }
}
