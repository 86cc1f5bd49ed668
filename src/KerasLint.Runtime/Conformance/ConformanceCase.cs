using System.Text.Json;
using KerasLint.Knowledge;

namespace KerasLint.Runtime.Conformance;

/// <summary>One case of a conformance-vectors file (docs/keras-semantics.md §6.1).</summary>
public sealed record ConformanceCase(
    string Id,
    string KerasVersion,
    KerasFamily Family,
    string Kind,
    string Fn,
    JsonElement Args,
    JsonElement YTrue,
    JsonElement YPred,
    JsonElement SampleWeight,
    JsonElement Expected,
    double Tolerance,
    string? Source,
    string? Note)
{
    public override string ToString() => $"{Id} {KerasVersion} {Kind} {Fn}";

    /// <summary>The case's version as the runtime takes it: the family, and the concrete version when one is written.</summary>
    public Knowledge.KerasVersion Version => Knowledge.KerasVersion.Parse(KerasVersion);
}

/// <summary>The file is unreadable or not in the vectors format.</summary>
public sealed class ConformanceFileException : Exception
{
    public ConformanceFileException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>Reads files in the conformance-vectors format.</summary>
public static class ConformanceFile
{
    public static readonly string[] Kinds = { "metric", "loss", "function", "compile_metric", "compile_loss" };

    public static IReadOnlyList<ConformanceCase> Load(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ConformanceFileException($"Cannot read '{path}': {e.Message}", e);
        }

        return Parse(text, path);
    }

    public static IReadOnlyList<ConformanceCase> Parse(string json, string source = "<input>")
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json); }
        catch (JsonException e) { throw new ConformanceFileException($"'{source}' is not valid JSON: {e.Message}", e); }

        var root = doc.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("cases", out var cases)) root = cases;
        if (root.ValueKind != JsonValueKind.Array) throw new ConformanceFileException($"'{source}' must hold a JSON array of cases.");
        var list = new List<ConformanceCase>();
        var i = 0;
        foreach (var c in root.EnumerateArray())
        {
            string where = $"'{source}' case #{i++}";
            if (c.ValueKind != JsonValueKind.Object) throw new ConformanceFileException($"{where} is not an object.");
            string Req(string name) => c.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new ConformanceFileException($"{where} lacks the string field '{name}'.");
            var id = Req("id");
            where = $"'{source}' case {id}";
            var version = Req("keras_version");
            if (!KerasFamilies.TryParseAny(version, out var family)) throw new ConformanceFileException($"{where}: unknown keras_version '{version}'.");
            var kind = Req("kind");
            if (!Kinds.Contains(kind)) throw new ConformanceFileException($"{where}: unknown kind '{kind}' (expected {string.Join(", ", Kinds)}).");
            var fn = Req("fn");
            foreach (var f in new[] { "y_true", "y_pred", "expected" })
                if (!c.TryGetProperty(f, out _)) throw new ConformanceFileException($"{where} lacks '{f}'.");
            var tol = c.TryGetProperty("tolerance", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetDouble() : 1e-6;
            list.Add(new ConformanceCase(id, version, family, kind, fn,
                c.TryGetProperty("args", out var a) ? a.Clone() : default,
                c.GetProperty("y_true").Clone(), c.GetProperty("y_pred").Clone(),
                c.TryGetProperty("sample_weight", out var sw) ? sw.Clone() : default,
                c.GetProperty("expected").Clone(), tol,
                c.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null,
                c.TryGetProperty("note", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null));
        }

        return list;
    }
}
