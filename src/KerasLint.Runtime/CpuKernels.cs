using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using KerasLint.Knowledge;
using TorchSharp;
using static TorchSharp.torch;

namespace KerasLint.Runtime;

/// <summary>
/// One batch of a metric update, reduced to what <see cref="KerasMetric"/> accumulates: the sum of the Keras
/// function's values v over v's shape and, with sample weights (one per row), Σw·v, Σw and the count of w≠0.
/// </summary>
internal readonly record struct BatchSums(double Sum, long[] ValueShape, bool Weighted, double WeightedSum, double WeightSum, long NonZeroWeights, long Rows);

/// <summary>
/// CPU/CUDA dispatch of <see cref="KerasMetric.UpdateState"/>. When the metric's device is the CPU and every input
/// is a contiguous CPU tensor of float32, float64, float16, int32 or int64 (at most 2 GiB), the hot metrics run here:
/// one pass over the tensors' own memory (no float32 copy, no temporaries), in chunks that stay in the L1/L2 cache.
/// Each chunk is converted to float32 if it is not float32 already (the same rounding as <c>to(Float32)</c>), checked
/// for NaN (the same errors, in the same order, as <see cref="KerasTensors.Check"/>), and reduced to per-row values
/// in float32 arithmetic like Keras; the row values are summed in double (exact for counts, and at least as
/// accurate as libtorch's float32 sum, whose order differs). Anything else (CUDA tensors or a CUDA metric,
/// non-contiguous views, broadcasting shapes, other arguments, masks) returns false and takes the TorchSharp-op
/// path in <see cref="KerasMath.Values"/>, which stays device-resident.
/// </summary>
internal static unsafe class CpuKernels
{
    private const int ChunkElements = 2048;

    private enum Kind
    {
        BinaryThreshold, BinaryRound, Mse, Mae, Mape, Msle, Bce,
        CategoricalAccuracy, SparseAccuracy, TopK, SparseTopK, Cce, Scce,
    }

    private readonly struct Src
    {
        public readonly byte* P;
        public readonly ScalarType Type;
        public readonly long Count;

        public Src(byte* p, ScalarType type, long count) { P = p; Type = type; Count = count; }

        public bool CanBeNaN => Type is ScalarType.Float32 or ScalarType.Float64 or ScalarType.Float16;
    }

    private static bool TryGetSrc(Tensor t, out Src s)
    {
        s = default;
        if (t.device_type != DeviceType.CPU || !t.is_contiguous()) return false;
        var type = t.dtype;
        if (type is not (ScalarType.Float32 or ScalarType.Float64 or ScalarType.Float16 or ScalarType.Int32 or ScalarType.Int64)) return false;
        var n = t.numel();
        if (n == 0 || n * t.ElementSize > int.MaxValue) return false;
        var bytes = t.bytes;
        s = new Src((byte*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(bytes)), type, n);
        return true;
    }

