using System.Collections.Immutable;
using KerasLint.Knowledge;
using KerasLint.Model;
using KerasLint.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Rules
{
    /// <summary>KL0102: BCELoss / functional.binary_cross_entropy receive values outside [0, 1] (logits, relu or tanh outputs): no sigmoid on the path.</summary>
    public sealed class KL0102BceOnUnboundedOutputsAnalyzer : TorchStepRuleAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KL0102, Descriptors.AtCompilationEnd(Descriptors.KL0102));

        internal override TorchLossKind Loss => TorchLossKind.Bce;

        internal override Diagnostic? Analyze(TorchTrainingStep step) =>
            step.Head.Activation is HeadActivation.Linear or HeadActivation.Unbounded or HeadActivation.Tanh
                ? Create(Descriptors.KL0102, step, LossName(step), Describe(step.Head.Activation) + " from " + Origin(step))
                : null;
    }
}
