using System.Collections.Generic;
using System.Linq;
using KerasLint.Analysis;
using KerasLint.Knowledge;
using KerasLint.Model;

namespace KerasLint.Rules
{
    /// <summary>Phrases and lookups several rules share (all facts come from the catalog).</summary>
    internal static class RuleSupport
    {
        /// <summary>The metrics that are the compile-time string "accuracy"/"acc" in this family.</summary>
        public static IEnumerable<MetricInfo> AccuracyMetrics(TrainingSetup setup) =>
            setup.Metrics is { } m
                ? m.Where(x => x.Text != null && SpecialStrings.Classify(setup.Family.Family, x.Text) == SpecialStringKind.Accuracy)
                : Enumerable.Empty<MetricInfo>();

        /// <summary>"binary_accuracy" or "binary_accuracy or categorical_accuracy".</summary>
        public static string Candidates(SpecialResolution r) => string.Join(" or ", r.Candidates);

        /// <summary>What the resolved function(s) compute, from the catalog's descriptions.</summary>
        public static string Describe(KerasFamily family, SpecialResolution r) =>
            string.Join("; or ", r.Candidates.Select(c => KerasCatalog.Describe(family, c) ?? c));

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
            var text = use.SourceTree?.GetText().ToString(use.SourceSpan);
            if (text == null) return;
            foreach (var (key, title, canonical) in targets)
            {
                if (setup.Api.LossObjectSource(text, canonical) is { } replacement) plan.Action(key, title).ReplaceExpression(use, replacement);
            }
        }
    }
}
