using KerasLint.Knowledge;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace KerasLint.Runtime.Tests;

/// <summary>
/// The CPU kernels (<c>CpuKernels</c>) against the TorchSharp-op path they replace, on the same random tensors:
/// every family, ties for argmax, values exactly at the threshold and at .5 for rounding, sample weights, float16,
/// float64 and int64 inputs, (N, 1) labels, several chunks per batch, and the same errors for NaN and bad labels.
/// </summary>
public class CpuKernelDifferentialTests
{
    private static readonly KerasFamily[] Families = { KerasFamily.Keras22, KerasFamily.Keras23, KerasFamily.TfKeras2, KerasFamily.Keras3 };

    private static readonly string[] Functions =
    {
        "binary_accuracy", "categorical_accuracy", "sparse_categorical_accuracy", "top_k_categorical_accuracy",
        "sparse_top_k_categorical_accuracy", "mean_squared_error", "mean_absolute_error", "mean_absolute_percentage_error",
        "mean_squared_logarithmic_error", "binary_crossentropy", "categorical_crossentropy", "sparse_categorical_crossentropy",
    };

    private static bool Exists(KerasFamily f, string fn)
    {
        try { KerasMetrics.Create(f, fn); return true; }
        catch (ArgumentException) { return false; }
    }

    public static TheoryData<KerasFamily, string> Cases()
    {
        var data = new TheoryData<KerasFamily, string>();
        foreach (var f in Families)
            foreach (var fn in Functions)
                if (Exists(f, fn)) data.Add(f, fn);
        return data;
    }

    [Fact]
    public void The_hot_metrics_exist_in_every_family()
    {
        foreach (var f in Families)
            foreach (var fn in new[] { "binary_accuracy", "categorical_accuracy", "sparse_categorical_accuracy", "mean_squared_error", "mean_absolute_error", "binary_crossentropy" })
                Assert.True(Exists(f, fn), $"{f} {fn}");
    }

