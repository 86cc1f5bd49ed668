using System.Collections.Immutable;
using KerasLint.Analysis;
using KerasLint.Model;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Rules
{
    /// <summary>KL0011: an all-string compile whose strings the library does not train as written (TF.NET: RMSprop + MSE, or a throw).</summary>
    public sealed class KL0011StringCompileIgnoredAnalyzer : SetupRuleAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.KL0011);

        internal override void Analyze(TrainingSetup setup, Reporter report)
        {
            if (setup.StringCompile is not { } sc) return;
            var plan = new FixPlan();
            if (!sc.Replacements.IsEmpty)
            {
                plan.Action("KL0011.Objects", $"Pass {sc.ReplacementPhrase}");
                foreach (var r in sc.Replacements) plan.ReplaceExpression(r.Location, r.Text);

                // compile(optimizer, loss, null): with objects, null would match both metrics overloads (string[] and
                // IMetricFunc[]); no metrics is the two-argument overload.
                if (NullMetrics(sc.Location, report.CancellationToken) is { } nullMetrics) plan.RemoveElement(nullMetrics);
            }

            report.Report(plan.Create(Descriptors.KL0011, sc.Location, sc.Optimizer, sc.Loss, sc.Outcome));
        }

        /// <summary>The location of a <c>null</c>/<c>default</c> metrics argument of the compile call at <paramref name="compile"/>; null when there is none.</summary>
        private static Location? NullMetrics(Location compile, System.Threading.CancellationToken cancellationToken)
        {
            if (!(compile.SourceTree?.GetRoot(cancellationToken) is { } root) || !root.FullSpan.Contains(compile.SourceSpan)) return null;
            var call = root.FindNode(compile.SourceSpan, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault(i => i.Span == compile.SourceSpan);
            if (call == null) return null;
            var arguments = call.ArgumentList.Arguments;
            var metrics = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "metrics")
                ?? (arguments.Count == 3 && arguments.All(a => a.NameColon == null) ? arguments[2] : null);
            return metrics?.Expression is LiteralExpressionSyntax l && (l.IsKind(SyntaxKind.NullLiteralExpression) || l.IsKind(SyntaxKind.DefaultLiteralExpression))
                ? metrics.Expression.GetLocation()
                : null;
        }
    }
}
