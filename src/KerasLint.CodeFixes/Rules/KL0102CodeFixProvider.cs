using System.Collections.Immutable;
using System.Composition;
using KerasLint.Knowledge;
using KerasLint.Rules;
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
    public sealed class KL0102CodeFixProvider : KerasLintCodeFixProvider
    {
        public const string UseWithLogitsKey = TorchFixPlans.KL0102UseWithLogitsKey;
        public const string RemoveActivationKey = TorchFixPlans.KL0102RemoveActivationKey;

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.BceOnUnboundedOutputs);
    }
}