    /// <summary>The batch through a CPU kernel, or false when the TorchSharp-op path must handle it.</summary>
    internal static bool TryBatch(KerasFamily f, string fn, KerasArgs a, Device device, Tensor? yTrue, Tensor? yPred, Tensor? w, out BatchSums sums)
    {
        sums = default;
        if (f == KerasFamily.TfNet) return false; // TF.NET's argument quirks (fixed threshold, …) live in TfNetMath, on the TorchSharp-op path
        if (a.Activation is not null || KerasMath.SparseTargetIsRowMaximum(f, a)) return false; // LogitsCache and the 2.0–2.2.2 targets: op path
        if (device.type != DeviceType.CPU || yTrue is null || yPred is null) return false;
        if (!TryGetSrc(yTrue, out var t) || !TryGetSrc(yPred, out var p)) return false;
        Src ws = default;
        if (w is not null && !TryGetSrc(w, out ws)) return false;

        var ts = yTrue.shape;
        var ps = yPred.shape;
        if (ps.Length == 0 || ts.Length == 0) return false;
        Kind kind;
        var tCols = 0L;
        var elementwiseValues = false;
        switch (fn)
        {
            case "binary_accuracy":
                if (a.Axis != -1) return false;
                (ts, ps) = SameRankShapes(ts, ps);
                if (!ts.SequenceEqual(ps)) return false;
                kind = f == KerasFamily.Keras22 || (f == KerasFamily.Keras23 && a.Threshold == 0.5) ? Kind.BinaryRound : Kind.BinaryThreshold;
                elementwiseValues = f == KerasFamily.Keras3;
                break;
            case "mean_squared_error":
            case "mean_absolute_error":
            case "mean_absolute_percentage_error":
            case "mean_squared_logarithmic_error":
                if (a.Axis != -1) return false;
                (ts, ps) = SameRankShapes(ts, ps);
                if (!ts.SequenceEqual(ps)) return false;
                kind = fn switch
                {
                    "mean_squared_error" => Kind.Mse,
                    "mean_absolute_error" => Kind.Mae,
                    "mean_absolute_percentage_error" => Kind.Mape,
                    _ => Kind.Msle,
                };
                break;
            case "binary_crossentropy":
                if (a.Axis != -1 || a.LabelSmoothing != 0) return false;
                (ts, ps) = SameRankShapes(ts, ps);
                if (!ts.SequenceEqual(ps)) return false;
                kind = Kind.Bce;
                break;
            case "categorical_accuracy":
                if (ts.SequenceEqual(ps)) tCols = ps[^1];
                else if (ts.Length == ps.Length && ts[^1] == 1 && ts[..^1].SequenceEqual(ps[..^1])) tCols = 1;
                else return false;
                kind = Kind.CategoricalAccuracy;
                break;
            case "top_k_categorical_accuracy":
            case "categorical_crossentropy":
                if (!ts.SequenceEqual(ps)) return false;
                if (fn == "categorical_crossentropy" && (a.Axis != -1 || a.LabelSmoothing != 0)) return false;
                tCols = ps[^1];
                kind = fn == "categorical_crossentropy" ? Kind.Cce : Kind.TopK;
                break;
            case "sparse_categorical_accuracy":
            case "sparse_top_k_categorical_accuracy":
            case "sparse_categorical_crossentropy":
                if (!SparseShapeOk(f, ts, ps)) return false;
                if (fn == "sparse_top_k_categorical_accuracy" && a.FromSortedIds) return false;
                if (fn == "sparse_categorical_crossentropy" && (a.IgnoreClass is not null || (a.Axis != -1 && a.Axis != ps.Length - 1))) return false;
                tCols = 1;
                kind = fn switch
                {
                    "sparse_categorical_accuracy" => Kind.SparseAccuracy,
                    "sparse_top_k_categorical_accuracy" => Kind.SparseTopK,
                    _ => Kind.Scce,
                };
                break;
            default:
                return false;
        }

        var c = ps[^1];
        if (c > int.MaxValue / 4) return false;
        var rows = p.Count / c;
        if (kind is Kind.BinaryThreshold or Kind.BinaryRound or Kind.Mse or Kind.Mae or Kind.Mape or Kind.Msle or Kind.Bce) tCols = c;

        // The value tensor's shape (what KerasMath.Values returns).
        long[] valueShape = elementwiseValues ? ps
            : (kind is Kind.TopK or Kind.SparseTopK) && f == KerasFamily.Keras22 ? Array.Empty<long>()
            : ps[..^1];

        // Sample weights: a scalar, (rows) or (rows, 1), with one value per row of a 2-D y_pred.
        var weighted = w is not null;
        var scalarWeight = false;
        if (weighted)
        {
            if (ps.Length != 2 || valueShape.Length == 0) return false;
            var wsh = w!.shape;
            scalarWeight = wsh.Length == 0;
            var perRow = (wsh.Length == 1 && wsh[0] == rows) || (wsh.Length == 2 && wsh[0] == rows && wsh[1] == 1);
            if (!scalarWeight && !perRow) return false;
            // Keras 3's binary_accuracy values are element-wise: a (rows) weight averages them per row first, but a
            // scalar or (rows, 1) weight weights each element, which equals the per-row form only with one column.
            if (elementwiseValues && c != 1 && wsh.Length != 1) return false;
        }

        var r = Run(kind, f, a, t, p, weighted ? ws : null, scalarWeight, rows, (int)c, (int)tCols, fn);
        var sum = r.RowSum;
        if (elementwiseValues) sum *= c;
        if (valueShape.Length == 0 && rows > 1) sum /= rows; // Keras 2.2's top-k: the batch mean
        sums = new BatchSums(sum, valueShape, weighted, r.WeightedSum, r.WeightSum, r.NonZero, rows);
        return true;
    }

    private static (long[], long[]) SameRankShapes(long[] a, long[] b)
    {
        if (a.Length == b.Length + 1 && a[^1] == 1) return b.Length == 1 ? (a, [.. b, 1]) : (a[..^1], b);
        if (b.Length == a.Length + 1 && b[^1] == 1) return a.Length == 1 ? ([.. a, 1], b) : (a, b[..^1]);
        return (a, b);
    }

