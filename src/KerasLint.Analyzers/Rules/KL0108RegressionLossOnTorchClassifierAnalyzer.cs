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
                HeadActivation.Softmax when head.Units != 1 => $"class probabilities from a {units}softmax",
                HeadActivation.LogSoftmax when head.Units != 1 => $"class log-probabilities from a {units}log_softmax",
                HeadActivation.Linear when oneHot && head.Units is > 1 => $"the logits of a {units}classifier with one-hot targets",
                HeadActivation.Sigmoid when oneHot => $"{units}sigmoid probabilities with one-hot (0/1) targets",
                _ => null,
            };
            if (what == null) return null;
            var use = head.Activation switch
            {
                HeadActivation.Sigmoid => LossName(TorchLossKind.Bce, step.Form) + " (or " + LossName(TorchLossKind.BceWithLogits, step.Form) + " without the sigmoid)",
                HeadActivation.LogSoftmax => LossName(TorchLossKind.NllLoss, step.Form),
                HeadActivation.Softmax => LossName(TorchLossKind.CrossEntropy, step.Form) + " on the logits (remove the softmax)",
                _ => LossName(TorchLossKind.CrossEntropy, step.Form) + " on the logits",
            };
            return Create(Descriptors.KL0108, step, LossName(step), what + " (" + Origin(step) + ")", use);
        }
    }
}
