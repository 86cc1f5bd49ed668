using System.Collections.Immutable;

namespace KerasLint.Knowledge
{
    /// <summary>How a metric turns a prediction into the values it compares with the targets, whatever library computes it.</summary>
    public enum ReadoutForm
    {
        /// <summary>The values as they are, compared for exact equality (<c>pred == y</c>; Keras's exact-match <c>accuracy</c>).</summary>
        Exact,

        /// <summary>The index of the largest value per row (the categorical accuracies; <c>pred.argmax(1)</c>).</summary>
        Argmax,

        /// <summary>A constant threshold, as 0 or 1 (binary_accuracy from tf.keras 2.0; <c>pred &gt; 0.5</c>).</summary>
        Threshold,

        /// <summary>Rounded to the nearest integer (binary_accuracy in standalone Keras 2.x; <c>pred.round()</c>).</summary>
        Round,
    }

    /// <summary>How Keras's accuracy functions read the prediction (the sources are cited at <see cref="KerasCatalog.Describe"/>).</summary>
    public static class MetricReadouts
    {
        private static readonly ImmutableArray<ReadoutForm> Round = ImmutableArray.Create(ReadoutForm.Round);
        private static readonly ImmutableArray<ReadoutForm> RoundOrThreshold = ImmutableArray.Create(ReadoutForm.Round, ReadoutForm.Threshold);
        private static readonly ImmutableArray<ReadoutForm> Threshold = ImmutableArray.Create(ReadoutForm.Threshold);
        private static readonly ImmutableArray<ReadoutForm> Argmax = ImmutableArray.Create(ReadoutForm.Argmax);
        private static readonly ImmutableArray<ReadoutForm> Exact = ImmutableArray.Create(ReadoutForm.Exact);

        /// <summary>
        /// The read-outs of a catalog metric in a family: binary_accuracy rounds in standalone Keras 2.x and thresholds
        /// at 0.5 from tf.keras 2.0 (both in the 2.3 family, which spans Keras 2.3 and tf.keras 2.0–2.1), the categorical
        /// accuracies take the arg-max, the exact-match accuracy compares the values; empty for any other metric.
        /// </summary>
        public static ImmutableArray<ReadoutForm> Of(KerasFamily family, string canonicalName) => canonicalName switch
        {
            "binary_accuracy" => family switch
            {
                KerasFamily.Keras22 => Round,
                KerasFamily.Keras23 => RoundOrThreshold,
                _ => Threshold,
            },
            "categorical_accuracy" or "sparse_categorical_accuracy" => Argmax,
            "accuracy" => Exact,
            _ => ImmutableArray<ReadoutForm>.Empty,
        };
    }
}
