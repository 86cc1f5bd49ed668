using KerasLint.Knowledge;
using TorchSharp;
using static TorchSharp.torch;

namespace KerasLint.Runtime;

/// <summary>Keras loss objects per family: the function's per-sample values, weighted and reduced.</summary>
public static class KerasLosses
{
    /// <summary>
    /// Calls a Keras loss object. Reductions: <see cref="LossReduction.Auto"/> is the family default (Keras 2.2:
    /// mean(w·l)/mean(w≠0); otherwise sum_over_batch_size = sum(w·l)/number of elements). Returns a scalar tensor,
    /// or w·l unreduced for <see cref="LossReduction.None"/>. Throws <see cref="ArgumentException"/> for bad input.
    /// </summary>
    public static Tensor Compute(KerasVersion version, string name, Tensor yTrue, Tensor yPred, KerasArgs? args = null,
        LossReduction reduction = LossReduction.Auto, Tensor? sampleWeight = null, Device? device = null)
    {
        version = RuntimeVersion.Effective(version);
        var family = version.Family;
        var canonical = FunctionNames.Resolve(version, name, FunctionRoles.Loss);
        reduction.CheckAvailable(family);
        var d = device ?? torch.CPU;
        var a = RuntimeVersion.WithRelease((args ?? KerasArgs.Default).Validate(), version);
        using var scope = torch.NewDisposeScope();
        var yt = KerasTensors.Check(yTrue, "y_true", d);
        var yp = KerasTensors.Check(yPred, "y_pred", d);
        var w = sampleWeight is null ? null : KerasTensors.Check(sampleWeight, "sample_weight", d);
        var l = KerasMath.Values(family, canonical, yt, yp, a, asMetric: false, out var mask);
        return Reduce(family, l, w, mask, reduction).MoveToOuterDisposeScope();
    }

    /// <summary>The loss value as a double (reduction must not be None).</summary>
    public static double Value(KerasVersion version, string name, Tensor yTrue, Tensor yPred, KerasArgs? args = null,
        LossReduction reduction = LossReduction.Auto, Tensor? sampleWeight = null, Device? device = null)
    {
        if (reduction == LossReduction.None) throw new ArgumentException("reduction 'none' gives a tensor, not a value; use Compute.", nameof(reduction));
        using var t = Compute(version, name, yTrue, yPred, args, reduction, sampleWeight, device);
        return t.item<float>();
    }

    private static Tensor Reduce(KerasFamily family, Tensor l, Tensor? w, Tensor? mask, LossReduction reduction)
    {
        if (family == KerasFamily.Keras22 && reduction is LossReduction.Auto or LossReduction.SumOverBatchSize)
        {
            // weighted_masked_objective: score·w / mean(w≠0), then mean.
            if (w is null) return l.mean();
            var (v, ww) = Weights.Align(l, w, reduceValues: true);
            return (v * ww / ww.ne(0f).to_type(ScalarType.Float32).mean()).mean();
        }

        if (mask is not null)
        {
            var m = mask.to_type(ScalarType.Float32);
            if (reduction is LossReduction.Auto or LossReduction.SumOverBatchSize)
            {
                var total = (float)m.numel();
                var valid = m.sum();
                m = family == KerasFamily.Keras3 ? m * (total / (valid + KerasMath.Epsilon)) : m * (total / valid);
            }

            w = w is null ? m : Weights.Align(m, w, reduceValues: false).weights * m;
        }

        Tensor weighted, weights;
        if (w is null) { weighted = l; weights = torch.ones_like(l); }
        else (weighted, weights) = Weights.Align(l, w, reduceValues: false) is var (v, ww) ? (v * ww, ww) : default;
        if (reduction == LossReduction.None || weighted.dim() == 0) return weighted;
        var sum = weighted.sum();
        return reduction switch
        {
            LossReduction.Sum => sum,
            LossReduction.MeanWithSampleWeight when w is not null => DivideNoNan(sum, weights.sum()),
            _ => DivideNoNan(sum, torch.tensor((float)weighted.numel(), device: sum.device)),
        };
    }

    private static Tensor DivideNoNan(Tensor a, Tensor b) => torch.where(b.eq(0f), torch.zeros_like(a), a / b);
}
