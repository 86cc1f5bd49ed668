using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KerasLint.Proofs.Scenarios;

/// <summary>Synthetic predictions at scale with a controlled true accuracy (seeded, on the run's device).</summary>
internal static class Synthetic
{
    /// <summary>Number of predictions: 10^5 with --quick, else <paramref name="full"/>.</summary>
    public static long Size(ProofContext c, long full) => c.Quick ? 100_000 : full;

    /// <summary>
    /// (N, C) logits and (N,) labels where exactly the rows drawn with probability <paramref name="accuracy"/>
    /// have their arg-max on the label; returns the realised true accuracy.
    /// </summary>
    public static (Tensor Logits, Tensor Labels, double TrueAccuracy) MultiClass(ProofContext c, long n, int classes, double accuracy, int seed)
    {
        var g = new Generator((ulong)seed, c.Device);
        var logits = randn(new[] { n, classes }, generator: g, device: c.Device);
        var labels = randint(classes, new[] { n }, generator: g, device: c.Device);
        var correct = rand(new[] { n }, generator: g, device: c.Device) < accuracy;
        var max = logits.amax(new long[] { 1 });
        var min = logits.amin(new long[] { 1 });
        var target = where(correct, max + 1, min - 1);
        logits.scatter_(1, labels.unsqueeze(1), target.unsqueeze(1));
        var truth = logits.argmax(1).eq(labels).to(float64).mean().item<double>();
        return (logits, labels, truth);
    }

    /// <summary>(N,1) logits and (N,1) 0/1 labels with positive share <paramref name="positives"/>; sigmoid(logit) &gt; 0.5 is right with probability <paramref name="accuracy"/>; no logit is 0.</summary>
    public static (Tensor Logits, Tensor Labels, double TrueAccuracy) Binary(ProofContext c, long n, double positives, double accuracy, int seed)
    {
        var g = new Generator((ulong)seed, c.Device);
        var labels = (rand(new[] { n, 1L }, generator: g, device: c.Device) < positives).to(float32);
        var magnitude = randn(new[] { n, 1L }, generator: g, device: c.Device).abs() * 2 + 0.1f;
        var right = rand(new[] { n, 1L }, generator: g, device: c.Device) < accuracy;
        var sign = where(right, labels * 2 - 1, 1 - labels * 2);
        var logits = sign * magnitude;
        var truth = (logits > 0).to(float32).eq(labels).to(float64).mean().item<double>();
        return (logits, labels, truth);
    }
}
