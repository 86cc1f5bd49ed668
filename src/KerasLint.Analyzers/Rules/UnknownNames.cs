using System.Collections.Generic;
using System.Linq;
using KerasLint.Analysis;
using KerasLint.Knowledge;
using KerasLint.Model;
using Microsoft.CodeAnalysis;

namespace KerasLint.Rules
{
    /// <summary>A loss or metric string the setup's family does not know, and the fix planned for it (none: KL0013).</summary>
    internal sealed class UnknownName
    {
        public UnknownName(string role, string text, Location location, string detail, FixPlan plan, string advice, bool removesMetric = false)
        {
            RemovesMetric = removesMetric;
            Role = role;
            Text = text;
            Location = location;
            Detail = detail;
            Plan = plan;
            Advice = advice;
        }

        /// <summary>"loss" or "metric".</summary>
        public string Role { get; }

        public string Text { get; }

        public Location Location { get; }

        /// <summary>KL0010's message tail: the families that have the name, the suggestion (may be empty).</summary>
        public string Detail { get; }

        /// <summary>The fix: a close name or the same function's name in this family, else the metric removed; may be empty.</summary>
        public FixPlan Plan { get; }

        /// <summary>What the user must do when no fix applies (KL0013's message).</summary>
        public string Advice { get; }

        /// <summary>Whether the fix removes the metric from its inline array.</summary>
        public bool RemovesMetric { get; }

        public UnknownName WithPlan(FixPlan plan) => new UnknownName(Role, Text, Location, Detail, plan, Advice, RemovesMetric);
    }

    /// <summary>
    /// The loss and metric strings a setup's family does not know, when they are a typo of a valid name or a name only
    /// other families have (names far from every built-in are taken as custom registered objects: silent). Each gets the
    /// fix that replaces it with a close name (or, for a loss, the name this family gives the same function) or removes
    /// the metric (the library rejects an unknown metric, so training never runs with it). KL0010 reports those with a
    /// fix and KL0013 those without, so that every KL0010 carries a fix that Fix All and dotnet format apply.
    /// </summary>
    internal static class UnknownNames
    {
        public static IEnumerable<UnknownName> Find(TrainingSetup setup)
        {
            var family = setup.Family.Family;
            if (setup.Loss.Kind == LossKind.NotInFamily && setup.Loss.Site.Text != null && Named(setup, "loss", setup.Loss.Site, FunctionRoles.Loss, null) is { } loss)
            {
                yield return loss;
            }

            else if (setup.Loss.Kind == LossKind.BuiltIn && setup.Loss.Form == LossForm.String && setup.Loss.Site.Text is { } lossText
                && KerasCatalog.ClassNameLossBehaviour(setup.Family.Version, lossText) is { } lossBehaviour)
            {
                yield return ClassNameLoss(setup.Loss.Site, lossText, lossBehaviour);
            }

            if (setup.Metrics is not { } metrics) yield break;
            var found = new List<UnknownName>();
            foreach (var m in metrics)
            {
                if (m.Text is not { } text) continue;
                if (family == KerasFamily.TfNet)
                {
                    if (TfNetMetric(m, text) is { } unsupported) found.Add(unsupported);
                    continue;
                }

                if (KerasCatalog.ClassNameMetricBehaviour(setup.Family.Version, text) is { } behaviour)
                {
                    found.Add(ClassName(m, text, behaviour));
                    continue;
                }

                var special = SpecialStrings.Classify(family, text);
                if (special == SpecialStringKind.Accuracy) continue;
                if (special == SpecialStringKind.Crossentropy)
                {
                    if (family == KerasFamily.Keras3)
                    {
                        var plan = new FixPlan();
                        found.Add(new UnknownName("metric", text, m.Site.UseLocation, "; Keras 3 accepts it only as a loss", plan,
                            "Keras 3 accepts it only as a loss: remove it from the metrics, or name the crossentropy metric (binary_crossentropy, categorical_crossentropy or sparse_categorical_crossentropy)",
                            Remove(plan, m)));
                    }

                    continue;
                }

                if (KerasCatalog.ResolveMetric(family, text) != null) continue;
                if (Named(setup, "metric", m.Site, FunctionRoles.Metric, m) is { } metric) found.Add(metric);
            }

            // When the fixes remove every element of an inline new[] { … } or […], applying them all (Fix All) would leave
            // an array whose type cannot be inferred, or a [] that several overloads accept: each empties the collection
            // instead (the same edit for all of them).
            if (found.Count > 1 && found.Count == metrics.Length && found.All(u => u.RemovesMetric) && metrics[0].EmptyCollection is { } empty)
            {
                var title = "Remove " + string.Join(", ", found.Select(u => $"'{u.Text}'"));
                foreach (var u in found) yield return u.WithPlan(new FixPlan().Action("KL0010.Remove", title).ReplaceExpression(empty.Location, empty.Text));
                yield break;
            }

            foreach (var u in found) yield return u;
        }

