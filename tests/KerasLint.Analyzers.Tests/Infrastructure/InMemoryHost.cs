using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KerasLint.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// Runs a code-fix test a second time the way an in-memory host meets it (an ad-hoc workspace, a script or
    /// notebook host, a test that adds a document by name): every source document without a file path, so the syntax
    /// trees carry the document's name as their path while <see cref="Document.FilePath"/> is null. The test's
    /// action (its equivalence key, else each diagnostic's first) is applied one diagnostic at a time until none is
    /// left to fix, and the documents must then read as the test's fixed sources: a fix that matches documents by
    /// path alone changes nothing there and fails.
    /// </summary>
    public static class InMemoryHost
    {
        private const int MaxIterations = 40;

        /// <summary>The test as written (with file paths), then in memory.</summary>
        public static async Task WithAndWithoutPaths(CodeFixTest<DefaultVerifier> test, Func<CancellationToken, Task> run,
            IEnumerable<DiagnosticAnalyzer> analyzers, IEnumerable<CodeFixProvider> providers, CancellationToken cancellationToken = default)
        {
            await run(cancellationToken);
            await VerifyAsync(test, analyzers.ToImmutableArray(), providers.ToList(), cancellationToken);
        }

        public static async Task VerifyAsync(CodeFixTest<DefaultVerifier> test, ImmutableArray<DiagnosticAnalyzer> analyzers, IReadOnlyList<CodeFixProvider> providers, CancellationToken cancellationToken)
        {
            var references = await test.ReferenceAssemblies.ResolveAsync(LanguageNames.CSharp, cancellationToken);
            using var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId();
            var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(projectId, VersionStamp.Create(), "InMemory", "InMemory", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                metadataReferences: references.AddRange(test.TestState.AdditionalReferences)));
            var ids = new List<DocumentId>();
            foreach (var (name, text) in test.TestState.Sources)
            {
                var id = DocumentId.CreateNewId(projectId);
                ids.Add(id);
                solution = solution.AddDocument(DocumentInfo.Create(id, Path.GetFileName(name), loader: TextLoader.From(TextAndVersion.Create(SourceText.From(Plain(text.ToString())), VersionStamp.Create())), filePath: null));
            }

            foreach (var (name, text) in test.TestState.AnalyzerConfigFiles)
            {
                solution = solution.AddAnalyzerConfigDocuments(ImmutableArray.Create(DocumentInfo.Create(DocumentId.CreateNewId(projectId), Path.GetFileName(name),
                    loader: TextLoader.From(TextAndVersion.Create(text, VersionStamp.Create())), filePath: name)));
            }

            var expected = (test.FixedState.Sources.Count > 0 ? test.FixedState.Sources : test.TestState.Sources).Select(s => Plain(s.content.ToString())).ToList();
            var fixable = providers.SelectMany(p => p.FixableDiagnosticIds).ToHashSet();
            for (var iteration = 0; ; iteration++)
            {
                Assert.True(iteration < MaxIterations, $"in memory: still fixing after {MaxIterations} iterations (a fix does not remove its diagnostic)");
                var project = solution.GetProject(projectId)!;
                var compilation = (await project.GetCompilationAsync(cancellationToken))!;
                var diagnostics = (await compilation.WithAnalyzers(analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync(cancellationToken))
                    .Where(d => fixable.Contains(d.Id))
                    .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start)
                    .ToList();
                var action = await FirstActionAsync(project, diagnostics, providers, test.CodeActionEquivalenceKey, cancellationToken);
                if (action == null) break;
                var operations = await action.GetOperationsAsync(cancellationToken);
                solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
            }

            for (var i = 0; i < ids.Count; i++)
            {
                var actual = (await solution.GetDocument(ids[i])!.GetTextAsync(cancellationToken)).ToString();
                Assert.True(expected[i] == actual, $"in memory (no file path): document {i} after the fixes:\n{actual}\nexpected:\n{expected[i]}");
            }
        }

        private static async Task<CodeAction?> FirstActionAsync(Project project, List<Diagnostic> diagnostics, IReadOnlyList<CodeFixProvider> providers, string? key, CancellationToken cancellationToken)
        {
            foreach (var diagnostic in diagnostics)
            {
                var document = project.GetDocument(diagnostic.Location.SourceTree);
                if (document == null) continue;
                foreach (var provider in providers.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    var actions = new List<CodeAction>();
                    await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), cancellationToken));
                    var action = key == null ? actions.FirstOrDefault() : actions.FirstOrDefault(a => a.EquivalenceKey == key);
                    if (action != null) return action;
                }
            }

            return null;
        }

        /// <summary>The source without the test framework's markup (<c>[|…|]</c>, <c>{|KL0001:…|}</c>).</summary>
        private static string Plain(string markup)
        {
            TestFileMarkupParser.GetSpans(markup, out string output, out ImmutableDictionary<string, ImmutableArray<TextSpan>> _);
            return output;
        }
    }
}
