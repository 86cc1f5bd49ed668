using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KerasLint.CodeFixes
{
    /// <summary>Base of the TorchSharp fixes: each offers code actions computed by <see cref="TorchFixes"/>; Fix All batches them.</summary>
    public abstract class TorchCodeFixProvider : CodeFixProvider
    {
        public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics.Where(d => FixableDiagnosticIds.Contains(d.Id)))
            {
                var fixes = await TorchFixes.ReadAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
                if (fixes == null) continue;
                foreach (var (title, key, edit) in Actions(fixes))
                {
                    // Whether the fix can be made is decided now (syntax and binding checks); the changed solution is
                    // built only when the host previews or applies it.
                    var edits = edit();
                    if (edits == null) continue;
                    context.RegisterCodeFix(CodeAction.Create(title, ct => Task.FromResult(fixes.ToSolution(edits, ct)), key), diagnostic);
                }
            }
        }

        /// <summary>The code actions for one diagnostic: title, equivalence key, and the edits (null: not offered).</summary>
        internal abstract ImmutableArray<(string Title, string Key, Func<Dictionary<SyntaxNode, SyntaxNode?>?> Edit)> Actions(TorchFixes fixes);
    }
}
