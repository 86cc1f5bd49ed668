using System.Collections.Generic;
using System.Linq;
using KerasLint.Analysis;
using KerasLint.Knowledge;
using KerasLint.Model;
using Microsoft.CodeAnalysis;

namespace KerasLint.Rules
{
    /// <summary>Phrases and lookups several rules share (all facts come from the catalog).</summary>
    internal static class RuleSupport
    {
        /// <summary>The metrics that are the compile-time string "accuracy"/"acc" in this family.</summary>
        public static IEnumerable<MetricInfo> AccuracyMetrics(TrainingSetup setup) =>
            setup.Metrics is { } m
                ? m.Where(x => x.Text != null && SpecialStrings.Classify(setup.Family.Family, x.Text) == SpecialStringKind.Accuracy
                    && KerasCatalog.ClassNameMetricBehaviour(setup.Family.Version, x.Text) == null) // "Accuracy" before tf.keras 2.6: KL0010's
                : Enumerable.Empty<MetricInfo>();

        /// <summary>"binary_accuracy", "binary_accuracy or categorical_accuracy"; three: "an accuracy picked by the output shape" (a message's few words).</summary>
        public static string Candidates(SpecialResolution r) => r.Candidates.Count > 2 ? "an accuracy picked by the output shape" : string.Join(" or ", r.Candidates);

        /// <summary>What the resolved function(s) compute, from the catalog's descriptions.</summary>
        public static string Describe(KerasFamily family, SpecialResolution r) =>
            string.Join("; or ", r.Candidates.Select(c => KerasCatalog.Describe(family, c) ?? c));

        /// <summary>
        /// The history lookups a fix that renames metrics rewrites in the same action: those whose key, without
        /// <c>val_</c>, <paramref name="isOld"/> accepts. Null when a lookup cannot follow: an old key that cannot be
        /// replaced, or (when <paramref name="unknownKeysBlock"/>) a key that is not a visible constant and may read an
        /// old key; then the renaming action is not offered. A rule whose diagnostic has no other action passes false
        /// (every diagnostic of a fixable id carries a fix): lookups of keys it cannot see are left as they are.
        /// </summary>
        public static List<HistoryLookup>? LookupsToRewrite(TrainingSetup setup, System.Func<string, bool> isOld, bool unknownKeysBlock)
        {
            var list = new List<HistoryLookup>();
            foreach (var lookup in setup.HistoryLookups)
            {
                if (lookup.Key.Text is not { } key)
                {
                    if (unknownKeysBlock) return null;
                    continue;
                }

                if (!isOld(LogKeys.StripValidation(key))) continue;
                if (!FixPlan.CanReplace(lookup.Key)) return null;
                list.Add(lookup);
            }

            return list;
        }

        /// <summary>
        /// What a fix title says about moving a metric's readers to <paramref name="key"/> (see <see cref="MoveReaders"/>):
        /// "EarlyStopping monitors 'val_mae' with mode 'min'", "history lookup 'val_acc' → 'val_mae'" (counted when repeated).
        /// </summary>
        public static IEnumerable<string> ReaderTitles(IEnumerable<CallbackInfo> callbacks, IEnumerable<HistoryLookup> lookups, string key, bool minimised) =>
            callbacks.Select(c => $"{c.Name} monitors '{PrefixOf(c) + key}'" + (minimised && c.Mode is { Text: "max" } ? " with mode 'min'" : ""))
                .Concat(lookups.GroupBy(l => l.Key.Text!, System.StringComparer.Ordinal).Select(g =>
                    (g.Count() == 1 ? "history lookup" : $"{g.Count()} history lookups") + $" '{g.Key}' → '{ValidationPrefixOf(g.Key) + key}'"
                    + (minimised && g.Any(l => Flip(l) != null) ? " (its best value: Max → Min)" : "")));

        /// <summary>
        /// Moves what reads a renamed or removed metric's key in the member to <paramref name="key"/>, each keeping its
        /// <c>val_</c> prefix: the callbacks that monitor it (an explicit mode 'max' becomes 'min' when the new key is
        /// <paramref name="minimised"/>) and the History lookups, so the setup stays coherent in one action.
        /// </summary>
        public static void MoveReaders(FixPlan plan, IEnumerable<CallbackInfo> callbacks, IEnumerable<HistoryLookup> lookups, string key, bool minimised)
        {
            foreach (var c in callbacks)
            {
                plan.ReplaceValue(c.Monitor, PrefixOf(c) + key);
                if (minimised && c.Mode is { Text: "max" } mode) plan.ReplaceValue(mode, "min");
            }

            foreach (var lookup in lookups)
            {
                plan.ReplaceValue(lookup.Key, ValidationPrefixOf(lookup.Key.Text!) + key);

                // The best epoch of an accuracy is its maximum; of the error that replaces it, its minimum.
                if (minimised && Flip(lookup) is { } flip) plan.ReplaceExpression(flip.Name, flip.Text);
            }
        }

        /// <summary>
        /// The <c>Max</c>/<c>Min</c> applied directly to a History lookup of a key that is maximised
        /// (<c>h.HistoryLogs["val_acc"].Max()</c>), and the name that keeps its meaning once the key is an error's; null otherwise.
        /// </summary>
        private static (Location Name, string Text)? Flip(HistoryLookup lookup)
        {
            if (lookup.Key.Text is not { } old || LogKeys.IntendedDirection(old) != MetricDirection.Up) return null;
            if (!(SourceSpans.MethodCalledOnIndexer(lookup.Key.UseLocation) is { } called)) return null;
            return called.Method switch
            {
                "Max" => (called.Name, "Min"),
                "Min" => (called.Name, "Max"),
                _ => ((Location, string)?)null,
            };
        }

        /// <summary>The <c>val_</c> prefix of the key a callback monitors ("" when none or not visible).</summary>
        public static string PrefixOf(CallbackInfo callback) => callback.Monitor.Text is { } m ? ValidationPrefixOf(m) : "";

        /// <summary>"val_" when the key is a validation key, else "".</summary>
        public static string ValidationPrefixOf(string key) =>
            key.StartsWith(LogKeys.ValidationPrefix, System.StringComparison.Ordinal) ? LogKeys.ValidationPrefix : "";

        public static string HeadPhrase(HeadInfo head)
        {
            var units = head.Units is { } u ? $"{u}-unit " : "";
            var act = head.Activation switch
            {
                HeadActivation.Linear => "linear",
                HeadActivation.Softmax => "softmax",
                HeadActivation.Sigmoid => "sigmoid",
                _ => head.ActivationText ?? "unknown",
            };
            return $"a {units}{act} head";
        }

        /// <summary>Replaces a loss object with another one (the library writes it), one action per target.</summary>
        internal static void LossObjectFix(FixPlan plan, TrainingSetup setup, params (string Key, string Title, string Canonical)[] targets)
        {
            var use = setup.Loss.Site.UseLocation;
            var text = SourceSpans.TextAt(use);
            if (text == null) return;
            foreach (var (key, title, canonical) in targets)
            {
                if (setup.Api.LossObjectSource(text, canonical) is { } replacement) plan.Action(key, title).ReplaceExpression(use, replacement);
            }
        }
    }
}
