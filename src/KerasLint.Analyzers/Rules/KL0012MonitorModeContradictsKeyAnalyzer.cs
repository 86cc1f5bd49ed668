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
    /// KL0012: mode "min" on an accuracy-like key, or "max" on a loss/error key; and mode "auto" (explicit or the
    /// default) where the version's auto rule picks the wrong direction for the key (<see cref="LogKeys.AutoModeRule"/>:
    /// Keras 2.x, tf.keras and TensorFlow.NET decide by the key's spelling; Keras 3 reads the metric's direction and is
    /// never reported). Reported only where the rule holds for every version the configuration allows.
    /// </summary>
    public sealed class KL0012MonitorModeContradictsKeyAnalyzer : SetupRuleAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.KL0012);

        internal override void Analyze(TrainingSetup setup, Reporter report)
        {
            foreach (var callback in setup.Callbacks)
            {
                if (callback.Monitor.Text is not { } monitor) continue;
                if (MaximizedNeverImproves(setup, callback, monitor, report)) continue;
                if (callback.Mode is null || callback.Mode is { Text: "auto" })
                {
                    AutoMode(setup, callback, monitor, report);
                    continue;
                }

                if (callback.Mode is not { Text: { } mode } modeSite) continue;
                var direction = LogKeys.IntendedDirection(monitor);
                string right;
                if (direction == MetricDirection.Up && mode == "min") right = "max";
                else if (direction == MetricDirection.Down && mode == "max") right = "min";
                else continue;

                var plan = new FixPlan();
                if (FixPlan.CanReplace(modeSite)) plan.Action("KL0012.Mode", $"Use mode '{right}'").ReplaceValue(modeSite, right);
                report.Report(plan.Create(Descriptors.KL0012, modeSite.UseLocation, callback.Name, mode, monitor,
                    right == "max" ? "maximized" : "minimized", $"use mode '{right}'", "", setup.Family.Phrase));
            }
        }

        /// <summary>
        /// TensorFlow.Keras before 0.11.4: EarlyStopping starts its best value at +infinity in every mode, so a maximized
        /// key never improves, whatever the mode (<see cref="TfNetSemantics.EarlyStoppingFixedIn"/>). The fix monitors the
        /// loss (and makes an explicit mode 'min').
        /// </summary>
        private static bool MaximizedNeverImproves(TrainingSetup setup, CallbackInfo callback, string monitor, Reporter report)
        {
            if (setup.Family.Family != KerasFamily.TfNet || setup.Family.LibraryVersion is not { } v || !TfNetSemantics.EarlyStoppingNeverImprovesMaximized(v)) return false;
            if (callback.Kind != MonitorCallback.EarlyStopping || LogKeys.IntendedDirection(monitor) != MetricDirection.Up) return false;
            if (setup.AllMetricsKnown && !LogKeys.MayLog(setup.Family.Version, setup.Metrics!.Value.Select(m => m.Text!), LogKeys.StripValidation(monitor))) return false; // KL0008's

            var mode = callback.Mode?.Text ?? "auto";
            var loss = (setup.HasValidation != false && monitor.StartsWith(LogKeys.ValidationPrefix, System.StringComparison.Ordinal) ? LogKeys.ValidationPrefix : "") + "loss";
            var plan = new FixPlan();
            var explicitMode = callback.Mode != null && mode != "auto" && mode != "min";
            if ((FixPlan.CanReplace(callback.Monitor) || callback.MonitorIsDefault) && (!explicitMode || FixPlan.CanReplace(callback.Mode!)))
            {
                plan.Action("KL0012.Mode", explicitMode ? $"Monitor '{loss}' in mode 'min'" : $"Monitor '{loss}'");
                if (callback.MonitorIsDefault) plan.AddNamedArgument(callback.Creation, "monitor", loss);
                else plan.ReplaceValue(callback.Monitor, loss);
                if (explicitMode) plan.ReplaceValue(callback.Mode!, "min");
            }

            report.Report(plan.Create(Descriptors.KL0012, callback.Mode?.UseLocation ?? callback.Monitor.UseLocation, callback.Name, mode, monitor, "improvable (best starts at +inf)", $"monitor '{loss}'",
                $", but EarlyStopping in {setup.Family.Phrase} starts from +infinity in every mode and never sees it improve (fixed in 0.11.4)", setup.Family.Phrase));
            return true;
        }

        /// <summary>Mode "auto" that the version's rule resolves against the key's meaning (val_precision minimised …).</summary>
        private static void AutoMode(TrainingSetup setup, CallbackInfo callback, string monitor, Reporter report)
        {
            var version = setup.Family.Version;
            if (LogKeys.AutoModeRule(version, callback.Kind) is not { } rule) return;
            var intended = LogKeys.IntendedDirection(monitor);
            var auto = LogKeys.AutoModeDirection(version, callback.Kind, monitor);
            if (intended == MetricDirection.Unknown || auto == MetricDirection.Unknown || auto == intended) return;

            // A key the model never logs is KL0008's (its fix renames the key; a mode added here would then contradict it).
            var stripped = LogKeys.StripValidation(monitor);
            if (setup.AllMetricsKnown && !LogKeys.MayLog(version, setup.Metrics!.Value.Select(m => m.Text!), stripped)) return;

            var right = intended == MetricDirection.Up ? "max" : "min";
            var plan = new FixPlan();
            var title = $"Use mode '{right}'";
            if (callback.Mode is { } modeSite)
            {
                if (FixPlan.CanReplace(modeSite)) plan.Action("KL0012.Mode", title).ReplaceValue(modeSite, right);
            }
            else
            {
                plan.Action("KL0012.Mode", title).AddNamedArgument(callback.Creation, "mode", right);
            }

            var location = callback.Mode?.UseLocation ?? callback.Monitor.UseLocation;
            var consequence = callback.Kind switch
            {
                MonitorCallback.ModelCheckpoint => "save_best_only keeps the worst model",
                MonitorCallback.ReduceLROnPlateau => "it lowers the learning rate while the value improves",
                _ => "it counts every worsening as an improvement and stops when the value improves",
            };
            var why = $": in mode 'auto'{(callback.Mode == null ? " (the default)" : "")} {callback.Name} {rule.Rule} in {rule.Versions} ({setup.Family.Phrase}), so {consequence}";
            report.Report(plan.Create(Descriptors.KL0012, location, callback.Name, "auto", monitor,
                right == "max" ? "maximized" : "minimized", $"use mode '{right}'", why, setup.Family.Phrase));
        }
    }
}
