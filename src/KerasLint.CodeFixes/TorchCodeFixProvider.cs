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
            return fixes == null ? Array.Empty<FixCandidate>() : Offerable(Actions(fixes), _ => true, (edits, ct) => Task.FromResult(fixes.ToSolution(edits, ct)));
        }

        /// <summary>The code actions for one diagnostic, recommended first: title, equivalence key, and the edits (null: not offered).</summary>
        internal abstract ImmutableArray<(string Title, string Key, Func<Dictionary<SyntaxNode, SyntaxNode?>?> Edit)> Actions(TorchFixes fixes);
    }
}
