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

                // One read found from two fit calls (a duplicated line): one lookup.
                if (list.Any(l => l.Key.UseLocation == lookup.Key.UseLocation)) continue;
                list.Add(lookup);
            }

            return list;
        }

        /// <summary>
        /// What a fix title says about moving a metric's readers to <paramref name="key"/> (see <see cref="MoveReaders"/>):
        /// "EarlyStopping monitors 'val_mae' with mode 'min'", "history lookup 'val_acc' → 'val_mae'" (counted when repeated),
        /// and the lookups left as they are.
        /// </summary>
        public static IEnumerable<string> ReaderTitles(IEnumerable<CallbackInfo> callbacks, IEnumerable<HistoryLookup> lookups, string key, bool minimised) =>
            callbacks.Select(c => $"{c.Name} monitors '{PrefixOf(c) + key}'" + (minimised && c.Mode is { Text: "max" } ? " with mode 'min'" : ""))
                .Concat(lookups.Where(l => Moves(l, minimised)).GroupBy(l => l.Key.Text!, System.StringComparer.Ordinal).Select(g =>
                    (g.Count() == 1 ? "history lookup" : $"{g.Count()} history lookups") + $" '{g.Key}' → '{ValidationPrefixOf(g.Key) + key}'"
                    + (minimised && g.Any(l => Flips(l).Count > 0) ? " (its best value: Max → Min)" : "")))
                .Concat(lookups.Where(l => !Moves(l, minimised)).GroupBy(l => l.Key.Text!, System.StringComparer.Ordinal).Select(g =>
                    (g.Count() == 1 ? "history lookup" : $"{g.Count()} history lookups") + $" '{g.Key}' left as it is (its values are compared or ranked, and '{ValidationPrefixOf(g.Key) + key}' is best when lowest)"));

        /// <summary>
        /// Moves what reads a renamed or removed metric's key in the member to <paramref name="key"/>, each keeping its
        /// <c>val_</c> prefix: the callbacks that monitor it (an explicit mode 'max' becomes 'min' when the new key is
        /// <paramref name="minimised"/>) and the History lookups whose meaning is kept, so the setup stays coherent in one
        /// action: a maximised key's best value (<c>Max</c>) becomes the minimised key's (<c>Min</c>); a lookup whose values
        /// are compared or ranked is left as it is (and named in the title: <see cref="ReaderTitles"/>).
        /// </summary>
        public static void MoveReaders(FixPlan plan, IEnumerable<CallbackInfo> callbacks, IEnumerable<HistoryLookup> lookups, string key, bool minimised)
        {
            foreach (var c in callbacks)
            {
                plan.ReplaceValue(c.Monitor, PrefixOf(c) + key);
                if (minimised && c.Mode is { Text: "max" } mode) plan.ReplaceValue(mode, "min");
            }

            foreach (var lookup in lookups.Where(l => Moves(l, minimised)))
            {
                plan.ReplaceValue(lookup.Key, ValidationPrefixOf(lookup.Key.Text!) + key);
                if (!minimised) continue;
                foreach (var (name, method) in Flips(lookup)) plan.ReplaceExpression(name, method == "Max" ? "Min" : "Max");
            }
        }

        /// <summary>Whether a lookup's best value is the other way round once its key is the minimised one (an accuracy's key becoming an error's).</summary>
        private static bool Reverses(HistoryLookup lookup, bool minimised) =>
            minimised && lookup.Key.Text is { } old && LogKeys.IntendedDirection(old) == MetricDirection.Up;

        /// <summary>Whether a lookup follows the renamed key: yes, unless its best value reverses and its values are compared or ranked.</summary>
        private static bool Moves(HistoryLookup lookup, bool minimised) =>
            !Reverses(lookup, minimised) || SourceSpans.ValueUses(lookup.Key.UseLocation) is { Ordered: false };

        /// <summary>The <c>Max</c>/<c>Min</c> taken of a lookup's values whose key reverses (<c>logs["val_acc"].Max()</c>, through a local too).</summary>
        private static List<(Location Name, string Method)> Flips(HistoryLookup lookup) =>
            Reverses(lookup, minimised: true) && SourceSpans.ValueUses(lookup.Key.UseLocation) is { } uses ? uses.Best : new List<(Location, string)>();

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
