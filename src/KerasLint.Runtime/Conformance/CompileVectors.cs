using System.Text.Json;
using KerasLint.Knowledge;

namespace KerasLint.Runtime.Conformance;

/// <summary>
/// A compile-time conformance case (docs/keras-semantics.md §6.2): <c>kind</c> "resolution" (what a metric string
/// becomes and which log keys it gets), "loss_resolution" (what a loss string becomes) or "callback" (the direction mode="auto" infers and what a missing key does).
/// </summary>
public sealed record CompileCase(
    string Id,
    string Kind,
    string KerasVersion,
    KerasFamily Family,
    JsonElement Element,
    string? Note)
{
    public override string ToString() => $"{Id} {KerasVersion} {Kind}";

    /// <summary>The case's version as the runtime takes it: the family, and the concrete version when one is written.</summary>
    public Knowledge.KerasVersion Version => Knowledge.KerasVersion.Parse(KerasVersion);

    public string Str(string name) =>
        Element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new ConformanceFileException($"case {Id} lacks the string field '{name}'.");

    public string? OptStr(string name) =>
        Element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public long[] Shape(string name)
    {
        if (!Element.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Array) throw new ConformanceFileException($"case {Id} lacks the shape '{name}'.");
        return v.EnumerateArray().Select(x => x.GetInt64()).ToArray();
    }

    public JsonElement Expected => Element.TryGetProperty("expected", out var e) && e.ValueKind == JsonValueKind.Object ? e : throw new ConformanceFileException($"case {Id} lacks the object 'expected'.");
}

/// <summary>The outcome of one compile-time case.</summary>
public sealed record CompileOutcome(CompileCase Case, bool Passed, string Expected, string Got)
{
    public override string ToString() => $"{Case.Id} ({Case.KerasVersion} {Case.Kind}): expected {Expected}, got {Got}";
}

/// <summary>Reads and evaluates resolution and callback cases.</summary>
public static class CompileVectors
{
    public static readonly string[] Kinds = { "resolution", "loss_resolution", "callback" };

