using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using KerasLint.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KerasLint.CodeFixes
{
    /// <summary>KL0102: logits into BCELoss → BCEWithLogitsLoss / binary_cross_entropy_with_logits (only for raw logits, not relu/tanh outputs).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0102CodeFixProvider)), Shared]
    public sealed class KL0102CodeFixProvider : TorchCodeFixProvider
    {
        public const string UseWithLogitsKey = "KL0102.UseBceWithLogits";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.BceOnUnboundedOutputs);

        internal override ImmutableArray<(string Title, string Key, Func<Dictionary<SyntaxNode, SyntaxNode?>?> Edit)> Actions(TorchFixes fixes) => ImmutableArray.Create<(string, string, Func<Dictionary<SyntaxNode, SyntaxNode?>?>)>(
            ("Use BCEWithLogitsLoss (applies the sigmoid itself)", UseWithLogitsKey,
                () => fixes.Head == HeadActivation.Linear ? TorchFixes.Combine(fixes.SwitchLoss("BCEWithLogitsLoss", "binary_cross_entropy_with_logits")) : null));
    }
}
