using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KerasLint.Analysis;
using KerasLint.Knowledge;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Rules
{
    /// <summary>
    /// KL0003: "accuracy"/"acc" where the family resolves it from the loss (Keras ≤ 2.3, tf.keras in TF ≤ 2.1) and
    /// the loss does not decide it. A custom loss on a multi-unit head: old Keras uses categorical_accuracy, which
    /// with integer labels reports the share of predictions of class 0 (warning). A loss that is not a constant, or a
    /// custom loss on a head whose width is not visible: the outcome depends on that hidden fact (info). Families
    /// that resolve from shapes (tf.keras 2.2+, Keras 3) get it right for sparse and one-hot labels: no report.
    /// </summary>
    public sealed class KL0003AmbiguousAccuracyAnalyzer : SetupRuleAnalyzer
    {
        private static readonly string[] ClassAccuracies = { "sparse_categorical_accuracy", "categorical_accuracy" };
        private static readonly string[] AllAccuracies = { "sparse_categorical_accuracy", "categorical_accuracy", "binary_accuracy" };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.KL0003);

        internal override void Analyze(TrainingSetup setup, Reporter report)
        {
            var family = setup.Family.Family;

            // Only families that resolve "accuracy" from the loss can get it wrong; tf.keras 2.2+, Keras 3 and
            // TensorFlow.NET's Keras resolve it from the shapes alone (docs/rules/KL0003.md).
            if (family.Resolution() != SpecialStringResolution.LossBased) return;
            var loss = setup.Loss;
            var units = setup.Head?.Units;
            if (units == 1) return; // binary_accuracy in every family.

            string computes;
            var severity = DiagnosticSeverity.Info;
            string[] offers;
            switch (loss.Kind)
            {
                case LossKind.Custom when units > 1:
                    computes = $"resolves by the loss, and with the custom loss '{loss.Site.Text}' becomes categorical_accuracy: right for one-hot labels, but with integer labels it reports the share of predictions of class 0";
                    severity = DiagnosticSeverity.Warning;
                    offers = ClassAccuracies;
                    break;
                case LossKind.Custom:
                    computes = $"resolves by the loss and the output width; with the custom loss '{loss.Site.Text}' it is binary_accuracy for one unit and categorical_accuracy otherwise, and the output width is not visible here";
                    offers = AllAccuracies;
                    break;
                case LossKind.Unknown:
                    computes = "resolves by the loss, and the loss is not a constant here, so which accuracy Keras computes is not visible";
                    offers = units > 1 ? ClassAccuracies : AllAccuracies;
                    break;
                default:
                    return;
            }

            foreach (var metric in RuleSupport.AccuracyMetrics(setup))
            {
                var plan = new FixPlan();
                if (FixPlan.CanReplace(metric.Site))
                {
                    // The named accuracy logs under its own key (acc → sparse_categorical_accuracy): the callbacks that
                    // monitor the old key and the History lookups of it in the member move with it, in the same action
                    // (accuracies are all maximised, so a mode stays as it is). Keys the analyzer cannot see are left.
                    var oldKey = LogKeys.MetricKey(family, metric.Text!);
                    var watching = setup.Callbacks.Where(c => c.Monitor.Text is { } m && LogKeys.StripValidation(m) == oldKey && FixPlan.CanReplace(c.Monitor)).ToList();
                    var lookups = RuleSupport.LookupsToRewrite(setup, k => k == oldKey, unknownKeysBlock: false) ?? new List<HistoryLookup>();
                    foreach (var o in offers)
                    {
                        var newKey = LogKeys.MetricKey(family, o) ?? o;
                        var titles = new List<string> { $"Replace '{metric.Text}' with '{o}'" };
                        titles.AddRange(RuleSupport.ReaderTitles(watching, lookups, newKey, minimised: false));
                        plan.Action("KL0003." + o, string.Join("; ", titles)).ReplaceValue(metric.Site, o);
                        RuleSupport.MoveReaders(plan, watching, lookups, newKey, minimised: false);
                    }
                }

                var todo = offers.Length == 2
                    ? "name 'sparse_categorical_accuracy' or 'categorical_accuracy'"
                    : "name the accuracy you mean";
                report.Report(plan.Create(Descriptors.KL0003, metric.Site.UseLocation, severity, metric.Text, setup.Family.Phrase, computes, todo));
            }
        }
    }
}
