using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using KerasLint.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KerasLint.CodeFixes
{
    /// <summary>KL0101: remove the final softmax (CrossEntropyLoss gets logits), or switch to LogSoftmax + NLLLoss.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0101CodeFixProvider)), Shared]
    public sealed class KL0101CodeFixProvider : TorchCodeFixProvider
    {
        public const string RemoveSoftmaxKey = "KL0101.RemoveSoftmax";
        public const string UseNllLossKey = "KL0101.UseLogSoftmaxAndNllLoss";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.CrossEntropyOnProbabilities);

        internal override ImmutableArray<(string Title, string Key, Func<Dictionary<SyntaxNode, SyntaxNode?>?> Edit)> Actions(TorchFixes fixes) => ImmutableArray.Create<(string, string, Func<Dictionary<SyntaxNode, SyntaxNode?>?>)>(
            ("Remove the softmax (CrossEntropyLoss takes logits)", RemoveSoftmaxKey, () => fixes.RemoveActivation()),
            ("Use LogSoftmax with NLLLoss", UseNllLossKey, () => TorchFixes.Combine(fixes.SoftmaxToLogSoftmax(), fixes.SwitchLoss("NLLLoss", "nll_loss"))));
    }
}
