using KerasLint.Knowledge;
using KerasLint.Runtime.Conformance;
using TorchSharp;
using Xunit;

namespace KerasLint.Runtime.Tests;

/// <summary>A fact that is skipped, saying so, when TorchSharp reports no CUDA device (an environment fact, not a choice).</summary>
public sealed class RequiresCudaFactAttribute : FactAttribute
{
    public RequiresCudaFactAttribute()
    {
        if (!torch.cuda.is_available())
        {
            Skip = "No CUDA device: torch.cuda.is_available() is false on this machine (needs an NVIDIA GPU and a TorchSharp-cuda-* backend).";
        }
    }
}

public class CudaTests
{
    [RequiresCudaFact]
    public void Every_vector_gives_the_same_value_on_cuda_as_on_cpu()
    {
        var cases = ConformanceFile.Load(Path.Combine(AppContext.BaseDirectory, "data", "conformance-vectors.json"));
        foreach (var c in cases)
        {
            var cpu = ConformanceRunner.Evaluate(c, torch.CPU);
            var gpu = ConformanceRunner.Evaluate(c, torch.CUDA);
            Assert.True(gpu.Passed, "cuda: " + gpu);
            Assert.True(double.Parse(cpu.Got.Trim('[', ']').Split(',')[0], System.Globalization.CultureInfo.InvariantCulture) is var a
                && double.Parse(gpu.Got.Trim('[', ']').Split(',')[0], System.Globalization.CultureInfo.InvariantCulture) is var b
                && Math.Abs(a - b) <= 1e-5 * Math.Max(1, Math.Abs(a)), $"{c.Id}: cpu {cpu.Got} vs cuda {gpu.Got}");
        }

        Assert.Equal(0.5, KerasMetrics.Evaluate(KerasFamily.Keras3, "categorical_accuracy",
            torch.tensor(new float[,] { { 0, 0, 1 }, { 0, 1, 0 } }), torch.tensor(new float[,] { { 0.1f, 0.9f, 0.8f }, { 0.05f, 0.95f, 0 } }), device: torch.CUDA), 6);
    }
}
