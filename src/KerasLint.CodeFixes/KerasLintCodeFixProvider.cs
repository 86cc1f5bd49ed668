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
    /// The one fix pipeline every KerasLint code fix goes through, whatever the library: a provider lists the
    /// actions it can complete for a diagnostic (<see cref="CandidatesAsync"/>: edits decided now, the changed
    /// solution built lazily, under the host's cancellation token); the first is registered under
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

        /// <summary>The actions that can be completed for the diagnostic, recommended first; none when no edit is safe.</summary>
        internal abstract Task<IReadOnlyList<FixCandidate>> CandidatesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken);
    }

    /// <summary>The fixes of the rules over compiled setups (Keras.NET, TensorFlow.NET): the plan the analyzer carried in the diagnostic (<see cref="FixPlan"/>).</summary>
    public abstract class PlannedCodeFixProvider : KerasLintCodeFixProvider
    {
        internal sealed override Task<IReadOnlyList<FixCandidate>> CandidatesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken) =>
            FromPlanAsync(document, diagnostic, cancellationToken);

        /// <summary>The actions of the plan a diagnostic carries that apply and compile.</summary>
        internal static async Task<IReadOnlyList<FixCandidate>> FromPlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var candidates = new List<FixCandidate>();
            foreach (var action in FixPlan.Read(diagnostic))
            {
                // Made now, so that an action whose result would not compile (or whose location cannot be found) is not offered.
                var changed = await PlannedFixApplier.ApplyAsync(document, diagnostic, action, cancellationToken).ConfigureAwait(false);
                if (changed != null) candidates.Add(new FixCandidate(action.Title, action.EquivalenceKey, _ => Task.FromResult(changed)));
            }

            return candidates;
        }
    }
}
