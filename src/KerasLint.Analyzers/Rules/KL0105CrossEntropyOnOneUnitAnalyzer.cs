using System.Collections.Immutable;
using KerasLint.Analysis;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Rules
{
    /// <summary>KL0105: CrossEntropyLoss / functional.cross_entropy on a prediction whose last axis has 1 unit (the loss is identically 0).</summary>
    public sealed class KL0105CrossEntropyOnOneUnitAnalyzer : TorchStepRuleAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KL0105);

        internal override TorchLossKind Loss => TorchLossKind.CrossEntropy;

        internal override Diagnostic? Analyze(TorchTrainingStep step) =>
            step.Head.Units == 1
                ? Create(Descriptors.KL0105, step, LossName(step), Origin(step))
                : null;
    }
}
