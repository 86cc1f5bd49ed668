using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using KerasLint.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KerasLint.CodeFixes
{
    /// <summary>
    /// KL0102: logits into BCELoss → BCEWithLogitsLoss / binary_cross_entropy_with_logits. Outputs of a relu or tanh are
    /// not logits a sigmoid may read as they are (a relu's are never below 0, so every probability would be ≥ 0.5): the
    /// activation is removed first, so that the output before it becomes the logit (binding-checked, in any document).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0102CodeFixProvider)), Shared]
    public sealed class KL0102CodeFixProvider : TorchCodeFixProvider
    {
        public const string UseWithLogitsKey = "KL0102.UseBceWithLogits";

        public const string RemoveActivationKey = "KL0102.RemoveActivationUseBceWithLogits";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.BceOnUnboundedOutputs);

        internal override ImmutableArray<(string Title, string Key, Func<Dictionary<SyntaxNode, SyntaxNode?>?> Edit)> Actions(TorchFixes fixes) => ImmutableArray.Create<(string, string, Func<Dictionary<SyntaxNode, SyntaxNode?>?>)>(
            ("Use BCEWithLogitsLoss (applies the sigmoid itself)", UseWithLogitsKey,
                () => fixes.Head == HeadActivation.Linear ? TorchFixes.Combine(fixes.SwitchLoss("BCEWithLogitsLoss", "binary_cross_entropy_with_logits")) : null),
            ("Remove the output activation and use BCEWithLogitsLoss (one logit)", RemoveActivationKey,
                () => fixes.Head != HeadActivation.Linear ? TorchFixes.Combine(fixes.RemoveActivation(), fixes.SwitchLoss("BCEWithLogitsLoss", "binary_cross_entropy_with_logits")) : null));
    }
}