        /// <summary>
        /// Removes the metric from its inline array (or empties a one-element one) and says whether it did; nothing when
        /// the array is not inline.
        /// </summary>
        private static bool Remove(FixPlan plan, MetricInfo m)
        {
            if (m.ElementLocation is { } element) plan.Action("KL0010.Remove", $"Remove '{m.Text}'").RemoveElement(element);
            else if (m.EmptyCollection is { } empty) plan.Action("KL0010.Remove", $"Remove '{m.Text}'").ReplaceExpression(empty.Location, empty.Text);
            else return false;
            return true;
        }

        /// <summary>
        /// A metric class name that the configured version does not read as the user meant (KerasCatalog.ClassNameMetricBehaviour):
        /// "Accuracy" before tf.keras 2.6 and in Keras 2.3, class names in standalone Keras 2.3. The fix writes the lower-case
        /// compile-time string ("accuracy") or the function's snake_case name ("mean_squared_error"); else removes the metric.
        /// </summary>
        private static UnknownName ClassName(MetricInfo m, string text, string behaviour)
        {
            string? replacement;
            if (SpecialStrings.Classify(KerasFamily.TfKeras2, text) != SpecialStringKind.None)
            {
                replacement = text.ToLowerInvariant();
            }
            else
            {
                var canonical = KerasCatalog.ResolveMetric(KerasFamily.Keras23, text)?.CanonicalName;
                var names = KerasCatalog.ValidNames(KerasFamily.Keras23, FunctionRoles.Metric)
                    .Where(t => t == t.ToLowerInvariant() && KerasCatalog.ResolveMetric(KerasFamily.Keras23, t)?.CanonicalName == canonical).ToList();
                replacement = canonical != null && names.Contains(canonical) ? canonical : names.FirstOrDefault();
            }

            var plan = new FixPlan();
            var removes = false;
            if (replacement != null && FixPlan.CanReplace(m.Site)) plan.Action("KL0010.DidYouMean", $"Replace with '{replacement}'").ReplaceValue(m.Site, replacement);
            else removes = Remove(plan, m);
            // What this version does with the class name is the rule's description and page (behaviour): the message says what to write.
            var detail = replacement != null ? $"; did you mean '{replacement}'?" : "; pass a metric object";
            var advice = replacement != null ? $"write '{replacement}' where the value is defined" : "remove it from the metrics or pass a metric object";
            return new UnknownName("metric", text, m.Site.UseLocation, detail, plan, advice, removes);
        }

