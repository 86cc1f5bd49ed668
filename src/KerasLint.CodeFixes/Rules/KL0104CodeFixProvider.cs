using System.Collections.Immutable;
using System.Composition;
using KerasLint.Knowledge;
using KerasLint.Rules;
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
    public sealed class KL0104CodeFixProvider : KerasLintCodeFixProvider
    {
        public const string ApplyLogSoftmaxKey = TorchFixPlans.KL0104ApplyLogSoftmaxKey;
        public const string UseCrossEntropyKey = TorchFixPlans.KL0104UseCrossEntropyKey;
        public const string RemoveActivationKey = TorchFixPlans.KL0104RemoveActivationKey;

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.NllLossWithoutLogSoftmax);
    }
}
