using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KerasLint.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KerasLint.CodeFixes
{
    /// <summary>
    /// Fix All for every KerasLint provider: Roslyn's batch fixer over each diagnostic's action with the requested
    /// equivalence key. When a host asks for Fix All of one id without a key, it gets each diagnostic's recommended action
    /// (<see cref="FixAction.RecommendedKey"/>). <c>dotnet format analyzers</c> does that whenever the first diagnostic it
    /// meets for an analyzer belongs to another id: it asks the id's provider for an action on that diagnostic, gets
    /// none, and passes the missing key on. One analyzer per engine reports several fixable ids, so without this every id
    /// whose diagnostics came second would be left unfixed ("didn't return a Fix All action"). dotnet format also asks
    /// for an id none of whose diagnostics is left (another id's coherent fix removed them): the answer is an action
    /// that changes nothing.
    /// </summary>
    internal sealed class RecommendedFixAllProvider : FixAllProvider
    {
        public static RecommendedFixAllProvider Instance { get; } = new RecommendedFixAllProvider();

        private RecommendedFixAllProvider()
        {
        }

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => WellKnownFixAllProviders.BatchFixer.GetSupportedFixAllScopes();

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var ids = fixAllContext.DiagnosticIds.ToImmutableArray();
            if (fixAllContext.CodeActionEquivalenceKey == null && ids.Length == 1 && fixAllContext.CodeFixProvider.FixableDiagnosticIds.Contains(ids[0]))
            {
                var provider = new Forwarding(fixAllContext);
                var key = FixAction.RecommendedKey(ids[0]);
                fixAllContext = fixAllContext.Document is { } document
                    ? new FixAllContext(document, fixAllContext.CodeFixProvider, fixAllContext.Scope, key, ids, provider, fixAllContext.CancellationToken)
                    : new FixAllContext(fixAllContext.Project, fixAllContext.CodeFixProvider, fixAllContext.Scope, key, ids, provider, fixAllContext.CancellationToken);
            }

            var fix = await WellKnownFixAllProviders.BatchFixer.GetFixAsync(fixAllContext).ConfigureAwait(false);
            if (fix != null || await HasDiagnosticsAsync(fixAllContext).ConfigureAwait(false)) return fix;

            // Nothing of these ids is left in scope: another id's coherent fix already removed them (KL0001 renaming a
            // metric also moves the callback KL0008 flagged). dotnet format still asks, because the analyzer reported
            // other ids; "no change" is the right answer, not "no Fix All action".
            var solution = fixAllContext.Solution;
            return CodeAction.Create("Nothing left to fix for " + string.Join(", ", ids), _ => Task.FromResult(solution), fixAllContext.CodeActionEquivalenceKey);
        }

        private static async Task<bool> HasDiagnosticsAsync(FixAllContext context)
        {
            switch (context.Scope)
            {
                case FixAllScope.Document when context.Document != null:
                    return !(await context.GetDocumentDiagnosticsAsync(context.Document).ConfigureAwait(false)).IsEmpty;
                case FixAllScope.Solution:
                    foreach (var project in context.Solution.Projects)
                    {
                        if (!(await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false)).IsEmpty) return true;
                    }

                    return false;
                default:
                    return !(await context.GetAllDiagnosticsAsync(context.Project).ConfigureAwait(false)).IsEmpty;
            }
        }

        /// <summary>The host's own diagnostics (its analysis, filtered to the context's ids), unchanged.</summary>
        private sealed class Forwarding : FixAllContext.DiagnosticProvider
        {
            private readonly FixAllContext original;

            public Forwarding(FixAllContext original) => this.original = original;

            public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
                Cast(original.GetDocumentDiagnosticsAsync(document));

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Cast(original.GetProjectDiagnosticsAsync(project));

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Cast(original.GetAllDiagnosticsAsync(project));

            private static async Task<IEnumerable<Diagnostic>> Cast(Task<ImmutableArray<Diagnostic>> diagnostics) => await diagnostics.ConfigureAwait(false);
        }
    }
}
