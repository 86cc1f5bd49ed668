using System.Collections.Immutable;
using KerasLint.Knowledge;
using KerasLint.Model;
using KerasLint.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Rules
{
    /// <summary>KL0103: BCEWithLogitsLoss / functional.binary_cross_entropy_with_logits (which apply sigmoid themselves) receive sigmoid outputs.</summary>
    public sealed class KL0103BceWithLogitsOnSigmoidAnalyzer : TorchStepRuleAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KL0103, Descriptors.AtCompilationEnd(Descriptors.KL0103));

        internal override TorchLossKind Loss => TorchLossKind.BceWithLogits;

        internal override Diagnostic? Analyze(TorchTrainingStep step) =>
            step.Head.Activation == HeadActivation.Sigmoid
                ? Create(Descriptors.KL0103, step, LossName(step), Origin(step))
                : null;
    }
}