        /// <summary>
        /// A loss class name in standalone Keras 2.3.x (KerasCatalog.ClassNameLossBehaviour): compile fails. The fix writes
        /// the lower-case name 2.3 gives the same loss function ("CategoricalCrossentropy" → "categorical_crossentropy").
        /// </summary>
        private static UnknownName ClassNameLoss(ValueSite site, string text, string behaviour)
        {
            var canonical = KerasCatalog.ResolveLoss(KerasFamily.Keras23, text)?.CanonicalName;
            var names = KerasCatalog.ValidNames(KerasFamily.Keras23, FunctionRoles.Loss)
                .Where(t => t == t.ToLowerInvariant() && KerasCatalog.ResolveLoss(KerasFamily.Keras23, t)?.CanonicalName == canonical).ToList();
            var replacement = canonical != null && names.Contains(canonical) ? canonical : names.FirstOrDefault();
            var plan = new FixPlan();
            if (replacement != null && FixPlan.CanReplace(site)) plan.Action("KL0010.DidYouMean", $"Replace with '{replacement}'").ReplaceValue(site, replacement);
            var detail = "; " + behaviour + (replacement != null ? $"; did you mean '{replacement}'?" : "");
            var advice = replacement != null ? $"write '{replacement}' where the value is defined" : "pass a loss object or a loss function's name";
            return new UnknownName("loss", text, site.UseLocation, detail, plan, advice);
        }

        /// <summary>TensorFlow.NET's Keras accepts six metric strings; any other throws at the first training step.</summary>
        private static UnknownName? TfNetMetric(MetricInfo m, string text)
        {
            if (TfNetSemantics.IsSupportedMetricString(text)) return null;
            var suggestion = TfNetSemantics.ClosestMetricString(text);
            var plan = new FixPlan();
            var removes = false;
            if (suggestion != null && FixPlan.CanReplace(m.Site)) plan.Action("KL0010.DidYouMean", $"Replace with '{suggestion}'").ReplaceValue(m.Site, suggestion);
            else removes = Remove(plan, m);

            // The six accepted strings and the exception are in the rule's description and page.
            var detail = suggestion != null ? $"; did you mean '{suggestion}'?" : "; it throws: only accuracy, mae, mape (and long names) work";
            var advice = suggestion != null ? $"write '{suggestion}' where the value is defined, or remove it from the metrics" : "remove it from the metrics";
            return new UnknownName("metric", text, m.Site.UseLocation, detail, plan, advice, removes);
        }

        private static UnknownName? Named(TrainingSetup setup, string role, ValueSite site, FunctionRoles roles, MetricInfo? metric)
        {
            var family = setup.Family.Family;
            var text = site.Text!;
            var suggestion = KerasCatalog.ClosestName(family, roles, text);

            // The same function under this family's name; for losses only: a metric's name is also the key it logs under.
            var equivalent = suggestion == null && roles == FunctionRoles.Loss ? KerasCatalog.EquivalentName(family, roles, text) : null;
            var elsewhere = KerasCatalog.FamiliesOf(text, roles) & FamilySet.All;
            if (suggestion == null && equivalent == null && elsewhere == FamilySet.None) return null; // a custom name: silence.

            var families = string.Join(", ", KerasFamilies.All.Where(f => elsewhere.Contains(f)).Select(f => f.ShortName()));
            var detail = suggestion != null ? $"; did you mean '{suggestion}'?"
                : equivalent != null ? $"; this version calls it '{equivalent}'"
                : "; it exists in " + families;

            var replacement = suggestion ?? equivalent;
            var plan = new FixPlan();
            var removes = false;
            if (replacement != null && FixPlan.CanReplace(site)) plan.Action("KL0010.DidYouMean", $"Replace with '{replacement}'").ReplaceValue(site, replacement);
            else if (metric != null) removes = Remove(plan, metric);

            string advice;
            if (replacement != null)
            {
                advice = $"write '{replacement}' where the value is defined";
            }
            else
            {
                // The versions that have it are in the message's first part (KL0010's detail) and the rule page.
                advice = role == "loss" ? "use a loss this version has" : "remove it from the metrics";
                advice += ", or set keraslint.keras_version";
            }

            return new UnknownName(role, text, site.UseLocation, detail, plan, advice, removes);
        }
    }
}
