using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using KerasLint.Analysis;
using KerasLint.Knowledge;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Rules
{
    /// <summary>
    /// Binary crossentropy on a single-label multi-class softmax, in every library (decided once on the
    /// <see cref="TrainingView"/>: a binary crossentropy, on probabilities or logits, receives a softmax over more than
    /// one unit, one unit being KL0004's; an unknown width is reported where the message can say "the classes", in
    /// TorchSharp). KL0002 for a compiled setup (Keras.NET, TF.NET:
    /// binary_crossentropy), KL0109 for a TorchSharp step (BCELoss / BCEWithLogitsLoss, module or functional).
    /// </summary>
    public sealed class KL0002BinaryCrossentropyOnMultiClassAnalyzer : SetupRuleAnalyzer, IStepRule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.KL0002, Descriptors.KL0109);

        /// <summary>The mistake, decided once for every library.</summary>
        private static bool Decide(TrainingView view) =>
            view.Loss is { IsBinaryCrossentropy: true } loss && loss.Function.CanonicalName == "binary_crossentropy"
            && view.Prediction.Activation == HeadActivation.Softmax && view.Prediction.IsClassDistribution;

        Diagnostic? IStepRule.AnalyzeStep(TorchTrainingStep step) =>
            Decide(TrainingViews.Of(step))
                ? TorchStepRuleAnalyzer.Create(Descriptors.KL0109, step, step.Library, TorchStepRuleAnalyzer.LossName(step), TorchStepRuleAnalyzer.Origin(step),
                    step.Head.Units is { } c ? $"{c} classes" : "the classes")
                : null;

        internal override void Analyze(TrainingSetup setup, Reporter report)
        {
            // The Keras message and its (C-1)/C figure name the width: one the flow cannot pin (callers that pass
            // different widths, possibly 1) stays silent here.
            if (TrainingViews.Of(setup) is not { } view || !Decide(view) || setup.Head is not { Units: { } units } head) return;
            var family = setup.Family.Family;
            var accuracy = RuleSupport.AccuracyMetrics(setup).ToList();
            string consequence;
            if (family.Resolution() == SpecialStringResolution.LossBased)
            {
                var inflated = ((units - 1) / (double)units).ToString("0.##", CultureInfo.InvariantCulture);
                consequence = accuracy.Count > 0
                    ? $"'{accuracy[0].Text}' resolves to element-wise binary_accuracy over all {units} outputs, which is inflated (a constant all-zero prediction already scores {inflated})"
                    : $"its gradients push each unit to 0 or 1 separately, and \"accuracy\" would report an inflated element-wise binary_accuracy";
            }
            else
            {
                consequence = accuracy.Count > 0
                    ? $"the loss ignores that softmax makes exactly one class win, while '{accuracy[0].Text}' resolves by shape to categorical_accuracy, so the metric looks right and the loss is wrong"
                    : "the loss ignores that softmax makes exactly one class win, so its gradients fight the activation";
            }

            var plan = new FixPlan();
            if (FixPlan.CanReplace(setup.Loss.Site))
            {
                Switch(plan, setup, accuracy, "KL0002.Categorical", "categorical_crossentropy", "one-hot labels", "categorical_accuracy");
                Switch(plan, setup, accuracy, "KL0002.Sparse", "sparse_categorical_crossentropy", "integer labels", "sparse_categorical_accuracy");
            }

            if (setup.Loss.Form == LossForm.Object) RuleSupport.LossObjectFix(plan, setup, ("KL0002.Categorical", "Use categorical crossentropy (one-hot labels)", "categorical_crossentropy"),
                ("KL0002.Sparse", "Use sparse categorical crossentropy (integer labels)", "sparse_categorical_crossentropy"));
            report.Report(plan.Create(Descriptors.KL0002, setup.Loss.Site.UseLocation, units, consequence, setup.Family.Phrase));
        }

        /// <summary>
        /// One action: the loss, each "accuracy" that can be renamed, and the callbacks and history lookups of the
        /// renamed metric's key (val_accuracy → val_categorical_accuracy), so the setup stays coherent. When a history
        /// lookup cannot follow, the metrics keep their name (with the new loss "accuracy" resolves to the same
        /// accuracy) and only the loss changes. The title names every edit.
        /// </summary>
        private static void Switch(FixPlan plan, TrainingSetup setup, List<MetricInfo> accuracy, string key, string loss, string labels, string metric)
        {
            var family = setup.Family.Family;
            var renamed = accuracy.Where(m => FixPlan.CanReplace(m.Site)).ToList();
            var oldKeys = new HashSet<string>(renamed.Select(m => LogKeys.MetricKey(family, m.Text!)).Where(k => k != null).Select(k => k!));
            var lookups = RuleSupport.LookupsToRewrite(setup, oldKeys.Contains, unknownKeysBlock: true);
            if (lookups == null)
            {
                renamed.Clear();
                oldKeys.Clear();
                lookups = new List<HistoryLookup>();
            }

            var newKey = LogKeys.MetricKey(family, metric) ?? metric;
            var watching = setup.Callbacks.Where(c => c.Monitor.Text is { } m && oldKeys.Contains(LogKeys.StripValidation(m)) && FixPlan.CanReplace(c.Monitor)).ToList();
            var titles = new List<string> { $"Use {loss} ({labels})" };
            titles.AddRange(renamed.Select(m => $"'{m.Text}' → '{metric}'"));
            titles.AddRange(RuleSupport.ReaderTitles(watching, lookups, newKey, minimised: false));
            plan.Action(key, string.Join("; ", titles)).ReplaceValue(setup.Loss.Site, loss);
            foreach (var m in renamed) plan.ReplaceValue(m.Site, metric);
            RuleSupport.MoveReaders(plan, watching, lookups, newKey, minimised: false);
        }
    }
}
