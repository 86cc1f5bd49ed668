using System.Collections.Immutable;
using KerasLint.Analysis;
using KerasLint.Knowledge;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Rules
{
    /// <summary>
    /// A loss that expects probabilities or log-probabilities receives values that are not (logits, relu or tanh
    /// outputs, a sigmoid where a distribution is expected), in every library (decided once on the
    /// <see cref="TrainingView"/>). KL0005 for a compiled setup (Keras.NET, TF.NET: a crossentropy name, or an object
    /// with from_logits: false); for a TorchSharp step, KL0102 (BCELoss on values outside [0, 1]) and KL0104 (NLLLoss
    /// on anything but log_softmax).
    /// </summary>
    public sealed class KL0005LossExpectsProbabilitiesAnalyzer : SetupRuleAnalyzer, IStepRule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.KL0005, Descriptors.KL0102, Descriptors.KL0104);

        /// <summary>
        /// The mistake, decided once for every library: what the loss reads (<see cref="LossInput"/>, and for
        /// probabilities the catalog's <see cref="OutputExpectation"/>) is not what the prediction holds. A softmax where
        /// independent probabilities are expected is another mistake (KL0002/KL0109 over several units, KL0004 over one), and
        /// so is a categorical crossentropy over one unit (KL0016/KL0105: constant whatever the activation).
        /// </summary>
        private static bool Decide(TrainingView view)
        {
            var activation = view.Prediction.Activation;
            if (activation == HeadActivation.Unknown || view.Loss is not { } loss) return false;
            return loss.Input switch
            {
                LossInput.Probabilities => loss.Function.Expects switch
                {
                    // Over one unit no softmax helps: a categorical crossentropy there is constant (KL0016/KL0105).
                    OutputExpectation.Distribution => !(view.Prediction.Units == 1 && loss.IsCategoricalCrossentropy)
                        && activation is HeadActivation.Linear or HeadActivation.Unbounded or HeadActivation.Tanh or HeadActivation.Sigmoid,
                    OutputExpectation.IndependentProbabilities => activation is HeadActivation.Linear or HeadActivation.Unbounded or HeadActivation.Tanh,
                    _ => false,
                },
                LossInput.LogProbabilities => activation != HeadActivation.LogSoftmax,
                _ => false,
            };
        }

        Diagnostic? IStepRule.AnalyzeStep(TorchTrainingStep step)
        {
            var view = TrainingViews.Of(step);
            if (!Decide(view)) return null;
            var descriptor = view.Loss!.Input == LossInput.LogProbabilities ? Descriptors.KL0104 : Descriptors.KL0102;
            return TorchStepRuleAnalyzer.Create(descriptor, step, step.Library, TorchStepRuleAnalyzer.LossName(step),
                TorchStepRuleAnalyzer.Describe(step.Head.Activation) + " from " + TorchStepRuleAnalyzer.Origin(step));
        }

        internal override void Analyze(TrainingSetup setup, Reporter report)
        {
            if (TrainingViews.Of(setup) is not { } view || !Decide(view) || setup.Head is not { } head || setup.Loss.Function is not { } f) return;
            var isObject = setup.Loss.Form == LossForm.Object;
            var expects = f.Expects == OutputExpectation.Distribution ? "a probability distribution over the classes (softmax)" : "probabilities in [0, 1] (sigmoid)";
            var produces = head.Activation switch
            {
                HeadActivation.Linear => "unbounded linear outputs (no activation)",
                HeadActivation.Unbounded => $"unbounded '{head.ActivationText}' outputs",
                HeadActivation.Tanh => $"'{head.ActivationText ?? "tanh"}' outputs in (-1, 1)",
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
