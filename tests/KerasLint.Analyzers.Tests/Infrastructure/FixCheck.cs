using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KerasLint.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// Checks one source the way a host would meet it: every analyzer runs (no AD0001, no diagnostic reported twice
    /// with the same id, span and message), and every code action offered for every KL diagnostic is applied: the
    /// result must not add compiler errors and must no longer carry that diagnostic (same id, line, column, message);
    /// a diagnostic of an id in <see cref="UniformlyFixable"/> must be offered at least one; what the History lookups
    /// mean is kept (<see cref="HistoryMeaning"/>).
    /// </summary>
    public static class FixCheck
    {
        /// <summary>Every code-fix provider of the CodeFixes assembly, by the id it fixes.</summary>
        public static IReadOnlyDictionary<string, CodeFixProvider> Providers { get; } = typeof(KL0001AccuracyOnRegressionCodeFixProvider).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) != null)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .SelectMany(p => p.FixableDiagnosticIds.Select(id => (id, p)))
            .ToDictionary(x => x.id, x => x.p);

        /// <summary>
        /// Ids whose every diagnostic must carry a code action (dotnet format gives up on an id when the first diagnostic
        /// it meets has none): every id that has a fix. A case a rule cannot fix gets its own id without one (KL0013 for KL0010).
        /// </summary>
        public static IReadOnlyCollection<string> UniformlyFixable { get; } = Providers.Keys.OrderBy(id => id, StringComparer.Ordinal).ToArray();

        public sealed class Result
        {
            public List<string> Failures { get; } = new List<string>();

            public int Diagnostics { get; set; }

            public int FixesApplied { get; set; }
        }

        public static Task Check(string source, string? family, MetadataReference library, Result result, bool applyFixes = true, string label = "", bool inMemory = false) =>
            Check(source, family, new[] { library }, result, applyFixes, label, inMemory);

        /// <summary>
        /// The same, against several library assemblies (TensorFlow.NET's Binding and Keras). <paramref name="inMemory"/>:
        /// the document has no file path (an ad-hoc workspace, a script host), only its name.
        /// </summary>
        public static async Task Check(string source, string? family, IEnumerable<MetadataReference> libraries, Result result, bool applyFixes = true, string label = "", bool inMemory = false)
        {
            using var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId();
            var solution = workspace.CurrentSolution
                .AddProject(ProjectInfo.Create(projectId, VersionStamp.Create(), "P", "P", LanguageNames.CSharp,
                    compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                    metadataReferences: Direct.Platform.AddRange(libraries)));
            var documentId = DocumentId.CreateNewId(projectId);
            solution = solution.AddDocument(DocumentInfo.Create(documentId, "Test0.cs", loader: TextLoader.From(TextAndVersion.Create(SourceText.From(source), VersionStamp.Create())), filePath: inMemory ? null : "/0/Test0.cs"));
            var project = solution.GetProject(projectId)!;
            var (errors, diagnostics) = await Analyze(project, family, result, label);
            result.Diagnostics += diagnostics.Length;

            foreach (var group in diagnostics.GroupBy(d => (d.Id, d.Location.SourceSpan, Message: d.GetMessage())).Where(g => g.Count() > 1))
            {
                result.Failures.Add($"{label}: {group.Key.Id} reported {group.Count()} times at {group.Key.SourceSpan}: {group.Key.Message}");
            }

            if (!applyFixes) return;
            var document = project.GetDocument(documentId)!;
            foreach (var diagnostic in diagnostics)
            {
                if (!Providers.TryGetValue(diagnostic.Id, out var provider)) continue;
                var actions = new List<CodeAction>();
                await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
                if (actions.Count == 0 && UniformlyFixable.Contains(diagnostic.Id))
                {
                    result.Failures.Add($"{label}: {diagnostic.Id} at {diagnostic.Location.GetLineSpan().StartLinePosition} carries no code action: {diagnostic.GetMessage()}");
                }

                foreach (var action in actions)
                {
                    var what = $"{label}: {diagnostic.Id} '{action.Title}' at {diagnostic.Location.GetLineSpan().StartLinePosition}";
                    var operations = await action.GetOperationsAsync(CancellationToken.None);
                    var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetProject(projectId)!;
                    var (afterErrors, after) = await Analyze(changed, family, result, what);
                    result.FixesApplied++;
                    if (afterErrors > errors) result.Failures.Add($"{what}: {afterErrors - errors} new compiler error(s)");
                    var meaning = HistoryMeaning((await changed.GetDocument(documentId)!.GetSyntaxTreeAsync())!);
                    if (meaning != HistoryMeaning((await document.GetSyntaxTreeAsync())!)) result.Failures.Add($"{what}: a History lookup's meaning changed ({meaning})");
                    var position = diagnostic.Location.GetLineSpan().StartLinePosition;
                    if (after.Any(d => d.Id == diagnostic.Id && d.Location.GetLineSpan().StartLinePosition == position && d.GetMessage() == diagnostic.GetMessage()))
                    {
                        var newText = (await changed.GetDocument(documentId)!.GetTextAsync()).ToString();
                        result.Failures.Add($"{what}: the diagnostic is still there" + (newText == source ? " (the document is unchanged)" : ""));
                    }
                }
            }
        }

        /// <summary>
        /// What the History lookups with a constant key mean, as a fix must keep it (issue 18, item 3): how many take the
        /// best of their values the wrong way round (an error's Max, an accuracy's Min), and how many compare or rank the
        /// values of a key best when highest, and of one best when lowest.
        /// </summary>
        public static string HistoryMeaning(SyntaxTree tree)
        {
            int inverted = 0, orderedUp = 0, orderedDown = 0;
            foreach (var access in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ElementAccessExpressionSyntax>())
            {
                if (access.ArgumentList.Arguments.Count != 1 || !(access.ArgumentList.Arguments[0].Expression is Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax { Token.Value: string key } literal)) continue;
                var direction = global::KerasLint.Knowledge.LogKeys.IntendedDirection(key);
                if (direction == global::KerasLint.Knowledge.MetricDirection.Unknown || !(SourceSpans.ValueUses(literal.GetLocation()) is { } uses)) continue;
                inverted += uses.Best.Count(b => (b.Method == "Max") != (direction == global::KerasLint.Knowledge.MetricDirection.Up));
                if (uses.Ordered && direction == global::KerasLint.Knowledge.MetricDirection.Up) orderedUp++;
                if (uses.Ordered && direction == global::KerasLint.Knowledge.MetricDirection.Down) orderedDown++;
            }

            return $"{inverted} best value(s) taken the wrong way round, {orderedUp} highest-best and {orderedDown} lowest-best key(s) compared or ranked";
        }

        private static async Task<(int Errors, ImmutableArray<Diagnostic> Diagnostics)> Analyze(Project project, string? family, Result result, string label)
        {
            var compilation = (await project.GetCompilationAsync())!;
            var errors = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
            var options = new CompilationWithAnalyzersOptions(Direct.OptionsFor(family), (ex, _, _) => result.Failures.Add($"{label}: analyzer threw {ex.GetType().Name}: {ex.Message}"), concurrentAnalysis: false, logAnalyzerExecutionTime: false);
            var all = await compilation.WithAnalyzers(KerasCode.EveryAnalyzer, options).GetAnalyzerDiagnosticsAsync();
            foreach (var d in all.Where(d => d.Id is "AD0001" or "AD0002")) result.Failures.Add($"{label}: {d}");
            return (errors, all.Where(d => d.Id.StartsWith("KL", StringComparison.Ordinal)).ToImmutableArray());
        }
    }
}