    public static IReadOnlyList<CompileCase> Parse(IEnumerable<JsonElement> elements, string source)
    {
        var list = new List<CompileCase>();
        foreach (var c in elements)
        {
            string Req(string name) => c.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new ConformanceFileException($"'{source}': a case lacks the string field '{name}'.");
            var id = Req("id");
            var version = Req("keras_version");
            if (!KerasFamilies.TryParse(version, out var family)) throw new ConformanceFileException($"'{source}' case {id}: unknown keras_version '{version}'.");
            var kind = Req("kind");
            if (!Kinds.Contains(kind)) throw new ConformanceFileException($"'{source}' case {id}: unknown kind '{kind}'.");
            if (!c.TryGetProperty("expected", out var e) || e.ValueKind != JsonValueKind.Object) throw new ConformanceFileException($"'{source}' case {id} lacks the object 'expected'.");
            list.Add(new CompileCase(id, kind, version, family, c.Clone(), c.TryGetProperty("note", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null));
        }

        return list;
    }

    /// <summary>
    /// Evaluates one case through the runtime at the case's <c>keras_version</c> (a concrete version selects its range
    /// inside the family): <see cref="CompileResolver"/> (resolution) or <see cref="KerasCallbacks.Behaviour"/> (callback).
    /// </summary>
    public static CompileOutcome Evaluate(CompileCase c)
    {
        try
        {
            return c.Kind switch
            {
                "resolution" => Resolution(c),
                "loss_resolution" => LossResolution(c),
                _ => Callback(c),
            };
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or ConformanceFileException or FormatException or KeyNotFoundException)
        {
            return new CompileOutcome(c, false, "(a valid case)", $"error: {e.Message}");
        }
    }

    private static CompileOutcome Resolution(CompileCase c)
    {
        var loss = c.OptStr("loss");
        var r = CompileResolver.ResolveMetric(c.Version, c.Str("metric"), loss, c.Shape("y_true_shape"), c.Shape("y_pred_shape"));
        var e = c.Expected;
        if (e.TryGetProperty("error", out var err))
        {
            var want = err.GetString()!;
            var got = r.IsError ? r.Error! : $"{r.Function} ({r.LogKey})";
            return new CompileOutcome(c, r.IsError && r.Error!.Contains(want, StringComparison.Ordinal), $"error {want}", got);
        }

        var expected = $"{e.GetProperty("function").GetString()} as {e.GetProperty("train_key").GetString()}/{e.GetProperty("val_key").GetString()}";
        var gotText = r.IsError ? $"error {r.Error}" : $"{r.Function} as {r.LogKey}/{r.ValidationLogKey}";
        return new CompileOutcome(c, expected == gotText, expected, gotText);
    }

    /// <summary>A loss string through <see cref="CompileResolver.ResolveLoss"/>: the function it computes, or the error Keras raises.</summary>
    private static CompileOutcome LossResolution(CompileCase c)
    {
        var r = CompileResolver.ResolveLoss(c.Version, c.Str("loss"), c.Shape("y_true_shape"), c.Shape("y_pred_shape"));
        var e = c.Expected;
        if (e.TryGetProperty("error", out var err))
        {
            var want = err.GetString()!;
            return new CompileOutcome(c, r.IsError && r.Error!.Contains(want, StringComparison.Ordinal), $"error {want}", r.IsError ? r.Error! : r.Function!);
        }

        var expected = e.GetProperty("function").GetString()!;
        var got = r.IsError ? $"error {r.Error}" : r.Function!;
        return new CompileOutcome(c, expected == got, expected, got);
    }

    private static CompileOutcome Callback(CompileCase c)
    {
        var callback = Enum.Parse<MonitorCallback>(c.Str("callback"));
        var keys = c.Element.GetProperty("logged_keys").EnumerateArray().Select(k => k.GetString()!).ToList();
        var saveBest = c.Element.TryGetProperty("save_best_only", out var s) && s.ValueKind == JsonValueKind.True;
        var b = KerasCallbacks.Behaviour(c.Version, callback, c.Str("monitor"), c.Str("mode"), saveBest, keys);
        var e = c.Expected;
        var expected = $"{e.GetProperty("direction").GetString()}, {e.GetProperty("outcome").GetString()}";
        var got = $"{DirectionName(b.Direction)}, {OutcomeName(b.Outcome)}";
        return new CompileOutcome(c, expected == got, expected, got);
    }

    /// <summary>The vectors' spelling of a direction: max, min, or error (Keras raises).</summary>
    public static string DirectionName(MetricDirection d) => d switch
    {
        MetricDirection.Up => "max",
        MetricDirection.Down => "min",
        _ => "error",
    };

    /// <summary>The vectors' spelling of an outcome.</summary>
    public static string OutcomeName(CallbackOutcome o) => o switch
    {
        CallbackOutcome.Acts => "acts",
        CallbackOutcome.Warns => "warns",
        CallbackOutcome.WarnsNeverSaves => "warns_never_saves",
        CallbackOutcome.WarnsSavesEveryEpoch => "warns_saves_every_epoch",
        CallbackOutcome.RaisesValueError => "raises_ValueError",
        _ => o.ToString(),
    };
}

/// <summary>
/// A conformance file of either kind: numeric cases (<see cref="ConformanceFile"/>) and compile-time cases
/// (<see cref="CompileVectors"/>) may share a file; each case's <c>kind</c> decides.
/// </summary>
public sealed record ConformanceSuite(IReadOnlyList<ConformanceCase> Numeric, IReadOnlyList<CompileCase> Compile)
{
    public int Count => Numeric.Count + Compile.Count;

    public static ConformanceSuite Load(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ConformanceFileException($"Cannot read '{path}': {e.Message}", e);
        }

        return Parse(text, path);
    }

    public static ConformanceSuite Parse(string json, string source = "<input>")
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json); }
        catch (JsonException e) { throw new ConformanceFileException($"'{source}' is not valid JSON: {e.Message}", e); }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("cases", out var cases)) root = cases;
            if (root.ValueKind != JsonValueKind.Array) throw new ConformanceFileException($"'{source}' must hold a JSON array of cases.");
            static bool IsCompile(JsonElement e) =>
                e.ValueKind == JsonValueKind.Object && e.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String && CompileVectors.Kinds.Contains(k.GetString());
            var numeric = root.EnumerateArray().Where(e => !IsCompile(e)).Select(e => e.GetRawText()).ToList();
            var compile = CompileVectors.Parse(root.EnumerateArray().Where(IsCompile), source);
            var numericCases = numeric.Count == 0 ? Array.Empty<ConformanceCase>() : ConformanceFile.Parse("[" + string.Join(",", numeric) + "]", source);
            return new ConformanceSuite(numericCases, compile);
        }
    }
}
