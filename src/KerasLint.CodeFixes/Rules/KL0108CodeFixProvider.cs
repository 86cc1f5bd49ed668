using System.Collections.Immutable;
using System.Composition;
using KerasLint.Knowledge;
using KerasLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KerasLint.CodeFixes
{
    /// <summary>
    /// KL0108: the matching crossentropy. Softmax: remove it and use CrossEntropyLoss (one-hot float targets are
    /// class probabilities to it); logits: CrossEntropyLoss; log-softmax: NLLLoss; sigmoid: BCELoss.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0108CodeFixProvider)), Shared]
    public sealed class KL0108CodeFixProvider : KerasLintCodeFixProvider
    {
        public const string UseCrossentropyKey = TorchFixPlans.KL0108UseCrossentropyKey;

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.RegressionLossOnTorchClassifier);
    }
}
