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
    /// <summary>KL0008: a callback monitors a key the compiled model never logs under this family.</summary>
    public sealed class KL0008MonitorKeyNeverLoggedAnalyzer : SetupRuleAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.KL0008);

        internal override void Analyze(TrainingSetup setup, Reporter report)
        {
            if (setup.Callbacks.IsEmpty) return;
            var family = setup.Family.Family;
            if (!setup.AllMetricsKnown)
            {
                if (family == KerasFamily.TfNet) NeverLoggedAccKey(setup, report);
                return;
            }

            var version = setup.Family.Version;
            var metrics = setup.Metrics!.Value.Select(m => m.Text!).ToList();
            var trainKeys = new List<string> { "loss" };
            foreach (var m in metrics) trainKeys.AddRange(LogKeys.MetricKeys(version, m).Where(k => !trainKeys.Contains(k)));
            foreach (var callback in setup.Callbacks)
            {
                var monitor = callback.Monitor.Text;
                if (monitor == null) continue;
                var isValidation = monitor.StartsWith(LogKeys.ValidationPrefix, System.StringComparison.Ordinal);
                var stripped = LogKeys.StripValidation(monitor);
                string why;
                string? replacement;
                if (LogKeys.MayLog(version, metrics, stripped))
                {
                    if (!isValidation || setup.HasValidation != false) continue;
                    why = setup.Api.NoValidationPhrase + setup.Api.MissingKeyConsequence;
                    replacement = stripped;
                }
                else
                {
                    // The training keys (their val_ twins when fit may validate): what to monitor instead, in a few words.
                    why = "it logs " + string.Join(", ", trainKeys.Take(4).Select(k => "'" + k + "'")) + (trainKeys.Count > 4 ? ", …" : "")
                        + (setup.HasValidation == false ? "" : " (and val_)") + ObjectNameNote(family, metrics) + setup.Api.MissingKeyConsequence;
                    var same = metrics.FirstOrDefault(m => SameMetric(family, stripped, m));
                    var key = same == null ? null : LogKeys.MetricKeys(version, same).FirstOrDefault();
                    // The same metric under its logged name; otherwise the loss, which every model logs.
                    replacement = (isValidation && setup.HasValidation != false ? LogKeys.ValidationPrefix : "") + (key ?? "loss");
                }

                var plan = new FixPlan();
                if (replacement != null) Monitor(plan, callback, replacement);

                // The loss, which every model logs (and val_loss with validation data): also what a callback shared by
                // several compiles can be given for all of them (see Reporter).
                var loss = (isValidation && setup.HasValidation != false ? LogKeys.ValidationPrefix : "") + "loss";
                if (replacement != loss) Monitor(plan, callback, loss);

                report.Report(plan.Create(Descriptors.KL0008, callback.Monitor.UseLocation, callback.Name, monitor, why, setup.Family.Phrase));
            }
        }

        /// <summary>An action that monitors <paramref name="key"/>, with an explicit mode that contradicts it fixed in the same action (no KL0012 left behind).</summary>
        private static void Monitor(FixPlan plan, CallbackInfo callback, string key)
        {
            var right = LogKeys.IntendedDirection(key) switch
            {
                MetricDirection.Up when callback.Mode is { Text: "min" } => "max",
                MetricDirection.Down when callback.Mode is { Text: "max" } => "min",
                _ => null,
            };
            if (right != null && !FixPlan.CanReplace(callback.Mode)) return;
            var title = right == null ? $"Monitor '{key}'" : $"Monitor '{key}' with mode '{right}'";
            var action = LogKeys.StripValidation(key) == "loss" ? "KL0008.MonitorLoss" : "KL0008.Rename";
            if (FixPlan.CanReplace(callback.Monitor)) plan.Action(action, title).ReplaceValue(callback.Monitor, key);
            else if (callback.MonitorIsDefault) plan.Action(action, title).AddNamedArgument(callback.Creation, "monitor", key);
            else return;
            if (right != null) plan.ReplaceValue(callback.Mode!, right);
        }

        /// <summary>
        /// TensorFlow.NET's Keras logs "accuracy" for both accuracy strings (and metric objects under their own names):
        /// "acc"/"val_acc" is never a key, whatever the metrics are.
        /// </summary>
        private static void NeverLoggedAccKey(TrainingSetup setup, Reporter report)
        {
            foreach (var callback in setup.Callbacks)
            {
                if (callback.Monitor.Text is not { } monitor) continue;
                var plan = new FixPlan();
                if (LogKeys.StripValidation(monitor) == "acc")
                {
                    var replacement = monitor.Substring(0, monitor.Length - 3) + "accuracy";
                    if (setup.HasValidation == false) replacement = LogKeys.StripValidation(replacement);
                    Monitor(plan, callback, replacement);
                    report.Report(plan.Create(Descriptors.KL0008, callback.Monitor.UseLocation, callback.Name, monitor,
                        "accuracy logs as 'accuracy', never 'acc'" + setup.Api.MissingKeyConsequence, setup.Family.Phrase));
                }
                else if (monitor.StartsWith(LogKeys.ValidationPrefix, System.StringComparison.Ordinal) && setup.HasValidation == false)
                {
                    // Whatever the metric objects log, no val_ key exists without validation data; the training key is logged when the metric is.
                    Monitor(plan, callback, "loss");
                    report.Report(plan.Create(Descriptors.KL0008, callback.Monitor.UseLocation, callback.Name, monitor,
                        setup.Api.NoValidationPhrase + setup.Api.MissingKeyConsequence, setup.Family.Phrase));
                }
            }
        }

        /// <summary>
        /// Why a class-name metric string logs under another name in tf.keras 2.x (MetricObjectNames): "" when no metric is one.
        /// </summary>
        private static string ObjectNameNote(KerasFamily family, IEnumerable<string> metrics)
        {
            if (family != KerasFamily.TfKeras2) return "";
            foreach (var m in metrics)
            {
                if (SpecialStrings.Classify(family, m) != SpecialStringKind.None || MetricObjectNames.TfKerasDefaultName(m) is not { } name || name == m) continue;
                // Why, and the '_1' suffixes of later objects, are in the rule's description and page.
                return $"; '{m}' logs as '{name}'";
            }

            return "";
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
