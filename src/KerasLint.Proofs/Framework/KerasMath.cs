using KerasLint.Knowledge;
using TorchSharp;
using static TorchSharp.torch;

namespace KerasLint.Proofs;

/// <summary>
/// The proofs' only door to Keras semantics: what Keras would compute and report, per family. Every value
/// comes from KerasLint.Runtime (the one source of truth); this class only adapts shapes and names.
/// </summary>
internal static class KerasMath
{
    /// <summary>What "accuracy" (or "acc") resolves to at compile time, from the loss and the first batch's shapes.</summary>
    public static string ResolveAccuracy(KerasFamily family, string? lossCanonical, Tensor yTrue, Tensor yPred)
    {
        var units = (int)yPred.shape[^1];
        LabelLayout layout;
        if (yTrue.dim() < yPred.dim()) layout = LabelLayout.LowerRank;
        else if (yTrue.shape[^1] == 1 && units > 1) layout = LabelLayout.Column;
        else layout = LabelLayout.SameShape;
        return SpecialStrings.ResolveMetric(family, "accuracy", lossCanonical, units, layout).Resolved;
    }

    /// <summary>The value of a compiled metric over the whole set (a stateful mean after one update).</summary>
    public static double Metric(KerasFamily family, string canonical, Tensor yTrue, Tensor yPred)
    {
        using var scope = NewDisposeScope();
        return Interim.Metric(family, canonical, yTrue, yPred);
    }

    /// <summary>A compiled loss (sum_over_batch_size), differentiable: the training loss of a Keras model.</summary>
    public static Tensor Loss(KerasFamily family, string canonical, Tensor yTrue, Tensor yPred) =>
        Interim.Loss(family, canonical, yTrue, yPred);

    /// <summary>The loss as a number.</summary>
    public static double LossValue(KerasFamily family, string canonical, Tensor yTrue, Tensor yPred)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        return Loss(family, canonical, yTrue, yPred).to(float64).item<double>();
    }

    // INTERIM: replaced by calls into KerasLint.Runtime as soon as the runtime branch lands (see report).
    private static class Interim
    {
        private const float Eps = 1e-7f;

        public static double Metric(KerasFamily family, string canonical, Tensor yTrue, Tensor yPred) =>
            PerSample(family, canonical, yTrue, yPred).to(float64).mean().item<double>();

        public static Tensor Loss(KerasFamily family, string canonical, Tensor yTrue, Tensor yPred) =>
            PerSample(family, canonical, yTrue, yPred).mean();

        private static Tensor PerSample(KerasFamily family, string canonical, Tensor y, Tensor p)
        {
            switch (canonical)
            {
                case "binary_accuracy":
                    {
                        var yp = family is KerasFamily.Keras22 or KerasFamily.Keras23 ? p.round() : (p > 0.5f).to(p.dtype);
                        return y.to(p.dtype).eq(yp).to(float32).mean(new long[] { -1 });
                    }
                case "categorical_accuracy":
                    return y.argmax(-1).eq(p.argmax(-1)).to(float32);
                case "sparse_categorical_accuracy":
                    {
                        var yt = y.dim() == p.dim() ? y.squeeze(-1) : y;
                        return yt.to(int64).eq(p.argmax(-1)).to(float32);
                    }
                case "mean_squared_error":
                    return (p - y).square().mean(new long[] { -1 });
                case "mean_absolute_error":
                    return (p - y).abs().mean(new long[] { -1 });
                case "binary_crossentropy":
                    {
                        var pc = p.clamp(Eps, 1 - Eps);
                        var e = family == KerasFamily.TfKeras2 ? Eps : 0f;
                        return (-(y * (pc + e).log() + (1 - y) * (1 - pc + e).log())).mean(new long[] { -1 });
                    }
                case "categorical_crossentropy":
                    {
                        var pn = (p / p.sum(-1, keepdim: true)).clamp(Eps, 1 - Eps);
                        return -(y * pn.log()).sum(-1);
                    }
                case "sparse_categorical_crossentropy":
                    {
                        var yt = (y.dim() == p.dim() ? y.squeeze(-1) : y).to(int64);
                        var pn = (p / p.sum(-1, keepdim: true)).clamp(Eps, 1 - Eps);
                        return -pn.log().gather(-1, yt.unsqueeze(-1)).squeeze(-1);
                    }
                default:
                    throw new ArgumentException($"No Keras implementation of '{canonical}' is wired into the proofs.", nameof(canonical));
            }
        }
    }
}
