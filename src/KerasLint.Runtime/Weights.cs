using TorchSharp;
using static TorchSharp.torch;

namespace KerasLint.Runtime;

/// <summary>Aligning sample weights with per-sample values (tf.keras squeeze_or_expand_dimensions / Keras 3 squeeze_or_expand_to_same_rank).</summary>
internal static class Weights
{
    /// <summary>Returns (values, weights broadcast to the values' shape); values are mean-reduced to the weight's rank when it is lower.</summary>
    internal static (Tensor values, Tensor weights) Align(Tensor v, Tensor w, bool reduceValues)
    {
        if (w.dim() == 0) return (v, w.expand(v.shape));
        if (w.dim() == v.dim() + 1 && w.shape[^1] == 1) w = w.squeeze(-1);
        else if (v.dim() == w.dim() + 1 && v.shape[^1] == 1) v = v.squeeze(-1);
        if (v.dim() == 0) v = v.expand(w.shape);
        while (w.dim() < v.dim())
        {
            if (reduceValues) v = v.mean(new long[] { -1 });
            else w = w.unsqueeze(-1);
        }

        try
        {
            var shape = torch.broadcast_shapes(v.shape, w.shape);
            if (!shape.SequenceEqual(v.shape)) throw new ArgumentException("sample_weight", "sample_weight");
            return (v, w.expand(v.shape));
        }
        catch (Exception e) when (e is ArgumentException or System.Runtime.InteropServices.ExternalException)
        {
            throw new ArgumentException($"sample_weight shape ({string.Join(", ", w.shape)}) does not fit the per-sample values' shape ({string.Join(", ", v.shape)}).", "sample_weight");
        }
    }
}
