using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using KerasLint.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KerasLint.CodeFixes
{
    /// <summary>One action a provider can complete for a diagnostic: its title, its equivalence key, and its typed edits, applied only when the host previews or applies it.</summary>
    internal sealed class FixCandidate
    {
        public FixCandidate(string title, string key, Func<CancellationToken, Task<Solution>> apply)
        {
            Title = title;
            Key = key;
            Apply = apply;
        }

        public string Title { get; }

        public string Key { get; }

        public Func<CancellationToken, Task<Solution>> Apply { get; }
    }

    /// <summary>
    /// The one fix pipeline every KerasLint code fix goes through, whatever the library: a provider names its ids, and
    /// offers the actions that can be completed for a diagnostic (<see cref="CandidatesAsync"/>: the analyzer's typed
    /// edits, made and checked by the one applier); the first is registered under
    /// <see cref="FixAction.RecommendedKey"/>, so Fix All and <c>dotnet format</c>, which take the first action of the
    /// first diagnostic they meet, apply every diagnostic's own recommendation; the others keep their own keys.
    /// </summary>
    public abstract class KerasLintCodeFixProvider : CodeFixProvider
    {
        public sealed override FixAllProvider GetFixAllProvider() => RecommendedFixAllProvider.Instance;

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!FixableDiagnosticIds.Contains(diagnostic.Id)) continue;
                var candidates = await CandidatesAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
                for (var i = 0; i < candidates.Count; i++)
                {
                    var candidate = candidates[i];
                    var key = i == 0 ? FixAction.RecommendedKey(diagnostic.Id) : candidate.Key;
                    context.RegisterCodeFix(CodeAction.Create(candidate.Title, candidate.Apply, key), diagnostic);
                }
            }
        }

        /// <summary>
        /// The actions that can be completed for the diagnostic, recommended first; none when no edit is safe: the typed
        /// edits the analyzer planned for it (<see cref="FixPlan"/>, every library), made by the one applier
        /// (<see cref="PlannedFixApplier"/>).
        /// </summary>
        internal Task<IReadOnlyList<FixCandidate>> CandidatesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken) =>
            PlannedFixApplier.CandidatesAsync(document, diagnostic, cancellationToken);
    }
}
