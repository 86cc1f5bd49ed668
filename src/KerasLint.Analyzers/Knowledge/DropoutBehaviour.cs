namespace KerasLint.Knowledge
{
    /// <summary>What each Keras family does with a Dropout rate outside [0, 1) (docs/rules/KL0009.md cites the sources).</summary>
    public static class DropoutBehaviour
    {
        /// <summary>
        /// The behaviour for an out-of-range rate in a few words (the library and family follow it in the message; the
        /// mechanism is in KL0009's description and page), or null when the rate is in [0, 1).
        /// </summary>
        public static string? OutOfRange(KerasFamily family, double rate)
        {
            if (double.IsNaN(rate) || (rate >= 0 && rate < 1)) return null;
            return family switch
            {
                KerasFamily.Keras22 or KerasFamily.Keras23 => rate >= 1
                    ? "Keras 2.0–2.3 clamp it to 1 and skip the layer: no dropout at all"
                    : "Keras 2.0–2.3 clamp it to 0: no dropout at all",
                KerasFamily.TfNet => rate == 1
                    ? "unchecked, it gives NaN (0 * inf) in training"
                    : rate > 1
                        ? "unchecked, it drops every unit: training outputs zeros"
                        : "unchecked, it drops nothing and shrinks every output in training",
                KerasFamily.TfKeras2 => rate == 1
                    ? "tf.keras raises ValueError at the first training step"
                    : "tf.keras raises ValueError at construction",
                _ => rate == 1
                    ? "Keras 3 outputs all zeros in training (3.14+)"
                    : "Keras 3 raises ValueError at construction",
            };
        }
    }
}
