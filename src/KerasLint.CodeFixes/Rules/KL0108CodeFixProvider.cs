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
    /// KL0108: the matching crossentropy. Softmax: remove it and use CrossEntropyLoss (one-hot float targets are
    /// class probabilities to it); logits: CrossEntropyLoss; log-softmax: NLLLoss; sigmoid: BCELoss.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0108CodeFixProvider)), Shared]
    public sealed class KL0108CodeFixProvider : TorchCodeFixProvider
    {
        public const string UseCrossentropyKey = "KL0108.UseMatchingCrossentropy";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.RegressionLossOnTorchClassifier);

        internal override ImmutableArray<(string Title, string Key, Func<Dictionary<SyntaxNode, SyntaxNode?>?> Edit)> Actions(TorchFixes fixes) => ImmutableArray.Create<(string, string, Func<Dictionary<SyntaxNode, SyntaxNode?>?>)>(
            ("Use the matching crossentropy", UseCrossentropyKey, () => fixes.Head switch
            {
                HeadActivation.Softmax => TorchFixes.Combine(fixes.RemoveActivation(), fixes.SwitchLoss("CrossEntropyLoss", "cross_entropy")),
                HeadActivation.Linear => TorchFixes.Combine(fixes.SwitchLoss("CrossEntropyLoss", "cross_entropy")),
                HeadActivation.LogSoftmax => TorchFixes.Combine(fixes.SwitchLoss("NLLLoss", "nll_loss")),
                HeadActivation.Sigmoid => TorchFixes.Combine(fixes.SwitchLoss("BCELoss", "binary_cross_entropy")),
                _ => null,
            }));
    }
}
