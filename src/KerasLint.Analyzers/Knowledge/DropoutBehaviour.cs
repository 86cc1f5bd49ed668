namespace KerasLint.Knowledge
{
    /// <summary>What each Keras family does with a Dropout rate outside [0, 1) (docs/rules/KL0009.md cites the sources).</summary>
    public static class DropoutBehaviour
    {
        /// <summary>The behaviour for an out-of-range rate, or null when the rate is in [0, 1).</summary>
        public static string? OutOfRange(KerasFamily family, double rate)
        {
            if (double.IsNaN(rate) || (rate >= 0 && rate < 1)) return null;
            return family switch
            {
                KerasFamily.Keras22 or KerasFamily.Keras23 => rate >= 1
                    ? "Keras 2.0–2.3 clamp it to 1 and then skip the layer, so no dropout happens at all"
                    : "Keras 2.0–2.3 clamp it to 0, so no dropout happens at all",
                KerasFamily.TfNet => rate == 1
                    ? "TensorFlow.NET's Dropout has no range check and scales kept units by 1/(1-rate), so rate 1 gives NaN (0 * inf) during training"
                    : rate > 1
                        ? "TensorFlow.NET's Dropout has no range check: every unit is dropped and 1/(1-rate) is negative, so training outputs zeros"
                        : "TensorFlow.NET's Dropout has no range check: no unit is dropped and 1/(1-rate) < 1 shrinks every output during training",
                KerasFamily.TfKeras2 => rate == 1
                    ? "tf.keras accepts it at construction, then tf.nn.dropout raises ValueError at the first training step"
                    : "tf.keras raises ValueError when the layer is constructed",
                _ => rate == 1
                    ? "Keras 3 outputs all zeros during training (3.14 and later; backend-dependent before)"
                    : "Keras 3 raises ValueError when the layer is constructed",
            };
        }
    }
}
