using System.Collections.Immutable;
using KerasLint.CodeFixes;
using KerasLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace KerasLint.Analyzers.Tests.TorchSharp
{
    /// <summary>
    /// Every code action offered on every positive TorchSharp case must produce code that compiles and no longer
    /// carries the diagnostic it fixed (checked per diagnostic: same id, position and message).
    /// </summary>
    public class TorchFixCompileSweep
    {
        private static readonly (KerasLintRule Rule, CodeFixProvider Fix)[] Rules =
        {
            (new KL0006FromLogitsOnProbabilitiesAnalyzer(), new KL0101CodeFixProvider()),
            (new KL0005LossExpectsProbabilitiesAnalyzer(), new KL0102CodeFixProvider()),
            (new KL0006FromLogitsOnProbabilitiesAnalyzer(), new KL0103CodeFixProvider()),
            (new KL0005LossExpectsProbabilitiesAnalyzer(), new KL0104CodeFixProvider()),
            (new KL0105CrossEntropyOnOneUnitAnalyzer(), new KL0105CodeFixProvider()),
            (new KL0106ArgmaxOfOneUnitAnalyzer(), new KL0106CodeFixProvider()),
            (new KL0107ElementwiseAccuracyOnSoftmaxAnalyzer(), new KL0107CodeFixProvider()),
            (new KL0007RegressionLossOnClassifierAnalyzer(), new KL0108CodeFixProvider()),
            (new KL0002BinaryCrossentropyOnMultiClassAnalyzer(), new KL0109CodeFixProvider()),
            (new KL0001AccuracyOnRegressionAnalyzer(), new KL0110CodeFixProvider()),
        };

        /// <summary>Rules whose every positive case must be offered a fix (their cases use the shapes the fixes handle).</summary>
        private static readonly HashSet<string> AlwaysFixed = new HashSet<string> { "KL0105", "KL0106", "KL0107", "KL0108", "KL0109", "KL0110" };

        [Fact]
        public async Task EveryOfferedFixCompiles()
        {
            var framework = await TorchVerifier.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            var references = framework.Add(TorchVerifier.TorchSharpReference);
            var applied = 0;
            var failures = new List<string>();
            foreach (var c in TorchCases.All.Where(c => c.Rule != "KL0009" && c.Source.Contains("{|KL")))
            {
                var (rule, fix) = Rules.Single(r => r.Fix.FixableDiagnosticIds.Contains(c.Rule));
                var source = TorchVerifier.Parse(TorchVerifier.Usings + c.Source).Source;
                using var workspace = new AdhocWorkspace();
                var project = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Create(), "P", "P", LanguageNames.CSharp,
                    compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                    metadataReferences: references));
                var document = workspace.AddDocument(project.Id, "Test0.cs", SourceText.From(source));
                var diagnostics = await Analyze(document.Project, rule);
                Assert.NotEmpty(diagnostics);
                foreach (var diagnostic in diagnostics)
                {
                    var actions = new List<CodeAction>();
                    await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
                    if (actions.Count == 0 && AlwaysFixed.Contains(c.Rule)) failures.Add($"{c.Name}: no fix offered");
                    foreach (var action in actions)
                    {
                        var operations = await action.GetOperationsAsync(CancellationToken.None);
                        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
                        var compilation = await changed.GetProject(project.Id)!.GetCompilationAsync();
                        var errors = compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                        if (errors.Count > 0) failures.Add($"{c.Name} / {action.Title}: {errors[0]}");
                        var after = await Analyze(changed.GetProject(project.Id)!, rule);
                        // The diagnostic it fixed is gone (same id, position and message), not merely one fewer overall.
                        var at = diagnostic.Location.GetLineSpan().StartLinePosition;
                        if (after.Any(d => d.Id == diagnostic.Id && d.Location.GetLineSpan().StartLinePosition == at && d.GetMessage() == diagnostic.GetMessage()))
                        {
                            failures.Add($"{c.Name} / {action.Title}: the diagnostic at {at} is still there");
                        }

                        if (after.Length >= diagnostics.Length) failures.Add($"{c.Name} / {action.Title}: still {after.Length} diagnostic(s)");
                        applied++;
                    }
                }
            }

            Assert.Empty(failures);
            Assert.True(applied >= 40, $"only {applied} fixes applied");
        }

        /// <summary>The diagnostics of one rule (every engine runs; the other rules' ids are dropped).</summary>
        private static async Task<ImmutableArray<Diagnostic>> Analyze(Project project, KerasLintRule rule)
        {
            var compilation = await project.GetCompilationAsync();
            Assert.Empty(compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var ids = rule.SupportedDiagnostics.Select(d => d.Id).ToHashSet();
            return (await compilation.WithAnalyzers(Engines.All).GetAnalyzerDiagnosticsAsync()).Where(d => ids.Contains(d.Id) || d.Id.StartsWith("AD", StringComparison.Ordinal)).ToImmutableArray();
        }
    }
}