    /// <summary>Random inputs for one function: y_true, y_pred and the metric arguments to try.</summary>
    private static IEnumerable<(string What, Tensor Yt, Tensor Yp, KerasArgs Args)> Inputs(string fn, Random rng)
    {
        const int rows = 2500; // more than one 2048-element chunk, and not a multiple of 8
        const int c = 10;
        switch (fn)
        {
            case "binary_accuracy":
            {
                // Predictions on a 0.1 grid plus 1.5 and 2.5: many exactly at 0.5 and 0.7 (the thresholds), and halves for rounding.
                float Pred() => rng.Next(12) switch { 10 => 1.5f, 11 => 2.5f, var k => k / 10f };
                float Label() => rng.Next(8) switch { 0 => 2f, _ => rng.Next(2) };
                var yt = Fill(rows * 3, Label); var yp = Fill(rows * 3, Pred);
                foreach (var thr in new[] { 0.5, 0.7 })
                {
                    var args = new KerasArgs { Threshold = thr };
                    yield return ($"(N,1) thr {thr}", T(yt, rows * 3, 1), T(yp, rows * 3, 1), args);
                    yield return ($"(N,3) thr {thr}", T(yt, rows, 3), T(yp, rows, 3), args);
                    yield return ($"(N,) vs (N,1) thr {thr}", T(yt, rows * 3), T(yp, rows * 3, 1), args);
                    yield return ($"(N,) thr {thr}", T(yt, rows * 3), T(yp, rows * 3), args);
                }

                break;
            }
            case "mean_squared_error":
            case "mean_absolute_error":
            case "mean_absolute_percentage_error":
            case "mean_squared_logarithmic_error":
            {
                float Value() => rng.Next(10) == 0 ? 0f : (float)(rng.NextDouble() * 4 - 1);
                var yt = Fill(rows * 4, Value); var yp = Fill(rows * 4, Value);
                yield return ("(N,1)", T(yt, rows * 4, 1), T(yp, rows * 4, 1), KerasArgs.Default);
                yield return ("(N,4)", T(yt, rows, 4), T(yp, rows, 4), KerasArgs.Default);
                yield return ("(N/2,2,4)", T(yt, rows / 2, 2, 4), T(yp, rows / 2, 2, 4), KerasArgs.Default);
                yield return ("(N,)", T(yt, rows * 4), T(yp, rows * 4), KerasArgs.Default);
                break;
            }
            case "binary_crossentropy":
            {
                float Prob() => rng.Next(10) switch { 0 => 0f, 1 => 1f, _ => (float)rng.NextDouble() };
                var yt = Fill(rows * 2, () => rng.Next(2)); var yp = Fill(rows * 2, Prob);
                var logits = Fill(rows * 2, () => (float)(rng.NextDouble() * 40 - 20));
                yield return ("probabilities (N,2)", T(yt, rows, 2), T(yp, rows, 2), KerasArgs.Default);
                yield return ("probabilities (N,1)", T(yt, rows * 2, 1), T(yp, rows * 2, 1), KerasArgs.Default);
                yield return ("logits (N,2)", T(yt, rows, 2), T(logits, rows, 2), new KerasArgs { FromLogits = true });
                break;
            }
            default:
            {
                // Predictions on a coarse grid so rows often have tied maxima; one-hot and tied "soft" targets.
                var yp = Fill(rows * c, () => rng.Next(5) / 4f + (rng.Next(20) == 0 ? 1e-3f : 0f));
                var labels = Fill(rows, () => rng.Next(c));
                var oneHot = new float[rows * c];
                for (var i = 0; i < rows; i++) oneHot[i * c + (int)labels[i]] = 1f;
                var soft = Fill(rows * c, () => rng.Next(3) / 2f);
                var args = new[] { new KerasArgs { K = 1 }, new KerasArgs { K = 3 } };
                var sparse = fn.StartsWith("sparse", StringComparison.Ordinal);
                var ce = fn.EndsWith("crossentropy", StringComparison.Ordinal);
                if (ce)
                {
                    var probs = Fill(rows * c, () => (float)rng.NextDouble());
                    var logits = Fill(rows * c, () => (float)(rng.NextDouble() * 20 - 10));
                    var y = sparse ? T(labels, rows) : T(oneHot, rows, c);
                    yield return ("probabilities", y, T(probs, rows, c), KerasArgs.Default);
                    yield return ("tied grid", y, T(yp, rows, c), KerasArgs.Default);
                    yield return ("logits", y, T(logits, rows, c), new KerasArgs { FromLogits = true });
                    if (sparse) yield return ("int64 (N,1) labels", T(labels, rows, 1).to_type(ScalarType.Int64), T(probs, rows, c), KerasArgs.Default);
                    break;
                }

                foreach (var a in fn.Contains("top_k") ? args : new[] { KerasArgs.Default })
                {
                    if (sparse)
                    {
                        yield return ($"float labels k{a.K}", T(labels, rows), T(yp, rows, c), a);
                        yield return ($"int64 labels k{a.K}", T(labels, rows).to_type(ScalarType.Int64), T(yp, rows, c), a);
                        yield return ($"(N,1) labels k{a.K}", T(labels, rows, 1), T(yp, rows, c), a);
                    }
                    else
                    {
                        yield return ($"one-hot k{a.K}", T(oneHot, rows, c), T(yp, rows, c), a);
                        yield return ($"tied soft targets k{a.K}", T(soft, rows, c), T(yp, rows, c), a);
                        yield return ($"(N/5,5,C) k{a.K}", T(oneHot, rows / 5, 5, c), T(yp, rows / 5, 5, c), a);
                        if (fn == "categorical_accuracy") yield return ("(N,1) integer labels", T(labels, rows, 1), T(yp, rows, c), a);
                        // Wide rows (more than two vectors) and narrow rows (fewer than one vector), with ties.
                        foreach (var width in new[] { 37, 5 })
                        {
                            var n = rows / 4;
                            yield return ($"C={width} k{a.K}", T(Fill(n * width, () => rng.Next(3) / 2f), n, width), T(Fill(n * width, () => rng.Next(6) / 5f), n, width), a);
                        }
                    }
                }

                break;
            }
        }
    }

