using System;
using System.Collections.Generic;
using System.Linq;

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

            if (special == SpecialStringKind.None && family == KerasFamily.TfKeras2 && MetricObjectNames.TfKerasDefaultName(userString) is { } defaultName
                && KerasCatalog.ResolveMetric(family, userString) != null)
            {
                // A class name: instantiated with no arguments, it keeps its default name (MetricObjectNames).
                return defaultName;
            }

            if (special != SpecialStringKind.None || KerasCatalog.ResolveMetric(family, userString) != null)
            {
                return userString;
            }

            return null;
        }

        /// <summary>
        /// Every key a string metric may be logged under in <paramref name="version"/> (train; add <see cref="ValidationPrefix"/>
        /// for validation), the one a fix should use first; empty when the string names no metric there. Differs from
        /// <see cref="MetricKey"/> where tf.keras 2.x ranges differ: before 2.6 the metric strings are matched exactly, so
        /// "Accuracy" is the Accuracy class logged as <c>accuracy</c> and "ACC" the exact-match <c>accuracy</c> function
        /// (alias <c>ACC</c>, v2.6.0 keras/metrics.py 3621) logged as <c>ACC</c>; "ACCURACY", "CE", "Crossentropy" raise.
        /// With the tf.keras version unknown, the keys of both ranges.
        /// </summary>
        public static IReadOnlyList<string> MetricKeys(KerasVersion version, string userString)
        {
            var keys = new List<string>();
            if (userString == null) return keys;
            var family = version.Family;
            var caseOnly = family == KerasFamily.TfKeras2 && userString != userString.ToLowerInvariant()
                && SpecialStrings.Classify(family, userString) != SpecialStringKind.None;
            if (caseOnly)
            {
                var range = version.TfRange;
                if (range != TfKerasRange.Tf22To25) keys.Add(userString);
                if (range == TfKerasRange.Tf22To25 || range == TfKerasRange.Unknown)
                {
                    var exact = ExactMatchKey(userString);
                    if (exact != null && !keys.Contains(exact)) keys.Add(exact);
                }

                return keys;
            }

            var key = MetricKey(family, userString);
            if (key != null) keys.Add(key);
            return keys;
        }

        /// <summary>tf.keras 2.2–2.5: the key of a differently-cased special string ("Accuracy" → accuracy, "ACC" → ACC; else it raises: null).</summary>
        private static string? ExactMatchKey(string userString) => userString switch
        {
            "Accuracy" => MetricObjectNames.TfKerasDefaultName("Accuracy"),
            "ACC" => "ACC",
            _ => null,
        };

        /// <summary>
        /// Whether a single-output model compiled with these metric strings may log <paramref name="key"/> (without val_)
        /// in <paramref name="version"/>: the loss, a metric's key (<see cref="MetricKeys"/>), or in tf.keras 2.x the
        /// <c>_1</c>, <c>_2</c>, … form of a class whose objects are uniquified (<c>auc_1</c> for a second "AUC" in the process).
        /// </summary>
        public static bool MayLog(KerasVersion version, IEnumerable<string> metricStrings, string key)
        {
            if (key == "loss") return true;
            foreach (var m in metricStrings)
            {
                foreach (var k in MetricKeys(version, m))
                {
                    if (k == key) return true;
                    if (version.Family == KerasFamily.TfKeras2 && MetricObjectNames.TfKerasIsUniquified(m) && MetricObjectNames.IsUniquifiedForm(key, k)) return true;
                }
            }

            return false;
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

            // A uniquified metric object name (auc_1, precision_2: MetricObjectNames) goes the way its base name goes.
            var underscore = k.LastIndexOf('_');
            if (underscore > 0 && underscore < k.Length - 1 && k.Substring(underscore + 1).All(char.IsDigit))
            {
                var baseName = k.Substring(0, underscore);
                foreach (var family in KerasFamilies.All)
                {
                    var f = KerasCatalog.ResolveMetric(family, baseName);
                    if (f != null) return f.Direction;
                }
            }

            return MetricDirection.Unknown;
        }

        /// <summary>
        /// What a callback in <c>mode="auto"</c> does with the key in this family: Up (maximise), Down (minimise)
        /// or Unknown when Keras 3 raises ValueError because it cannot tell.
        /// </summary>
        public static MetricDirection AutoModeDirection(KerasVersion version, MonitorCallback callback, string monitor)
        {
            if (version.Family == KerasFamily.TfKeras2 && callback == MonitorCallback.EarlyStopping)
            {
                var contains = ContainsAcc(monitor);
                var endsWith = EndsWithAccAuc(monitor);
                return version.TfRange switch
                {
                    TfKerasRange.Tf22To25 or TfKerasRange.Tf26 => contains,
                    TfKerasRange.Tf27To215 => endsWith,
                    _ => contains == endsWith ? contains : MetricDirection.Unknown,
                };
            }

            return AutoModeDirection(version.Family, callback, monitor);
        }

        /// <summary>
        /// How mode "auto" decides for this callback in <paramref name="version"/>, for messages: "maximizes only keys
        /// containing 'acc'" and the versions that rule holds for ("tf.keras 2.2–2.6"). Null for Keras 3 (it reads the
        /// metric's direction) and for tf.keras EarlyStopping when the version is unknown and the rules differ.
        /// </summary>
        public static (string Rule, string Versions)? AutoModeRule(KerasVersion version, MonitorCallback callback)
        {
            const string Contains = "maximizes only keys containing 'acc' and minimizes every other key";
            const string ContainsOrFmeasure = "maximizes only keys containing 'acc' or starting with 'fmeasure' and minimizes every other key";
            const string EndsWith = "maximizes only keys ending in 'acc', 'accuracy' or 'auc' and minimizes every other key";
            switch (version.Family)
            {
                case KerasFamily.Keras22:
                case KerasFamily.Keras23:
                    // 2.2.4 keras/callbacks.py 514–522 (EarlyStopping), 417 (ModelCheckpoint); 2.3.1 the same rules.
                    return (callback == MonitorCallback.ModelCheckpoint ? ContainsOrFmeasure : Contains, version.Family.DisplayName());
                case KerasFamily.TfKeras2:
                    if (callback == MonitorCallback.ModelCheckpoint) return (ContainsOrFmeasure, "tf.keras 2.2–2.15"); // v2.15.0 keras/callbacks.py 1428
                    if (callback == MonitorCallback.ReduceLROnPlateau) return (Contains, "tf.keras 2.2–2.15"); // v2.15.0 keras/callbacks.py 3093
                    return version.TfRange switch
                    {
                        TfKerasRange.Tf22To25 or TfKerasRange.Tf26 => (Contains, "tf.keras 2.2–2.6"), // v2.6.0 keras/callbacks.py 1777
                        TfKerasRange.Tf27To215 => (EndsWith, "tf.keras 2.7–2.15"), // v2.7.0 keras/callbacks.py 1794–1795
                        _ => ("maximizes only keys containing 'acc' (up to 2.6) or ending in 'acc', 'accuracy' or 'auc' (from 2.7) and minimizes every other key", "every tf.keras version 2.2–2.15"),
                    };
                case KerasFamily.TfNet:
                    return (EndsWith, version.Family.DisplayName());
                default:
                    return null;
            }
        }

        private static MetricDirection ContainsAcc(string monitor) => monitor.Contains("acc") ? MetricDirection.Up : MetricDirection.Down;

        private static MetricDirection EndsWithAccAuc(string monitor) =>
            monitor.EndsWith("acc", StringComparison.Ordinal) || monitor.EndsWith("accuracy", StringComparison.Ordinal) || monitor.EndsWith("auc", StringComparison.Ordinal)
                ? MetricDirection.Up
                : MetricDirection.Down;

        /// <summary>
        /// <see cref="AutoModeDirection(KerasVersion, MonitorCallback, string)"/> for a family alone; tf.keras 2.x
        /// EarlyStopping answers with the newest rule (2.7–2.15).
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
