using System.Collections.Immutable;
using KerasLint.Analysis;
using KerasLint.Knowledge;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Rules
{
    /// <summary>KL0006: a crossentropy loss object with from_logits: true on a softmax or sigmoid head (probabilities squashed twice).</summary>
    public sealed class KL0006FromLogitsOnProbabilitiesAnalyzer : SetupRuleAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.KL0006);

        internal override void Analyze(TrainingSetup setup, Reporter report)
        {
            var loss = setup.Loss;
            if (loss.Form != LossForm.Object || loss.FromLogits is not { Value: true } fromLogits || loss.Function is not { } f) return;
            if (f.Expects is not (OutputExpectation.Distribution or OutputExpectation.IndependentProbabilities)) return;
            if (setup.Head is not { Activation: HeadActivation.Softmax or HeadActivation.Sigmoid } head) return;

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
