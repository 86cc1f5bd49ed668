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
    /// An accuracy (a share of exact hits) of continuous values, in every library (decided once on the
    /// <see cref="ReadoutView"/>): any read-out of a prediction trained with a regression loss on an output no classifier
    /// activation bounds, or a single real-valued output compared as it is. KL0001 for a compiled setup (Keras.NET,
    /// TF.NET: "accuracy"/"acc" with mse, mae, … on a linear/relu/unknown head, and the callbacks watching it), KL0110
    /// for a TorchSharp read-out (<c>(pred == y).sum()</c> on a linear 1-unit output).
    /// </summary>
    public sealed class KL0001AccuracyOnRegressionAnalyzer : SetupRuleAnalyzer, IReadoutRule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.KL0001, Descriptors.KL0110);

        /// <summary>The mistake: hits counted on values that are continuous, so the share stays about 0 whatever the model learns.</summary>
        private static bool Decide(ReadoutView view)
        {
            if (!view.CountsHits || view.Forms.IsEmpty) return false;
            var p = view.Prediction;

            // The targets of a regression are continuous: no read-out of its prediction (rounded, thresholded, arg-max'd
            // or as it is) hits them, unless a classifier's activation bounds the output (then the loss is KL0007's).
            if (view.Loss is { IsRegression: true } && p.Activation is HeadActivation.Linear or HeadActivation.Unbounded or HeadActivation.Unknown) return true;

            // The loss not known: a single real-valued output compared with the targets as it is.
            return view.Forms.All(f => f == ReadoutForm.Exact) && p.Activation == HeadActivation.Linear && p.Units == 1;
        }

        Diagnostic? IReadoutRule.AnalyzeReadout(TorchReadout readout) =>
            Decide(TrainingViews.Of(readout))
                ? TorchReadoutRuleAnalyzer.Create(Descriptors.KL0110, readout, readout.Library, TorchReadoutRuleAnalyzer.Text(readout), TorchReadoutRuleAnalyzer.Origin(readout))
                : null;

        internal override void Analyze(TrainingSetup setup, Reporter report)
        {
            var loss = setup.Loss;
            // Each accuracy metric's read-out (what it resolves to under the family), where the mistake holds.
            var found = RuleSupport.AccuracyMetrics(setup)
                .Select(m => (Metric: m, Resolution: TrainingViews.Of(setup, m) is { } view && Decide(view) ? view.Resolution : null))
                .Where(x => x.Resolution != null).ToList();
            if (found.Count == 0 || loss.Function is not { } f) return;

            var family = setup.Family.Family;
            var natural = KerasCatalog.NaturalRegressionMetric(f.CanonicalName);

            // TensorFlow.NET's Keras accepts six metric strings: "mse" is not one of them.
            if (family == KerasFamily.TfNet && KerasCatalog.ResolveMetric(family, natural) == null) natural = "mae";
            var present = setup.Metrics?.Select(m => m.Text).ToList() ?? new List<string?>();
            var metrics = found.Select(x => x.Metric).ToList();
            var accuracyKeys = new HashSet<string>(metrics.Select(m => LogKeys.MetricKey(family, m.Text!)).Where(k => k != null).Select(k => k!));
            var reported = setup.Callbacks.Where(c => c.Monitor.Text is { } m && accuracyKeys.Contains(LogKeys.StripValidation(m))).ToList();
            // The fixes also move callbacks watching the accuracy under another family's spelling (val_acc under
            // tf.keras, which KL0008 reports): once the metric is gone, none of them would be logged.
            var watching = setup.Callbacks.Where(c => c.Monitor.Text is { } m && LogKeys.StripValidation(m) is "acc" or "accuracy" || reported.Contains(c)).ToList();
            var naturalKey = LogKeys.MetricKey(family, natural) ?? natural;

            // Keys read from the History fit returns follow the metric like the callbacks (any family's spelling of the
            // accuracy key); null when an accuracy key cannot be replaced, and then no action renames or removes the
            // metric. A key that is not a visible constant is left as it is (every KL0001 keeps a fix).
            var lookups = RuleSupport.LookupsToRewrite(setup, k => k is "acc" or "accuracy" || accuracyKeys.Contains(k), unknownKeysBlock: false);

            // One coherent action per metric: the metric is replaced by (or, when already compiled, left to) the
            // natural metric, and every callback watching the accuracy key follows it, with mode 'min' where an
            // explicit mode said 'max', and so does every history lookup of that key. Offered on the metric and on
            // each watching callback, so Fix All applies the same edits whichever diagnostic it starts from.
            FixPlan Coherent(FixPlan plan, MetricInfo metric, bool alsoLossOption)
            {
                var callbacksOk = watching.All(c => FixPlan.CanReplace(c.Monitor) && (c.Mode is not { Text: "max" } || FixPlan.CanReplace(c.Mode)));
                if (callbacksOk && lookups != null)
                {
                    // The natural metric when it is not compiled yet; else the element goes; else (an element that cannot
                    // be removed, such as one of an array kept in a local) another error metric not compiled yet takes its place.
                    var by = !present.Contains(natural) ? natural : metric.ElementLocation == null ? Substitute() : null;
                    var replace = by != null && FixPlan.CanReplace(metric.Site);
                    var remove = !replace && metric.ElementLocation != null;
                    var key = by == null || by == natural ? naturalKey : LogKeys.MetricKey(family, by) ?? by;
                    if (replace || remove)
                    {
                        var titles = new List<string> { replace ? $"Replace '{metric.Text}' with '{by}'" : $"Remove '{metric.Text}'" };
                        titles.AddRange(RuleSupport.ReaderTitles(watching, lookups, key, minimised: true));
                        plan.Action(replace ? "KL0001.ReplaceWithNaturalMetric" : "KL0001.RemoveMetric", string.Join("; ", titles));
                        if (replace) plan.ReplaceValue(metric.Site, by!);
                        else plan.RemoveElement(metric.ElementLocation!);
                        RuleSupport.MoveReaders(plan, watching, lookups, key, minimised: true);
                    }
                }

                if (alsoLossOption && watching.Count > 0 && watching.All(c => FixPlan.CanReplace(c.Monitor) && (c.Mode is not { Text: "max" } || FixPlan.CanReplace(c.Mode))))
                {
                    // The accuracy stays compiled (and keeps its own diagnostic); the callbacks watch the loss.
                    var noLookups = new List<HistoryLookup>();
                    plan.Action("KL0001.MonitorLoss", string.Join("; ", RuleSupport.ReaderTitles(watching, noLookups, "loss", minimised: true)));
                    RuleSupport.MoveReaders(plan, watching, noLookups, "loss", minimised: true);
                }

                return plan;
            }

            // An error metric this family knows that is not compiled under any of its names; null when none is left.
            string? Substitute()
            {
                var compiled = new HashSet<string>(present.Where(p => p != null).Select(p => KerasCatalog.ResolveMetric(family, p!)?.CanonicalName ?? p!));
                return new[] { "mae", "mse", "mape" }.FirstOrDefault(m => KerasCatalog.ResolveMetric(family, m) is { } r && !compiled.Contains(r.CanonicalName) && !present.Contains(m));
            }

            SpecialResolution? last = null;
            foreach (var (metric, resolution) in found)
            {
                var r = resolution!;
                last = r;
                var plan = Coherent(new FixPlan(), metric, alsoLossOption: false);
                if (present.Contains(natural) || !FixPlan.CanReplace(metric.Site))
                {
                    // already the removal (or nothing) above
                }
                else if (metric.ElementLocation is { } element && lookups != null)
                {
                    var titles = new List<string> { $"Remove '{metric.Text}'" };
                    titles.AddRange(RuleSupport.ReaderTitles(watching, lookups, "loss", minimised: true));
                    plan.Action("KL0001.RemoveMetric", string.Join("; ", titles)).RemoveElement(element);
                    RuleSupport.MoveReaders(plan, watching, lookups, "loss", minimised: true);
                }

                report.Report(plan.Create(Descriptors.KL0001, metric.Site.UseLocation,
                    metric.Text, loss.Site.Text, RuleSupport.Candidates(r), RuleSupport.Describe(family, r), setup.Family.Phrase, natural));
            }

            foreach (var callback in reported)
            {
                var monitor = callback.Monitor.Text!;
                var plan = Coherent(new FixPlan(), metrics[0], alsoLossOption: true);
                report.Report(plan.Create(Descriptors.KL0001, callback.Monitor.UseLocation,
                    monitor, loss.Site.Text, RuleSupport.Candidates(last!), RuleSupport.Describe(family, last!), setup.Family.Phrase, RuleSupport.PrefixOf(callback) + "loss"));
            }
        }
    }
}
