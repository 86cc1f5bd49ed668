using System;
using System.Collections.Generic;

namespace KerasLint.Knowledge
{
    /// <summary>Which compile-time string was used.</summary>
    public enum SpecialStringKind
    {
        None,

        /// <summary>"accuracy" or "acc".</summary>
        Accuracy,

        /// <summary>"crossentropy" or "ce".</summary>
        Crossentropy,
    }

    /// <summary>What is known of the targets (y_true) relative to the predictions.</summary>
    public enum LabelLayout
    {
        /// <summary>Not known (the analyzer rarely sees the data).</summary>
        Unknown,

        /// <summary>Same rank as the prediction with the same last dimension (one-hot, or multi-label 0/1).</summary>
        SameShape,

        /// <summary>Lower rank than the prediction, e.g. (N,) integers for an (N, C) output.</summary>
        LowerRank,

        /// <summary>Same rank with last dimension 1, e.g. (N, 1) integers for an (N, C) output.</summary>
        Column,
    }

    /// <summary>The outcome of resolving "accuracy"/"acc"/"crossentropy"/"ce" in one family.</summary>
    public sealed class SpecialResolution
    {
        internal SpecialResolution(SpecialStringKind kind, IReadOnlyList<string> candidates, string? error, string reason)
        {
            Kind = kind;
            Candidates = candidates;
            Error = error;
            Reason = reason;
        }

        public SpecialStringKind Kind { get; }

        /// <summary>The canonical functions it may become; exactly one when the code fixes it.</summary>
        public IReadOnlyList<string> Candidates { get; }

        /// <summary>Set when Keras raises instead (Keras 3 and "crossentropy" as a metric).</summary>
        public string? Error { get; }

        /// <summary>Why, in words, for messages ("the loss is binary_crossentropy").</summary>
        public string Reason { get; }

        public bool IsDetermined => Error == null && Candidates.Count == 1;

        /// <summary>The single resolved function; throws when not determined.</summary>
        public string Resolved => IsDetermined ? Candidates[0] : throw new InvalidOperationException(Error ?? "The resolution depends on facts not known here: " + string.Join(", ", Candidates));
    }

    /// <summary>
    /// How compile turns "accuracy"/"acc" and "crossentropy"/"ce" into a concrete metric or loss
    /// (docs/keras-semantics.md §1): loss-based in Keras ≤ 2.3 / TF ≤ 2.1, shape-based in tf.keras ≥ 2.2 and Keras 3.
    /// </summary>
    public static class SpecialStrings
    {
        /// <summary>
        /// Whether <paramref name="text"/> is one of the intercepted strings in this family: matched exactly
        /// in Keras 2.x ("crossentropy"/"ce" only from 2.1.3), case-insensitively in tf.keras and Keras 3.
        /// </summary>
        public static SpecialStringKind Classify(KerasFamily family, string? text)
        {
            if (text == null) return SpecialStringKind.None;
            if (family == KerasFamily.TfNet) return text is "accuracy" or "acc" ? SpecialStringKind.Accuracy : SpecialStringKind.None; // exact; no "crossentropy"
            var t = family.Resolution() == SpecialStringResolution.ShapeBased ? text.ToLowerInvariant() : text;
            switch (t)
            {
                case "accuracy":
                case "acc":
                    return SpecialStringKind.Accuracy;
                case "crossentropy":
                case "ce":
                    return SpecialStringKind.Crossentropy;
                default:
                    return SpecialStringKind.None;
            }
        }

        /// <summary>
        /// Resolves a special metric string.
        /// </summary>
        /// <param name="family">The Keras version family.</param>
        /// <param name="text">The user's string, e.g. "accuracy".</param>
        /// <param name="lossCanonical">The compiled loss's canonical name, or null for a custom or unknown loss.</param>
        /// <param name="outputUnits">The last dimension of the model output (y_pred), or null when unknown.</param>
        /// <param name="labels">What is known of y_true relative to y_pred (shape-based families only).</param>
        public static SpecialResolution ResolveMetric(KerasFamily family, string text, string? lossCanonical, int? outputUnits, LabelLayout labels)
        {
            var kind = Classify(family, text);
            if (kind == SpecialStringKind.None)
            {
                throw new ArgumentException($"'{text}' is not one of the strings Keras resolves at compile time (accuracy, acc, crossentropy, ce) in {family.DisplayName()}.", nameof(text));
            }

            if (kind == SpecialStringKind.Crossentropy && family == KerasFamily.Keras3)
            {
                return new SpecialResolution(kind, Array.Empty<string>(), $"Keras 3 raises ValueError: Could not interpret metric identifier: {text}", "Keras 3 accepts \"crossentropy\" only as a loss");
            }

            return Resolve(family, kind, lossCanonical, outputUnits, labels);
        }

