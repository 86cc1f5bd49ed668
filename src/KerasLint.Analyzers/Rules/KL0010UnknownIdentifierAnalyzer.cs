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
    /// KL0010: a loss or metric string this family does not know, when it is a typo of a valid name or a name
    /// only other families have. Names far from every built-in are taken as custom registered objects (silent).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class KL0010UnknownIdentifierAnalyzer : SetupRuleAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.KL0010);

        internal override void Analyze(TrainingSetup setup, Reporter report)
        {
            var family = setup.Family.Family;
            if (setup.Loss.Kind == LossKind.NotInFamily && setup.Loss.Site.Text is { } lossText)
            {
                Report(setup, report, "loss", setup.Loss.Site, FunctionRoles.Loss);
            }

            if (setup.Metrics is not { } metrics) return;
            if (family == KerasFamily.TfNet)
            {
                TfNetMetrics(setup, report, metrics);
                return;
            }

            foreach (var m in metrics)
            {
                var text = m.Text;
                if (text == null) continue;
                var special = SpecialStrings.Classify(family, text);
                if (special == SpecialStringKind.Accuracy) continue;
                if (special == SpecialStringKind.Crossentropy)
                {
                    if (family == KerasFamily.Keras3)
                    {
                        var plan = new FixPlan();
                        if (m.ElementLocation is { } element) plan.Action("KL0010.Remove", $"Remove '{text}'").RemoveElement(element);
                        report.Report(plan.Create(Descriptors.KL0010, m.Site.UseLocation, "metric", text, setup.Family.Phrase, "; Keras 3 accepts it only as a loss"));
                    }

                    continue;
                }

                if (KerasCatalog.ResolveMetric(family, text) != null) continue;
                Report(setup, report, "metric", m.Site, FunctionRoles.Metric, m.ElementLocation);
            }
        }

        /// <summary>TensorFlow.NET's Keras accepts six metric strings; any other throws at the first training step.</summary>
        private static void TfNetMetrics(TrainingSetup setup, Reporter report, ImmutableArray<MetricInfo> metrics)
        {
            foreach (var m in metrics)
            {
                if (m.Text is not { } text || TfNetSemantics.IsSupportedMetricString(text)) continue;
                var suggestion = TfNetSemantics.ClosestMetricString(text);
                var plan = new FixPlan();
                if (suggestion != null && m.Site.LiteralLocation is { } literal)
                {
                    plan.Action("KL0010.DidYouMean", $"Replace with '{suggestion}'").ReplaceString(literal, suggestion);
                }

                var detail = $"; it accepts only {string.Join(", ", TfNetSemantics.MetricStrings)} and throws NotImplementedException at the first training step"
                    + (suggestion != null ? $"; did you mean '{suggestion}'?" : "");
                report.Report(plan.Create(Descriptors.KL0010, m.Site.UseLocation, "metric", text, setup.Family.Phrase, detail));
            }
        }

        private static void Report(TrainingSetup setup, Reporter report, string role, ValueSite site, FunctionRoles roles, Location? element = null)
        {
            var family = setup.Family.Family;
            var text = site.Text!;
            var suggestion = KerasCatalog.ClosestName(family, roles, text);
            var elsewhere = KerasCatalog.FamiliesOf(text, roles);
            if (suggestion == null && elsewhere == FamilySet.None) return; // a custom name: silence.

            var detail = "";
            if (elsewhere != FamilySet.None)
            {
                detail += "; it exists in " + string.Join(", ", KerasFamilies.All.Where(f => elsewhere.Contains(f)).Select(f => f.DisplayName()));
            }

            if (suggestion != null) detail += $"; did you mean '{suggestion}'?";
            var plan = new FixPlan();
            if (suggestion != null && FixPlan.CanReplace(site))
            {
                plan.Action("KL0010.DidYouMean", $"Replace with '{suggestion}'").ReplaceValue(site, suggestion);
            }
            else if (element != null)
            {
                plan.Action("KL0010.Remove", $"Remove '{text}'").RemoveElement(element);
            }

            report.Report(plan.Create(Descriptors.KL0010, site.UseLocation, role, text, setup.Family.Phrase, detail));
        }
    }
}
