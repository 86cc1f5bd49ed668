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
    /// KL0104: NLLLoss on softmax → LogSoftmax / log_softmax; NLLLoss on raw logits → <c>.log_softmax(1)</c> on the
    /// prediction, or CrossEntropyLoss. Sigmoid, relu and tanh outputs are not log-probabilities a log_softmax may
    /// read as they are: the activation is removed (the output before it becomes the logits) and the prediction
    /// gets <c>.log_softmax(1)</c>, NLLLoss's class dimension.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0104CodeFixProvider)), Shared]
    public sealed class KL0104CodeFixProvider : TorchCodeFixProvider
    {
        public const string ApplyLogSoftmaxKey = "KL0104.ApplyLogSoftmax";
        public const string UseCrossEntropyKey = "KL0104.UseCrossEntropyLoss";
        public const string RemoveActivationKey = "KL0104.RemoveActivationApplyLogSoftmax";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.NllLossWithoutLogSoftmax);

        internal override ImmutableArray<(string Title, string Key, Func<Dictionary<SyntaxNode, SyntaxNode?>?> Edit)> Actions(TorchFixes fixes) => ImmutableArray.Create<(string, string, Func<Dictionary<SyntaxNode, SyntaxNode?>?>)>(
            ("Apply log_softmax", ApplyLogSoftmaxKey, () => fixes.Head switch
            {
                HeadActivation.Softmax => TorchFixes.Combine(fixes.SoftmaxToLogSoftmax()),
                HeadActivation.Linear => TorchFixes.Combine(fixes.WrapPredictionInLogSoftmax()),
                _ => null,
            }),
            ("Use CrossEntropyLoss on the logits", UseCrossEntropyKey,
                () => fixes.Head == HeadActivation.Linear ? TorchFixes.Combine(fixes.SwitchLoss("CrossEntropyLoss", "cross_entropy")) : null),
            ("Remove the output activation and apply log_softmax (NLLLoss takes log-probabilities)", RemoveActivationKey,
                () => fixes.Head is HeadActivation.Sigmoid or HeadActivation.Tanh or HeadActivation.Unbounded && fixes.RemoveActivation() is { } removed
                    ? TorchFixes.Combine(fixes.WrapPredictionInLogSoftmax(removed)) : null));
    }
}
