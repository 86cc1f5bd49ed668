using System;
using System.Collections.Generic;

namespace KerasLint.Knowledge
{
    /// <summary>Which callback watches a key (their auto-mode heuristics differ).</summary>
    public enum MonitorCallback
    {
        EarlyStopping,
        ModelCheckpoint,
        ReduceLROnPlateau,
    }

    /// <summary>How a family names compiled metrics in logs and History, and how callbacks read those keys (docs/keras-semantics.md §2; callbacks §7).</summary>
    public static class LogKeys
    {
        public const string ValidationPrefix = "val_";

        /// <summary>
        /// The key a string metric is logged under for training (add <see cref="ValidationPrefix"/> for
        /// validation). Keras 2.0–2.2: <c>acc</c> for "accuracy"/"acc", <c>ce</c> for "crossentropy"/"ce",
        /// the function's <c>__name__</c> otherwise; later families: the user's string. Returns null
        /// when the string does not name a metric in the family.
        /// </summary>
        public static string? MetricKey(KerasFamily family, string userString)
        {
            if (userString == null) return null;
            if (family == KerasFamily.TfNet) return TfNetSemantics.MetricLogKey(userString);
            var special = SpecialStrings.Classify(family, userString);
            if (family == KerasFamily.Keras22)
            {
                if (special == SpecialStringKind.Accuracy) return "acc";
                if (special == SpecialStringKind.Crossentropy) return "ce";
                var f = KerasCatalog.ResolveMetric(family, userString);
                return f == null ? null : KerasCatalog.Keras22FunctionName(f.CanonicalName);
            }

            if (special == SpecialStringKind.Crossentropy && family == KerasFamily.Keras3)
            {
                return null;
            }

            if (special != SpecialStringKind.None || KerasCatalog.ResolveMetric(family, userString) != null)
            {
                return userString;
            }

            return null;
        }

        /// <summary>Every key a single-output model compiled with these metric strings logs (with and without validation).</summary>
        public static IReadOnlyList<string> AllKeys(KerasFamily family, IEnumerable<string> metricStrings, bool includeValidation)
        {
            var keys = new List<string> { "loss" };
            foreach (var m in metricStrings)
            {
                var k = MetricKey(family, m);
                if (k != null && !keys.Contains(k)) keys.Add(k);
            }

            if (includeValidation)
            {
                var count = keys.Count;
                for (var i = 0; i < count; i++) keys.Add(ValidationPrefix + keys[i]);
            }

            return keys;
        }

        /// <summary>The key without the <c>val_</c> prefix.</summary>
        public static string StripValidation(string key) =>
            key.StartsWith(ValidationPrefix, StringComparison.Ordinal) ? key.Substring(ValidationPrefix.Length) : key;

        /// <summary>
        /// Whether a key should be maximised, judged by what it measures: loss keys and error metrics go down,
        /// accuracies, AUC, precision and recall go up. Unknown for keys this catalog cannot place.
        /// </summary>
        public static MetricDirection IntendedDirection(string key)
        {
            var k = StripValidation(key);
            if (k == "loss" || k.EndsWith("_loss", StringComparison.Ordinal)) return MetricDirection.Down;
            if (k == "acc" || k == "accuracy" || k.EndsWith("_acc", StringComparison.Ordinal) || k.EndsWith("accuracy", StringComparison.Ordinal)) return MetricDirection.Up;
            foreach (var family in KerasFamilies.All)
            {
                var f = KerasCatalog.ResolveMetric(family, k);
                if (f != null) return f.Direction;
            }

            // Keras 2.2 logs under the function name, which is a metric name too (kullback_leibler_divergence …).
            foreach (var f in KerasCatalog.Functions)
            {
                if (KerasCatalog.Keras22FunctionName(f.CanonicalName) == k || f.CanonicalName == k) return f.Direction;
            }

            return MetricDirection.Unknown;
        }

        /// <summary>
        /// What a callback in <c>mode="auto"</c> does with the key in this family: Up (maximise), Down (minimise)
        /// or Unknown when Keras 3 raises ValueError because it cannot tell.
        /// </summary>
        public static MetricDirection AutoModeDirection(KerasFamily family, MonitorCallback callback, string monitor)
        {
            switch (family)
            {
                case KerasFamily.Keras22:
                case KerasFamily.Keras23:
                    // 'acc' in monitor (ModelCheckpoint also: starts with 'fmeasure').
                    if (monitor.Contains("acc") || (callback == MonitorCallback.ModelCheckpoint && monitor.StartsWith("fmeasure", StringComparison.Ordinal)))
                        return MetricDirection.Up;
                    return MetricDirection.Down;
                case KerasFamily.TfKeras2:
                    if (callback == MonitorCallback.EarlyStopping)
                    {
                        // tf.keras 2.7+: ends with acc, accuracy or auc.
                        return monitor.EndsWith("acc", StringComparison.Ordinal) || monitor.EndsWith("accuracy", StringComparison.Ordinal) || monitor.EndsWith("auc", StringComparison.Ordinal)
                            ? MetricDirection.Up
                            : MetricDirection.Down;
                    }

                    if (monitor.Contains("acc") || (callback == MonitorCallback.ModelCheckpoint && monitor.StartsWith("fmeasure", StringComparison.Ordinal)))
                        return MetricDirection.Up;
                    return MetricDirection.Down;
                case KerasFamily.TfNet:
                    // Only EarlyStopping exists in TensorFlow.NET.
                    return TfNetSemantics.EarlyStoppingAutoDirection(monitor);
                default:
                    // Keras 3 looks the metric up and reads its direction; raises when it cannot.
                    return IntendedDirection(monitor);
            }
        }
    }
}
