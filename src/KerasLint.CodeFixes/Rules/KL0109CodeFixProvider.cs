using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using KerasLint.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KerasLint.CodeFixes
{
    /// <summary>KL0109: remove the softmax and use CrossEntropyLoss / cross_entropy (which also accepts one-hot probability targets).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0109CodeFixProvider)), Shared]
    public sealed class KL0109CodeFixProvider : TorchCodeFixProvider
    {
        public const string UseCrossEntropyKey = "KL0109.UseCrossEntropyOnLogits";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.BceOnSoftmax);

        internal override ImmutableArray<(string Title, string Key, Func<Dictionary<SyntaxNode, SyntaxNode?>?> Edit)> Actions(TorchFixes fixes) => ImmutableArray.Create<(string, string, Func<Dictionary<SyntaxNode, SyntaxNode?>?>)>(
            ("Use CrossEntropyLoss on the logits (remove the softmax)", UseCrossEntropyKey,
                () => TorchFixes.Combine(fixes.RemoveActivation(), fixes.SwitchLoss("CrossEntropyLoss", "cross_entropy"))));
    }
}
