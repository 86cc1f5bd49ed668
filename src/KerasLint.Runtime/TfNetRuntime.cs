using KerasLint.Knowledge;
using TorchSharp;
using static TorchSharp.torch;

namespace KerasLint.Runtime;

/// <summary>
/// TensorFlow.NET's Keras (family <see cref="KerasFamily.TfNet"/>) in the runtime. Its formulas are tf.keras's
/// (SciSharp/TensorFlow.NET 6ce6066, src/TensorFlowNET.Keras/BackendImpl.cs: binary_crossentropy clips to [ε, 1−ε]
/// and adds ε inside the log; categorical_crossentropy rescales, clips, sums; sparse_categorical_crossentropy takes
/// log(clip(p)) through sparse_softmax_cross_entropy_with_logits; ε = 1e-7; Metrics/MetricsApi.cs and Reduce.cs
/// as tf.keras), so it reuses the tf.keras code path, except where TF.NET's sources differ:
/// <list type="bullet">
/// <item>the loss classes BinaryCrossentropy and CategoricalCrossentropy store <c>label_smoothing</c> and never use it;</item>
/// <item><c>ignore_class</c> throws NotImplementedException (BackendImpl.sparse_categorical_crossentropy);</item>
/// <item>SigmoidFocalCrossEntropy (TensorFlow Addons' form) sums α·(1−p_t)^γ·bce over the last axis;</item>
/// <item>binary_accuracy's threshold is fixed at 0.5 (the BinaryAccuracy factory ignores its arguments).</item>
/// </list>
/// </summary>
internal static class TfNetMath
{
    internal static Tensor Values(string fn, Tensor yt, Tensor yp, KerasArgs a, bool asMetric, out Tensor? mask)
    {
        if (a.IgnoreClass is not null)
            throw new ArgumentException("TensorFlow.NET's Keras throws NotImplementedException for ignore_class.", "ignore_class");
        switch (fn)
        {
            case "binary_crossentropy" or "categorical_crossentropy" when !asMetric && a.LabelSmoothing != 0:
                // Losses/BinaryCrossentropy.cs, CategoricalCrossentropy.cs: the field is stored, Apply never reads it.
                return KerasMath.Values(KerasFamily.TfKeras2, fn, yt, yp, a with { LabelSmoothing = 0 }, asMetric, out mask);
            case "binary_accuracy" when a.Threshold != 0.5:
                return KerasMath.Values(KerasFamily.TfKeras2, fn, yt, yp, a with { Threshold = 0.5 }, asMetric, out mask);
            case "binary_focal_crossentropy":
                mask = null;
                return SigmoidFocal(yt, yp, a);
            default:
                return KerasMath.Values(KerasFamily.TfKeras2, fn, yt, yp, a, asMetric, out mask);
        }
    }

    /// <summary>Losses/SigmoidFocalCrossEntropy.cs: reduce_sum(α_factor · (1 − p_t)^γ · backend.binary_crossentropy, axis −1).</summary>
    private static Tensor SigmoidFocal(Tensor yt, Tensor yp, KerasArgs a)
    {
        (yt, yp) = KerasMath.SameRank(yt, yp);
        if (!yt.shape.SequenceEqual(yp.shape))
            throw new ArgumentException($"SigmoidFocalCrossEntropy: y_true shape ({string.Join(", ", yt.shape)}) must equal y_pred shape ({string.Join(", ", yp.shape)}).", "y_true");
        Tensor ce;
        if (a.FromLogits) ce = yp.clamp_min(0) - yp * yt + torch.log1p(torch.exp(-yp.abs()));
        else
        {
            var c = yp.clamp(KerasMath.Epsilon, KerasMath.OneMinusEpsilon);
            ce = -(yt * torch.log(c + KerasMath.Epsilon) + (1f - yt) * torch.log(1f - c + KerasMath.Epsilon));
        }

        var p = a.FromLogits ? torch.sigmoid(yp) : yp;
        var pt = yt * p + (1f - yt) * (1f - p);
        var alpha = a.Alpha > 0 ? yt * (float)a.Alpha + (1f - yt) * (float)(1 - a.Alpha) : torch.ones_like(yt);
        var modulating = a.Gamma > 0 ? torch.pow(1f - pt, a.Gamma) : torch.ones_like(yt);
        return (alpha * modulating * ce).sum(-1);
    }
}

/// <summary>What TensorFlow.NET's compile makes of strings (MetricsContainer._get_metric_object, Model.Compile.cs).</summary>
internal static class TfNetCompile
{
    internal static CompiledFunction? ResolveMetric(string identifier, string text)
    {
        if (!TfNetSemantics.IsSupportedMetricString(text))
        {
            return new CompiledFunction(identifier, null, null, TfNetSemantics.UnsupportedMetricMessage(text), "not one of TensorFlow.NET's six metric strings");
        }

        return null; // "accuracy"/"acc" by shapes (SpecialStrings), mae/mape by the catalog.
    }

    /// <summary>
    /// A loss string reaches TF.NET only through the all-string compile; in TensorFlow.Keras 0.10.5+ "mae" is
    /// MeanAbsoluteError and anything else MeanSquaredError.
    /// </summary>
    internal static CompiledFunction ResolveLoss(string identifier, string text)
    {
        var o = TfNetSemantics.StringCompile(TfNetSemantics.Latest, "rmsprop", text);
        var reason = text is "mse" or "mae" ? "a loss string the all-string compile reads" : o.Summary;
        return new CompiledFunction(identifier, o.Loss, "loss", o.Error, reason);
    }
}
