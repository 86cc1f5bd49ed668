using KerasLint.Knowledge;
using KerasLint.Runtime;
using static TorchSharp.torch;

namespace KerasLint.Proofs;

/// <summary>
/// The proofs' only door to Keras semantics: what Keras would compute and report, per family. Every value comes
/// from KerasLint.Runtime (the one source of truth: <see cref="CompileResolver"/>, <see cref="KerasMetrics"/>,
/// <see cref="KerasLosses"/>); this class only passes shapes, names and the run's device.
/// </summary>
internal static class KerasMath
{
    /// <summary>What compile makes of "accuracy" given the loss (null: a custom function) and the first batch's shapes.</summary>
    public static string ResolveAccuracy(KerasFamily family, string? lossCanonical, Tensor yTrue, Tensor yPred)
    {
        var compiled = CompileResolver.ResolveMetric(family, "accuracy", lossCanonical ?? "custom", yTrue.shape, yPred.shape);
        return compiled.Function ?? throw new InvalidOperationException($"\"accuracy\" does not compile in {family.DisplayName()}: {compiled.Error}");
    }

    /// <summary>The value of a compiled metric over the whole set (a fresh stateful metric after one update).</summary>
    public static double Metric(KerasFamily family, string canonical, Tensor yTrue, Tensor yPred)
    {
        using var scope = NewDisposeScope();
        return KerasMetrics.Evaluate(family, canonical, yTrue, yPred, device: yPred.device);
    }

    /// <summary>A compiled loss (the family's default reduction), differentiable: the training loss of a Keras model.</summary>
    public static Tensor Loss(KerasFamily family, string canonical, Tensor yTrue, Tensor yPred) =>
        KerasLosses.Compute(family, canonical, yTrue, yPred, device: yPred.device);

    /// <summary>
    /// The training loss of a head whose <paramref name="logits"/> go through a Keras <paramref name="activation"/>
    /// (softmax or sigmoid): what the family (and Keras 3's <paramref name="backend"/>) computes, reading the logits
    /// the activation caches where it does (docs/keras-semantics.md §4f). Differentiable.
    /// </summary>
    public static Tensor HeadLoss(KerasFamily family, string canonical, Tensor yTrue, Tensor logits, string activation, string? backend = null) =>
        KerasLosses.Compute(family, canonical, yTrue, logits, new KerasArgs { Activation = activation, Backend = backend }, device: logits.device);

    /// <summary>The loss as a number.</summary>
    public static double LossValue(KerasFamily family, string canonical, Tensor yTrue, Tensor yPred)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        return Loss(family, canonical, yTrue, yPred).to(float64).item<double>();
    }
}
