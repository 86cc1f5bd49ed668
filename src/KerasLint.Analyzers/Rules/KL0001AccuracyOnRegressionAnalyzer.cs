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
    /// <summary>KL0001: "accuracy"/"acc" with a regression loss on a linear/relu/unknown head (and callbacks watching it).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class KL0001AccuracyOnRegressionAnalyzer : SetupRuleAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.KL0001);

        internal override void Analyze(TrainingSetup setup, Reporter report)
        {
            var loss = setup.Loss;
            if (loss.Kind != LossKind.BuiltIn || loss.Function is not { IsRegression: true } f) return;
            if (setup.Head is { } head && head.Activation is not (HeadActivation.Linear or HeadActivation.Unbounded or HeadActivation.Unknown)) return;

            var family = setup.Family.Family;
            var natural = KerasCatalog.NaturalRegressionMetric(f.CanonicalName);

            // TensorFlow.NET's Keras accepts six metric strings: "mse" is not one of them.
            if (family == KerasFamily.TfNet && KerasCatalog.ResolveMetric(family, natural) == null) natural = "mae";
            var present = setup.Metrics?.Select(m => m.Text).ToList() ?? new List<string?>();
            var accuracyKeys = new HashSet<string>();
            SpecialResolution? last = null;
            string? lastText = null;
            foreach (var metric in RuleSupport.AccuracyMetrics(setup))
            {
                var r = SpecialStrings.ResolveMetric(family, metric.Text!, f.CanonicalName, setup.Head?.Units, LabelLayout.Unknown);
                last = r;
                lastText = metric.Text;
                if (LogKeys.MetricKey(family, metric.Text!) is { } key) accuracyKeys.Add(key);

                var plan = new FixPlan();
                if (metric.Site.LiteralLocation is { } literal && !present.Contains(natural))
                {
                    plan.Action("KL0001.ReplaceWithNaturalMetric", $"Replace '{metric.Text}' with '{natural}'").ReplaceString(literal, natural);
                }

                if (metric.ElementLocation is { } element)
                {
                    plan.Action("KL0001.RemoveMetric", $"Remove '{metric.Text}'").RemoveElement(element);
                }

                report.Report(plan.Create(Descriptors.KL0001, metric.Site.UseLocation,
                    metric.Text, loss.Site.Text, RuleSupport.Candidates(r), RuleSupport.Describe(r), setup.Family.Phrase));
            }

            if (last == null) return;
            foreach (var callback in setup.Callbacks)
            {
                var monitor = callback.Monitor.Text;
                if (monitor == null || !accuracyKeys.Contains(LogKeys.StripValidation(monitor))) continue;
                var prefix = monitor.StartsWith(LogKeys.ValidationPrefix, System.StringComparison.Ordinal) ? LogKeys.ValidationPrefix : "";
                var plan = new FixPlan();
                if (callback.Monitor.LiteralLocation is { } literal && (callback.Mode == null || callback.Mode.LiteralLocation != null))
                {
                    plan.Action("KL0001.MonitorLoss", $"Monitor '{prefix}loss' instead").ReplaceString(literal, prefix + "loss");
                    if (callback.Mode is { Text: "max", LiteralLocation: { } modeLiteral }) plan.ReplaceString(modeLiteral, "min");
                }

                report.Report(plan.Create(Descriptors.KL0001, callback.Monitor.UseLocation,
                    monitor, loss.Site.Text, RuleSupport.Candidates(last), RuleSupport.Describe(last), setup.Family.Phrase));
            }
        }
    }
}
