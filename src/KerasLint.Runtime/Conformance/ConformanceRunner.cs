using System.Globalization;
using System.Text.Json;
using KerasLint.Knowledge;
using TorchSharp;
using static TorchSharp.torch;

namespace KerasLint.Runtime.Conformance;

/// <summary>The outcome of one case.</summary>
public sealed record ConformanceOutcome(ConformanceCase Case, bool Passed, string Expected, string Got)
{
    public override string ToString() => $"{Case.Id} {Case.Fn}: expected {Expected}, got {Got}";
}

/// <summary>Evaluates conformance cases through the runtime.</summary>
public static class ConformanceRunner
{
    public static IReadOnlyList<ConformanceOutcome> Run(IEnumerable<ConformanceCase> cases, Device? device = null) =>
        cases.Select(c => Evaluate(c, device)).ToList();

    /// <summary>Evaluates one case; input errors become a failed outcome whose "got" is the error.</summary>
    public static ConformanceOutcome Evaluate(ConformanceCase c, Device? device = null)
    {
        var d = device ?? torch.CPU;
        var expected = Flatten(c.Expected);
        var expectedText = Format(expected, c.Expected.ValueKind == JsonValueKind.Array);
        double[] got;
        try
        {
            using var scope = torch.NewDisposeScope();
            got = Compute(c, d);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            return new ConformanceOutcome(c, false, expectedText, $"error: {e.Message}");
        }

        var pass = got.Length == expected.Length && got.Zip(expected).All(p => Close(p.First, p.Second, c.Tolerance));
        return new ConformanceOutcome(c, pass, expectedText, Format(got, got.Length != 1 || c.Expected.ValueKind == JsonValueKind.Array));
    }

    private static double[] Compute(ConformanceCase c, Device d)
    {
        var version = c.Version;
        var args = KerasArgs.FromJson(c.Args);
        var yt = KerasTensors.FromJson(c.YTrue, "y_true", d);
        var yp = KerasTensors.FromJson(c.YPred, "y_pred", d);
        Tensor? sw = c.SampleWeight.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? null : KerasTensors.FromJson(c.SampleWeight, "sample_weight", d);
        var reduction = LossReductions.Parse(Str(c.Args, "reduction"));
        switch (c.Kind)
        {
            case "metric":
                return new[] { KerasMetrics.Evaluate(version, c.Fn, yt, yp, sw, args, d) };
            case "loss":
                return KerasTensors.ToDoubles(KerasLosses.Compute(version, c.Fn, yt, yp, args, reduction, sw, d));
            case "function":
            {
                var v = KerasMetrics.Function(version, c.Fn, yt, yp, args, d);
                return c.Expected.ValueKind == JsonValueKind.Array ? KerasTensors.ToDoubles(v) : new[] { (double)v.mean().item<float>() };
            }
            case "compile_metric":
            case "compile_loss":
            {
                var id = Str(c.Args, "identifier") ?? throw new ArgumentException($"{c.Kind} needs args.identifier.", "identifier");
                var r = c.Kind == "compile_metric"
                    ? CompileResolver.ResolveMetric(version, id, Str(c.Args, "loss"), yt.shape, yp.shape)
                    : CompileResolver.ResolveLoss(version, id, yt.shape, yp.shape);
                if (r.IsError) throw new InvalidOperationException(r.Error);
                var canonical = KerasCatalog.Get(c.Fn)?.CanonicalName ?? c.Fn;
                if (r.Function != canonical) throw new InvalidOperationException($"'{id}' resolved to {r.Function}, the case says {c.Fn}");
                return c.Kind == "compile_metric"
                    ? new[] { KerasMetrics.Evaluate(version, r.Function!, yt, yp, sw, args, d) }
                    : KerasTensors.ToDoubles(KerasLosses.Compute(version, r.Function!, yt, yp, args, reduction, sw, d));
            }
            default:
                throw new ArgumentException($"Unknown kind '{c.Kind}'.", "kind");
        }
    }

    private static string? Str(JsonElement args, string name) =>
        args.ValueKind == JsonValueKind.Object && args.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool Close(double got, double expected, double tol) =>
        (double.IsNaN(got) && double.IsNaN(expected)) || got == expected || Math.Abs(got - expected) <= tol;

    private static double[] Flatten(JsonElement e)
    {
        var list = new List<double>();
        void Walk(JsonElement x)
        {
            if (x.ValueKind == JsonValueKind.Array) foreach (var i in x.EnumerateArray()) Walk(i);
            else if (x.ValueKind == JsonValueKind.Number) list.Add(x.GetDouble());
            else if (x.ValueKind == JsonValueKind.String && x.GetString() is "nan" or "NaN") list.Add(double.NaN);
            else throw new ConformanceFileException($"expected must be a number or nested list of numbers; found {x.ValueKind}.");
        }

        Walk(e);
        return list.ToArray();
    }

    private static string Format(double[] v, bool asList)
    {
        var items = v.Select(x => x.ToString("G9", CultureInfo.InvariantCulture));
        return asList || v.Length != 1 ? "[" + string.Join(", ", items) + "]" : items.First();
    }
}
