using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace KerasLint.Knowledge
{
    /// <summary>
    /// The one Keras knowledge catalog: every built-in loss and metric, every string that names it in each
    /// version family, its task class and direction. The analyzer and the TorchSharp runtime both read it.
    /// Facts: docs/keras-semantics.md §3 (keras-team/keras at the tags cited there).
    /// </summary>
    public static class KerasCatalog
    {
        private const FunctionRoles L = FunctionRoles.Loss;
        private const FunctionRoles M = FunctionRoles.Metric;
        private const FunctionRoles LM = FunctionRoles.Both;

        private static readonly KerasFunction[] FunctionTable =
        {
            // Regression losses (usable as metrics too).
            F("mean_squared_error", TaskClass.Regression, MetricDirection.Down, OutputExpectation.Any, LM, "mean squared error"),
            F("mean_absolute_error", TaskClass.Regression, MetricDirection.Down, OutputExpectation.Any, LM, "mean absolute error"),
            F("mean_absolute_percentage_error", TaskClass.Regression, MetricDirection.Down, OutputExpectation.Any, LM, "mean absolute percentage error"),
            F("mean_squared_logarithmic_error", TaskClass.Regression, MetricDirection.Down, OutputExpectation.Any, LM, "mean squared logarithmic error"),
            F("log_cosh", TaskClass.Regression, MetricDirection.Down, OutputExpectation.Any, LM, "log-cosh error"),
            F("huber", TaskClass.Regression, MetricDirection.Down, OutputExpectation.Any, L, "Huber loss"),
            F("cosine_similarity", TaskClass.Regression, MetricDirection.Up, OutputExpectation.Any, LM, "cosine similarity"),
            F("poisson", TaskClass.Regression, MetricDirection.Down, OutputExpectation.Any, LM, "Poisson deviance"),
            F("root_mean_squared_error", TaskClass.Regression, MetricDirection.Down, OutputExpectation.Any, M, "root mean squared error"),
            F("r2_score", TaskClass.Regression, MetricDirection.Up, OutputExpectation.Any, M, "coefficient of determination"),

            // Probabilistic.
            F("kl_divergence", TaskClass.Probabilistic, MetricDirection.Down, OutputExpectation.Distribution, LM, "Kullback-Leibler divergence"),

            // Binary / multi-label.
            F("binary_crossentropy", TaskClass.Binary, MetricDirection.Down, OutputExpectation.IndependentProbabilities, LM, "binary crossentropy"),
            F("binary_focal_crossentropy", TaskClass.Binary, MetricDirection.Down, OutputExpectation.IndependentProbabilities, L, "binary focal crossentropy"),
            F("binary_accuracy", TaskClass.Binary, MetricDirection.Up, OutputExpectation.IndependentProbabilities, M, "share of outputs equal to the target after rounding (standalone Keras) or thresholding at 0.5 (tf.keras, Keras 3)"),

            // Multi-class.
            F("categorical_crossentropy", TaskClass.MultiClassOneHot, MetricDirection.Down, OutputExpectation.Distribution, LM, "categorical crossentropy"),
            F("categorical_focal_crossentropy", TaskClass.MultiClassOneHot, MetricDirection.Down, OutputExpectation.Distribution, L, "categorical focal crossentropy"),
            F("sparse_categorical_crossentropy", TaskClass.MultiClassSparse, MetricDirection.Down, OutputExpectation.Distribution, LM, "sparse categorical crossentropy"),
            F("categorical_accuracy", TaskClass.MultiClassOneHot, MetricDirection.Up, OutputExpectation.Distribution, M, "share of samples whose arg-max matches the one-hot target"),
            F("sparse_categorical_accuracy", TaskClass.MultiClassSparse, MetricDirection.Up, OutputExpectation.Distribution, M, "share of samples whose arg-max equals the integer target"),
            F("top_k_categorical_accuracy", TaskClass.MultiClassOneHot, MetricDirection.Up, OutputExpectation.Distribution, M, "share of samples whose one-hot target is among the top k"),
            F("sparse_top_k_categorical_accuracy", TaskClass.MultiClassSparse, MetricDirection.Up, OutputExpectation.Distribution, M, "share of samples whose integer target is among the top k"),

            // Hinge.
            F("hinge", TaskClass.Hinge, MetricDirection.Down, OutputExpectation.Any, LM, "hinge loss"),
            F("squared_hinge", TaskClass.Hinge, MetricDirection.Down, OutputExpectation.Any, LM, "squared hinge loss"),
            F("categorical_hinge", TaskClass.Hinge, MetricDirection.Down, OutputExpectation.Any, LM, "categorical hinge loss"),

            // Exact equality ("accuracy" the class, not the compile string).
            F("accuracy", TaskClass.Other, MetricDirection.Up, OutputExpectation.Any, M, "share of predictions exactly equal to the target"),

            // Threshold / confusion metrics.
            F("auc", TaskClass.Binary, MetricDirection.Up, OutputExpectation.IndependentProbabilities, M, "area under the curve"),
            F("precision", TaskClass.Binary, MetricDirection.Up, OutputExpectation.IndependentProbabilities, M, "precision"),
            F("recall", TaskClass.Binary, MetricDirection.Up, OutputExpectation.IndependentProbabilities, M, "recall"),
            F("f1_score", TaskClass.Binary, MetricDirection.Up, OutputExpectation.IndependentProbabilities, M, "F1 score"),
            F("f_beta_score", TaskClass.Binary, MetricDirection.Up, OutputExpectation.IndependentProbabilities, M, "F-beta score"),
            F("true_positives", TaskClass.Other, MetricDirection.Up, OutputExpectation.Any, M, "true positives"),
            F("true_negatives", TaskClass.Other, MetricDirection.Up, OutputExpectation.Any, M, "true negatives"),
            F("false_positives", TaskClass.Other, MetricDirection.Down, OutputExpectation.Any, M, "false positives"),
            F("false_negatives", TaskClass.Other, MetricDirection.Down, OutputExpectation.Any, M, "false negatives"),
            F("mean_io_u", TaskClass.Other, MetricDirection.Up, OutputExpectation.Any, M, "mean intersection over union"),

            // Keras 3 additions.
            F("dice", TaskClass.Other, MetricDirection.Down, OutputExpectation.Any, L, "Dice loss"),
            F("tversky", TaskClass.Other, MetricDirection.Down, OutputExpectation.Any, L, "Tversky loss"),
            F("circle", TaskClass.Other, MetricDirection.Down, OutputExpectation.Any, L, "Circle loss"),
            F("ctc", TaskClass.Other, MetricDirection.Down, OutputExpectation.Any, L, "connectionist temporal classification loss"),
        };

        private static readonly KerasName[] NameTable = BuildNames().Concat(TfNetSemantics.CatalogNames()).ToArray();

        private static readonly ImmutableDictionary<string, KerasFunction> ByCanonical =
            FunctionTable.ToImmutableDictionary(f => f.CanonicalName, StringComparer.Ordinal);

        private static readonly ImmutableDictionary<string, KerasName[]> ByText =
            NameTable.GroupBy(n => n.Text, StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

        public static IReadOnlyList<KerasFunction> Functions => FunctionTable;

        public static IReadOnlyList<KerasName> Names => NameTable;

        /// <summary>The function with this canonical name, or null.</summary>
        public static KerasFunction? Get(string canonicalName) =>
            canonicalName != null && ByCanonical.TryGetValue(canonicalName, out var f) ? f : null;

        /// <summary>
        /// Resolves a loss string as <c>compile(loss=...)</c> would in <paramref name="family"/>.
        /// Does not handle "crossentropy"/"ce" (see <see cref="SpecialStrings"/>).
        /// </summary>
        public static KerasFunction? ResolveLoss(KerasFamily family, string identifier) => Resolve(family, identifier, FunctionRoles.Loss);

        /// <summary>
        /// Resolves a metric string as <c>compile(metrics=[...])</c> would in <paramref name="family"/>,
        /// except the compile-time strings "accuracy"/"acc"/"crossentropy"/"ce" (see <see cref="SpecialStrings"/>).
        /// </summary>
        public static KerasFunction? ResolveMetric(KerasFamily family, string identifier) => Resolve(family, identifier, FunctionRoles.Metric);

        /// <summary>The families in which <paramref name="identifier"/> is a valid name for the role.</summary>
        public static FamilySet FamiliesOf(string identifier, FunctionRoles role)
        {
            var set = FamilySet.None;
            if (identifier != null && ByText.TryGetValue(identifier, out var names))
            {
                foreach (var n in names)
                {
                    if ((n.Role & role) != 0) set |= n.Families;
                }
            }

            return set;
        }

        /// <summary>Every string valid for the role in the family (for did-you-mean suggestions).</summary>
        public static IEnumerable<string> ValidNames(KerasFamily family, FunctionRoles role) =>
            NameTable.Where(n => (n.Role & role) != 0 && n.Families.Contains(family)).Select(n => n.Text).Distinct(StringComparer.Ordinal);

        /// <summary>
        /// The valid name for the role in the family closest to <paramref name="text"/> (a did-you-mean):
        /// a case-only difference first, else the smallest edit distance of at most 2 (and at most a third of
        /// the text's length). Null when nothing is that close or <paramref name="text"/> is itself valid.
        /// For metrics the compile-time strings "accuracy"/"acc" (and "crossentropy"/"ce" before Keras 3) count as valid.
        /// </summary>
        public static string? ClosestName(KerasFamily family, FunctionRoles role, string text)
        {
            if (string.IsNullOrEmpty(text)) return null;
            var candidates = ValidNames(family, role).ToList();
            if ((role & FunctionRoles.Metric) != 0)
            {
                candidates.Add("accuracy");
                candidates.Add("acc");
                if (family != KerasFamily.Keras3 && family != KerasFamily.TfNet)
                {
                    candidates.Add("crossentropy");
                }
            }

            if (candidates.Contains(text, StringComparer.Ordinal)) return null;
            if (family.Resolution() == SpecialStringResolution.ShapeBased && (role & FunctionRoles.Metric) != 0 && SpecialStrings.Classify(family, text) != SpecialStringKind.None) return null;

            // Prefer names written in the same style (snake_case vs ClassName) as the text.
            bool IsLower(string x) => x == x.ToLowerInvariant();
            return Closest(candidates.Where(c => IsLower(c) == IsLower(text)), text) ?? Closest(candidates, text);
        }

        /// <summary>
        /// The name <paramref name="family"/> gives the function that <paramref name="text"/> names in the other Python
        /// Keras families (<c>"kl_divergence"</c> for <c>"kullback_leibler_divergence"</c> in Keras 3): the canonical name
        /// when the family has it, else a valid name written in the text's style (snake_case or ClassName). Null when the
        /// text is valid here, names nothing elsewhere or different functions in different families, or the family has no
        /// name for the function.
        /// </summary>
        public static string? EquivalentName(KerasFamily family, FunctionRoles role, string text)
        {
            if (string.IsNullOrEmpty(text) || !ByText.TryGetValue(text, out var names)) return null;
            string? canonical = null;
            foreach (var n in names)
            {
                if ((n.Role & role) == 0 || (n.Families & FamilySet.All) == FamilySet.None) continue;
                if (n.Families.Contains(family) || (canonical != null && canonical != n.Canonical)) return null;
                canonical = n.Canonical;
            }

            if (canonical == null) return null;
            var valid = ValidNames(family, role).Where(t => Resolve(family, t, role)?.CanonicalName == canonical).ToList();
            if (valid.Count == 0) return null;
            if (valid.Contains(canonical, StringComparer.Ordinal)) return canonical;
            bool IsLower(string x) => x == x.ToLowerInvariant();
            return valid.FirstOrDefault(v => IsLower(v) == IsLower(text)) ?? valid[0];
        }

        private static string? Closest(IEnumerable<string> candidates, string text)
        {
            string? best = null;
            var bestDistance = int.MaxValue;
            foreach (var c in candidates.OrderBy(c => c, StringComparer.Ordinal))
            {
                // A name whose length differs by more than the accepted distance cannot match: no edit distance to
                // compute (a 200,000-character string costs one pass over the names, not a quadratic table each).
                if (Math.Abs(c.Length - text.Length) > 2) continue;
                var d = string.Equals(c, text, StringComparison.OrdinalIgnoreCase) ? 0 : EditDistance(c, text);
                if (d < bestDistance)
                {
                    best = c;
                    bestDistance = d;
                }
            }

            return bestDistance <= 2 && bestDistance * 3 <= text.Length ? best : null;
        }

        /// <summary>Levenshtein distance (insert, delete, substitute; each costs 1).</summary>
        public static int EditDistance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++) previous[j] = j;
            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }

                var t = previous;
                previous = current;
                current = t;
            }

            return previous[b.Length];
        }

        /// <summary>
        /// The Python function <c>__name__</c> Keras 2.0–2.2 logs a string metric under (docs/keras-semantics.md §2:
        /// "mse" is logged as <c>mean_squared_error</c>).
        /// </summary>
        public static string Keras22FunctionName(string canonical) => canonical switch
        {
            "log_cosh" => "logcosh",
            "kl_divergence" => "kullback_leibler_divergence",
            "cosine_similarity" => "cosine_proximity",
            _ => canonical,
        };

        /// <summary>
        /// What a function computes in one family (the catalog's description, made exact where families differ;
        /// docs/keras-semantics.md §4a lists which differ and which agree):
        /// binary_accuracy rounds the prediction in standalone Keras 2.x (<c>K.round(ŷ) == y</c>) and thresholds it
        /// in tf.keras, Keras 3 and TensorFlow.NET (<c>(ŷ &gt; 0.5) == y</c>); the 2.3 family holds both. The sparse
        /// accuracies of the 2.2 family read the targets differently from every later family (see below).
        /// </summary>
        public static string? Describe(KerasFamily family, string canonicalName) => canonicalName switch
        {
            // 2.2.4 keras/metrics.py 27 (K.round); 2.3.1 keras/metrics.py 1898–1902; v2.15.0 keras/utils/metrics_utils.py 917;
            // v3.15.1 keras/src/metrics/accuracy_metrics.py 63; TensorFlow.NET src/TensorFlowNET.Keras/Metrics/MetricsApi.cs
            // binary_accuracy (y_pred > 0.5).
            "binary_accuracy" => family switch
            {
                KerasFamily.Keras22 => "share of outputs that, rounded to the nearest integer, equal the target exactly",
                KerasFamily.Keras23 => "share of outputs equal to the target after rounding (Keras 2.3) or after (prediction > 0.5) (tf.keras 2.0–2.1)",
                _ => "share of outputs where (prediction > 0.5), as 0 or 1, equals the target exactly",
            },

            // Keras 2.0–2.2.2 compare the arg-max with K.max(y_true, axis=-1) (2.2.2 keras/metrics.py 36–39, 46–47), 2.2.3–2.2.4
            // with K.flatten(y_true) (2.2.4 keras/metrics.py 36–40, 47–50); 2.3.1 (keras/metrics.py 1911–1928), v2.15.0
            // (keras/utils/metrics_utils.py 935–972), v3.15.1 (keras/src/metrics/accuracy_metrics.py 217–246) and TensorFlow.NET
            // (src/TensorFlowNET.Keras/Metrics/MetricsApi.cs sparse_categorical_accuracy) squeeze a trailing target axis instead.
            "sparse_categorical_accuracy" when family == KerasFamily.Keras22 =>
                "share of samples whose arg-max equals the integer target (before Keras 2.2.3 each target row's maximum, so one-hot targets count the predictions of class 1)",
            "sparse_top_k_categorical_accuracy" when family == KerasFamily.Keras22 =>
                "share of samples whose integer target is among the top k (before Keras 2.2.3 each target row's maximum, so one-hot targets ask whether class 1 is among the top k)",
            _ => Get(canonicalName)?.Description,
        };

        /// <summary>
        /// What a metric string naming a metric class (<c>"Accuracy"</c>, <c>"AUC"</c>) does in <paramref name="version"/>
        /// when that differs from the function the catalog resolves it to; null otherwise (docs/keras-semantics.md §8.2).
        /// <list type="bullet">
        /// <item>Standalone Keras 2.3.x: <c>metrics.get</c> returns the class itself (2.3.1 keras/utils/generic_utils.py 157–168:
        /// a string is looked up in the module and returned as found), and <c>collect_per_output_metric_info</c> wraps what is
        /// not a <c>Metric</c> instance as a function (2.3.1 keras/engine/training_utils.py 946–948:
        /// <c>MeanMetricWrapper(metric_fn, name=metric_name)</c>). The wrapper then calls the class with
        /// <c>(y_true, y_pred)</c>, which constructs a metric named by the y_true tensor instead of computing a value: compile
        /// fails (a tensor used as a Python bool in <c>Layer.__init__</c>, 2.3.1 keras/engine/base_layer.py 148–151). Read
        /// from the source, not run.</item>
        /// <item>tf.keras 2.2–2.5: <c>"Accuracy"</c> is not intercepted (exact match) and becomes the <c>Accuracy</c> class,
        /// exact equality of prediction and target: about 0 on probabilities (tensorflow/tensorflow#46436, reproduced on
        /// TF 2.3, 2.4 and 2.5-dev); logged as <c>accuracy</c>. From 2.6 <c>str(metric).lower()</c> intercepts it (v2.6.0
        /// keras/engine/compile_utils.py 500).</item>
        /// </list>
        /// </summary>
        public static string? ClassNameMetricBehaviour(KerasVersion version, string text)
        {
            if (version == null || string.IsNullOrEmpty(text) || text == text.ToLowerInvariant()) return null;
            if (version.IsStandalone23 && ResolveMetric(KerasFamily.Keras23, text) != null && MetricObjectNames.TfKerasDefaultName(text) != null)
            {
                return $"standalone Keras 2.3 returns the class {text} itself for the string and calls it as a metric function with (y_true, y_pred), which builds a metric object instead of a value: compile fails";
            }

            if (version.Family == KerasFamily.Keras23 && text == "Accuracy")
            {
                return "Keras 2.3 / tf.keras (TF 2.0–2.1) matches the metric strings exactly: 'Accuracy' is the Accuracy class, not the compile-time string 'accuracy' (standalone 2.3 fails at compile calling the class as a function; tf.keras 2.0–2.1 looks up the same class, whose exact equality of prediction and target is about 0 on probabilities)";
            }

            if (version.TfRange == TfKerasRange.Tf22To25 && SpecialStrings.Classify(KerasFamily.TfKeras2, text) == SpecialStringKind.Accuracy)
            {
                return text == "Accuracy" || text == "ACC"
                    ? $"tf.keras 2.2–2.5 matches the metric strings exactly (case-insensitive only from 2.6): '{text}' is the exact-match {(text == "ACC" ? "accuracy function" : "Accuracy class")}, equality of prediction and target, about 0 on probabilities (tensorflow/tensorflow#46436)"
                    : $"tf.keras 2.2–2.5 matches the metric strings exactly (case-insensitive only from 2.6): '{text}' names no metric and compile raises ValueError";
            }

            return null;
        }

        /// <summary>
        /// What standalone Keras 2.3.x does with a loss string that names a loss class ("CategoricalCrossentropy",
        /// "Huber"), or null when the string is read as meant. 2.3.1 <c>keras/losses.py</c> <c>get</c> (779–796) hands the
        /// string to <c>deserialize</c> (772–776), which returns the class itself from the module's globals
        /// (<c>keras/utils/generic_utils.py</c> 157–168); <c>get_loss_function</c> (<c>keras/engine/training_utils.py</c>
        /// 690–712) wraps it as if it were a loss function, and <c>compile</c> builds the total loss
        /// (<c>keras/engine/training.py</c> 118, 229, 691): the wrapper calls the class with (y_true, y_pred) as
        /// (from_logits, label_smoothing) (<c>keras/losses.py</c> 132), gets a loss object instead of a tensor, and
        /// <c>compute_weighted_loss</c> reads its dtype (<c>keras/utils/losses_utils.py</c> 160,
        /// <c>keras/backend/tensorflow_backend.py</c> 905): compile raises AttributeError (a class whose first parameter
        /// is <c>reduction</c>, such as MeanSquaredError, fails one step earlier, in <c>Reduction.validate</c>). The
        /// upper-case function aliases (MSE, MAE, MAPE, MSLE, KLD) are functions and work. Read from the source, not run.
        /// </summary>
        public static string? ClassNameLossBehaviour(KerasVersion version, string text)
        {
            if (version == null || !version.IsStandalone23 || string.IsNullOrEmpty(text)) return null;
            if (!char.IsUpper(text[0]) || !text.Any(char.IsLower) || ResolveLoss(KerasFamily.Keras23, text) == null) return null;
            return $"standalone Keras 2.3 returns the class {text} itself for the string and calls it as a loss function, which builds a loss object instead of a value: compile fails";
        }

        /// <summary>
        /// The metric to report instead of "accuracy" for a regression loss, spelled so that it is valid in
        /// every family: "mae" for mse, "mse" for mae, "mae" for the others.
        /// </summary>
        public static string NaturalRegressionMetric(string lossCanonical) => lossCanonical switch
        {
            "mean_squared_error" => "mae",
            "mean_absolute_error" => "mse",
            _ => "mae",
        };

        private static KerasFunction? Resolve(KerasFamily family, string identifier, FunctionRoles role)
        {
            if (identifier == null || !ByText.TryGetValue(identifier, out var names))
            {
                return null;
            }

            foreach (var n in names)
            {
                if ((n.Role & role) != 0 && n.Families.Contains(family))
                {
                    return ByCanonical[n.Canonical];
                }
            }

            return null;
        }

        private static KerasFunction F(string name, TaskClass task, MetricDirection direction, OutputExpectation expects, FunctionRoles roles, string description) =>
            new KerasFunction(name, task, direction, expects, roles, description);

        private static KerasName[] BuildNames()
        {
            var list = new List<KerasName>();
            void Add(FunctionRoles role, FamilySet families, string canonical, params string[] texts)
            {
                foreach (var t in texts) list.Add(new KerasName(t, canonical, role, families));
            }

            const FamilySet All = FamilySet.All;
            const FamilySet From23 = FamilySet.From23;
            const FamilySet Tf3 = FamilySet.TfAndKeras3;
            const FamilySet K3 = FamilySet.Keras3;

            // ---- Losses (docs/keras-semantics.md §3a) ----
            Add(L, All, "mean_squared_error", "mean_squared_error", "mse", "MSE");
            Add(L, From23, "mean_squared_error", "MeanSquaredError");
            Add(L, All, "mean_absolute_error", "mean_absolute_error", "mae", "MAE");
            Add(L, From23, "mean_absolute_error", "MeanAbsoluteError");
            Add(L, All, "mean_absolute_percentage_error", "mean_absolute_percentage_error", "mape", "MAPE");
            Add(L, From23, "mean_absolute_percentage_error", "MeanAbsolutePercentageError");
            Add(L, All, "mean_squared_logarithmic_error", "mean_squared_logarithmic_error", "msle", "MSLE");
            Add(L, From23, "mean_squared_logarithmic_error", "MeanSquaredLogarithmicError");
            Add(L, FamilySet.UpToTf2, "log_cosh", "logcosh");
            Add(L, Tf3, "log_cosh", "log_cosh");
            Add(L, From23, "log_cosh", "LogCosh");
            Add(L, FamilySet.Keras23 | FamilySet.TfKeras2, "huber", "huber_loss");
            Add(L, Tf3, "huber", "huber");
            Add(L, From23, "huber", "Huber");
            Add(L, FamilySet.Keras2x, "cosine_similarity", "cosine_proximity", "cosine");
            Add(L, From23, "cosine_similarity", "cosine_similarity", "CosineSimilarity");
            Add(L, All, "poisson", "poisson");
            Add(L, From23, "poisson", "Poisson");
            Add(L, FamilySet.UpToTf2, "kl_divergence", "kullback_leibler_divergence");
            Add(L, All, "kl_divergence", "kld", "KLD");
            Add(L, Tf3, "kl_divergence", "kl_divergence");
            Add(L, From23, "kl_divergence", "KLDivergence");
            Add(L, All, "binary_crossentropy", "binary_crossentropy");
            Add(L, Tf3, "binary_crossentropy", "bce", "BCE");
            Add(L, From23, "binary_crossentropy", "BinaryCrossentropy");
            Add(L, Tf3, "binary_focal_crossentropy", "binary_focal_crossentropy", "BinaryFocalCrossentropy");
            Add(L, All, "categorical_crossentropy", "categorical_crossentropy");
            Add(L, From23, "categorical_crossentropy", "CategoricalCrossentropy");
            Add(L, Tf3, "categorical_focal_crossentropy", "categorical_focal_crossentropy", "CategoricalFocalCrossentropy");
            Add(L, All, "sparse_categorical_crossentropy", "sparse_categorical_crossentropy");
            Add(L, From23, "sparse_categorical_crossentropy", "SparseCategoricalCrossentropy");
            Add(L, All, "hinge", "hinge");
            Add(L, All, "squared_hinge", "squared_hinge");
            Add(L, All, "categorical_hinge", "categorical_hinge");
            Add(L, From23, "hinge", "Hinge");
            Add(L, From23, "squared_hinge", "SquaredHinge");
            Add(L, From23, "categorical_hinge", "CategoricalHinge");
            Add(L, K3, "dice", "dice", "Dice");
            Add(L, K3, "tversky", "tversky", "Tversky");
            Add(L, K3, "circle", "circle", "Circle");
            Add(L, K3, "ctc", "ctc", "CTC");

            // ---- Metrics (docs/keras-semantics.md §3b) ----
            const FamilySet K2 = FamilySet.Keras2x;
            const FamilySet Up2 = FamilySet.UpToTf2;

            // Keras 2.0–2.3 metric functions and imported losses.
            Add(M, Up2 | K3, "binary_accuracy", "binary_accuracy");
            Add(M, Up2 | K3, "categorical_accuracy", "categorical_accuracy");
            Add(M, Up2 | K3, "sparse_categorical_accuracy", "sparse_categorical_accuracy");
            Add(M, Up2 | K3, "top_k_categorical_accuracy", "top_k_categorical_accuracy");
            Add(M, Up2 | K3, "sparse_top_k_categorical_accuracy", "sparse_top_k_categorical_accuracy");
            Add(M, All, "mean_squared_error", "mean_squared_error", "mse", "MSE");
            Add(M, All, "mean_absolute_error", "mean_absolute_error", "mae", "MAE");
            Add(M, All, "mean_absolute_percentage_error", "mean_absolute_percentage_error", "mape", "MAPE");
            Add(M, All, "mean_squared_logarithmic_error", "mean_squared_logarithmic_error", "msle", "MSLE");
            Add(M, All, "hinge", "hinge");
            Add(M, All, "squared_hinge", "squared_hinge");
            // 2.3.1 keras/metrics.py 21 (from .losses import categorical_hinge); absent from 2.2.4 keras/metrics.py 9–21.
            Add(M, From23, "categorical_hinge", "categorical_hinge");
            Add(M, Up2, "log_cosh", "logcosh");
            Add(M, FamilySet.TfKeras2, "log_cosh", "log_cosh");
            Add(M, All, "categorical_crossentropy", "categorical_crossentropy");
            Add(M, All, "sparse_categorical_crossentropy", "sparse_categorical_crossentropy");
            Add(M, All, "binary_crossentropy", "binary_crossentropy");
            Add(M, Tf3, "binary_crossentropy", "bce", "BCE");
            Add(M, Up2, "kl_divergence", "kullback_leibler_divergence");
            Add(M, Tf3, "kl_divergence", "kl_divergence");
            Add(M, All, "poisson", "poisson");
            Add(M, K2, "cosine_similarity", "cosine_proximity", "cosine");
            Add(M, FamilySet.TfKeras2, "cosine_similarity", "cosine_proximity");
            // 2.3.1 keras/metrics.py 1959 (cosine = cosine_similarity = cosine_proximity: the positive similarity of 1931–1934).
            Add(M, From23, "cosine_similarity", "cosine_similarity");
            Add(M, Tf3, "accuracy", "accuracy");

            // Keras 3 snake_case names of metric classes that have no function of the same name above.
            Add(M, K3, "root_mean_squared_error", "root_mean_squared_error");
            Add(M, K3, "log_cosh", "log_cosh_error");
            Add(M, K3, "auc", "auc");
            Add(M, K3, "precision", "precision");
            Add(M, K3, "recall", "recall");
            Add(M, K3, "true_positives", "true_positives");
            Add(M, K3, "true_negatives", "true_negatives");
            Add(M, K3, "false_positives", "false_positives");
            Add(M, K3, "false_negatives", "false_negatives");
            Add(M, K3, "f1_score", "f1_score");
            Add(M, K3, "f_beta_score", "f_beta_score");
            Add(M, K3, "r2_score", "r2_score");
            Add(M, K3, "mean_io_u", "mean_io_u");

            // Class names: valid metric strings from 2.3 on (F1Score/FBetaScore/R2Score from tf.keras).
            Add(M, From23, "accuracy", "Accuracy");
            Add(M, From23, "binary_accuracy", "BinaryAccuracy");
            Add(M, From23, "categorical_accuracy", "CategoricalAccuracy");
            Add(M, From23, "sparse_categorical_accuracy", "SparseCategoricalAccuracy");
            Add(M, From23, "top_k_categorical_accuracy", "TopKCategoricalAccuracy");
            Add(M, From23, "sparse_top_k_categorical_accuracy", "SparseTopKCategoricalAccuracy");
            Add(M, From23, "auc", "AUC");
            Add(M, From23, "precision", "Precision");
            Add(M, From23, "recall", "Recall");
            Add(M, From23, "true_positives", "TruePositives");
            Add(M, From23, "true_negatives", "TrueNegatives");
            Add(M, From23, "false_positives", "FalsePositives");
            Add(M, From23, "false_negatives", "FalseNegatives");
            Add(M, From23, "mean_io_u", "MeanIoU");
            Add(M, From23, "root_mean_squared_error", "RootMeanSquaredError");
            Add(M, From23, "log_cosh", "LogCoshError");
            Add(M, From23, "cosine_similarity", "CosineSimilarity");
            Add(M, From23, "mean_squared_error", "MeanSquaredError");
            Add(M, From23, "mean_absolute_error", "MeanAbsoluteError");
            Add(M, From23, "mean_absolute_percentage_error", "MeanAbsolutePercentageError");
            Add(M, From23, "mean_squared_logarithmic_error", "MeanSquaredLogarithmicError");
            Add(M, From23, "hinge", "Hinge");
            Add(M, From23, "squared_hinge", "SquaredHinge");
            Add(M, From23, "categorical_hinge", "CategoricalHinge");
            Add(M, From23, "poisson", "Poisson");
            Add(M, From23, "kl_divergence", "KLDivergence");
            Add(M, From23, "binary_crossentropy", "BinaryCrossentropy");
            Add(M, From23, "categorical_crossentropy", "CategoricalCrossentropy");
            Add(M, From23, "sparse_categorical_crossentropy", "SparseCategoricalCrossentropy");
            Add(M, Tf3, "f1_score", "F1Score");
            Add(M, Tf3, "f_beta_score", "FBetaScore");
            Add(M, Tf3, "r2_score", "R2Score");

            return list.ToArray();
        }
    }
}
