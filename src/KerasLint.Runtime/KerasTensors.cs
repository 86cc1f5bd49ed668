using System.Globalization;
using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace KerasLint.Runtime;

/// <summary>Building float32 tensors from nested arrays, and the input checks every entry point applies.</summary>
public static class KerasTensors
{
    /// <summary>A float32 tensor from a JSON number or nested array (the nesting is the shape).</summary>
    public static Tensor FromJson(JsonElement value, string field, Device? device = null)
    {
        var data = new List<float>();
        var shape = new List<long>();
        Walk(value, 0, shape, data, field);
        return torch.tensor(data.ToArray(), shape.ToArray(), ScalarType.Float32, device ?? torch.CPU);
    }

    /// <summary>A float32 tensor with the given shape.</summary>
    public static Tensor From(float[] data, params long[] shape) => torch.tensor(data, shape, ScalarType.Float32);

    private static void Walk(JsonElement e, int depth, List<long> shape, List<float> data, string field)
    {
        if (e.ValueKind == JsonValueKind.Number)
        {
            if (depth != shape.Count) throw new ArgumentException($"{field} is ragged (a number where a list was expected).", field);
            data.Add((float)e.GetDouble());
            return;
        }

        if (e.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            if (depth != shape.Count) throw new ArgumentException($"{field} is ragged.", field);
            data.Add(e.ValueKind == JsonValueKind.True ? 1f : 0f);
            return;
        }

        if (e.ValueKind != JsonValueKind.Array) throw new ArgumentException($"{field} must be a number or a nested list of numbers; found {e.ValueKind}.", field);
        var n = e.GetArrayLength();
        if (depth == shape.Count && data.Count == 0) shape.Add(n);
        else if (depth >= shape.Count || shape[depth] != n) throw new ArgumentException($"{field} is ragged: lists at depth {depth} have different lengths.", field);
        foreach (var item in e.EnumerateArray()) Walk(item, depth + 1, shape, data, field);
        if (n == 0 && depth == shape.Count - 1) { /* empty: caught by Check */ }
    }

    /// <summary>Casts to float32 on <paramref name="device"/> and rejects empty tensors and NaN.</summary>
    internal static Tensor Check(Tensor t, string field, Device device, bool allowNaN = false)
    {
        if (t is null) throw new ArgumentNullException(field);
        if (t.numel() == 0) throw new ArgumentException($"{field} is empty (shape ({string.Join(", ", t.shape)})).", field);
        var f = t.to(ScalarType.Float32, device);
        if (!allowNaN && (CpuKernels.ContainsNaN(f) ?? f.isnan().any().item<bool>())) throw new ArgumentException($"{field} contains NaN.", field);
        return f;
    }

    internal static string Shape(Tensor t) => "(" + string.Join(", ", t.shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + ")";

    /// <summary>The values of a tensor as doubles (row-major).</summary>
    public static double[] ToDoubles(Tensor t) => t.to(ScalarType.Float64, torch.CPU).data<double>().ToArray();
}
