using System.Collections.Immutable;
using KerasLint.Analysis;
using KerasLint.Knowledge;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Rules
{
    /// <summary>
    /// A loss that applies the softmax or sigmoid itself (it takes logits) receives probabilities, which it squashes a
    /// second time, in every library (decided once on the <see cref="TrainingView"/>). KL0006 for a compiled setup
    /// (Keras.NET, TF.NET: a crossentropy object with from_logits: true on a softmax or sigmoid head); for a TorchSharp
    /// step, KL0101 (CrossEntropyLoss on a softmax) and KL0103 (BCEWithLogitsLoss on a sigmoid), whose messages name the
    /// activation the loss applies: BCEWithLogitsLoss on a softmax is KL0109's finding (binary crossentropy on a
    /// softmax), and CrossEntropyLoss on a sigmoid has no TorchSharp id yet.
    /// </summary>
    public sealed class KL0006FromLogitsOnProbabilitiesAnalyzer : SetupRuleAnalyzer, IStepRule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.KL0006, Descriptors.KL0101, Descriptors.KL0103);

        /// <summary>The mistake, decided once for every library: a loss on logits (a crossentropy) receives probabilities.</summary>
        private static bool Decide(TrainingView view) => view.Loss is { Input: LossInput.Logits } && view.Prediction.IsProbabilities;

        Diagnostic? IStepRule.AnalyzeStep(TorchTrainingStep step)
        {
            var view = TrainingViews.Of(step);
            if (!Decide(view)) return null;
            var descriptor = view.Loss!.IsCategoricalCrossentropy && step.Head.Activation == HeadActivation.Softmax ? Descriptors.KL0101
                : view.Loss.IsBinaryCrossentropy && step.Head.Activation == HeadActivation.Sigmoid ? Descriptors.KL0103
                : null;
            return descriptor == null ? null : TorchStepRuleAnalyzer.Create(descriptor, step, step.Library, TorchStepRuleAnalyzer.LossName(step), TorchStepRuleAnalyzer.Origin(step));
        }

        internal override void Analyze(TrainingSetup setup, Reporter report)
        {
            if (TrainingViews.Of(setup) is not { } view || !Decide(view) || setup.Head is not { } head) return;
            var loss = setup.Loss;
            if (loss.FromLogits is not { Value: true } fromLogits) return;

            var plan = new FixPlan();
            if (fromLogits.LiteralLocation is { } literal)
            {
                plan.Action("KL0006.FromLogitsFalse", "Use from_logits: false").ReplaceExpression(literal, "false");
            }

            // Keep from_logits: true and output logits instead.
            var linear = ActivationFix.Plan("KL0006.RemoveActivation", "Remove the output activation (the loss takes logits)", setup.Api, head, "linear", report.CancellationToken);
            if (head.Source != ActivationSource.DenseDefault) plan.Append(linear);
            report.Report(plan.Create(Descriptors.KL0006, fromLogits.LiteralLocation ?? loss.Site.UseLocation, loss.Site.Text, head.Phrase, setup.Family.Phrase));
        }
    }
}
