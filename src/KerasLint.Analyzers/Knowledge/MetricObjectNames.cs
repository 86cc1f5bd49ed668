using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace KerasLint.Knowledge
{
    /// <summary>
    /// The name a metric object gets when <c>compile(metrics=["AUC"])</c> names its class in tf.keras 2.x (docs/keras-semantics.md §8.2).
    /// <list type="bullet">
    /// <item>tf.keras 2.x instantiates a class given by name with no arguments (v2.15.0 keras/saving/legacy/serialization.py
    /// 546–549: "Classes passed by name are instantiated with no args"; keras/metrics/__init__.py <c>get</c>), and
    /// <c>MetricsContainer._get_metric_object</c> renames only what is not a <c>Metric</c> (v2.15.0
    /// keras/engine/compile_utils.py 692–700; v2.6.0 line 530): the object keeps its default name.</item>
    /// <item>A class whose constructor defaults <c>name=None</c> (AUC, Precision, Recall, the confusion counts) is named by
    /// <c>Layer._init_set_name</c> (v2.15.0 keras/engine/base_layer.py 2803–2808): <c>backend.unique_object_name(to_snake_case(class),
    /// zero_based=True)</c>, so the first object of the class in the process (per graph, until <c>clear_session()</c>) is
    /// <c>auc</c>, the next <c>auc_1</c>, <c>auc_2</c>, ….</item>
    /// <item>Keras 3 renames the object to the string passed (v3.15.1 keras/src/trainers/compile_utils.py
    /// <c>get_metric</c> 53–85, line 84: <c>metric_obj.name = metric_name</c>): there "AUC" logs <c>AUC</c>.</item>
    /// </list>
    /// </summary>
    public static class MetricObjectNames
    {
        /// <summary>Class name → (default name, uniquified with _1, _2, … because the constructor's name defaults to None).</summary>
        private static readonly ImmutableDictionary<string, ObjectName> TfKeras = new Dictionary<string, ObjectName>(StringComparer.Ordinal)
        {
            // v2.15.0 keras/metrics/accuracy_metrics.py 67, 112, 167, 224, 293, 339.
            ["Accuracy"] = new ObjectName("accuracy", false),
            ["BinaryAccuracy"] = new ObjectName("binary_accuracy", false),
            ["CategoricalAccuracy"] = new ObjectName("categorical_accuracy", false),
            ["SparseCategoricalAccuracy"] = new ObjectName("sparse_categorical_accuracy", false),
            ["TopKCategoricalAccuracy"] = new ObjectName("top_k_categorical_accuracy", false),
            ["SparseTopKCategoricalAccuracy"] = new ObjectName("sparse_top_k_categorical_accuracy", false),

            // v2.15.0 keras/metrics/confusion_metrics.py 156, 217, 278, 339 (name=None), 431 (Precision), 577 (Recall),
            // 1290 (AUC): all name=None.
            ["FalsePositives"] = new ObjectName("false_positives", true),
            ["FalseNegatives"] = new ObjectName("false_negatives", true),
            ["TrueNegatives"] = new ObjectName("true_negatives", true),
            ["TruePositives"] = new ObjectName("true_positives", true),
            ["Precision"] = new ObjectName("precision", true),
            ["Recall"] = new ObjectName("recall", true),
            ["AUC"] = new ObjectName("auc", true),

            // v2.15.0 keras/metrics/f_score_metrics.py 90, 309.
            ["FBetaScore"] = new ObjectName("fbeta_score", false),
            ["F1Score"] = new ObjectName("f1_score", false),

            // v2.15.0 keras/metrics/hinge_metrics.py 60, 99, 135.
            ["Hinge"] = new ObjectName("hinge", false),
            ["SquaredHinge"] = new ObjectName("squared_hinge", false),
            ["CategoricalHinge"] = new ObjectName("categorical_hinge", false),

            // v2.15.0 keras/metrics/probabilistic_metrics.py 69, 107, 154, 224 (SparseCategoricalCrossentropy the same file).
            ["Poisson"] = new ObjectName("poisson", false),
            ["KLDivergence"] = new ObjectName("kullback_leibler_divergence", false),
            ["BinaryCrossentropy"] = new ObjectName("binary_crossentropy", false),
            ["CategoricalCrossentropy"] = new ObjectName("categorical_crossentropy", false),
            ["SparseCategoricalCrossentropy"] = new ObjectName("sparse_categorical_crossentropy", false),

            // v2.15.0 keras/metrics/regression_metrics.py 173, 209, 246, 282, 319, 351, 413, 467.
            ["CosineSimilarity"] = new ObjectName("cosine_similarity", false),
            ["MeanAbsoluteError"] = new ObjectName("mean_absolute_error", false),
            ["MeanAbsolutePercentageError"] = new ObjectName("mean_absolute_percentage_error", false),
            ["MeanSquaredError"] = new ObjectName("mean_squared_error", false),
            ["MeanSquaredLogarithmicError"] = new ObjectName("mean_squared_logarithmic_error", false),
            ["RootMeanSquaredError"] = new ObjectName("root_mean_squared_error", false),
            ["LogCoshError"] = new ObjectName("logcosh", false),
            ["R2Score"] = new ObjectName("r2_score", false),
        }.ToImmutableDictionary(StringComparer.Ordinal);

        /// <summary>
        /// A default name and whether it is uniquified: a class, so that the table is a dictionary of reference types
        /// (code the runtime ships compiled; a value tuple here made a fresh compiler process JIT a dictionary for it).
        /// </summary>
        private sealed class ObjectName
        {
            public ObjectName(string name, bool uniquified)
            {
                Name = name;
                Uniquified = uniquified;
            }

            public string Name { get; }

            public bool Uniquified { get; }
        }

        /// <summary>
        /// The name tf.keras 2.x gives the object a class-name metric string creates (the first one in the process), or
        /// null when <paramref name="className"/> is not a metric class name this table knows (MeanIoU needs num_classes
        /// and cannot be created with no arguments).
        /// </summary>
        public static string? TfKerasDefaultName(string className) =>
            className != null && TfKeras.TryGetValue(className, out var n) ? n.Name : null;

        /// <summary>Whether later objects of the class in the same process get <c>_1</c>, <c>_2</c>, … (name=None default).</summary>
        public static bool TfKerasIsUniquified(string className) =>
            className != null && TfKeras.TryGetValue(className, out var n) && n.Uniquified;

        /// <summary>Whether <paramref name="key"/> is <paramref name="name"/> or <paramref name="name"/>_N (N ≥ 1).</summary>
        public static bool IsUniquifiedForm(string key, string name)
        {
            if (key == name) return true;
            if (!key.StartsWith(name + "_", StringComparison.Ordinal) || key.Length == name.Length + 1) return false;
            for (var i = name.Length + 1; i < key.Length; i++)
            {
                if (key[i] < '0' || key[i] > '9') return false;
            }

            return true;
        }
    }
}
