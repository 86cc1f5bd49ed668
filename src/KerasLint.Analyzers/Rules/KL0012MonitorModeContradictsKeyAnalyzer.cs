using System.Collections.Immutable;
using KerasLint.Analysis;
using KerasLint.Knowledge;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Rules
{
    /// <summary>KL0012: mode "min" on an accuracy-like key, or "max" on a loss/error key.</summary>
    public sealed class KL0012MonitorModeContradictsKeyAnalyzer : SetupRuleAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.KL0012);

        internal override void Analyze(TrainingSetup setup, Reporter report)
        {
            foreach (var callback in setup.Callbacks)
            {
                if (callback.Monitor.Text is not { } monitor || callback.Mode is not { Text: { } mode } modeSite) continue;
                var direction = LogKeys.IntendedDirection(monitor);
                string right;
                if (direction == MetricDirection.Up && mode == "min") right = "max";
                else if (direction == MetricDirection.Down && mode == "max") right = "min";
                else continue;

                var plan = new FixPlan();
                if (FixPlan.CanReplace(modeSite)) plan.Action("KL0012.Mode", $"Use mode '{right}'").ReplaceValue(modeSite, right);
                report.Report(plan.Create(Descriptors.KL0012, modeSite.UseLocation, callback.Name, mode, monitor,
                    right == "max" ? "maximized" : "minimized", right));
            }
        }
    }
}
