using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace KerasLint.CodeFixes
{
    /// <summary>Base of the TorchSharp loss fixes: each action's edits are computed by <see cref="TorchFixes"/> (syntax and binding checks, in any document of the solution).</summary>
    public abstract class TorchCodeFixProvider : KerasLintCodeFixProvider
    {
        internal sealed override async Task<IReadOnlyList<FixCandidate>> CandidatesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var fixes = await TorchFixes.ReadAsync(document, diagnostic, cancellationToken).ConfigureAwait(false);
            return fixes == null ? Array.Empty<FixCandidate>() : await CheckedAsync(fixes, Actions(fixes), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The actions whose edits can be made and pass the binding check (<see cref="TorchFixes.ApplyCheckedAsync"/>), in order.</summary>
        internal static async Task<IReadOnlyList<FixCandidate>> CheckedAsync(TorchFixes fixes, IEnumerable<(string Title, string Key, Func<Dictionary<SyntaxNode, SyntaxNode?>?> Edit)> actions, CancellationToken cancellationToken)
        {
            var candidates = new List<FixCandidate>();
            foreach (var (title, key, edit) in actions)
            {
                if (edit() is { } edits && await fixes.ApplyCheckedAsync(edits, cancellationToken).ConfigureAwait(false) is { } changed)
                {
                    candidates.Add(new FixCandidate(title, key, _ => Task.FromResult(changed)));
                }
            }

            return candidates;
        }

        /// <summary>The code actions for one diagnostic, recommended first: title, equivalence key, and the edits (null: not offered).</summary>
        internal abstract ImmutableArray<(string Title, string Key, Func<Dictionary<SyntaxNode, SyntaxNode?>?> Edit)> Actions(TorchFixes fixes);
    }
}
