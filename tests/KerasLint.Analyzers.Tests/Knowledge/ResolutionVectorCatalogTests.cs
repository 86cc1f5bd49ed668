using System.Text.Json;
using KerasLint.Knowledge;
using Xunit;

namespace KerasLint.Analyzers.Tests.Knowledge;

/// <summary>
/// The analyzer's catalog against the cited compile-time vectors (tests/data/resolution-vectors.json, expected values
/// from Keras's tests or a cited reading of its source): SpecialStrings + KerasCatalog + LogKeys for each resolution
/// case, CallbackSemantics (over LogKeys.AutoModeDirection) for each callback case. One test per vector.
/// </summary>
public class ResolutionVectorCatalogTests
{
    private static readonly VectorFile Vectors = new("resolution-vectors.json");

    private static IReadOnlyDictionary<string, JsonElement> Cases => Vectors.Cases;

    public static TheoryData<string> ResolutionIds() => Vectors.IdsOf("resolution");

    public static TheoryData<string> CallbackIds() => Vectors.IdsOf("callback");

    [Theory]
    [MemberData(nameof(ResolutionIds))]
    public void Catalog_resolves_the_metric_string_and_its_log_keys_as_Keras_does(string id)
    {
        var c = Cases[id];
        var family = KerasFamilies.Parse(c.GetProperty("keras_version").GetString()!);
        var metric = c.GetProperty("metric").GetString()!;
        var loss = c.GetProperty("loss").ValueKind == JsonValueKind.String ? c.GetProperty("loss").GetString() : null;
        var yt = c.GetProperty("y_true_shape").EnumerateArray().Select(x => x.GetInt64()).ToArray();
        var yp = c.GetProperty("y_pred_shape").EnumerateArray().Select(x => x.GetInt64()).ToArray();
        var expected = c.GetProperty("expected");

        string? function;
        string? error = null;
        if (SpecialStrings.Classify(family, metric) != SpecialStringKind.None)
        {
            var lossCanonical = loss == null || loss == "custom" ? null : KerasCatalog.ResolveLoss(family, loss)?.CanonicalName;
            var layout = yt.Length < yp.Length ? LabelLayout.LowerRank : yt[^1] == 1 && yp[^1] > 1 ? LabelLayout.Column : LabelLayout.SameShape;
            var r = SpecialStrings.ResolveMetric(family, metric, lossCanonical, (int)yp[^1], layout);
            error = r.Error;
            function = r.Error == null ? r.Resolved : null;
        }
        else
        {
            function = KerasCatalog.ResolveMetric(family, metric)?.CanonicalName;
            if (function == null) error = "ValueError (not a metric name)";
        }

        var key = error == null ? LogKeys.MetricKey(family, metric) : null;
        if (expected.TryGetProperty("error", out var err))
        {
            Assert.True(error != null, $"{id}: Keras raises {err.GetString()}, the catalog resolves '{metric}' to {function} ({key})");
            Assert.Null(key);
            return;
        }

        Assert.True(error == null, $"{id}: the catalog says {error}");
        Assert.Equal(expected.GetProperty("function").GetString(), function);
        Assert.Equal(expected.GetProperty("train_key").GetString(), key);
        Assert.Equal(expected.GetProperty("val_key").GetString(), LogKeys.ValidationPrefix + key);
    }

    [Theory]
    [MemberData(nameof(CallbackIds))]
    public void Catalog_infers_the_callback_direction_and_missing_key_outcome_as_Keras_does(string id)
    {
        var c = Cases[id];
        var family = KerasFamilies.Parse(c.GetProperty("keras_version").GetString()!);
        var callback = Enum.Parse<MonitorCallback>(c.GetProperty("callback").GetString()!);
        var keys = c.GetProperty("logged_keys").EnumerateArray().Select(k => k.GetString()!).ToList();
        var saveBest = c.TryGetProperty("save_best_only", out var s) && s.ValueKind == JsonValueKind.True;
        var b = CallbackSemantics.Evaluate(family, callback, c.GetProperty("monitor").GetString()!, c.GetProperty("mode").GetString()!, saveBest, keys);
        var direction = b.Direction switch { MetricDirection.Up => "max", MetricDirection.Down => "min", _ => "error" };
        var outcome = b.Outcome switch
        {
            CallbackOutcome.Acts => "acts",
            CallbackOutcome.Warns => "warns",
            CallbackOutcome.WarnsNeverSaves => "warns_never_saves",
            CallbackOutcome.WarnsSavesEveryEpoch => "warns_saves_every_epoch",
            _ => "raises_ValueError",
        };
        var expected = c.GetProperty("expected");
        Assert.Equal(expected.GetProperty("direction").GetString(), direction);
        Assert.Equal(expected.GetProperty("outcome").GetString(), outcome);
    }

    [Fact]
    public void Auto_mode_direction_alone_agrees_with_every_cited_2x_and_tf_keras_case()
    {
        // LogKeys.AutoModeDirection (used by KL0012) must agree with the vectors wherever the family decides by name.
        foreach (var (id, c) in Cases)
        {
            if (c.GetProperty("kind").GetString() != "callback" || c.GetProperty("mode").GetString() != "auto") continue;
            var family = KerasFamilies.Parse(c.GetProperty("keras_version").GetString()!);
            if (family == KerasFamily.Keras3) continue;
            var d = LogKeys.AutoModeDirection(family, Enum.Parse<MonitorCallback>(c.GetProperty("callback").GetString()!), c.GetProperty("monitor").GetString()!);
            Assert.True((d == MetricDirection.Up ? "max" : "min") == c.GetProperty("expected").GetProperty("direction").GetString(), id);
        }
    }
}
