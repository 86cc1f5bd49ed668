using System.Collections.Immutable;
using KerasLint.Analysis;
using KerasLint.Knowledge;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Rules
{
    /// <summary>
    /// Categorical crossentropy over a 1-unit output, in every library (decided once on the <see cref="TrainingView"/>):
    /// the loss normalises the prediction over the class axis (a division by the row's sum from probabilities,
    /// log_softmax from logits), which over one unit is constant, so the loss never moves. KL0016 for a compiled setup
    /// (Keras.NET, TF.NET: categorical, sparse categorical or categorical focal crossentropy, name or object, whatever
    /// its from_logits); KL0105 for a TorchSharp step (CrossEntropyLoss, module or functional; NLLLoss reads
    /// log-probabilities and is KL0104's).
    /// </summary>
    public sealed class KL0105CrossEntropyOnOneUnitAnalyzer : SetupRuleAnalyzer, IStepRule
    {
        /// <summary>The Keras.NET / TensorFlow.NET id (TorchSharp's is <see cref="RuleIds.CrossEntropyOnOneUnit"/>).</summary>
        public const string KerasId = "KL0016";

        /// <summary>{0} the loss (catalog name), {1} the head, {2} family/library.</summary>
        internal static readonly DiagnosticDescriptor KL0016 = Descriptors.Create(
            KerasId,
            "categorical crossentropy over a 1-unit output",
            "'{0}' on a 1-unit output ({1}) is constant in {2}; use binary_crossentropy",
            Descriptors.CategoryLoss,
            DiagnosticSeverity.Warning,
            "Keras's categorical crossentropy normalises the prediction over the class axis before it takes the log: from probabilities it divides each row by its sum, from logits it applies log_softmax, and sparse_categorical_crossentropy takes the log and feeds it to a softmax crossentropy. Over a single output unit every normalised row is exactly 1, so the loss is constant (0, or the 1e-7 clip), every gradient is 0 and the weights never move (a sparse label of 1 fails instead). tf.keras 2.x and Keras 3 warn about it at run time. A binary classifier needs binary_crossentropy on a 1-unit sigmoid output, or 2 output units with a categorical loss. Reported for Keras.NET and TensorFlow.NET; the same mistake in TorchSharp (CrossEntropyLoss on one unit) is KL0105, decided by the same rule. The message names the library and the Keras family.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(KL0016, Descriptors.KL0105);

        /// <summary>
        /// The mistake, decided once for every library: a categorical crossentropy (one-hot or class-index targets) that
        /// normalises what it reads (probabilities or logits, or a from_logits the code does not show: both are
        /// constant) over a prediction of exactly one unit.
        /// </summary>
        private static bool Decide(TrainingView view) =>
            view.Prediction.Units == 1
            && view.Loss is { IsCategoricalCrossentropy: true } loss
            && loss.Function.CanonicalName is "categorical_crossentropy" or "sparse_categorical_crossentropy" or "categorical_focal_crossentropy"
            && loss.Input is LossInput.Probabilities or LossInput.Logits or LossInput.Unknown;

        Diagnostic? IStepRule.AnalyzeStep(TorchTrainingStep step) =>
            step.Head.Units == 1 && Decide(TrainingViews.Of(step))
                ? TorchStepRuleAnalyzer.Create(Descriptors.KL0105, step, step.Library, TorchStepRuleAnalyzer.LossName(step), TorchStepRuleAnalyzer.Origin(step))
                : null;

        internal override void Analyze(TrainingSetup setup, Reporter report)
        {
            if (setup.Head is not { Units: 1 } head || TrainingViews.Of(setup) is not { } view || !Decide(view)) return;
            var plan = new FixPlan();
            if (setup.Loss.Form == LossForm.Object)
            {
                RuleSupport.LossObjectFix(plan, setup, ("KL0016.Binary", "Use binary crossentropy", "binary_crossentropy"));
            }
            else if (FixPlan.CanReplace(setup.Loss.Site))
            {
                plan.Action("KL0016.Binary", "Use binary_crossentropy").ReplaceValue(setup.Loss.Site, "binary_crossentropy");
            }

            report.Report(plan.Create(KL0016, setup.Loss.Site.UseLocation, view.Loss!.Function.CanonicalName, head.Phrase, setup.Family.Phrase));
        }
    }
}
