using KerasLint.Knowledge;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace KerasLint.Runtime.Tests;

/// <summary>The per-family differences docs/keras-semantics.md §4 describes, one by one.</summary>
public class SemanticsTests
{
    private static Tensor T(float[,] v) => torch.tensor(v);
    private static Tensor T(params float[] v) => torch.tensor(v);

    [Fact]
    public void Saturated_bce_is_3_833_in_tf_keras_and_3_98559_in_keras3()
    {
        var y = T(new float[,] { { 1, 0 }, { 1, 0 } });
        var p = T(new float[,] { { 1, 1 }, { 1, 0 } });
        Assert.Equal(3.833, KerasMetrics.Evaluate(KerasFamily.TfKeras2, "binary_crossentropy", y, p), 3);
        Assert.Equal(3.98559, KerasMetrics.Evaluate(KerasFamily.Keras3, "binary_crossentropy", y, p), 4);
        // Keras 2.2 (logit transform of the clipped probability) matches Keras 3's value, not tf.keras's.
        Assert.Equal(3.98559, KerasMetrics.Evaluate(KerasFamily.Keras22, "binary_crossentropy", y, p), 3);
        // Keras 2.3's TF backend calls tf.keras's binary_crossentropy (ε inside the log), like TF 2.0/2.1.
        Assert.Equal(3.833, KerasMetrics.Evaluate(KerasFamily.Keras23, "binary_crossentropy", y, p), 3);
    }

    [Fact]
    public void Float32_rounding_of_one_minus_epsilon_is_reproduced()
    {
        // -log(1 - clip(1)) with 1-1e-7 rounded in float32 is 15.942, not the float64 16.118.
        var l = KerasLosses.Value(KerasFamily.Keras3, "binary_crossentropy", T(new float[,] { { 0 } }), T(new float[,] { { 1 } }));
        Assert.Equal(15.942, l, 3);
    }

    [Fact]
    public void Binary_accuracy_at_exactly_half_and_above()
    {
        var y = T(new float[,] { { 0 }, { 1 }, { 2 } });
        var p = T(new float[,] { { 0.5f }, { 0.5f }, { 2.5f } });
        // 2.2 rounds half to even: 0.5→0 (match), 0.5→0 (miss), 2.5→2 (match).
        Assert.Equal(2.0 / 3, KerasMetrics.Evaluate(KerasFamily.Keras22, "binary_accuracy", y, p), 6);
        // tf.keras: strict > 0.5: 0.5→0 (match), 0.5→0 (miss), 2.5→1 (miss: target 2).
        Assert.Equal(1.0 / 3, KerasMetrics.Evaluate(KerasFamily.TfKeras2, "binary_accuracy", y, p), 6);
    }

    [Fact]
    public void Keras23_binary_accuracy_rounds_at_half_and_thresholds_otherwise()
    {
        var y = T(new float[,] { { 1 }, { 0 } });
        var p = T(new float[,] { { 0.6f }, { 0.6f } });
        Assert.Equal(0.5, KerasMetrics.Evaluate(KerasFamily.Keras23, "binary_accuracy", y, p), 6);
        Assert.Equal(0.5, KerasMetrics.Evaluate(KerasFamily.Keras23, "binary_accuracy", y, p, args: new KerasArgs { Threshold = 0.7 }), 6);
        Assert.Equal(1.0, KerasMetrics.Evaluate(KerasFamily.Keras23, "binary_accuracy", T(new float[,] { { 0 }, { 0 } }), p, args: new KerasArgs { Threshold = 0.7 }), 6);
    }

    [Fact]
    public void Keras22_top_k_function_is_already_batch_averaged()
    {
        var y = T(new float[,] { { 0, 1, 0 }, { 1, 0, 0 } });
        var p = T(new float[,] { { 0.3f, 0.2f, 0.1f }, { 0.1f, 0.2f, 0.7f } });
        var k = new KerasArgs { K = 1 };
        using var v22 = KerasMetrics.Function(KerasFamily.Keras22, "top_k_categorical_accuracy", y, p, k);
        using var v3 = KerasMetrics.Function(KerasFamily.Keras3, "top_k_categorical_accuracy", y, p, k);
        Assert.Equal(0, v22.dim());
        Assert.Equal(new long[] { 2 }, v3.shape);
        Assert.Equal(0f, v22.item<float>());
    }

