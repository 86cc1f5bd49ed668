using TorchSharp;

namespace KerasLint.Runtime;

/// <summary>Which device the runtime computes on: CPU by default, CUDA when asked for and present.</summary>
public static class KerasDevice
{
    /// <summary>Whether TorchSharp reports a usable CUDA device (needs a TorchSharp-cuda-* backend package and a GPU).</summary>
    public static bool CudaAvailable => torch.cuda.is_available();

    /// <summary>The CPU device.</summary>
    public static torch.Device Cpu => torch.CPU;

    /// <summary>CUDA if available, otherwise CPU.</summary>
    public static torch.Device Best => CudaAvailable ? torch.CUDA : torch.CPU;

    /// <summary>
    /// Resolves "cpu", "cuda", "cuda:N" or "auto" (null means "cpu"). Asking for CUDA where TorchSharp reports none
    /// is an <see cref="ArgumentException"/> that names what to install.
    /// </summary>
    /// <summary>An <see cref="ArgumentException"/>'s text without the " (Parameter 'device')" suffix .NET appends.</summary>
    public static string MessageOf(ArgumentException e) =>
        e.ParamName is { } p && e.Message.EndsWith($" (Parameter '{p}')", StringComparison.Ordinal) ? e.Message.Substring(0, e.Message.Length - $" (Parameter '{p}')".Length) : e.Message;

    public static torch.Device Resolve(string? name)
    {
        var n = (name ?? "cpu").Trim().ToLowerInvariant();
        if (n == "cpu") return torch.CPU;
        if (n == "auto") return Best;
        if (n == "cuda" || n.StartsWith("cuda:", StringComparison.Ordinal))
        {
            if (!CudaAvailable)
            {
                throw new ArgumentException(
                    $"Device '{name}' was requested but TorchSharp reports no CUDA device. CUDA needs an NVIDIA GPU with its driver and a CUDA backend " +
                    "package in the application instead of TorchSharp-cpu / libtorch-cpu-*: TorchSharp-cuda-linux (Linux) or TorchSharp-cuda-windows (Windows). Use --device cpu otherwise.",
                    "device");
            }

            return n == "cuda" ? torch.CUDA : new torch.Device(n);
        }

        throw new ArgumentException($"Unknown device '{name}'. Expected cpu, cuda, cuda:N or auto.", "device");
    }
}
