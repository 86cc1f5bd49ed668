using System.Collections.Immutable;
using KerasLint.Analysis;
using KerasLint.Knowledge;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Rules
{
    /// <summary>KL0005: a crossentropy loss on a head that does not produce the probabilities it expects.</summary>
    public sealed class KL0005LossExpectsProbabilitiesAnalyzer : SetupRuleAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.KL0005);

        internal override void Analyze(TrainingSetup setup, Reporter report)
        {
            if (setup.Loss.Function is not { } f || setup.Head is not { } head) return;

            // A loss object takes probabilities only with from_logits: false (unknown or ignored: silent).
            var isObject = setup.Loss.Form == LossForm.Object;
            if (isObject && setup.Loss.FromLogits is not { Value: false }) return;
            bool mismatch;
            string expects;
            switch (f.Expects)
            {
                case OutputExpectation.Distribution:
                    mismatch = head.Activation is HeadActivation.Linear or HeadActivation.Unbounded or HeadActivation.Sigmoid;
                    expects = "a probability distribution over the classes (softmax)";
                    break;
                case OutputExpectation.IndependentProbabilities:
                    // A 1-unit softmax head is KL0004's finding (with its fix): one diagnostic per problem.
                    mismatch = head.Activation is HeadActivation.Linear or HeadActivation.Unbounded;
                    expects = "probabilities in [0, 1] (sigmoid)";
                    break;
                default:
                    return;
            }

            if (!mismatch) return;
            var produces = head.Activation switch
            {
                HeadActivation.Linear => "unbounded linear outputs (no activation)",
                HeadActivation.Unbounded => $"unbounded '{head.ActivationText}' outputs",
                _ => "independent sigmoid probabilities that do not sum to 1",
            };
            var want = Activations.ActivationFor(f.Expects)!;
            var plan = new FixPlan();
            if (isObject && head.Activation is HeadActivation.Linear && setup.Loss.FromLogits is { } fromLogits)
            {
                // The loss can take the head's logits itself: the numerically stable fix.
                plan.Action("KL0005.FromLogits", "Use from_logits: true");
                if (fromLogits.LiteralLocation is { } literal) plan.ReplaceExpression(literal, "true");
                else plan.AddNamedExpressionArgument(fromLogits.Creation, "from_logits", "true");
            }

            plan.Append(ActivationFix.Plan("KL0005.SetActivation", $"Use activation '{want}' on the output layer", setup.Api, head, want, report.CancellationToken));
            report.Report(plan.Create(Descriptors.KL0005, setup.Loss.Site.UseLocation, setup.Loss.Site.Text, expects, produces, want, setup.Family.Phrase));
        }
    }
}
