using KerasLint.Knowledge;
using TorchSharp;
using static TorchSharp.torch;

namespace KerasLint.Runtime;

/// <summary>The per-family function bodies (docs/keras-semantics.md §4), in float32 like Keras.</summary>
internal static class KerasMath
{
    internal const float Epsilon = 1e-7f;
    internal const float OneMinusEpsilon = 1f - Epsilon; // 0.99999988f in float32

    /// <summary>Keras 3's squeeze_or_expand_to_same_rank.</summary>
    internal static (Tensor, Tensor) SameRank(Tensor a, Tensor b)
    {
        long ra = a.dim(), rb = b.dim();
        if (ra == rb + 1 && a.shape[^1] == 1) return rb == 1 ? (a, b.unsqueeze(-1)) : (a.squeeze(-1), b);
        if (rb == ra + 1 && b.shape[^1] == 1) return ra == 1 ? (a.unsqueeze(-1), b) : (a, b.squeeze(-1));
        return (a, b);
    }

    private static void Broadcastable(Tensor yt, Tensor yp, string fn)
    {
        var a = yt.shape; var b = yp.shape;
        for (int i = 1; i <= Math.Min(a.Length, b.Length); i++)
        {
            long x = a[^i], y = b[^i];
            if (x != y && x != 1 && y != 1)
                throw new ArgumentException($"{fn}: y_true shape ({string.Join(", ", a)}) does not match y_pred shape ({string.Join(", ", b)}).", "y_true");
        }
    }

    private static Tensor Clip(Tensor p) => p.clamp(Epsilon, OneMinusEpsilon);

    /// <summary>Keras 2.0–2.2.2's sparse accuracies compare with each target row's maximum; 2.2.3 flattens the targets.</summary>
    internal static bool SparseTargetIsRowMaximum(KerasFamily f, KerasArgs a) =>
        f == KerasFamily.Keras22 && a.Release is { } r && r < new Version(2, 2, 3);

    /// <summary>Binary focal crossentropy with the focal factor from <paramref name="p"/> and the crossentropy from logits.</summary>
    internal static Tensor FocalFromLogits(Tensor yt, Tensor p, Tensor logits, KerasArgs a)
    {
        (yt, p) = SameRank(yt, p); Broadcastable(yt, p, "binary_focal_crossentropy");
        if (logits.dim() != p.dim()) logits = logits.reshape(p.shape);
        if (a.LabelSmoothing > 0) yt = yt * (float)(1 - a.LabelSmoothing) + (float)(0.5 * a.LabelSmoothing);
        var pt = yt * p + (1f - yt) * (1f - p);
        var focal = torch.pow(1f - pt, a.Gamma) * StableBce(yt, logits);
        if (a.ApplyClassBalancing) focal = (yt * (float)a.Alpha + (1f - yt) * (float)(1 - a.Alpha)) * focal;
        return focal.mean(new[] { Axis(p, a.Axis) });
    }

    private static Tensor StableBce(Tensor y, Tensor x) => x.clamp_min(0) - x * y + torch.log1p(torch.exp(-x.abs()));

    /// <summary>Element-wise BCE (not reduced).</summary>
    private static Tensor BceElements(KerasFamily f, Tensor y, Tensor p, bool fromLogits)
    {
        if (fromLogits) return StableBce(y, p);
        var c = Clip(p);
        return f switch
        {
            // Keras 2.2's TF backend: logit of the clipped probability through sigmoid_cross_entropy_with_logits.
            KerasFamily.Keras22 => StableBce(y, torch.log(c / (1f - c))),
            // Keras 2.3's TF backend delegates to tf.keras's backend (as do TF 2.0/2.1), which adds ε inside the log.
            KerasFamily.Keras23 or KerasFamily.TfKeras2 => -(y * torch.log(c + Epsilon) + (1f - y) * torch.log(1f - c + Epsilon)),
            _ => -(y * torch.log(c) + (1f - y) * torch.log(1f - c)),
        };
    }

    private static void NoSmoothingIn22(KerasFamily f, KerasArgs a)
    {
        if (f == KerasFamily.Keras22 && a.LabelSmoothing != 0)
            throw new ArgumentException("label_smoothing does not exist in Keras 2.0–2.2.", "label_smoothing");
    }

    private static long Axis(Tensor t, int axis)
    {
        var r = t.dim();
        if (axis < -r || axis >= r) throw new ArgumentException($"axis {axis} is out of range for a tensor of rank {r}.", "axis");
        return axis;
    }