    private static bool SparseShapeOk(KerasFamily f, long[] ts, long[] ps)
    {
        var want = ps[..^1];
        var t = ts.Length == ps.Length && ts[^1] == 1 ? ts[..^1] : ts;
        if (t.SequenceEqual(want)) return true;
        return f == KerasFamily.Keras22 && t.Aggregate(1L, (x, y) => x * y) == want.Aggregate(1L, (x, y) => x * y);
    }

    private struct Totals
    {
        public double RowSum, WeightedSum, WeightSum;
        public long NonZero;
        public bool NaNTrue, NaNPred, NaNWeight, BadLabel;
        public float FirstBadLabel;
    }

    private static Totals Run(Kind kind, KerasFamily f, KerasArgs a, Src t, Src p, Src? w, bool scalarWeight, long rows, int c, int tCols, string fn)
    {
        var rowsPerChunk = Math.Max(1, ChunkElements / c);
        var pool = ArrayPool<float>.Shared;
        float[] tBuf = pool.Rent(rowsPerChunk * tCols), pBuf = pool.Rent(rowsPerChunk * c), eBuf = pool.Rent(rowsPerChunk * c),
            rBuf = pool.Rent(rowsPerChunk), wBuf = pool.Rent(rowsPerChunk);
        var tot = new Totals();
        try
        {
            fixed (float* tb = tBuf, pb = pBuf, eb = eBuf, rb = rBuf, wb = wBuf)
            {
                // Categorical and sparse accuracy check y_pred (and one-hot y_true) for NaN inside the argmax pass.
                var pArgmaxChecks = kind is Kind.CategoricalAccuracy or Kind.SparseAccuracy && ArgmaxChecksNaN(c);
                var tArgmaxChecks = kind is Kind.CategoricalAccuracy && ArgmaxChecksNaN(c);
                var wScalar = 1f;
                if (w is Src ws0 && scalarWeight)
                {
                    wScalar = Load(ws0, 0, 1, wb)[0];
                    if (float.IsNaN(wScalar)) tot.NaNWeight = true;
                }

                for (long r0 = 0; r0 < rows; r0 += rowsPerChunk)
                {
                    var nr = (int)Math.Min(rowsPerChunk, rows - r0);
                    var tp = Load(t, r0 * tCols, nr * tCols, tb);
                    if (t.CanBeNaN && !(tArgmaxChecks && tCols == c) && HasNaN(tp, nr * tCols)) tot.NaNTrue = true;
                    var pp = Load(p, r0 * c, nr * c, pb);
                    if (p.CanBeNaN && !pArgmaxChecks && HasNaN(pp, nr * c)) tot.NaNPred = true;
                    var rp = Rows(kind, f, a, tp, tCols, pp, nr, c, eb, rb, ref tot);
                    if (w is Src ws)
                    {
                        if (scalarWeight) Weigh(rp, null, wScalar, nr, ref tot);
                        else
                        {
                            var wp = Load(ws, r0, nr, wb);
                            if (ws.CanBeNaN && HasNaN(wp, nr)) tot.NaNWeight = true;
                            Weigh(rp, wp, 0, nr, ref tot);
                        }
                    }
                    else tot.RowSum += Sum(rp, nr);
                }
            }
        }
        finally
        {
            pool.Return(tBuf); pool.Return(pBuf); pool.Return(eBuf); pool.Return(rBuf); pool.Return(wBuf);
        }

        // KerasTensors.Check runs on y_true, y_pred, sample_weight in this order, before the function's own checks.
        if (tot.NaNTrue) throw new ArgumentException("y_true contains NaN.", "y_true");
        if (tot.NaNPred) throw new ArgumentException("y_pred contains NaN.", "y_pred");
        if (tot.NaNWeight) throw new ArgumentException("sample_weight contains NaN.", "sample_weight");
        if (tot.BadLabel) throw new ArgumentException($"{fn}: y_true must hold integer class ids in [0, {c}); got {tot.FirstBadLabel}.", "y_true");
        return tot;
    }

