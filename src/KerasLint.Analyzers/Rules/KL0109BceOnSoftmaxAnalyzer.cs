using System.Collections.Immutable;
using KerasLint.Analysis;
using KerasLint.Knowledge;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Rules
{
    /// <summary>KL0109: BCELoss / BCEWithLogitsLoss (module or functional) on a softmax over more than one unit (a single-label head trained as independent yes/no questions).</summary>
    public sealed class KL0109BceOnSoftmaxAnalyzer : TorchStepRuleAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KL0109, Descriptors.AtCompilationEnd(Descriptors.KL0109));

        internal override TorchLossKind Loss => TorchLossKind.Bce;

        internal override bool Handles(TorchLossKind loss) => loss == TorchLossKind.Bce || loss == TorchLossKind.BceWithLogits;

        // A softmax over one unit is constant 1.0 (a different mistake); unknown widths are multi-class softmaxes in practice.
        internal override Diagnostic? Analyze(TorchTrainingStep step) =>
            step.Head.Activation == HeadActivation.Softmax && step.Head.Units != 1
                ? Create(Descriptors.KL0109, step, LossName(step), Origin(step), step.Head.Units is { } c ? $"{c} classes" : "the classes")
                : null;
    }
}