    private static float[] Fill(int n, Func<float> next)
    {
        var a = new float[n];
        for (var i = 0; i < n; i++) a[i] = next();
        return a;
    }

    private static Tensor T(float[] data, params long[] shape) => torch.tensor(data, shape, ScalarType.Float32);

    private static IEnumerable<(string What, Tensor? W)> WeightsFor(Tensor yp, Random rng)
    {
        yield return ("no weights", null);
        if (yp.dim() != 2) yield break;
        var n = yp.shape[0];
        var w = Fill((int)n, () => rng.Next(4) == 0 ? 0f : (float)rng.NextDouble() * 2);
        yield return ("(N) weights", T(w, n));
        yield return ("(N,1) weights", T(w, n, 1));
        yield return ("scalar weight", torch.tensor(0.75f));
    }

    private static void AssertSame(KerasFamily f, string fn, KerasArgs a, string what, Tensor yt, Tensor yp, Tensor? w, Tensor yt2, Tensor yp2)
    {
        var fast = KerasMetrics.Create(f, fn, a);
        var reference = KerasMetrics.Create(f, fn, a);
        Exception? fastError = null, refError = null;
        try { fast.Update(yt, yp, w, allowCpuKernels: true); }
        catch (ArgumentException e) { fastError = e; }
        try { reference.Update(yt, yp, w, allowCpuKernels: false); }
        catch (ArgumentException e) { refError = e; }
        if (refError is not null || fastError is not null)
        {
            // Shapes the op path rejects may be rejected by either path, with the op path's message.
            Assert.Equal(refError?.Message, fastError?.Message);
            return;
        }

        Assert.False(reference.LastUpdateUsedCpuKernel);
        // A second batch of another size, without weights: the running totals must agree too.
        fast.Update(yt2, yp2, null, allowCpuKernels: true);
        reference.Update(yt2, yp2, null, allowCpuKernels: false);
        double x = fast.Result(), y = reference.Result();
        Assert.True(Math.Abs(x - y) <= 2e-6 * Math.Max(1, Math.Abs(y)), $"{f} {fn} {what}: kernel {x:R} vs ops {y:R}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Kernel_matches_the_op_path(KerasFamily f, string fn)
    {
        var rng = new Random((int)f * 100 + Array.IndexOf(Functions, fn));
        var kernelRuns = 0;
        foreach (var (what, yt, yp, a) in Inputs(fn, rng).ToList())
        {
            var half = yp.shape[0] / 2;
            var (yt2, yp2) = (yt.narrow(0, 3, half), yp.narrow(0, 1, half)); // contiguous views with a storage offset
            var dtypes = new[] { ScalarType.Float32, ScalarType.Float64, ScalarType.Float16 };
            foreach (var (wWhat, w) in WeightsFor(yp, rng))
                foreach (var dt in dtypes)
                {
                    // float16 cannot hold all logits/probabilities exactly: both paths read the same float16 tensors.
                    var ytd = yt.dtype == ScalarType.Int64 ? yt : yt.to_type(dt);
                    var ypd = yp.to_type(dt);
                    var wd = w?.to_type(dt == ScalarType.Float16 ? ScalarType.Float64 : dt);
                    AssertSame(f, fn, a, $"{what}, {wWhat}, {dt}", ytd, ypd, wd, yt2, yp2);
                    var m = KerasMetrics.Create(f, fn, a);
                    try { m.UpdateState(ytd, ypd, wd); } catch (ArgumentException) { }
                    if (m.LastUpdateUsedCpuKernel) kernelRuns++;
                }
        }

        // The kernel path must actually run for these inputs (not everything fall back to the op path).
        Assert.True(kernelRuns > 0, $"{f} {fn}: the CPU kernel never ran");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void NaN_and_bad_labels_give_the_op_paths_errors(KerasFamily f, string fn)
    {
        var rng = new Random(7);
        var (what, yt, yp, a) = Inputs(fn, rng).First();
        var w = torch.ones(yp.shape[0]);
        void Both(Tensor t, Tensor p, Tensor? ww, string expectParam)
        {
            var fast = KerasMetrics.Create(f, fn, a);
            var reference = KerasMetrics.Create(f, fn, a);
            var e1 = Assert.Throws<ArgumentException>(() => fast.Update(t, p, ww, allowCpuKernels: true));
            var e2 = Assert.Throws<ArgumentException>(() => reference.Update(t, p, ww, allowCpuKernels: false));
            Assert.Equal(e2.Message, e1.Message);
            Assert.Equal(expectParam, e1.ParamName);
            // An error leaves the metric as it was.
            Assert.Equal(0.0, fast.Result());
        }

        Tensor WithNaN(Tensor x, long at)
        {
            var c = x.clone().flatten();
            c[at] = torch.tensor(float.NaN);
            return c.reshape(x.shape);
        }

        var late = yp.numel() - 3; // in the last chunk
        Both(yt, WithNaN(yp, late), null, "y_pred");
        Both(WithNaN(yt, yt.numel() - 1), WithNaN(yp, 0), null, "y_true");
        Both(yt.to_type(ScalarType.Float64), WithNaN(yp, 5).to_type(ScalarType.Float16), null, "y_pred");
        if (yp.dim() == 2) Both(yt, yp, WithNaN(w, w.numel() - 1), "sample_weight");
        if (fn.StartsWith("sparse", StringComparison.Ordinal))
        {
            var bad = yt.clone();
            bad[bad.numel() - 2] = torch.tensor(2.5f);
            bad[bad.numel() - 1] = torch.tensor(-1f);
            Both(bad, yp, null, "y_true");
            Both(bad, WithNaN(yp, late), null, "y_pred"); // NaN is checked before the labels, as in the op path
            var outOfRange = yt.clone();
            outOfRange[0] = torch.tensor((float)yp.shape[^1]);
            Both(outOfRange.to_type(ScalarType.Int64), yp, null, "y_true");
        }
    }

    [Fact]
    public void Argmax_ties_take_the_first_index_on_both_paths()
    {
        // Nine rows so that the eight-row vector loop and the scalar tail both see a tie.
        var rows = 9;
        var yp = torch.tensor(Enumerable.Repeat(new[] { 0.2f, 0.5f, 0.5f, 0.1f }, rows).SelectMany(r => r).ToArray(), new long[] { rows, 4 });
        foreach (var f in Families)
            foreach (var (label, want) in new[] { (1, 1.0), (2, 0.0) })
            {
                var oneHot = torch.nn.functional.one_hot(torch.full(rows, label, ScalarType.Int64), 4).to_type(ScalarType.Float32);
                var fast = KerasMetrics.Create(f, "categorical_accuracy");
                var reference = KerasMetrics.Create(f, "categorical_accuracy");
                fast.UpdateState(oneHot, yp);
                reference.Update(oneHot, yp, null, allowCpuKernels: false);
                Assert.True(fast.LastUpdateUsedCpuKernel);
                Assert.Equal(want, reference.Result());
                Assert.Equal(want, fast.Result());
            }
    }

    [Fact]
    public void Non_contiguous_inputs_take_the_op_path_with_the_same_result()
    {
        var rng = new Random(3);
        var yt = T(Fill(400, () => rng.Next(2)), 4, 100).t();
        var yp = T(Fill(400, () => (float)rng.NextDouble()), 4, 100).t();
        Assert.False(yp.is_contiguous());
        var m = KerasMetrics.Create(KerasFamily.TfKeras2, "binary_accuracy");
        m.UpdateState(yt, yp);
        Assert.False(m.LastUpdateUsedCpuKernel);
        var c = KerasMetrics.Create(KerasFamily.TfKeras2, "binary_accuracy");
        c.UpdateState(yt.contiguous(), yp.contiguous());
        Assert.True(c.LastUpdateUsedCpuKernel);
        Assert.Equal(m.Result(), c.Result(), 6);
    }
}