    /// <summary>count float32 values from element <paramref name="start"/>: the tensor's memory itself, or converted into <paramref name="buf"/>.</summary>
    private static float* Load(in Src s, long start, int count, float* buf)
    {
        switch (s.Type)
        {
            case ScalarType.Float32:
                return (float*)s.P + start;
            case ScalarType.Float64:
            {
                var d = (double*)s.P + start;
                for (var i = 0; i < count; i++) buf[i] = (float)d[i];
                return buf;
            }
            case ScalarType.Float16:
            {
                var h = (Half*)s.P + start;
                for (var i = 0; i < count; i++) buf[i] = (float)h[i];
                return buf;
            }
            case ScalarType.Int64:
            {
                var l = (long*)s.P + start;
                for (var i = 0; i < count; i++) buf[i] = l[i];
                return buf;
            }
            default:
            {
                var n = (int*)s.P + start;
                for (var i = 0; i < count; i++) buf[i] = n[i];
                return buf;
            }
        }
    }

    /// <summary>
    /// NaN check of a contiguous float32 CPU tensor by one vector scan of its memory (no isnan temporary, no
    /// device round trip); null when the tensor is anything else (the caller then uses TorchSharp ops).
    /// </summary>
    internal static bool? ContainsNaN(Tensor f)
    {
        if (f.dtype != ScalarType.Float32 || !TryGetSrc(f, out var s)) return null;
        var x = (float*)s.P;
        for (long i = 0; i < s.Count; i += 1 << 20)
            if (HasNaN(x + i, (int)Math.Min(1 << 20, s.Count - i))) return true;
        return false;
    }