        /// <summary>
        /// What any metric string resolves to in <paramref name="version"/> (one candidate, several when the facts are not
        /// known, or an error), where a concrete version changes the answer (docs/keras-semantics.md §8.2):
        /// standalone Keras 2.3.x fails on class names (<see cref="KerasCatalog.ClassNameMetricBehaviour"/>); tf.keras
        /// 2.2–2.5 matches the special strings exactly, so "Accuracy" and "ACC" are the exact-match accuracy and other
        /// spellings ("ACCURACY", "CE") raise. Otherwise <see cref="ResolveMetric"/> or the catalog.
        /// </summary>
        public static SpecialResolution ResolveAnyMetric(KerasVersion version, string text, string? lossCanonical, int? outputUnits, LabelLayout labels)
        {
            if (version == null) throw new ArgumentNullException(nameof(version));
            if (text == null) throw new ArgumentNullException(nameof(text));
            var family = version.Family;
            var lower = text.ToLowerInvariant();
            if (version.IsStandalone23 && text != lower && MetricObjectNames.TfKerasDefaultName(text) != null && KerasCatalog.ResolveMetric(KerasFamily.Keras23, text) != null)
            {
                return new SpecialResolution(SpecialStringKind.None, Array.Empty<string>(), $"standalone Keras 2.3 calls the class {text} as a metric function: compile fails (TypeError)", "class names are returned uninstantiated");
            }

            if (version.TfRange == TfKerasRange.Tf22To25 && text != lower && Classify(KerasFamily.TfKeras2, text) != SpecialStringKind.None)
            {
                return text is "Accuracy" or "ACC"
                    ? new SpecialResolution(SpecialStringKind.None, new[] { "accuracy" }, null, "tf.keras 2.2–2.5 matches the strings exactly: the exact-match accuracy")
                    : new SpecialResolution(SpecialStringKind.None, Array.Empty<string>(), $"tf.keras 2.2–2.5 raises ValueError: Unknown metric function: {text}", "tf.keras 2.2–2.5 matches the strings exactly");
            }

            if (Classify(family, text) != SpecialStringKind.None) return ResolveMetric(family, text, lossCanonical, outputUnits, labels);
            var f = KerasCatalog.ResolveMetric(family, text);
            return f != null
                ? new SpecialResolution(SpecialStringKind.None, new[] { f.CanonicalName }, null, "a built-in metric name")
                : new SpecialResolution(SpecialStringKind.None, Array.Empty<string>(), $"{family.DisplayName()} raises ValueError: Could not interpret metric identifier: {text}", "not a metric name in this family");
        }

        /// <summary>Resolves "crossentropy"/"ce" as a loss string (Keras 3 only; other families reject it).</summary>
        public static SpecialResolution ResolveLoss(KerasFamily family, string text, int? outputUnits, LabelLayout labels)
        {
            var kind = Classify(family, text);
            if (kind != SpecialStringKind.Crossentropy || family != KerasFamily.Keras3)
            {
                return new SpecialResolution(kind, Array.Empty<string>(), $"{family.DisplayName()} raises ValueError: Unknown loss function: {text}", "only Keras 3 resolves \"crossentropy\" as a loss");
            }

            return Resolve(family, kind, null, outputUnits, labels);
        }

        private static SpecialResolution Resolve(KerasFamily family, SpecialStringKind kind, string? loss, int? units, LabelLayout labels)
        {
            string Name(string stem) => kind == SpecialStringKind.Accuracy ? stem + "_accuracy" : stem + "_crossentropy";
            var binary = Name("binary");
            var sparse = Name("sparse_categorical");
            var categorical = Name("categorical");

            SpecialResolution One(string fn, string reason) => new SpecialResolution(kind, new[] { fn }, null, reason);
            SpecialResolution Many(string reason, params string[] fns) => new SpecialResolution(kind, fns, null, reason);

            if (family.Resolution() == SpecialStringResolution.LossBased)
            {
                // Keras ≤ 2.3: output_shape[-1] == 1 or the loss *is* binary_crossentropy → binary; sparse loss → sparse; else categorical.
                if (loss == "binary_crossentropy")
                {
                    return One(binary, "the loss is binary_crossentropy");
                }

                if (units == 1)
                {
                    return One(binary, "the output has one unit");
                }

                if (units == null)
                {
                    return loss == "sparse_categorical_crossentropy"
                        ? Many("the output width is unknown", binary, sparse)
                        : Many("the output width is unknown", binary, categorical);
                }

                if (loss == "sparse_categorical_crossentropy")
                {
                    return One(sparse, "the loss is sparse_categorical_crossentropy");
                }

                return One(categorical, loss == null
                    ? "the loss is not a built-in Keras loss, so the output width alone decides"
                    : $"the loss is {loss}, neither binary nor sparse crossentropy");
            }

            // tf.keras ≥ 2.2 and Keras 3: shapes of the first batch only; the loss is ignored.
            if (units == 1)
            {
                return One(binary, "the output has one unit");
            }

            if (units == null)
            {
                return labels switch
                {
                    LabelLayout.LowerRank => One(sparse, "the targets have lower rank than the output"),
                    _ => Many("the output width and the targets' shape are unknown", binary, sparse, categorical),
                };
            }

            return labels switch
            {
                LabelLayout.LowerRank => One(sparse, "the targets have lower rank than the output"),
                LabelLayout.Column => One(sparse, $"the targets have one column and the output {units}"),
                LabelLayout.SameShape => One(categorical, "the targets have the output's shape"),
                _ => Many("it depends on whether the targets are integers or one-hot", sparse, categorical),
            };
        }
    }
}
