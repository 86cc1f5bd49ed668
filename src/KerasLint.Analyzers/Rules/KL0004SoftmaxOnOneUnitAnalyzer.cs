using System.Collections.Immutable;
using KerasLint.Analysis;
using KerasLint.Knowledge;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Rules
{
    /// <summary>
    /// KL0004: softmax on a 1-unit output, which is constantly 1.0, in every library: a compiled setup's head
    /// (Keras.NET, TF.NET), or the prediction of a TorchSharp training step (<c>Linear(…, 1)</c> then <c>Softmax(1)</c>)
    /// trained with a binary or regression loss (with CrossEntropyLoss or NLLLoss, KL0105 / KL0101 / KL0104 say it).
    /// </summary>
    public sealed class KL0004SoftmaxOnOneUnitAnalyzer : SetupRuleAnalyzer, IStepRule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.KL0004);

        internal override void Analyze(TrainingSetup setup, Reporter report)
        {
            if (setup.Head is not { Units: 1, Activation: HeadActivation.Softmax } head) return;
            var plan = ActivationFix.Plan("KL0004.Sigmoid", "Use 'sigmoid'", setup.Api, head, "sigmoid", report.CancellationToken);
            report.Report(plan.Create(Descriptors.KL0004, head.ActivationLocation, head.Phrase, setup.Family.Phrase));
        }

        Diagnostic? IStepRule.AnalyzeStep(TorchTrainingStep step) =>
            step.Head.IsSoftmaxOverOneUnit && step.Loss is not (TorchLossKind.CrossEntropy or TorchLossKind.NllLoss)
                ? TorchStepRuleAnalyzer.Create(Descriptors.KL0004, step, TorchStepRuleAnalyzer.Phrase(step), step.Library)
                : null;
    }
}
