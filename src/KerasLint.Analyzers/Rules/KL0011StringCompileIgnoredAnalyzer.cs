using System.Collections.Immutable;
using KerasLint.Analysis;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Rules
{
    /// <summary>
    /// KL0011: an all-string compile whose strings the library does not train as written (TF.NET: RMSprop + MSE, or a
    /// throw), with the fix that passes objects. KL0015, reported here too: the same compile when no edit is certainly
    /// right (<see cref="StringCompileInfo.Unfixable"/>), so that every KL0011 carries a fix (KL0015 has none).
    /// </summary>
    public sealed class KL0011StringCompileIgnoredAnalyzer : SetupRuleAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.KL0011, Descriptors.KL0015);

        internal override void Analyze(TrainingSetup setup, Reporter report)
        {
            if (setup.StringCompile is not { } sc) return;
            if (sc.Replacements.IsEmpty)
            {
                report.Report(FixPlan.None.Create(Descriptors.KL0015, sc.Location, sc.Optimizer, sc.Loss, sc.Outcome, sc.Unfixable ?? "pass objects it has"));
                return;
            }

            var plan = new FixPlan().Action("KL0011.Objects", $"Pass {sc.ReplacementPhrase}");
            foreach (var r in sc.Replacements) plan.ReplaceExpression(r.Location, r.Text);
            plan.Retarget(sc.Location, "compile"); // the objects overload, on purpose

            // compile(optimizer, loss, null): with objects, null would match both metrics overloads (string[] and
            // IMetricFunc[]); no metrics is the two-argument overload.
            if (SourceSpans.NullArgument(sc.Location, "metrics", 2, report.CancellationToken) is { } nullMetrics) plan.RemoveElement(nullMetrics);

            report.Report(plan.Create(Descriptors.KL0011, sc.Location, sc.Optimizer, sc.Loss, sc.Outcome));
        }
    }
}
