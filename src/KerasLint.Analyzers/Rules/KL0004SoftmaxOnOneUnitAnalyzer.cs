using System.Collections.Immutable;
using KerasLint.Analysis;
using KerasLint.Knowledge;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Rules
{
    /// <summary>KL0004: softmax on a 1-unit output, which is constantly 1.0.</summary>
    public sealed class KL0004SoftmaxOnOneUnitAnalyzer : SetupRuleAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.KL0004);

        internal override void Analyze(TrainingSetup setup, Reporter report)
        {
            if (setup.Head is not { Units: 1, Activation: HeadActivation.Softmax } head) return;
            var plan = ActivationFix.Plan("KL0004.Sigmoid", "Use 'sigmoid'", setup.Api, head, "sigmoid", report.CancellationToken);
            report.Report(plan.Create(Descriptors.KL0004, head.ActivationLocation, head.Phrase));
        }
    }
}
