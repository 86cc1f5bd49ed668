using KerasLint.Knowledge;

namespace KerasLint.Runtime;

/// <summary>How a loss object reduces its per-sample values (docs/keras-semantics.md §4d).</summary>
public enum LossReduction
{
    /// <summary>The family's default: Keras 2.2's mean(w·l)/mean(w≠0), otherwise <see cref="SumOverBatchSize"/>.</summary>
    Auto,

    /// <summary>sum(w·l) / number of elements of l (tf.keras, Keras 3 default). In Keras 2.2 it means the 2.2 formula.</summary>
    SumOverBatchSize,

    /// <summary>sum(w·l).</summary>
    Sum,

    /// <summary>w·l, unreduced.</summary>
    None,

    /// <summary>Keras 3 only: sum(w·l) / sum(w).</summary>
    MeanWithSampleWeight,
}

public static class LossReductions
{
    /// <summary>Parses a Keras reduction name: sum_over_batch_size, auto, mean, sum, none, mean_with_sample_weight (null → Auto).</summary>
    public static LossReduction Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => LossReduction.Auto,
        "sum_over_batch_size" or "mean" => LossReduction.SumOverBatchSize,
        "sum" => LossReduction.Sum,
        "none" => LossReduction.None,
        "mean_with_sample_weight" => LossReduction.MeanWithSampleWeight,
        _ => throw new ArgumentException($"Unknown reduction '{name}'. Expected sum_over_batch_size, sum, none, mean_with_sample_weight or auto.", "reduction"),
    };

    /// <summary>The Keras spelling.</summary>
    public static string KerasName(this LossReduction r) => r switch
    {
        LossReduction.Auto => "auto",
        LossReduction.SumOverBatchSize => "sum_over_batch_size",
        LossReduction.Sum => "sum",
        LossReduction.None => "none",
        LossReduction.MeanWithSampleWeight => "mean_with_sample_weight",
        _ => throw new ArgumentOutOfRangeException(nameof(r)),
    };

    internal static void CheckAvailable(this LossReduction r, KerasFamily family)
    {
        if (r == LossReduction.MeanWithSampleWeight && family != KerasFamily.Keras3)
            throw new ArgumentException($"reduction 'mean_with_sample_weight' exists only in Keras 3, not in {family.DisplayName()}.", "reduction");
    }
}
