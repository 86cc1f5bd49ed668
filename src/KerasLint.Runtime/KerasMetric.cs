using KerasLint.Knowledge;
using TorchSharp;
using static TorchSharp.torch;

namespace KerasLint.Runtime;

/// <summary>
/// A stateful Keras metric: <see cref="UpdateState"/> per batch, <see cref="Result"/> = sum(w·v)/sum(w) over
/// everything seen since <see cref="Reset"/> (Keras 2.3, tf.keras, Keras 3). For Keras 2.2, which has no metric
/// objects, it reproduces the epoch value BaseLogger reports: the batch-size-weighted mean of batch values, each
/// batch value being mean(v) or, with sample weights (weighted_metrics), mean(w·v)/mean(w≠0).
/// </summary>
public sealed class KerasMetric
{
    private float _totalF;
    private float _countF;

    internal KerasMetric(KerasVersion version, string name, KerasArgs args, Device device)
    {
        Version = version;
        Family = version.Family;
        Name = name;
        Args = args;
        Device = device;
    }

    public KerasFamily Family { get; }

    /// <summary>The version the metric computes for (a family, or a concrete version inside it).</summary>
    public KerasVersion Version { get; }

    /// <summary>The canonical Keras 3 snake_case name, e.g. binary_accuracy.</summary>
    public string Name { get; }

    public KerasArgs Args { get; }

    public Device Device { get; }

    /// <summary>Adds one batch. <paramref name="sampleWeight"/>: null, a scalar, (N,) or (N, 1).</summary>
    /// <remarks>
    /// CPU metric and contiguous CPU tensors: the hot metrics take one fused pass over the tensors' memory
    /// (<see cref="CpuKernels"/>); everything else, CUDA included, takes the TorchSharp-op path on the device.
    /// </remarks>
    public void UpdateState(Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null) => Update(yTrue, yPred, sampleWeight, allowCpuKernels: true);

    /// <summary>Whether the last update ran in a CPU kernel (false: the TorchSharp-op path).</summary>
    internal bool LastUpdateUsedCpuKernel { get; private set; }

    /// <summary><see cref="UpdateState"/>; <paramref name="allowCpuKernels"/> false forces the TorchSharp-op path (the reference).</summary>
    internal void Update(Tensor yTrue, Tensor yPred, Tensor? sampleWeight, bool allowCpuKernels)
    {
        LastUpdateUsedCpuKernel = false;
        if (allowCpuKernels && CpuKernels.TryBatch(Family, Name, Args, Device, yTrue, yPred, sampleWeight, out var b))
        {
            Accumulate(b);
            LastUpdateUsedCpuKernel = true;
            return;
        }

        using var scope = torch.NewDisposeScope();
        var yt = KerasTensors.Check(yTrue, "y_true", Device);
        var yp = KerasTensors.Check(yPred, "y_pred", Device);
        var w = sampleWeight is null ? null : KerasTensors.Check(sampleWeight, "sample_weight", Device);
        var v = KerasMath.Values(Family, Name, yt, yp, Args, asMetric: true, out var mask);
        if (mask is not null && (w is not null || Family != KerasFamily.Keras3))
        {
            // tf.keras masks always; Keras 3's Mean applies the mask only when sample weights are given.
            var m = mask.to_type(ScalarType.Float32);
            w = w is null ? m : Weights.Align(m, w, reduceValues: false).weights * m;
        }

        if (Family == KerasFamily.Keras22)
        {
            var batch = v.dim() == 0 ? 1 : v.shape[0];
            float value;
            if (w is null) value = v.mean().item<float>();
            else
            {
                var (vv, ww) = Weights.Align(v, w, reduceValues: true);
                value = ((vv * ww).mean() / ww.ne(0f).to_type(ScalarType.Float32).mean()).item<float>();
            }

            _totalF += value * batch;
            _countF += batch;
            return;
        }

        if (w is null)
        {
            var samplewise = Family == KerasFamily.Keras3 && v.dim() > 1 ? v.mean(Enumerable.Range(1, (int)v.dim() - 1).Select(i => (long)i).ToArray()) : v;
            _totalF += samplewise.sum().item<float>();
            _countF += Family == KerasFamily.Keras3 ? (samplewise.dim() == 0 ? 1 : samplewise.shape[0]) : samplewise.numel();
        }
        else
        {
            var (vv, ww) = Weights.Align(v, w, reduceValues: true);
            _totalF += (vv * ww).sum().item<float>();
            _countF += ww.sum().item<float>();
        }
    }

