using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace KerasLint.Knowledge
{
    /// <summary>What TensorFlow.NET's all-string <c>compile(string optimizer, string loss, string[] metrics)</c> does.</summary>
    public enum TfNetStringCompile
    {
        /// <summary>TensorFlow.Keras 0.1–0.5.x (2020-11 … 2021-05): only optimizer "rmsprop" is read; loss and metrics are ignored.</summary>
        LossAndMetricsIgnored,

        /// <summary>
        /// TensorFlow.Keras 0.6.0–0.10.4 (commit 500f0c0c, 2021-06-06 … 2023-03): optimizer "rmsprop" and loss "mse"
        /// (and "mae" from commit cb7e0170, 2021-10-17) only; anything else throws <c>NotImplementedException</c>.
        /// </summary>
        ThrowsUnlessRmspropMse,

        /// <summary>
        /// TensorFlow.Keras 0.10.5 and later (commit c71745c0, 2023-03-18): any optimizer string becomes RMSprop with
        /// default settings; loss "mae" becomes MeanAbsoluteError, anything else MeanSquaredError, silently.
        /// </summary>
        SilentRmspropMse,
    }

    /// <summary>How <c>new SparseCategoricalCrossentropy(from_logits: …)</c> treats the model's outputs.</summary>
    public enum TfNetSparseFromLogits
    {
        /// <summary>Up to 2023-02-18 (TensorFlow.Keras ≤ 0.10.3, including 0.7.0): the flag is ignored, outputs are always logits.</summary>
        AlwaysLogits,

        /// <summary>2023-02-18 … 2023-04-07 (TensorFlow.Keras 0.10.4): the flag is ignored, outputs are always probabilities.</summary>
        AlwaysProbabilities,

        /// <summary>From commit 5506f009 (PR #1018, 2023-04-07; TensorFlow.Keras 0.10.5+): the flag is honoured.</summary>
        Honoured,
    }

    /// <summary>The outcome of TensorFlow.NET's all-string compile for given strings.</summary>
    public sealed class TfNetStringCompileOutcome
    {
        internal TfNetStringCompileOutcome(TfNetStringCompile behaviour, string? optimizer, string? loss, string? error, string summary, string? brief = null)
        {
            Brief = brief ?? summary;
            Behaviour = behaviour;
            Optimizer = optimizer;
            Loss = loss;
            Error = error;
            Summary = summary;
        }

        public TfNetStringCompile Behaviour { get; }

        /// <summary>The optimizer that really trains ("RMSprop"), or null when none is set or compile throws.</summary>
        public string? Optimizer { get; }

        /// <summary>The canonical loss that really trains (mean_squared_error, mean_absolute_error), or null.</summary>
        public string? Loss { get; }

        /// <summary>Set when the call throws.</summary>
        public string? Error { get; }

        /// <summary>One sentence naming the version: what trains instead (or the exception) and why.</summary>
        public string Summary { get; }

        /// <summary>What a diagnostic message says, in a few words naming the version (<see cref="Summary"/> has the why).</summary>
        public string Brief { get; }

        /// <summary>True when what trains differs from what the strings say (or nothing trains as written).</summary>
        public bool DiffersFromWhatWasWritten { get; internal set; }
    }

    /// <summary>
    /// TensorFlow.NET's Keras (assemblies <c>Tensorflow.Binding</c> + <c>Tensorflow.Keras</c>) as a family of the one
    /// catalog: its metric strings, log keys, loss objects, version-dependent compile behaviour, EarlyStopping and
    /// Dense's activation names. Facts from SciSharp/TensorFlow.NET at 6ce6066551ce80202119a121a05b006aadd9ef37
    /// (2025-01-22) unless a commit is named: src/TensorFlowNET.Keras/Engine/MetricsContainer.cs (_get_metric_object),
    /// Engine/Model.Compile.cs, Losses/*.cs, Callbacks/Earlystopping.cs, Activations.cs.
    /// </summary>
    public static class TfNetSemantics
    {
        /// <summary>The family id used by conformance vectors and the CLI.</summary>
        public const string FamilyId = "tfnet";

        /// <summary>The newest TensorFlow.Keras version the facts were read from (assembly version 0.15.0).</summary>
        public static readonly Version Latest = new Version(0, 15, 0);

        /// <summary>TensorFlow.Keras 0.7.0 (tag v0.70.2-NET6): the 2022 generation.</summary>
        public static readonly Version Generation2022 = new Version(0, 7, 0);

        private static readonly Version SilentFrom = new Version(0, 10, 5);
        private static readonly Version ThrowsFrom = new Version(0, 6, 0);
        private static readonly Version ProbabilitiesFrom = new Version(0, 10, 4);

        /// <summary>The metric strings <c>MetricsContainer._get_metric_object</c> accepts (exact, case-sensitive).</summary>
        public static IReadOnlyList<string> MetricStrings { get; } =
            new[] { "accuracy", "acc", "mean_absolute_error", "mae", "mean_absolute_percentage_error", "mape" };

        /// <summary>
        /// Loss classes (<c>Tensorflow.Keras.Losses.X</c>, <c>from_logits</c> first ctor parameter where present) and
        /// <c>keras.losses.X(...)</c> factories, by name, with the catalog's canonical function.
        /// </summary>
        public static IReadOnlyDictionary<string, string> LossObjects { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["BinaryCrossentropy"] = "binary_crossentropy",
            ["CategoricalCrossentropy"] = "categorical_crossentropy",
            ["SparseCategoricalCrossentropy"] = "sparse_categorical_crossentropy",
            ["MeanSquaredError"] = "mean_squared_error",
            ["MeanAbsoluteError"] = "mean_absolute_error",
            ["MeanAbsolutePercentageError"] = "mean_absolute_percentage_error",
            ["MeanSquaredLogarithmicError"] = "mean_squared_logarithmic_error",
            ["CosineSimilarity"] = "cosine_similarity",
            ["Huber"] = "huber",
            ["LogCosh"] = "log_cosh",
            ["SigmoidFocalCrossEntropy"] = "binary_focal_crossentropy",
        }.ToImmutableDictionary(StringComparer.Ordinal);

        /// <summary>The loss objects that take <c>from_logits</c> (crossentropies).</summary>
        public static IReadOnlyList<string> LossesWithFromLogits { get; } =
            new[] { "BinaryCrossentropy", "CategoricalCrossentropy", "SparseCategoricalCrossentropy", "SigmoidFocalCrossEntropy" };

        /// <summary>
        /// Metric objects (<c>keras.metrics.X(...)</c> factories returning <c>IMetricFunc</c>, and the classes) with their
        /// canonical function; their log key is the object's <c>name</c>.
        /// </summary>
        public static IReadOnlyDictionary<string, string> MetricObjects { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Accuracy"] = "accuracy",
            ["BinaryAccuracy"] = "binary_accuracy",
            ["CategoricalAccuracy"] = "categorical_accuracy",
            ["SparseCategoricalAccuracy"] = "sparse_categorical_accuracy",
            ["CategoricalCrossentropy"] = "categorical_crossentropy",
            ["SparseCategoricalCrossentropy"] = "sparse_categorical_crossentropy",
            ["CosineSimilarity"] = "cosine_similarity",
            ["TopKCategoricalAccuracy"] = "top_k_categorical_accuracy",
            ["SparseTopKCategoricalAccuracy"] = "sparse_top_k_categorical_accuracy",
            ["Precision"] = "precision",
            ["Recall"] = "recall",
            ["F1Score"] = "f1_score",
            ["FBetaScore"] = "f_beta_score",
        }.ToImmutableDictionary(StringComparer.Ordinal);

        /// <summary>"TensorFlow.NET's Keras (TensorFlow.Keras 0.15.0)".</summary>
        public static string DisplayName(Version? kerasVersion) =>
            kerasVersion == null ? KerasFamily.TfNet.DisplayName() : $"TensorFlow.NET's Keras (TensorFlow.Keras {Format(kerasVersion)})";

        /// <summary>"TensorFlow.NET's Keras 0.15.0": what messages say (<see cref="DisplayName"/> for descriptions and pages).</summary>
        public static string ShortName(Version? kerasVersion) =>
            kerasVersion == null ? KerasFamily.TfNet.ShortName() : $"{KerasFamily.TfNet.ShortName()} {Format(kerasVersion)}";

        /// <summary>
        /// Parses a TensorFlow.Keras version ("0.15.0", "0.10.5.0") or a conformance-vector spelling
        /// ("TensorFlow.Keras 0.15.0", "tfnet 0.15.0", "tfnet"); a bare id gives <see cref="Latest"/>.
        /// </summary>
        public static bool TryParseVersion(string? text, out Version version)
        {
            version = Latest;
            if (text == null) return false;
            var t = text.Trim();
            foreach (var prefix in new[] { "tensorflow.keras", "tensorflow.net", FamilyId })
            {
                if (t.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    t = t.Substring(prefix.Length).Trim();
                    if (t.Length == 0) return true;
                    break;
                }
            }

            if (t.StartsWith("v", StringComparison.OrdinalIgnoreCase)) t = t.Substring(1);
            if (!Version.TryParse(t.IndexOf('.') >= 0 ? t : t + ".0", out var v) || v.Major != 0) return false;
            version = new Version(v.Major, v.Minor, Math.Max(v.Build, 0));
            return true;
        }

        /// <summary>Whether <paramref name="text"/> names TensorFlow.NET's Keras (id "tfnet" or a "TensorFlow.Keras x.y.z" spelling).</summary>
        public static bool IsFamilyText(string? text)
        {
            if (text == null) return false;
            var t = text.Trim();
            return (t.StartsWith(FamilyId, StringComparison.OrdinalIgnoreCase) || t.StartsWith("tensorflow.keras", StringComparison.OrdinalIgnoreCase) || t.StartsWith("tensorflow.net", StringComparison.OrdinalIgnoreCase))
                && TryParseVersion(t, out _);
        }

        /// <summary>The all-string compile's behaviour in a TensorFlow.Keras version.</summary>
        public static TfNetStringCompile StringCompileBehaviour(Version kerasVersion) =>
            kerasVersion >= SilentFrom ? TfNetStringCompile.SilentRmspropMse
            : kerasVersion >= ThrowsFrom ? TfNetStringCompile.ThrowsUnlessRmspropMse
            : TfNetStringCompile.LossAndMetricsIgnored;

        /// <summary>What <c>compile(optimizer, loss, metrics)</c> with strings really sets up in a TensorFlow.Keras version.</summary>
        public static TfNetStringCompileOutcome StringCompile(Version kerasVersion, string? optimizer, string? loss)
        {
            var behaviour = StringCompileBehaviour(kerasVersion);
            var name = DisplayName(kerasVersion);
            TfNetStringCompileOutcome outcome;
            switch (behaviour)
            {
                case TfNetStringCompile.SilentRmspropMse:
                {
                    var trained = loss == "mae" ? "mean_absolute_error" : "mean_squared_error";
                    var lossClass = trained == "mean_absolute_error" ? "MeanAbsoluteError" : "MeanSquaredError";

                    // A loss that is not a constant: MeanAbsoluteError if its value is "mae" (unknown stays unknown).
                    if (loss == null) lossClass += " (MAE for \"mae\")";
                    outcome = new TfNetStringCompileOutcome(behaviour, "RMSprop", trained, null,
                        $"{name} trains RMSprop with default settings and {lossClass} whatever you wrote",
                        $"{ShortName(kerasVersion)} trains RMSprop with {lossClass}");
                    outcome.DiffersFromWhatWasWritten = optimizer != "rmsprop" || (loss != "mse" && loss != "mae");
                    break;
                }

                case TfNetStringCompile.ThrowsUnlessRmspropMse:
                {
                    var lossOk = loss == "mse" || loss == "mae";
                    if (optimizer != "rmsprop" || !lossOk)
                    {
                        outcome = new TfNetStringCompileOutcome(behaviour, null, null, "NotImplementedException",
                            $"{name} throws NotImplementedException: its all-string compile accepts only optimizer \"rmsprop\" and loss \"mse\" or \"mae\"",
                            // A string that is not a constant: it throws unless its value is the accepted one.
                            optimizer != null && optimizer != "rmsprop" || loss != null && !lossOk
                                ? $"{ShortName(kerasVersion)} throws NotImplementedException on them"
                                : $"{ShortName(kerasVersion)} throws NotImplementedException unless they are \"rmsprop\" and \"mse\"/\"mae\"");
                        outcome.DiffersFromWhatWasWritten = true;
                    }
                    else
                    {
                        outcome = new TfNetStringCompileOutcome(behaviour, "RMSprop", loss == "mae" ? "mean_absolute_error" : "mean_squared_error", null, $"{name} trains what the strings say");
                    }

                    break;
                }

                default:
                    outcome = new TfNetStringCompileOutcome(behaviour, optimizer == "rmsprop" ? "RMSprop" : null, null, null,
                        $"{name} reads only optimizer \"rmsprop\" and ignores the loss and metrics",
                        $"{ShortName(kerasVersion)} ignores the loss and metrics");
                    outcome.DiffersFromWhatWasWritten = true;
                    break;
            }

            return outcome;
        }

        /// <summary>How SparseCategoricalCrossentropy's <c>from_logits</c> behaves in a TensorFlow.Keras version.</summary>
        public static TfNetSparseFromLogits SparseCategoricalFromLogits(Version kerasVersion) =>
            kerasVersion >= SilentFrom ? TfNetSparseFromLogits.Honoured
            : kerasVersion >= ProbabilitiesFrom ? TfNetSparseFromLogits.AlwaysProbabilities
            : TfNetSparseFromLogits.AlwaysLogits;

        /// <summary>Whether TF.NET accepts the metric string (else NotImplementedException at the first training step).</summary>
        public static bool IsSupportedMetricString(string? text) => text != null && MetricStrings.Contains(text, StringComparer.Ordinal);

        /// <summary>
        /// The log key of a metric string: "accuracy" for "accuracy"/"acc", "mean_absolute_error" for "mae",
        /// "mean_absolute_percentage_error" for "mape"; null for strings TF.NET rejects.
        /// </summary>
        public static string? MetricLogKey(string? text) => text switch
        {
            "accuracy" or "acc" => "accuracy",
            "mean_absolute_error" or "mae" => "mean_absolute_error",
            "mean_absolute_percentage_error" or "mape" => "mean_absolute_percentage_error",
            _ => null,
        };

        /// <summary>The message for a metric string TF.NET rejects, with a did-you-mean among the six when one is close.</summary>
        public static string UnsupportedMetricMessage(string text)
        {
            var suggestion = ClosestMetricString(text);
            return $"TensorFlow.NET's Keras accepts only the metric strings {string.Join(", ", MetricStrings)}; \"{text}\" throws NotImplementedException at the first training step"
                + (suggestion != null ? $" (did you mean \"{suggestion}\"?)" : string.Empty);
        }

        /// <summary>
        /// The accepted metric string closest to <paramref name="text"/>: a case-only difference, else (unless the text
        /// is a real metric of a Keras family, such as "mse") an edit distance of at most 2 and at most a third of its length.
        /// </summary>
        public static string? ClosestMetricString(string? text)
        {
            if (string.IsNullOrEmpty(text) || IsSupportedMetricString(text)) return null;
            var lower = text!.ToLowerInvariant();
            if (IsSupportedMetricString(lower)) return lower;

            // A real metric of another family ("mse", "binary_accuracy") is not a typo of one of the six.
            foreach (var f in KerasFamilies.All)
            {
                if (KerasCatalog.ResolveMetric(f, text) != null) return null;
            }

            string? best = null;
            var bestDistance = int.MaxValue;
            foreach (var c in MetricStrings)
            {
                var d = KerasCatalog.EditDistance(c, lower);
                if (d < bestDistance) { best = c; bestDistance = d; }
            }

            return bestDistance <= 2 && bestDistance * 3 <= text.Length ? best : null;
        }

        /// <summary>EarlyStopping's mode "auto" (and unknown modes, which fall back to auto): maximise keys ending in acc, accuracy or auc.</summary>
        public static MetricDirection EarlyStoppingAutoDirection(string monitor) =>
            monitor.EndsWith("acc", StringComparison.Ordinal) || monitor.EndsWith("accuracy", StringComparison.Ordinal) || monitor.EndsWith("auc", StringComparison.Ordinal)
                ? MetricDirection.Up
                : MetricDirection.Down;

        /// <summary>
        /// The first TensorFlow.Keras release whose EarlyStopping can see a maximized key improve. Up to 0.11.3,
        /// <c>on_train_begin</c> set the best value to +infinity in every mode and mode "max" asked
        /// <c>current - min_delta &gt;= best</c> (SciSharp/TensorFlow.NET src/TensorFlowNET.Keras/Callbacks/Earlystopping.cs at
        /// b2fe5ca0, lines 51 and 132–148), so a maximized key never improved and training stopped after <c>patience</c>
        /// epochs. Commit f809f6ea (2023-09-21, first released in 0.11.4) starts from −infinity when the comparison is
        /// <c>np.greater</c>: at tag v0.150.0-BERT-Model (94c0bb87, TensorFlow.Keras 0.15.0) Earlystopping.cs 50–68 picks
        /// np.less / np.greater by mode (auto: ends with acc/accuracy/auc), 83 sets the best to ±infinity accordingly
        /// (C# delegate equality compares the method), 166–169 compares with that operator.
        /// </summary>
        public static readonly Version EarlyStoppingFixedIn = new Version(0, 11, 4);

        /// <summary>Whether EarlyStopping in this TensorFlow.Keras version never sees a maximized key improve (before 0.11.4).</summary>
        public static bool EarlyStoppingNeverImprovesMaximized(Version kerasVersion) => kerasVersion < EarlyStoppingFixedIn;

        /// <summary>The names TF.NET gives the catalog (family <see cref="FamilySet.TfNet"/>).</summary>
        internal static IEnumerable<KerasName> CatalogNames()
        {
            const FunctionRoles Loss = FunctionRoles.Loss;
            const FunctionRoles Metric = FunctionRoles.Metric;
            var set = FamilySet.TfNet;
            foreach (var p in LossObjects) yield return new KerasName(p.Key, p.Value, Loss, set);

            // The all-string compile reads these two loss strings (others become MeanSquaredError from 0.10.5).
            yield return new KerasName("mse", "mean_squared_error", Loss, set);
            yield return new KerasName("mae", "mean_absolute_error", Loss, set);

            // Metric strings besides "accuracy"/"acc" (SpecialStrings).
            yield return new KerasName("mean_absolute_error", "mean_absolute_error", Metric, set);
            yield return new KerasName("mae", "mean_absolute_error", Metric, set);
            yield return new KerasName("mean_absolute_percentage_error", "mean_absolute_percentage_error", Metric, set);
            yield return new KerasName("mape", "mean_absolute_percentage_error", Metric, set);

            // Metric objects (IMetricFunc), by factory/class name.
            foreach (var p in MetricObjects) yield return new KerasName(p.Key, p.Value, Metric, set);
        }

        private static string Format(Version v) => $"{v.Major}.{v.Minor}.{Math.Max(v.Build, 0)}";
    }
}