    private static bool HasNaN(float* x, int n)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated && n >= 8)
        {
            var ok = Vector256<int>.AllBitsSet; // compared as integers: all-ones is a NaN as a float
            for (; i <= n - 8; i += 8)
            {
                var v = Vector256.Load(x + i);
                ok &= Vector256.Equals(v, v).AsInt32();
            }

            if (ok != Vector256<int>.AllBitsSet) return true;
        }

        for (; i < n; i++) if (float.IsNaN(x[i])) return true;
        return false;
    }

    private static double Sum(float* x, int n)
    {
        var i = 0;
        var acc = 0f;
        if (Vector256.IsHardwareAccelerated && n >= 8)
        {
            var v = Vector256<float>.Zero;
            for (; i <= n - 8; i += 8) v += Vector256.Load(x + i);
            acc = Vector256.Sum(v);
        }

        double s = acc;
        for (; i < n; i++) s += x[i];
        return s;
    }

    private static void Weigh(float* r, float* w, float scalar, int n, ref Totals tot)
    {
        double sw = 0, s = 0;
        long nz = 0;
        for (var i = 0; i < n; i++)
        {
            var wi = w is null ? scalar : w[i];
            sw += wi * r[i]; // the product in float32, like (v * w) in the op path
            s += wi;
            nz += wi != 0f ? 1 : 0;
        }

        tot.WeightedSum += sw;
        tot.WeightSum += s;
        tot.NonZero += nz;
    }

    /// <summary>Per-row values of one chunk (nr rows of c columns); returns where they are.</summary>
    private static float* Rows(Kind kind, KerasFamily f, KerasArgs a, float* t, int tCols, float* p, int nr, int c, float* e, float* r, ref Totals tot)
    {
        var n = nr * c;
        switch (kind)
        {
            case Kind.BinaryThreshold: BinaryThreshold(t, p, n, (float)a.Threshold, e); return RowMeans(e, nr, c, r);
            case Kind.BinaryRound: BinaryRound(t, p, n, e); return RowMeans(e, nr, c, r);
            case Kind.Mse: SquaredError(t, p, n, e); return RowMeans(e, nr, c, r);
            case Kind.Mae: AbsoluteError(t, p, n, e); return RowMeans(e, nr, c, r);
            case Kind.Mape:
            {
                AbsolutePercentageError(t, p, n, e);
                var m = RowMeans(e, nr, c, r);
                if (m != r) { for (var i = 0; i < nr; i++) r[i] = m[i]; }
                for (var i = 0; i < nr; i++) r[i] *= 100f;
                return r;
            }
            case Kind.Msle:
            {
                var i = 0;
#if NET9_0_OR_GREATER
                if (Vector256.IsHardwareAccelerated)
                {
                    Vector256<float> eps = Vector256.Create(KerasMath.Epsilon), one = Vector256.Create(1f);
                    for (; i <= n - 8; i += 8)
                    {
                        var d = Vector256.Log(Vector256.Max(Vector256.Load(p + i), eps) + one) - Vector256.Log(Vector256.Max(Vector256.Load(t + i), eps) + one);
                        (d * d).Store(e + i);
                    }
                }
#endif
                for (; i < n; i++)
                {
                    var d = MathF.Log(MathF.Max(p[i], KerasMath.Epsilon) + 1f) - MathF.Log(MathF.Max(t[i], KerasMath.Epsilon) + 1f);
                    e[i] = d * d;
                }

                return RowMeans(e, nr, c, r);
            }
            case Kind.Bce:
                BceElements(f, a.FromLogits, t, p, n, e);
                return RowMeans(e, nr, c, r);
            default:
                return RowKernels(kind, f, a, t, tCols, p, nr, c, e, r, ref tot);
        }
    }

    private static float* RowMeans(float* e, int nr, int c, float* r)
    {
        if (c == 1) return e;
        for (var i = 0; i < nr; i++)
        {
            // The row sum in double: long rows (a 1-D y_pred is one row) stay within float32 rounding of the exact mean.
            var row = e + (long)i * c;
            var s = 0.0;
            for (var j = 0; j < c; j++) s += row[j];
            r[i] = (float)(s / c);
        }

        return r;
    }

    /// <summary>The row-wise functions: argmax, in_top_k, the categorical crossentropies.</summary>
    private static float* RowKernels(Kind kind, KerasFamily f, KerasArgs a, float* t, int tCols, float* p, int nr, int c, float* e, float* r, ref Totals tot)
    {
        const float eps = KerasMath.Epsilon, hi = KerasMath.OneMinusEpsilon;
        switch (kind)
        {
            case Kind.CategoricalAccuracy:
            {
                if (c == 1) { for (var i = 0; i < nr; i++) r[i] = 1f; return r; }
                if (tCols == c && ArgmaxChecksNaN(c))
                {
                    if (ArgmaxMatchRows(t, p, nr, c, r, out var nanTrue, out var nanPred))
                    {
                        tot.NaNTrue |= nanTrue;
                        tot.NaNPred |= nanPred;
                    }

                    return r;
                }

                var ip = (int*)e; // e holds nr·c ≥ 2·nr floats
                var it = ip + nr;
                if (ArgmaxRows(p, nr, c, ip)) tot.NaNPred = true;
                // (rows, 1) integer labels: Keras's argmax over a size-1 axis is always 0.
                if (tCols == 1) new Span<int>(it, nr).Clear();
                else if (ArgmaxRows(t, nr, c, it)) tot.NaNTrue = true;
                for (var i = 0; i < nr; i++) r[i] = ip[i] == it[i] ? 1f : 0f;
                return r;
            }
            case Kind.SparseAccuracy:
            {
                var ip = (int*)e;
                if (c == 1) new Span<int>(ip, nr).Clear();
                else if (ArgmaxRows(p, nr, c, ip)) tot.NaNPred = true;
                for (var i = 0; i < nr; i++)
                {
                    Label(t[i], c, ref tot);
                    r[i] = t[i] == ip[i] ? 1f : 0f;
                }

                return r;
            }
            case Kind.TopK:
            case Kind.SparseTopK:
            {
                var ip = (int*)e;
                if (kind == Kind.TopK)
                {
                    if (c == 1) new Span<int>(ip, nr).Clear();
                    else ArgmaxRows(t, nr, c, ip);
                }

                for (var i = 0; i < nr; i++)
                {
                    int target;
                    if (kind == Kind.TopK) target = ip[i];
                    else
                    {
                        if (!Label(t[i], c, ref tot)) { r[i] = 0f; continue; }
                        target = (int)t[i];
                    }

                    // TF in_top_k: fewer than k predictions strictly greater, and a finite target prediction.
                    var row = p + (long)i * c;
                    var v = row[target];
                    var greater = 0;
                    for (var j = 0; j < c; j++) greater += row[j] > v ? 1 : 0;
                    r[i] = greater < a.K && float.IsFinite(v) ? 1f : 0f;
                }

                return r;
            }
            case Kind.Cce:
                for (var i = 0; i < nr; i++)
                {
                    float* row = p + (long)i * c, y = t + (long)i * c;
                    var acc = 0f;
                    if (a.FromLogits)
                    {
                        var (m, lse) = LogSumExp(row, c);
                        for (var j = 0; j < c; j++) acc += y[j] * (row[j] - m - lse);
                    }
                    else
                    {
                        var s = 0f;
                        for (var j = 0; j < c; j++) s += row[j];
                        for (var j = 0; j < c; j++) acc += y[j] * MathF.Log(Math.Clamp(row[j] / s, eps, hi));
                    }

                    r[i] = -acc;
                }

                return r;
            case Kind.Scce:
                for (var i = 0; i < nr; i++)
                {
                    if (!Label(t[i], c, ref tot)) { r[i] = 0f; continue; }
                    var k = (int)t[i];
                    var row = p + (long)i * c;
                    float logp;
                    if (a.FromLogits)
                    {
                        var (m, lse) = LogSumExp(row, c);
                        logp = row[k] - m - lse;
                    }
                    else if (f == KerasFamily.Keras3)
                    {
                        var s = 0f;
                        for (var j = 0; j < c; j++) s += row[j];
                        logp = MathF.Log(Math.Clamp(row[k] / s, eps, hi));
                    }
                    else
                    {
                        // log_softmax(log(clip(p))), as the TF backends compute it.
                        var x = e;
                        for (var j = 0; j < c; j++) x[j] = MathF.Log(Math.Clamp(row[j], eps, hi));
                        var (m, lse) = LogSumExp(x, c);
                        logp = x[k] - m - lse;
                    }

                    r[i] = -logp;
                }

                return r;
            default:
                throw new InvalidOperationException(kind.ToString());
        }
    }

    /// <summary>The row's max and log Σ exp(x − max) (log_softmax = x − max − lse).</summary>
    private static (float Max, float Lse) LogSumExp(float* x, int c)
    {
        var m = x[0];
        for (var j = 1; j < c; j++) m = MathF.Max(m, x[j]);
        var s = 0f;
        for (var j = 0; j < c; j++) s += MathF.Exp(x[j] - m);
        return (m, MathF.Log(s));
    }

    /// <summary>Whether a label is an integer class id in [0, c); remembers the first that is not.</summary>
    private static bool Label(float l, int c, ref Totals tot)
    {
        if (l == MathF.Floor(l) && l >= 0f && l < c) return true;
        if (!tot.BadLabel) { tot.BadLabel = true; tot.FirstBadLabel = l; }
        return false;
    }

    /// <summary>
    /// Index of the first maximum of each row (ties: the lowest index, like torch.argmax and tf.argmax; −0 ties +0):
    /// the row's maximum, then the first column equal to it. For 8 ≤ c ≤ 16 the row is two overlapping vectors and
    /// the first index is a trailing-zero count, without branches.
    /// </summary>
    /// <summary>Whether <see cref="ArgmaxRows"/> checks its rows for NaN itself (then it returns whether it saw one).</summary>
    private static bool ArgmaxChecksNaN(int c) => Vector256.IsHardwareAccelerated && c >= 8 && c <= 16;

    private static bool ArgmaxRows(float* x, int nr, int c, int* idx)
    {
        if (!Vector256.IsHardwareAccelerated || c < 8)
        {
            for (var i = 0; i < nr; i++) idx[i] = ArgmaxScalar(x + (long)i * c, c);
            return false;
        }

        if (c <= 16)
        {
            var shift = c - 8;
            var ok = Vector256<int>.AllBitsSet;
            for (var i = 0; i < nr; i++)
            {
                var row = x + (long)i * c;
                Vector256<float> lo = Vector256.Load(row), hi = Vector256.Load(row + shift);
                ok &= (Vector256.Equals(lo, lo) & Vector256.Equals(hi, hi)).AsInt32(); // the NaN check, in the same pass
                var m = Vector256.Create(HorizontalMax(Vector256.Max(lo, hi)));
                var bits = Vector256.Equals(lo, m).ExtractMostSignificantBits() | (Vector256.Equals(hi, m).ExtractMostSignificantBits() << shift);
                idx[i] = bits == 0 ? 0 : System.Numerics.BitOperations.TrailingZeroCount(bits); // 0 bits only with NaN, which is rejected
            }

            return ok != Vector256<int>.AllBitsSet;
        }

        for (var i = 0; i < nr; i++)
        {
            var row = x + (long)i * c;
            var mv = Vector256.Load(row);
            var j = 8;
            for (; j <= c - 8; j += 8) mv = Vector256.Max(mv, Vector256.Load(row + j));
            var m = HorizontalMax(mv);
            for (; j < c; j++) m = MathF.Max(m, row[j]);
            var mb = Vector256.Create(m);
            var k = -1;
            for (j = 0; j <= c - 8 && k < 0; j += 8)
            {
                var bits = Vector256.Equals(Vector256.Load(row + j), mb).ExtractMostSignificantBits();
                if (bits != 0) k = j + System.Numerics.BitOperations.TrailingZeroCount(bits);
            }

            for (; j < c && k < 0; j++) if (row[j] == m) k = j;
            idx[i] = k < 0 ? 0 : k;
        }

        return false;
    }

    /// <summary>
    /// Categorical accuracy for 8 ≤ c ≤ 16 in one pass over both tensors: r[i] = 1 when the first maxima of row i of
    /// <paramref name="t"/> and <paramref name="p"/> are at the same column (the semantics of <see cref="ArgmaxRows"/>
    /// for each side), with the NaN checks of both. The two rows are independent, so their reductions interleave.
    /// Returns whether a NaN was seen (and where).
    /// </summary>
    private static bool ArgmaxMatchRows(float* t, float* p, int nr, int c, float* r, out bool nanTrue, out bool nanPred)
    {
        var shift = c - 8;
        Vector256<int> okT = Vector256<int>.AllBitsSet, okP = Vector256<int>.AllBitsSet;
        for (var i = 0; i < nr; i++)
        {
            var o = (long)i * c;
            Vector256<float> tl = Vector256.Load(t + o), th = Vector256.Load(t + o + shift);
            Vector256<float> pl = Vector256.Load(p + o), ph = Vector256.Load(p + o + shift);
            okT &= (Vector256.Equals(tl, tl) & Vector256.Equals(th, th)).AsInt32();
            okP &= (Vector256.Equals(pl, pl) & Vector256.Equals(ph, ph)).AsInt32();
            var mt = BroadcastMax(Vector256.Max(tl, th));
            var mp = BroadcastMax(Vector256.Max(pl, ph));
            var bt = Vector256.Equals(tl, mt).ExtractMostSignificantBits() | (Vector256.Equals(th, mt).ExtractMostSignificantBits() << shift);
            var bp = Vector256.Equals(pl, mp).ExtractMostSignificantBits() | (Vector256.Equals(ph, mp).ExtractMostSignificantBits() << shift);
            // The lowest set bit is the first maximum; both are 0 only with NaN, which is rejected.
            r[i] = (bt & (0u - bt)) == (bp & (0u - bp)) ? 1f : 0f;
        }

        nanTrue = okT != Vector256<int>.AllBitsSet;
        nanPred = okP != Vector256<int>.AllBitsSet;
        return nanTrue || nanPred;
    }

    /// <summary>The maximum of the 8 lanes in every lane (no scalar round trip).</summary>
    private static Vector256<float> BroadcastMax(Vector256<float> v)
    {
        v = Vector256.Max(v, Vector256.Shuffle(v, Vector256.Create(4, 5, 6, 7, 0, 1, 2, 3)));
        v = Vector256.Max(v, Vector256.Shuffle(v, Vector256.Create(2, 3, 0, 1, 6, 7, 4, 5)));
        return Vector256.Max(v, Vector256.Shuffle(v, Vector256.Create(1, 0, 3, 2, 5, 4, 7, 6)));
    }

    private static int ArgmaxScalar(float* row, int c)
    {
        var best = row[0];
        var k = 0;
        for (var j = 1; j < c; j++)
        {
            if (row[j] > best) { best = row[j]; k = j; }
        }

        return k;
    }

    private static float HorizontalMax(Vector256<float> v)
    {
        var x = Vector128.Max(v.GetLower(), v.GetUpper());
        x = Vector128.Max(x, Vector128.Shuffle(x, Vector128.Create(2, 3, 0, 1)));
        x = Vector128.Max(x, Vector128.Shuffle(x, Vector128.Create(1, 0, 3, 2)));
        return x.ToScalar();
    }

    private static void BinaryThreshold(float* t, float* p, int n, float thr, float* e)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var th = Vector256.Create(thr);
            var one = Vector256.Create(1f);
            for (; i <= n - 8; i += 8)
            {
                var pred = Vector256.GreaterThan(Vector256.Load(p + i), th) & one;
                (Vector256.Equals(Vector256.Load(t + i), pred) & one).Store(e + i);
            }
        }

        for (; i < n; i++) e[i] = t[i] == (p[i] > thr ? 1f : 0f) ? 1f : 0f;
    }

    private static void BinaryRound(float* t, float* p, int n, float* e)
    {
        var i = 0;
#if NET9_0_OR_GREATER
        if (Vector256.IsHardwareAccelerated)
        {
            var one = Vector256.Create(1f);
            for (; i <= n - 8; i += 8)
                (Vector256.Equals(Vector256.Load(t + i), Vector256.Round(Vector256.Load(p + i))) & one).Store(e + i);
        }
#else
        if (Avx.IsSupported)
        {
            var one = Vector256.Create(1f);
            for (; i <= n - 8; i += 8)
                (Vector256.Equals(Vector256.Load(t + i), Avx.RoundToNearestInteger(Vector256.Load(p + i))) & one).Store(e + i);
        }
#endif
        // torch.round rounds half to even, as MathF.Round does by default.
        for (; i < n; i++) e[i] = t[i] == MathF.Round(p[i]) ? 1f : 0f;
    }

    private static void SquaredError(float* t, float* p, int n, float* e)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - 8; i += 8)
            {
                var d = Vector256.Load(p + i) - Vector256.Load(t + i);
                (d * d).Store(e + i);
            }
        }

        for (; i < n; i++) { var d = p[i] - t[i]; e[i] = d * d; }
    }

    private static void AbsoluteError(float* t, float* p, int n, float* e)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; i <= n - 8; i += 8) Vector256.Abs(Vector256.Load(p + i) - Vector256.Load(t + i)).Store(e + i);
        for (; i < n; i++) e[i] = MathF.Abs(p[i] - t[i]);
    }

    private static void AbsolutePercentageError(float* t, float* p, int n, float* e)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var eps = Vector256.Create(KerasMath.Epsilon);
            for (; i <= n - 8; i += 8)
            {
                var tv = Vector256.Load(t + i);
                Vector256.Abs((tv - Vector256.Load(p + i)) / Vector256.Max(Vector256.Abs(tv), eps)).Store(e + i);
            }
        }

        for (; i < n; i++) e[i] = MathF.Abs((t[i] - p[i]) / MathF.Max(MathF.Abs(t[i]), KerasMath.Epsilon));
    }

    private static float StableBce(float y, float x) => MathF.Max(x, 0f) - x * y + Log1P(MathF.Exp(-MathF.Abs(x)));

    private static float Log1P(float z) => (float)Math.Log(1.0 + z);

