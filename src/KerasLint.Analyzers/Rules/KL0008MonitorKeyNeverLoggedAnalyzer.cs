using System.Collections.Immutable;
using System.Linq;
using KerasLint.Analysis;
using KerasLint.Knowledge;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Rules
{
    /// <summary>KL0008: a callback monitors a key the compiled model never logs under this family.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class KL0008MonitorKeyNeverLoggedAnalyzer : SetupRuleAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.KL0008);

        internal override void Analyze(TrainingSetup setup, Reporter report)
        {
            if (setup.Callbacks.IsEmpty || !setup.AllMetricsKnown) return;
            var family = setup.Family.Family;
            var metrics = setup.Metrics!.Value.Select(m => m.Text!).ToList();
            var trainKeys = LogKeys.AllKeys(family, metrics, includeValidation: false);
            foreach (var callback in setup.Callbacks)
            {
                var monitor = callback.Monitor.Text;
                if (monitor == null) continue;
                var isValidation = monitor.StartsWith(LogKeys.ValidationPrefix, System.StringComparison.Ordinal);
                var stripped = LogKeys.StripValidation(monitor);
                string why;
                string? replacement;
                if (trainKeys.Contains(stripped))
                {
                    if (!isValidation || setup.HasValidation != false) continue;
                    why = setup.Api.NoValidationPhrase + ", so no val_ key is logged";
                    replacement = stripped;
                }
                else
                {
                    var logged = setup.HasValidation == false ? trainKeys : LogKeys.AllKeys(family, metrics, includeValidation: true);
                    why = "it logs " + string.Join(", ", logged.Select(k => "'" + k + "'"));
                    var same = metrics.FirstOrDefault(m => SameMetric(family, stripped, m));
                    var key = same == null ? null : LogKeys.MetricKey(family, same);
                    // The same metric under its logged name; otherwise the loss, which every model logs.
                    replacement = (isValidation && setup.HasValidation != false ? LogKeys.ValidationPrefix : "") + (key ?? "loss");
                }

                var plan = new FixPlan();
                // An explicit mode that contradicts the new key is fixed in the same action (no KL0012 left behind).
                var right = replacement == null ? null : LogKeys.IntendedDirection(replacement) switch
                {
                    MetricDirection.Up when callback.Mode is { Text: "min" } => "max",
                    MetricDirection.Down when callback.Mode is { Text: "max" } => "min",
                    _ => null,
                };
                var modeOk = right == null || FixPlan.CanReplace(callback.Mode);
                var title = right == null ? $"Monitor '{replacement}'" : $"Monitor '{replacement}' with mode '{right}'";
                if (replacement != null && modeOk && FixPlan.CanReplace(callback.Monitor))
                {
                    plan.Action("KL0008.Rename", title).ReplaceValue(callback.Monitor, replacement);
                }
                else if (replacement != null && modeOk && callback.MonitorIsDefault)
                {
                    plan.Action("KL0008.Rename", title).AddNamedArgument(callback.Creation, "monitor", replacement);
                }

                if (right != null && plan.HasActions) plan.ReplaceValue(callback.Mode!, right);

                report.Report(plan.Create(Descriptors.KL0008, callback.Monitor.UseLocation, callback.Name, monitor, why, setup.Family.Phrase));
            }
        }

        /// <summary>Whether a monitored key (without val_) names the same metric as a compiled metric string.</summary>
        private static bool SameMetric(KerasFamily family, string key, string metric)
        {
            var keyIsAccuracy = key is "acc" or "accuracy";
            if (SpecialStrings.Classify(family, metric) == SpecialStringKind.Accuracy) return keyIsAccuracy;
            if (keyIsAccuracy) return false;
            var compiled = KerasCatalog.ResolveMetric(family, metric);
            if (compiled == null) return false;
            foreach (var f in KerasFamilies.All)
            {
                if (KerasCatalog.ResolveMetric(f, key)?.CanonicalName == compiled.CanonicalName) return true;
            }

            return KerasCatalog.Keras22FunctionName(compiled.CanonicalName) == key;
        }
    }
}
