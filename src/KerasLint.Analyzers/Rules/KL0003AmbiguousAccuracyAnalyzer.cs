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
    /// KL0003: "accuracy"/"acc" whose resolved metric the code does not fix: a custom or non-constant loss,
    /// or a built-in loss for which the Keras families resolve it differently. Info; warning with a custom
    /// loss on a multi-unit head (old Keras then reports categorical_accuracy even for integer labels).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class KL0003AmbiguousAccuracyAnalyzer : SetupRuleAnalyzer
    {
        private static readonly string[] AllAccuracies = { "sparse_categorical_accuracy", "categorical_accuracy", "binary_accuracy" };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.KL0003, Descriptors.KL0003Warning);

        internal override void Analyze(TrainingSetup setup, Reporter report)
        {
            var loss = setup.Loss;
            var family = setup.Family.Family;

            // TensorFlow.NET's Keras resolves "accuracy" by the shapes alone, never by the loss: whatever the loss,
            // it computes the accuracy that matches the labels' layout (docs/rules/KL0003.md, TensorFlow.NET).
            if (family == KerasFamily.TfNet) return;
            var units = setup.Head?.Units;
            if (setup.Head != null && units == null) return;
            if (units == 1) return; // binary_accuracy in every family.

            string reason;
            var descriptor = Descriptors.KL0003;
            string[] offers;
            switch (loss.Kind)
            {
                case LossKind.Custom:
                    reason = $"'{loss.Site.Text}' is not a built-in Keras loss";
                    if (units > 1) descriptor = Descriptors.KL0003Warning;
                    offers = units > 1 ? new[] { "sparse_categorical_accuracy", "categorical_accuracy" } : AllAccuracies;
                    break;
                case LossKind.Unknown:
                    reason = "the loss is not a constant";
                    offers = units > 1 ? new[] { "sparse_categorical_accuracy", "categorical_accuracy" } : AllAccuracies;
                    break;
                case LossKind.BuiltIn when units > 1 && loss.Function is { } f && !f.IsRegression && f.CanonicalName != "binary_crossentropy":
                    var labels = f.Task switch
                    {
                        TaskClass.MultiClassSparse => LabelLayout.LowerRank,
                        TaskClass.MultiClassOneHot or TaskClass.Binary or TaskClass.Probabilistic => LabelLayout.SameShape,
                        _ => LabelLayout.Unknown,
                    };
                    var outcomes = KerasFamilies.All.Select(fam => string.Join(",", SpecialStrings.ResolveMetric(fam, "accuracy", f.CanonicalName, units, labels).Candidates)).Distinct().Count();
                    if (outcomes <= 1) return;
                    reason = $"the Keras families resolve it differently with '{loss.Site.Text}'";
                    offers = new[] { "sparse_categorical_accuracy", "categorical_accuracy" };
                    break;
                default:
                    return;
            }

            foreach (var metric in RuleSupport.AccuracyMetrics(setup))
            {
                var r = SpecialStrings.ResolveMetric(family, metric.Text!, loss.Canonical, units, LabelLayout.Unknown);
                var plan = new FixPlan();
                if (metric.Site.LiteralLocation is { } literal)
                {
                    foreach (var o in offers)
                    {
                        plan.Action("KL0003." + o, $"Replace '{metric.Text}' with '{o}'").ReplaceString(literal, o);
                    }
                }

                report.Report(plan.Create(descriptor, metric.Site.UseLocation,
                    metric.Text, RuleSupport.Candidates(r), reason + "; " + r.Reason, setup.Family.Phrase));
            }
        }
    }
}
