using KerasLint.Knowledge;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace KerasLint.Runtime.Tests;

public class BadInputTests
{
    private static readonly Tensor Y = torch.tensor(new float[,] { { 0, 1 } });
    private static readonly Tensor P = torch.tensor(new float[,] { { 0.2f, 0.8f } });

    private static void Named(string param, Action act) => Assert.Equal(param, Assert.Throws<ArgumentException>(act).ParamName);

    [Fact] public void Shape_mismatch_names_y_true() => Named("y_true", () => KerasLosses.Value(KerasFamily.Keras3, "mse", torch.zeros(2, 3), torch.zeros(2, 4)));
    [Fact] public void Cce_shape_mismatch_names_y_true() => Named("y_true", () => KerasLosses.Value(KerasFamily.Keras3, "categorical_crossentropy", torch.zeros(2, 1), torch.zeros(2, 4)));
    [Fact] public void Empty_tensor_names_the_field() => Named("y_pred", () => KerasLosses.Value(KerasFamily.Keras3, "mse", Y, torch.zeros(0, 2)));
    [Fact] public void NaN_names_the_field() => Named("y_true", () => KerasMetrics.Evaluate(KerasFamily.TfKeras2, "mae", torch.tensor(new float[] { float.NaN }), torch.tensor(new float[] { 1 })));
    [Fact] public void NaN_weight_names_sample_weight() => Named("sample_weight", () => KerasLosses.Value(KerasFamily.Keras3, "mse", Y, P, sampleWeight: torch.tensor(new float[] { float.NaN })));
    [Fact] public void Unknown_function_names_name() => Named("name", () => KerasMetrics.Create(KerasFamily.Keras3, "accuracyy"));
    [Fact] public void K_zero_names_k() => Named("k", () => KerasMetrics.Create(KerasFamily.Keras3, "top_k_categorical_accuracy", new KerasArgs { K = 0 }));
    [Fact] public void Threshold_out_of_range_names_threshold() => Named("threshold", () => KerasMetrics.Create(KerasFamily.Keras3, "binary_accuracy", new KerasArgs { Threshold = 1.5 }));
    [Fact] public void Label_smoothing_out_of_range_names_it() => Named("label_smoothing", () => KerasLosses.Value(KerasFamily.Keras3, "binary_crossentropy", Y, P, new KerasArgs { LabelSmoothing = -0.1 }));
    [Fact] public void Sparse_label_out_of_range_names_y_true() => Named("y_true", () => KerasLosses.Value(KerasFamily.Keras3, "sparse_categorical_crossentropy", torch.tensor(new float[] { 2 }), P));
    [Fact] public void Unknown_reduction_names_reduction() => Named("reduction", () => LossReductions.Parse("average"));
    [Fact] public void Wrong_weight_shape_names_sample_weight() => Named("sample_weight", () => KerasLosses.Value(KerasFamily.Keras3, "mse", Y, P, sampleWeight: torch.ones(3)));
    [Fact] public void Compile_string_is_not_a_function_name() => Named("name", () => KerasMetrics.Create(KerasFamily.Keras3, "acc"));

    [Fact]
    public void Cuda_request_without_cuda_names_the_packages()
    {
        if (KerasDevice.CudaAvailable)
        {
            Assert.Equal(DeviceType.CUDA, KerasDevice.Resolve("cuda").type);
            return;
        }

        var e = Assert.Throws<ArgumentException>(() => KerasDevice.Resolve("cuda"));
        Assert.Contains("TorchSharp-cuda-linux", e.Message);
        Assert.Contains("TorchSharp-cuda-windows", e.Message);
        Assert.Equal(DeviceType.CPU, KerasDevice.Resolve(null).type);
    }
}