    [Fact]
    public void Top_k_counts_ties_at_the_boundary_as_in()
    {
        var y = T(new float[,] { { 0, 0, 1 } });
        var p = T(new float[,] { { 0.4f, 0.3f, 0.3f } });
        Assert.Equal(1.0, KerasMetrics.Evaluate(KerasFamily.Keras3, "top_k_categorical_accuracy", y, p, args: new KerasArgs { K = 2 }));
        Assert.Equal(0.0, KerasMetrics.Evaluate(KerasFamily.Keras3, "top_k_categorical_accuracy", y, p, args: new KerasArgs { K = 1 }));
    }

    [Fact]
    public void Cce_renormalises_rows_before_clipping()
    {
        var y = T(new float[,] { { 0, 1, 0 } });
        var p = T(new float[,] { { 0.5f, 0.89f, 0.6f } });
        Assert.Equal(-Math.Log(0.89 / 1.99), KerasLosses.Value(KerasFamily.Keras3, "categorical_crossentropy", y, p), 5);
    }

    [Fact]
    public void Weighted_cce_loss_is_0_814_and_weighted_metric_is_1_6271976()
    {
        var y = T(new float[,] { { 0, 1, 0 }, { 0, 0, 1 } });
        var p = T(new float[,] { { 0.05f, 0.95f, 0 }, { 0.1f, 0.8f, 0.1f } });
        var w = T(0.3f, 0.7f);
        Assert.Equal(0.814, KerasLosses.Value(KerasFamily.TfKeras2, "categorical_crossentropy", y, p, sampleWeight: w), 3);
        Assert.Equal(1.6271976, KerasMetrics.Evaluate(KerasFamily.TfKeras2, "categorical_crossentropy", y, p, w), 5);
    }

    [Fact]
    public void Mse_loss_with_weights_divides_by_batch_size()
    {
        var y = T(new float[,] { { 0, 1 }, { 0, 0 } });
        var p = T(new float[,] { { 1, 1 }, { 1, 0 } });
        Assert.Equal(0.25, KerasLosses.Value(KerasFamily.TfKeras2, "mse", y, p, sampleWeight: T(0.7f, 0.3f)), 5);
    }

    [Fact]
    public void Keras22_weighted_loss_divides_by_the_share_of_nonzero_weights()
    {
        // Hinge with w = [1, 0]: tf.keras / Keras 3 give 1.1/2 = 0.55; Keras 2.2 gives mean([1.1, 0]) / mean([1, 0]) = 1.1.
        var y = T(new float[,] { { -1 }, { 1 } });
        var p = T(new float[,] { { 0.1f }, { 0.5f } });
        var w = T(1f, 0f);
        Assert.Equal(0.55, KerasLosses.Value(KerasFamily.TfKeras2, "hinge", y, p, sampleWeight: w), 5);
        Assert.Equal(0.55, KerasLosses.Value(KerasFamily.Keras3, "hinge", y, p, sampleWeight: w), 5);
        Assert.Equal(1.1, KerasLosses.Value(KerasFamily.Keras22, "hinge", y, p, sampleWeight: w), 5);
    }

    [Fact]
    public void Reductions_sum_none_and_mean_with_sample_weight()
    {
        var y = T(new float[,] { { 0 }, { 0 } });
        var p = T(new float[,] { { 1 }, { 2 } });
        var w = T(1f, 3f);
        Assert.Equal(13.0, KerasLosses.Value(KerasFamily.Keras3, "mse", y, p, reduction: LossReduction.Sum, sampleWeight: w), 5);
        Assert.Equal(13.0 / 4, KerasLosses.Value(KerasFamily.Keras3, "mse", y, p, reduction: LossReduction.MeanWithSampleWeight, sampleWeight: w), 5);
        Assert.Equal(13.0 / 2, KerasLosses.Value(KerasFamily.Keras3, "mse", y, p, sampleWeight: w), 5);
        using var none = KerasLosses.Compute(KerasFamily.Keras3, "mse", y, p, reduction: LossReduction.None, sampleWeight: w);
        Assert.Equal(new[] { 1.0, 12.0 }, KerasTensors.ToDoubles(none));
        Assert.Throws<ArgumentException>(() => KerasLosses.Value(KerasFamily.TfKeras2, "mse", y, p, reduction: LossReduction.MeanWithSampleWeight));
    }