#if NET9_0_OR_GREATER
    private static Vector256<float> StableBce(Vector256<float> y, Vector256<float> x) =>
        Vector256.Max(x, Vector256<float>.Zero) - x * y + Log1P(Vector256.Exp(-Vector256.Abs(x)));

    /// <summary>log(1 + z) accurate for small z: log(u)·z/(u − 1) with u = 1 + z, and z where u rounds to 1.</summary>
    private static Vector256<float> Log1P(Vector256<float> z)
    {
        var u = Vector256.Create(1f) + z;
        var d = u - Vector256.Create(1f);
        return Vector256.ConditionalSelect(Vector256.Equals(d, Vector256<float>.Zero), z, Vector256.Log(u) * (z / d));
    }
#endif

    private static void BceElements(KerasFamily f, bool fromLogits, float* t, float* p, int n, float* e)
    {
        const float eps = KerasMath.Epsilon, hi = KerasMath.OneMinusEpsilon;
        var i = 0;
#if NET9_0_OR_GREATER
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<float> ve = Vector256.Create(eps), vh = Vector256.Create(hi), one = Vector256.Create(1f);
            for (; i <= n - 8; i += 8)
            {
                Vector256<float> y = Vector256.Load(t + i), x = Vector256.Load(p + i), cl = Vector256.Min(Vector256.Max(x, ve), vh);
                var v = fromLogits ? StableBce(y, x)
                    : f switch
                    {
                        KerasFamily.Keras22 => StableBce(y, Vector256.Log(cl / (one - cl))),
                        KerasFamily.Keras23 or KerasFamily.TfKeras2 => -(y * Vector256.Log(cl + ve) + (one - y) * Vector256.Log(one - cl + ve)),
                        _ => -(y * Vector256.Log(cl) + (one - y) * Vector256.Log(one - cl)),
                    };
                v.Store(e + i);
            }
        }
#endif
        for (; i < n; i++)
        {
            float y = t[i], x = p[i];
            if (fromLogits) { e[i] = StableBce(y, x); continue; }
            var cl = Math.Clamp(x, eps, hi);
            e[i] = f switch
            {
                KerasFamily.Keras22 => StableBce(y, MathF.Log(cl / (1f - cl))),
                KerasFamily.Keras23 or KerasFamily.TfKeras2 => -(y * MathF.Log(cl + eps) + (1f - y) * MathF.Log(1f - cl + eps)),
                _ => -(y * MathF.Log(cl) + (1f - y) * MathF.Log(1f - cl)),
            };
        }
    }
}
