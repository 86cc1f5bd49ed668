using TorchSharp;
using Xunit;

namespace KerasLint.Runtime.Tests;

public class NativeLoadingTests
{
    [Fact]
    public void Torch_loads_and_computes_on_cpu()
    {
        using var a = torch.tensor(new float[] { 1f, 2f, 3f });
        using var b = torch.tensor(new float[] { 4f, 5f, 6f });
        using var dot = (a * b).sum();
        Assert.Equal(32f, dot.item<float>());
        Assert.Equal(DeviceType.CPU, dot.device_type);
    }
}
