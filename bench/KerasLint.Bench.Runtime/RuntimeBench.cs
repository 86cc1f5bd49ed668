using BenchmarkDotNet.Attributes;
using KerasLint.Knowledge;
using KerasLint.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace KerasLint.Bench.Runtime;

/// <summary>
/// One metric update on <see cref="N"/> predictions (y_pred values), three ways, side by side:
/// <see cref="Copy"/> copies the input bytes (y_true + y_pred) once, the floor for anything that reads them;
/// <see cref="TorchOps"/> is the same computation written directly with TorchSharp ops (no checks);
/// <see cref="Runtime"/> is <see cref="KerasMetric.UpdateState"/> + <see cref="KerasMetric.Result"/> (tf.keras 2.x family).
/// Shapes: binary_accuracy and mean_squared_error (N, 1); categorical_accuracy one-hot (N/10, 10);
/// sparse_categorical_accuracy int64 labels (N/10) and (N/10, 10) predictions. One libtorch thread.
/// </summary>
[MemoryDiagnoser(false)]
public unsafe class RuntimeUpdateBench
{
    [Params("binary_accuracy", "categorical_accuracy", "sparse_categorical_accuracy", "mean_squared_error")]
    public string Metric { get; set; } = "";

    [Params(1_000_000, 10_000_000)]
    public int N { get; set; }

    private Tensor _yt = null!, _yp = null!;
    private KerasMetric _metric = null!;
    private byte* _dst;
    private long _bytes;

    [GlobalSetup]
    public void Setup()
    {
        torch.set_num_threads(1);
        torch.manual_seed(13);
        const int classes = 10;
        switch (Metric)
        {
            case "binary_accuracy":
                _yp = torch.rand(N, 1);
                _yt = torch.rand(N, 1).gt(0.5f).to_type(ScalarType.Float32);
                break;
            case "mean_squared_error":
                _yp = torch.randn(N, 1);
                _yt = torch.randn(N, 1);
                break;
            case "categorical_accuracy":
                _yp = torch.rand(N / classes, classes);
                _yt = torch.nn.functional.one_hot(torch.randint(classes, N / classes), classes).to_type(ScalarType.Float32);
                break;
            case "sparse_categorical_accuracy":
                _yp = torch.rand(N / classes, classes);
                _yt = torch.randint(classes, N / classes, dtype: ScalarType.Int64);
                break;
            default: throw new ArgumentException(Metric);
        }

        _metric = KerasMetrics.Create(KerasFamily.TfKeras2, Metric);
        _bytes = _yt.NumberOfElements * _yt.ElementSize + _yp.NumberOfElements * _yp.ElementSize;
        _dst = (byte*)System.Runtime.InteropServices.NativeMemory.Alloc((nuint)_bytes);
        new Span<byte>(_dst, (int)Math.Min(_bytes, int.MaxValue)).Fill(1); // touch the pages once
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        System.Runtime.InteropServices.NativeMemory.Free(_dst);
        _yt.Dispose();
        _yp.Dispose();
    }

    [Benchmark(Baseline = true)]
    public long Copy()
    {
        var a = _yt.bytes;
        var b = _yp.bytes;
        a.CopyTo(new Span<byte>(_dst, a.Length));
        b.CopyTo(new Span<byte>(_dst + a.Length, b.Length));
        return _dst[a.Length - 1] + _dst[a.Length + b.Length - 1];
    }

    [Benchmark]
    public double TorchOps()
    {
        using var scope = torch.NewDisposeScope();
        return Metric switch
        {
            "binary_accuracy" => _yp.gt(0.5f).eq(_yt).sum().item<long>() / (double)_yp.NumberOfElements,
            "categorical_accuracy" => _yt.argmax(-1).eq(_yp.argmax(-1)).sum().item<long>() / (double)_yt.shape[0],
            "sparse_categorical_accuracy" => _yp.argmax(-1).eq(_yt).sum().item<long>() / (double)_yt.shape[0],
            "mean_squared_error" => torch.nn.functional.mse_loss(_yp, _yt).item<float>(),
            _ => throw new InvalidOperationException(Metric),
        };
    }

    [Benchmark]
    public double Runtime()
    {
        _metric.Reset();
        _metric.UpdateState(_yt, _yp);
        return _metric.Result();
    }
}
