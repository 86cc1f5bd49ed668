using System.Collections.Immutable;
using KerasLint.Knowledge;
using KerasLint.Model;
using KerasLint.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Rules
{
    /// <summary>KL0104: NLLLoss / functional.nll_loss receive softmax, sigmoid, raw or other outputs that are not log-probabilities.</summary>
    public sealed class KL0104NllLossWithoutLogSoftmaxAnalyzer : TorchStepRuleAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KL0104, Descriptors.AtCompilationEnd(Descriptors.KL0104));

        internal override TorchLossKind Loss => TorchLossKind.NllLoss;

        internal override Diagnostic? Analyze(TorchTrainingStep step) =>
            step.Head.Activation != HeadActivation.LogSoftmax
                ? Create(Descriptors.KL0104, step, LossName(step), Describe(step.Head.Activation) + " from " + Origin(step))
                : null;
    }
}