    /// <summary>The same accumulation as the op path below, from a kernel's sums (the casts mirror its float32 values).</summary>
    private void Accumulate(in BatchSums b)
    {
        var v = b.ValueShape;
        long numel = v.Aggregate(1L, (x, y) => x * y);
        if (Family == KerasFamily.Keras22)
        {
            var batch = v.Length == 0 ? 1 : v[0];
            float value = b.Weighted
                ? (float)(b.WeightedSum / b.Rows) / ((float)b.NonZeroWeights / b.Rows)
                : (float)(b.Sum / numel);
            _totalF += value * batch;
            _countF += batch;
            return;
        }

        if (b.Weighted)
        {
            _totalF += (float)b.WeightedSum;
            _countF += (float)b.WeightSum;
        }
        else if (Family == KerasFamily.Keras3)
        {
            _totalF += v.Length > 1 ? (float)(b.Sum * v[0] / numel) : (float)b.Sum;
            _countF += v.Length == 0 ? 1 : v[0];
        }
        else
        {
            _totalF += (float)b.Sum;
            _countF += numel;
        }
    }

    /// <summary>The metric's value (0 when nothing with weight was seen, like divide_no_nan).</summary>
    public double Result()
    {
        var r = _countF == 0 ? 0f : _totalF / _countF;
        return Name == "root_mean_squared_error" ? MathF.Sqrt(r) : r;
    }

    /// <summary>Keras's reset_state.</summary>
    public void Reset()
    {
        _totalF = 0;
        _countF = 0;
    }
}

/// <summary>Creates Keras metrics and evaluates Keras metric functions per family.</summary>
public static class KerasMetrics
{
    /// <summary>
    /// A fresh stateful metric. <paramref name="name"/>: a canonical name or any spelling the catalog knows
    /// (e.g. "mse", "BinaryAccuracy"); "accuracy" is the exact-equality metric here (for the compile string use
    /// <see cref="CompileResolver"/>). Throws <see cref="ArgumentException"/> for unknown names, names the family
    /// lacks, and bad arguments.
    /// </summary>
    public static KerasMetric Create(KerasVersion version, string name, KerasArgs? args = null, Device? device = null)
    {
        version = RuntimeVersion.Effective(version);
        var canonical = FunctionNames.Resolve(version, name, FunctionRoles.Metric);
        return new KerasMetric(version, canonical, RuntimeVersion.WithRelease((args ?? KerasArgs.Default).Validate(), version), device ?? torch.CPU);
    }

    /// <summary>
    /// One batch through the plain metric function (what Keras's function returns, before any epoch averaging):
    /// per-sample values, or a scalar for Keras 2.2's top-k.
    /// </summary>
    public static Tensor Function(KerasVersion version, string name, Tensor yTrue, Tensor yPred, KerasArgs? args = null, Device? device = null)
    {
        version = RuntimeVersion.Effective(version);
        var family = version.Family;
        var canonical = FunctionNames.Resolve(version, name, FunctionRoles.Both);
        var d = device ?? torch.CPU;
        var a = RuntimeVersion.WithRelease((args ?? KerasArgs.Default).Validate(), version);
        using var scope = torch.NewDisposeScope();
        var v = KerasMath.Values(family, canonical, KerasTensors.Check(yTrue, "y_true", d), KerasTensors.Check(yPred, "y_pred", d), a, asMetric: true, out _);
        return v.MoveToOuterDisposeScope();
    }

    /// <summary>Convenience: a fresh metric, one update, the result.</summary>
    public static double Evaluate(KerasVersion version, string name, Tensor yTrue, Tensor yPred, Tensor? sampleWeight = null, KerasArgs? args = null, Device? device = null)
    {
        var m = Create(version, name, args, device);
        m.UpdateState(yTrue, yPred, sampleWeight);
        return m.Result();
    }
}
