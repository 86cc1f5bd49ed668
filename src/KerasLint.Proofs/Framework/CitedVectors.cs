using System.Text.Json;
using KerasLint.Knowledge;
using KerasLint.Runtime;

namespace KerasLint.Proofs;

/// <summary>A cited resolution fact: what Keras resolves a metric string to and the keys it logs.</summary>
public sealed record CitedResolution(string Id, string? Function, string? TrainKey, string? ValKey, string? Error, string Citation);

/// <summary>A cited callback fact: the direction mode="auto" infers and what a missing key does.</summary>
public sealed record CitedCallback(string Id, string Direction, string Outcome, string Citation);

/// <summary>
/// The compile-time vectors (tests/data/resolution-vectors.json, embedded): Keras's behaviour as read in its tests or
/// source at a tag. The proofs' cited rows take their facts from here, never from the analyzer's catalog.
/// </summary>
public static class CitedVectors
{
    private static readonly Lazy<IReadOnlyList<JsonElement>> Cases = new(() =>
    {
        using var stream = typeof(CitedVectors).Assembly.GetManifestResourceStream("KerasLint.Proofs.resolution-vectors.json")
            ?? throw new InvalidOperationException("The embedded resolution-vectors.json is missing.");
        using var doc = JsonDocument.Parse(stream);
        return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    });

    /// <summary>Every case (for tests).</summary>
    public static IReadOnlyList<JsonElement> All => Cases.Value;

    /// <summary>
    /// The vector for this family, loss (null or "custom": a custom function), metric string and shape relation
    /// (same layout as <see cref="CompileResolver.Layout"/>, same "one output unit" bit), or null when none pins it.
    /// </summary>
    public static CitedResolution? FindResolution(KerasFamily family, string? loss, string metric, long[] yTrueShape, long[] yPredShape)
    {
        var wantLoss = loss ?? "custom";
        foreach (var c in Cases.Value)
        {
            if (Str(c, "kind") != "resolution" || Family(c) != family || Str(c, "metric") != metric) continue;
            if ((Str(c, "loss") ?? "(none)") != wantLoss) continue;
            var yt = Shape(c, "y_true_shape");
            var yp = Shape(c, "y_pred_shape");
            if (CompileResolver.Layout(yt, yp) != CompileResolver.Layout(yTrueShape, yPredShape) || (yp[^1] == 1) != (yPredShape[^1] == 1)) continue;
            var e = c.GetProperty("expected");
            return new CitedResolution(Str(c, "id")!, Str(e, "function"), Str(e, "train_key"), Str(e, "val_key"), Str(e, "error"), Citation(c));
        }

        return null;
    }

    /// <summary>The callback vector for this family, callback, monitor and mode whose logged keys hold (or lack) the monitor as given.</summary>
    public static CitedCallback? FindCallback(KerasFamily family, MonitorCallback callback, string monitor, string mode, bool monitorLogged)
    {
        foreach (var c in Cases.Value)
        {
            if (Str(c, "kind") != "callback" || Family(c) != family || Str(c, "callback") != callback.ToString() || Str(c, "monitor") != monitor || Str(c, "mode") != mode) continue;
            var logged = c.GetProperty("logged_keys").EnumerateArray().Any(k => k.GetString() == monitor);
            if (logged != monitorLogged) continue;
            var e = c.GetProperty("expected");
            return new CitedCallback(Str(c, "id")!, Str(e, "direction")!, Str(e, "outcome")!, Citation(c));
        }

        return null;
    }

    /// <summary>"rv004: keras-team/keras 2.2.4 keras/engine/training.py:375; …" (the first two citations).</summary>
    private static string Citation(JsonElement c)
    {
        var cites = c.GetProperty("citations").EnumerateArray()
            .Take(2)
            .Select(x => $"{x.GetProperty("ref").GetString()} {x.GetProperty("file").GetString()}:{x.GetProperty("line").GetInt32()}");
        var evidence = c.GetProperty("evidence");
        var kind = evidence.ValueKind == JsonValueKind.Object ? string.Join("/", evidence.EnumerateObject().Select(p => p.Value.GetString()).Distinct()) : evidence.GetString();
        return $"{Str(c, "id")}, {kind}: keras-team/keras {string.Join("; ", cites)}";
    }

    private static KerasFamily Family(JsonElement c) => KerasFamilies.Parse(Str(c, "keras_version")!);

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long[] Shape(JsonElement c, string name) => c.GetProperty(name).EnumerateArray().Select(x => x.GetInt64()).ToArray();
}
