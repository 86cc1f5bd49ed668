using System.Collections.Immutable;
using KerasLint.Analysis;
using KerasLint.Knowledge;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Rules
{
    /// <summary>
    /// KL0108: a regression loss (MSELoss, L1Loss, HuberLoss, SmoothL1Loss and their functional forms) on class
    /// probabilities (softmax over more than one unit, log-softmax), or on the logits or sigmoid outputs of a head
    /// whose target is visibly one-hot.
    /// </summary>
    public sealed class KL0108RegressionLossOnTorchClassifierAnalyzer : TorchStepRuleAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KL0108, Descriptors.AtCompilationEnd(Descriptors.KL0108));

        internal override TorchLossKind Loss => TorchLossKind.Mse;

        internal override bool Handles(TorchLossKind loss) => loss is TorchLossKind.Mse or TorchLossKind.L1 or TorchLossKind.Huber or TorchLossKind.SmoothL1;

        internal override Diagnostic? Analyze(TorchTrainingStep step)
        {
            var head = step.Head;
            var oneHot = step.Target == TorchTargetKind.OneHot;
            var units = head.Units is { } u ? $"{u}-unit " : "";
            string? what = head.Activation switch
            {
                // A message's few words (the one-hot targets these cases need are in the rule's description).
                HeadActivation.Softmax when head.Units != 1 => $"a {units}softmax",
                HeadActivation.LogSoftmax when head.Units != 1 => $"a {units}log_softmax",
                HeadActivation.Linear when oneHot && head.Units is > 1 => $"a {units}classifier's logits",
                HeadActivation.Sigmoid when oneHot => $"{units}sigmoid outputs",
                _ => null,
            };
            if (what == null) return null;
            var use = head.Activation switch
            {
                HeadActivation.Sigmoid => LossName(TorchLossKind.Bce, step.Form),
                HeadActivation.LogSoftmax => LossName(TorchLossKind.NllLoss, step.Form),
                _ => LossName(TorchLossKind.CrossEntropy, step.Form) + " on logits",
            };
            return Create(Descriptors.KL0108, step, LossName(step), what + " (" + Origin(step) + ")", use);
        }
    }
}