    [Fact]
    public void Hinge_converts_01_labels_except_in_keras22()
    {
        var y = T(new float[,] { { 0, 1 } });
        var p = T(new float[,] { { 0.6f, 0.4f } });
        Assert.Equal(1.1, KerasLosses.Value(KerasFamily.Keras3, "hinge", y, p), 5);  // (1.6 + 0.6) / 2
        Assert.Equal(0.8, KerasLosses.Value(KerasFamily.Keras22, "hinge", y, p), 5); // (1 + 0.6) / 2
    }

    [Fact]
    public void Cosine_similarity_loss_is_negative_metric_positive()
    {
        var y = T(new float[,] { { 1, 1 } });
        var p = T(new float[,] { { 1, 1 } });
        Assert.Equal(-1.0, KerasLosses.Value(KerasFamily.Keras3, "cosine_similarity", y, p), 5);
        Assert.Equal(1.0, KerasMetrics.Evaluate(KerasFamily.Keras3, "cosine_similarity", y, p), 5);
    }

    [Fact]
    public void Sparse_ce_with_ignore_class_averages_over_valid_entries()
    {
        var y = T(1f, 0f);
        var p = T(new float[,] { { 0.1f, 0.9f }, { 0.5f, 0.5f } });
        var l = KerasLosses.Value(KerasFamily.Keras3, "sparse_categorical_crossentropy", y, p, new KerasArgs { IgnoreClass = 0 });
        Assert.Equal(-Math.Log(0.9), l, 5);
    }

    [Fact]
    public void Label_smoothing_and_from_logits()
    {
        var y = T(new float[,] { { 1, 0 } });
        var logits = T(new float[,] { { 2, -1 } });
        var probs = torch.sigmoid(logits);
        Assert.Equal(KerasLosses.Value(KerasFamily.Keras3, "binary_crossentropy", y, probs), KerasLosses.Value(KerasFamily.Keras3, "binary_crossentropy", y, logits, new KerasArgs { FromLogits = true }), 4);
        var smooth = KerasLosses.Value(KerasFamily.Keras3, "categorical_crossentropy", y, T(new float[,] { { 0.9f, 0.1f } }), new KerasArgs { LabelSmoothing = 0.2 });
        Assert.Equal(-(0.9 * Math.Log(0.9) + 0.1 * Math.Log(0.1)), smooth, 5);
    }

    [Fact]
    public void Stateful_metric_accumulates_and_resets()
    {
        var m = KerasMetrics.Create(KerasFamily.Keras3, "mae");
        m.UpdateState(T(new float[,] { { 0 }, { 0 } }), T(new float[,] { { 1 }, { 1 } }));
        m.UpdateState(T(new float[,] { { 0 } }), T(new float[,] { { 4 } }), T(2f));
        Assert.Equal((1 + 1 + 8) / 4.0, m.Result(), 6);
        m.Reset();
        Assert.Equal(0.0, m.Result());
    }

    [Fact]
    public void Keras22_metric_epoch_value_is_the_batch_size_weighted_mean()
    {
        var m = KerasMetrics.Create(KerasFamily.Keras22, "mae");
        m.UpdateState(T(new float[,] { { 0 }, { 0 } }), T(new float[,] { { 1 }, { 3 } }));
        m.UpdateState(T(new float[,] { { 0 } }), T(new float[,] { { 5 } }));
        Assert.Equal(3.0, m.Result(), 6);
    }

    [Fact]
    public void Functions_absent_from_a_family_are_rejected()
    {
        Assert.Contains("huber", Assert.Throws<ArgumentException>(() => KerasLosses.Value(KerasFamily.Keras22, "huber", T(1f), T(1f))).Message);
        Assert.Throws<ArgumentException>(() => KerasMetrics.Create(KerasFamily.Keras22, "root_mean_squared_error"));
        Assert.Equal("mean_squared_error", KerasMetrics.Create(KerasFamily.TfKeras2, "MSE").Name);
    }
}
