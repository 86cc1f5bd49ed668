using System.Collections.Immutable;
using KerasLint.Knowledge;
using KerasLint.Model;
using KerasLint.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Rules
{
    /// <summary>KL0101: CrossEntropyLoss / functional.cross_entropy (which apply log_softmax themselves) receive softmax probabilities.</summary>
    public sealed class KL0101CrossEntropyOnProbabilitiesAnalyzer : TorchStepRuleAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KL0101, Descriptors.AtCompilationEnd(Descriptors.KL0101));

        internal override TorchLossKind Loss => TorchLossKind.CrossEntropy;

        internal override Diagnostic? Analyze(TorchTrainingStep step) =>
            step.Head.Activation == HeadActivation.Softmax
                ? Create(Descriptors.KL0101, step, LossName(step), Origin(step))
                : null;
    }
}