    private static void OnlyDefaultAxis(string fn, KerasArgs a)
    {
        if (a.Axis != -1) throw new ArgumentException($"{fn} takes no axis argument (only -1).", "axis");
    }

    /// <summary>
    /// The Keras function's values for one batch: per sample (reduced over the last axis) in every family, except
    /// the element-wise accuracy metrics of Keras 3 and Keras 2.2's batch-averaged top-k (a scalar).
    /// <paramref name="mask"/> is set for ignore_class (true = counted).
    /// </summary>
    internal static Tensor Values(KerasFamily f, string fn, Tensor yt, Tensor yp, KerasArgs a, bool asMetric, out Tensor? mask)
    {
        if (a.Backend is not null && f != KerasFamily.Keras3)
            throw new ArgumentException($"backend is a Keras 3 setting; {f.DisplayName()} has one TensorFlow backend.", "backend");
        if (a.Activation is not null) return LogitsCache.Values(f, fn, yt, yp, a, asMetric, out mask);
        if (f == KerasFamily.TfNet) return TfNetMath.Values(fn, yt, yp, a, asMetric, out mask);
        mask = null;
        switch (fn)
        {
            case "binary_accuracy":
            {
                OnlyDefaultAxis(fn, a);
                (yt, yp) = SameRank(yt, yp); Broadcastable(yt, yp, fn);
                var thr = (float)a.Threshold;
                Tensor pred = f switch
                {
                    KerasFamily.Keras22 => torch.round(yp),
                    KerasFamily.Keras23 => a.Threshold == 0.5 ? torch.round(yp) : torch.round(yp.gt(thr).to_type(ScalarType.Float32)),
                    _ => yp.gt(thr).to_type(ScalarType.Float32),
                };
                var m = yt.eq(pred).to_type(ScalarType.Float32);
                return f == KerasFamily.Keras3 ? m : m.mean(new long[] { -1 });
            }
            case "accuracy":
            {
                (yt, yp) = SameRank(yt, yp); Broadcastable(yt, yp, fn);
                return yt.eq(yp).to_type(ScalarType.Float32);
            }
            case "categorical_accuracy":
            {
                // Keras takes argmax of each side independently: integer labels shaped (N, 1) are accepted and their
                // argmax is always 0 (docs/keras-semantics.md §1, the KL0003 trap), so only other mismatches are rejected.
                var columnLabels = yt.dim() == yp.dim() && yt.shape[^1] == 1 && yt.shape.SkipLast(1).SequenceEqual(yp.shape.SkipLast(1));
                if (!columnLabels && (yt.shape[^1] != yp.shape[^1] || yt.dim() != yp.dim())) CheckSame(yt, yp, fn);
                return yt.argmax(-1).eq(yp.argmax(-1)).to_type(ScalarType.Float32);
            }
            case "sparse_categorical_accuracy":
            {
                // Keras 2.0–2.2.2: K.max(y_true, axis=-1) (2.2.2 keras/metrics.py 36–39).
                var labels = SparseTargetIsRowMaximum(f, a) ? yt.amax(new long[] { -1 }) : SparseLabels(yt, yp, fn, f);
                return labels.eq(yp.argmax(-1).to_type(ScalarType.Float32)).to_type(ScalarType.Float32);
            }
            case "top_k_categorical_accuracy":
            case "sparse_top_k_categorical_accuracy":
            {
                if (a.K <= 0) throw new ArgumentException($"k must be greater than 0; got {a.K}.", "k");
                Tensor target;
                if (fn == "top_k_categorical_accuracy") { CheckSame(yt, yp, fn); target = yt.argmax(-1); }
                else if (SparseTargetIsRowMaximum(f, a)) target = yt.amax(new long[] { -1 }).to_type(ScalarType.Int64); // 2.2.2 keras/metrics.py 46–47
                else target = SparseLabels(yt, yp, fn, f).to_type(ScalarType.Int64);
                Tensor m;
                if (a.FromSortedIds && fn == "sparse_top_k_categorical_accuracy")
                {
                    var k = Math.Min(a.K, yp.shape[^1]);
                    m = yp.narrow(-1, 0, k).eq(target.unsqueeze(-1).to_type(yp.dtype)).any(-1);
                }
                else
                {
                    // TF in_top_k: in the top k when fewer than k predictions are strictly greater (ties count as in).
                    var v = yp.gather(-1, target.clamp(0, yp.shape[^1] - 1).unsqueeze(-1));
                    m = yp.gt(v).sum(-1).lt(a.K).logical_and(v.squeeze(-1).isfinite());
                }

                var mf = m.to_type(ScalarType.Float32);
                return f == KerasFamily.Keras22 ? mf.mean() : mf;
            }
            case "binary_crossentropy":
            {
                NoSmoothingIn22(f, a);
                (yt, yp) = SameRank(yt, yp); Broadcastable(yt, yp, fn);
                if (a.LabelSmoothing > 0) yt = yt * (float)(1 - a.LabelSmoothing) + (float)(0.5 * a.LabelSmoothing);
                return BceElements(f, yt, yp, a.FromLogits).mean(new[] { Axis(yp, a.Axis) });
            }
            case "binary_focal_crossentropy":
            {
                (yt, yp) = SameRank(yt, yp); Broadcastable(yt, yp, fn);
                if (a.LabelSmoothing > 0) yt = yt * (float)(1 - a.LabelSmoothing) + (float)(0.5 * a.LabelSmoothing);
                Tensor p, bce;
                if (f == KerasFamily.Keras3)
                {
                    p = a.FromLogits ? torch.sigmoid(yp) : yp;
                    bce = BceElements(f, yt, p, false);
                }
                else
                {
                    p = a.FromLogits ? torch.sigmoid(yp) : yp;
                    bce = BceElements(f, yt, yp, a.FromLogits);
                }

                var pt = yt * p + (1f - yt) * (1f - p);
                var focal = torch.pow(1f - pt, a.Gamma) * bce;
                if (a.ApplyClassBalancing) focal = (yt * (float)a.Alpha + (1f - yt) * (float)(1 - a.Alpha)) * focal;
                return focal.mean(new[] { Axis(yp, a.Axis) });
            }
            case "categorical_crossentropy":
            case "categorical_focal_crossentropy":
            {
                NoSmoothingIn22(f, a);
                CheckSame(yt, yp, fn);
                var ax = Axis(yp, a.Axis);
                if (a.LabelSmoothing > 0) yt = yt * (float)(1 - a.LabelSmoothing) + (float)(a.LabelSmoothing / yt.shape[^1]);
                if (fn == "categorical_crossentropy")
                {
                    if (a.FromLogits) return -(yt * torch.nn.functional.log_softmax(yp, ax)).sum(ax);
                    var q = Clip(yp / yp.sum(ax, keepdim: true));
                    return -(yt * torch.log(q)).sum(ax);
                }

                var pr = a.FromLogits ? torch.softmax(yp, (int)ax) : yp;
                var o = Clip(pr / pr.sum(ax, keepdim: true));
                var cce = -yt * torch.log(o);
                return (torch.pow(1f - o, a.Gamma) * (float)a.Alpha * cce).sum(ax);
            }
            case "sparse_categorical_crossentropy":
            {
                if (a.Axis != -1 && a.Axis != yp.dim() - 1) yp = yp.movedim(new[] { Axis(yp, a.Axis) }, new[] { -1L });
                var labels = SparseLabels(yt, yp, fn, f, a.IgnoreClass);
                Tensor valid = a.IgnoreClass is int ic ? labels.ne((float)ic) : torch.ones_like(labels, ScalarType.Bool);
                var idx = torch.where(valid, labels, torch.zeros_like(labels)).to_type(ScalarType.Int64);
                Tensor logp;
                if (a.FromLogits) logp = torch.nn.functional.log_softmax(yp, -1);
                else if (f == KerasFamily.Keras3) logp = torch.log(Clip(yp / yp.sum(-1, keepdim: true)));
                else logp = torch.nn.functional.log_softmax(torch.log(Clip(yp)), -1);
                var l = -logp.gather(-1, idx.unsqueeze(-1)).squeeze(-1);
                if (a.IgnoreClass is null) return l;
                mask = valid;
                return torch.where(valid, l, torch.zeros_like(l));
            }
            case "mean_squared_error": return Reg(yt, yp, fn, a, (t, p) => (p - t).square());
            case "root_mean_squared_error": return Reg(yt, yp, fn, a, (t, p) => (p - t).square(), reduce: false);
            case "mean_absolute_error": return Reg(yt, yp, fn, a, (t, p) => (p - t).abs());
            case "mean_absolute_percentage_error":
                return Reg(yt, yp, fn, a, (t, p) => ((t - p) / t.abs().clamp_min(Epsilon)).abs()) * 100f;
            case "mean_squared_logarithmic_error":
                return Reg(yt, yp, fn, a, (t, p) => (torch.log(p.clamp_min(Epsilon) + 1f) - torch.log(t.clamp_min(Epsilon) + 1f)).square());
            case "log_cosh":
                return Reg(yt, yp, fn, a, (t, p) => { var x = p - t; return x + torch.nn.functional.softplus(x * -2f) - (float)Math.Log(2.0); });
            case "huber":
            {
                var d = (float)a.Delta;
                return Reg(yt, yp, fn, a, (t, p) =>
                {
                    var e = p - t; var ae = e.abs();
                    return torch.where(ae.le(d), 0.5f * e.square(), d * ae - 0.5f * d * d);
                });
            }
            case "hinge":
            case "squared_hinge":
            {
                OnlyDefaultAxis(fn, a);
                (yt, yp) = SameRank(yt, yp); Broadcastable(yt, yp, fn);
                if (f != KerasFamily.Keras22 && yt.eq(0f).logical_or(yt.eq(1f)).all().item<bool>()) yt = 2f * yt - 1f;
                var h = (1f - yt * yp).clamp_min(0f);
                return (fn == "hinge" ? h : h.square()).mean(new long[] { -1 });
            }
            case "categorical_hinge":
            {
                OnlyDefaultAxis(fn, a);
                (yt, yp) = SameRank(yt, yp); Broadcastable(yt, yp, fn);
                var pos = (yt * yp).sum(-1);
                var neg = ((1f - yt) * yp).amax(new long[] { -1 });
                return (neg - pos + 1f).clamp_min(0f);
            }
            case "kl_divergence":
                return Reg(yt, yp, fn, a, (t, p) => { var c = t.clamp(Epsilon, 1f); return c * torch.log(c / p.clamp(Epsilon, 1f)); }, sum: true);
            case "poisson":
                return Reg(yt, yp, fn, a, (t, p) => p - t * torch.log(p + Epsilon));
            case "cosine_similarity":
            {
                (yt, yp) = SameRank(yt, yp); Broadcastable(yt, yp, fn);
                var ax = Axis(yp, a.Axis);
                static Tensor L2(Tensor x, long ax) => x * torch.rsqrt(x.square().sum(ax, keepdim: true).clamp_min(1e-12f));
                var s = (L2(yt, ax) * L2(yp, ax)).sum(ax);
                // The loss is negative; the CosineSimilarity metric (2.3+) is positive; Keras 2.2's metric is the loss function cosine_proximity.
                return asMetric && f != KerasFamily.Keras22 ? s : -s;
            }
            default:
                throw new ArgumentException($"Unknown function '{fn}'.", "name");
        }
    }

