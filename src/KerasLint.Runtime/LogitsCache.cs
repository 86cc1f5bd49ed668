using KerasLint.Knowledge;
using TorchSharp;
using static TorchSharp.torch;

namespace KerasLint.Runtime;

/// <summary>
/// The logits a Keras <c>softmax</c> or <c>sigmoid</c> activation leaves for the crossentropies
/// (docs/keras-semantics.md §4f). The input is the activation's input (the logits) and <see cref="KerasArgs.Activation"/>;
/// every function sees the activation's output, except the crossentropies that read the logits instead:
/// <list type="bullet">
/// <item>tf.keras 2.x: both activations cache their input on the output (<c>_keras_logits</c>; v2.15.0
/// <c>keras/backend.py</c> 5456 and 5917) and every backend crossentropy reads it, whichever activation it came from and
/// whatever <c>from_logits</c> says (<c>_get_logits</c>, 5490–5522; categorical 5575, categorical focal 5663, sparse
/// 5727, binary 5818–5824; the binary focal loss takes its focal factor from the output and its crossentropy from
/// the logits, 5891–5905);</item>
/// <item>Keras 3 on the TensorFlow backend: the same cache (v3.15.1 <c>keras/src/activations/activations.py</c> 159–164,
/// 497–503) read by the backend's binary, categorical and sparse crossentropies (<c>keras/src/backend/tensorflow/nn.py</c>
/// 1262–1295, 1360, 1402, 1474–1481); the categorical focal loss never calls them; on torch, JAX and NumPy the backend
/// functions never look (their <c>nn.py</c> has no <c>_keras_logits</c>), so the probabilities are used;</item>
/// <item>Keras 2.3.1: its TensorFlow backend hands the crossentropies to tf.keras's backend (2.3.1
/// <c>keras/backend/tensorflow_backend.py</c> 3382, 3408, 3425), whose graph branch takes the input of a
/// <c>Softmax</c> op (categorical, sparse) or a <c>Sigmoid</c> op (binary) when <c>from_logits</c> is false; a 2.3.1
/// softmax is that op only on rank-2 outputs (2.3.1 <c>keras/activations.py</c> softmax: <c>K.softmax</c> when ndim is 2);</item>
/// <item>Keras 2.2: never (2.2.4 <c>keras/backend/tensorflow_backend.py</c> 3258–3378 read the probabilities).</item>
/// </list>
/// </summary>
internal static class LogitsCache
{
    internal static Tensor Activate(string activation, Tensor logits) =>
        activation == "softmax" ? torch.softmax(logits, -1) : torch.sigmoid(logits);

    /// <summary>Whether <paramref name="fn"/> reads the cached logits rather than the activation's output.</summary>
    internal static bool ReadsLogits(KerasFamily f, KerasArgs a, string fn, long rank) => f switch
    {
        KerasFamily.Keras23 => !a.FromLogits && (a.Activation == "softmax"
            ? rank == 2 && fn is "categorical_crossentropy" or "sparse_categorical_crossentropy"
            : fn == "binary_crossentropy"),
        KerasFamily.TfKeras2 => fn is "binary_crossentropy" or "categorical_crossentropy" or "sparse_categorical_crossentropy"
            or "binary_focal_crossentropy" or "categorical_focal_crossentropy",
        KerasFamily.Keras3 => a.Backend == "tensorflow" && fn is "binary_crossentropy" or "categorical_crossentropy"
            or "sparse_categorical_crossentropy" or "binary_focal_crossentropy",
        _ => false,
    };

    /// <summary>The function's values on the activation's output, <paramref name="logits"/> being its input.</summary>
    internal static Tensor Values(KerasFamily f, string fn, Tensor yt, Tensor logits, KerasArgs a, bool asMetric, out Tensor? mask)
    {
        if (f == KerasFamily.TfNet)
            throw new ArgumentException("activation: what TensorFlow.NET's crossentropies read after a softmax or sigmoid is not modelled.", "activation");
        var plain = a with { Activation = null };
        var probs = Activate(a.Activation!, logits);
        if (!ReadsLogits(f, a, fn, logits.dim())) return KerasMath.Values(f, fn, yt, probs, plain, asMetric, out mask);
        if (fn == "binary_focal_crossentropy")
        {
            mask = null;
            // tf.keras: focal factor from sigmoid(output) when from_logits else the output, crossentropy from the cached
            // logits. Keras 3 (TensorFlow): with from_logits the loss applies sigmoid first (losses.py binary_focal_crossentropy)
            // and that new output caches the old output as its logits.
            var p = a.FromLogits ? torch.sigmoid(probs) : probs;
            var bceLogits = f == KerasFamily.Keras3 && a.FromLogits ? probs : logits;
            return KerasMath.FocalFromLogits(yt, p, bceLogits, plain);
        }

        return KerasMath.Values(f, fn, yt, logits, plain with { FromLogits = true }, asMetric, out mask);
    }
}