    private static Tensor Reg(Tensor yt, Tensor yp, string fn, KerasArgs a, Func<Tensor, Tensor, Tensor> body, bool sum = false, bool reduce = true)
    {
        OnlyDefaultAxis(fn, a);
        (yt, yp) = SameRank(yt, yp); Broadcastable(yt, yp, fn);
        var e = body(yt, yp);
        if (!reduce) return e;
        return sum ? e.sum(-1) : e.mean(new long[] { -1 });
    }

    private static void CheckSame(Tensor yt, Tensor yp, string fn)
    {
        if (!yt.shape.SequenceEqual(yp.shape))
            throw new ArgumentException($"{fn}: y_true shape ({string.Join(", ", yt.shape)}) must equal y_pred shape ({string.Join(", ", yp.shape)}) (one-hot targets).", "y_true");
    }

    /// <summary>Integer targets shaped like y_pred without its last axis (squeezing a trailing 1), as float32.</summary>
    private static Tensor SparseLabels(Tensor yt, Tensor yp, string fn, KerasFamily f, int? ignoreClass = null)
    {
        var want = yp.shape[..^1];
        var t = yt;
        if (t.dim() == yp.dim() && t.shape[^1] == 1) t = t.squeeze(-1);
        if (!t.shape.SequenceEqual(want))
        {
            if (f == KerasFamily.Keras22 && t.numel() == want.Aggregate(1L, (x, y) => x * y)) t = t.reshape(want); // 2.2 flattens y_true
            else throw new ArgumentException($"{fn}: y_true shape ({string.Join(", ", yt.shape)}) must be y_pred's shape without the class axis ({string.Join(", ", want)}), optionally with a trailing 1.", "y_true");
        }

        var c = yp.shape[^1];
        var valid = ignoreClass is int ic ? t.ne((float)ic) : torch.ones_like(t, ScalarType.Bool);
        var bad = valid.logical_and(t.ne(t.floor()).logical_or(t.lt(0f)).logical_or(t.ge((float)c)));
        if (bad.any().item<bool>())
            throw new ArgumentException($"{fn}: y_true must hold integer class ids in [0, {c}); got {t.masked_select(bad)[0].item<float>()}.", "y_true");
        return t;
    }
}
