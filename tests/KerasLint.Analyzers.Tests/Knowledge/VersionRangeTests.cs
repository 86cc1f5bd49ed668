using System.Text.Json;
using KerasLint.Knowledge;
using Xunit;

namespace KerasLint.Analyzers.Tests.Knowledge;

/// <summary>
/// The version-ranged facts of the catalog (KerasVersion, LogKeys.MetricKeys/AutoModeDirection, SpecialStrings.ResolveAnyMetric,
/// CallbackSemantics) against tests/data/version-range-vectors.json, whose expected values come from keras-team/keras at
/// the cited tags (and tensorflow/tensorflow#46436 for TF 2.2–2.5), one test per vector; and the parsing of concrete versions.
/// </summary>
public class VersionRangeTests
{
    private static readonly VectorFile Vectors = new("version-range-vectors.json");

    private static IReadOnlyDictionary<string, JsonElement> Cases => Vectors.Cases;

    public static TheoryData<string> ResolutionIds() => Vectors.IdsOf("resolution");

    public static TheoryData<string> CallbackIds() => Vectors.IdsOf("callback");

    private static KerasVersion VersionOf(JsonElement c)
    {
        Assert.True(KerasVersion.TryParse(c.GetProperty("keras_version").GetString(), out var v));
        Assert.NotNull(v.Version); // every vector names a concrete version
        return v;
    }

    [Theory]
    [MemberData(nameof(ResolutionIds))]
    public void Metric_string_resolves_and_logs_as_the_cited_version_does(string id)
    {
        var c = Cases[id];
        var version = VersionOf(c);
        var metric = c.GetProperty("metric").GetString()!;
        var loss = c.GetProperty("loss").GetString();
        var yt = c.GetProperty("y_true_shape").EnumerateArray().Select(x => x.GetInt64()).ToArray();
        var yp = c.GetProperty("y_pred_shape").EnumerateArray().Select(x => x.GetInt64()).ToArray();
        var layout = yt.Length < yp.Length ? LabelLayout.LowerRank : yt[^1] == 1 && yp[^1] > 1 ? LabelLayout.Column : LabelLayout.SameShape;
        var lossCanonical = loss == null ? null : KerasCatalog.ResolveLoss(version.Family, loss)?.CanonicalName;
        var r = SpecialStrings.ResolveAnyMetric(version, metric, lossCanonical, (int)yp[^1], layout);
        var expected = c.GetProperty("expected");
        if (expected.TryGetProperty("error", out var err))
        {
            Assert.True(r.Error != null, $"{id}: Keras fails ({err.GetString()}), the catalog resolves '{metric}' to {string.Join(", ", r.Candidates)}");
            return;
        }

        Assert.True(r.Error == null, $"{id}: the catalog says {r.Error}");
        Assert.Equal(expected.GetProperty("function").GetString(), r.Resolved);
        Assert.Equal(new[] { expected.GetProperty("train_key").GetString()! }, LogKeys.MetricKeys(version, metric));
        Assert.True(LogKeys.MayLog(version, new[] { metric }, expected.GetProperty("train_key").GetString()!));
    }

    public static TheoryData<string> LossResolutionIds() => Vectors.IdsOf("loss_resolution");

    [Theory]
    [MemberData(nameof(LossResolutionIds))]
    public void Loss_string_fails_or_resolves_as_the_cited_version_does(string id)
    {
        var c = Cases[id];
        var version = VersionOf(c);
        var loss = c.GetProperty("loss").GetString()!;
        var failure = KerasCatalog.ClassNameLossBehaviour(version, loss);
        var expected = c.GetProperty("expected");
        if (expected.TryGetProperty("error", out var err))
        {
            Assert.True(failure != null, $"{id}: Keras fails ({err.GetString()}), the catalog accepts '{loss}'");
            return;
        }

        Assert.Null(failure);
        Assert.Equal(expected.GetProperty("function").GetString(), KerasCatalog.ResolveLoss(version.Family, loss)?.CanonicalName);
    }

    [Theory]
    [MemberData(nameof(CallbackIds))]
    public void Callback_direction_follows_the_cited_version_and_callback(string id)
    {
        var c = Cases[id];
        var version = VersionOf(c);
        var callback = Enum.Parse<MonitorCallback>(c.GetProperty("callback").GetString()!);
        var monitor = c.GetProperty("monitor").GetString()!;
        var keys = c.GetProperty("logged_keys").EnumerateArray().Select(k => k.GetString()!).ToList();
        var saveBest = c.TryGetProperty("save_best_only", out var s) && s.ValueKind == JsonValueKind.True;
        var b = CallbackSemantics.Evaluate(version, callback, monitor, c.GetProperty("mode").GetString()!, saveBest, keys);
        var expected = c.GetProperty("expected");
        Assert.Equal(expected.GetProperty("direction").GetString(), b.Direction switch { MetricDirection.Up => "max", MetricDirection.Down => "min", _ => "error" });
        Assert.Equal(expected.GetProperty("outcome").GetString(), b.Outcome == CallbackOutcome.Acts ? "acts" : b.Outcome.ToString());
        Assert.Equal(b.Direction, LogKeys.AutoModeDirection(version, callback, monitor));
    }

    [Fact]
    public void Every_vector_cites_a_tag_commit_and_line_or_an_issue()
    {
        Assert.True(Cases.Count >= 12);
        foreach (var (id, c) in Cases)
        {
            var citations = c.GetProperty("citations").EnumerateArray().ToList();
            Assert.True(citations.Count > 0, id);
            foreach (var cit in citations)
            {
                if (cit.TryGetProperty("issue", out _)) continue;
                Assert.Matches("^[0-9a-f]{40}$", cit.GetProperty("commit").GetString()!);
                Assert.True(cit.GetProperty("line").GetInt32() > 0, id);
                Assert.False(string.IsNullOrWhiteSpace(cit.GetProperty("text").GetString()), id);
            }
        }
    }

    [Theory]
    [InlineData("2.5", KerasFamily.TfKeras2, TfKerasRange.Tf22To25, "5")]
    [InlineData("tf.keras 2.2", KerasFamily.TfKeras2, TfKerasRange.Tf22To25, "2")]
    [InlineData("2.6.0", KerasFamily.TfKeras2, TfKerasRange.Tf26, "6")]
    [InlineData("2.7", KerasFamily.TfKeras2, TfKerasRange.Tf27To215, "7")]
    [InlineData("2.10", KerasFamily.TfKeras2, TfKerasRange.Tf27To215, "10")]
    [InlineData("tf.keras 2.15.0", KerasFamily.TfKeras2, TfKerasRange.Tf27To215, "15")]
    [InlineData("tf2", KerasFamily.TfKeras2, TfKerasRange.Unknown, null)]
    [InlineData("2.3.1", KerasFamily.Keras23, TfKerasRange.Unknown, "3")]
    [InlineData("3.15.1", KerasFamily.Keras3, TfKerasRange.Unknown, "15")]
    public void Concrete_versions_keep_their_range(string text, KerasFamily family, TfKerasRange range, string? minor)
    {
        Assert.True(KerasVersion.TryParse(text, out var v));
        Assert.Equal(family, v.Family);
        Assert.Equal(range, v.TfRange);
        Assert.Equal(minor, v.Version?.Minor.ToString());
    }

    [Fact]
    public void Standalone_23_is_told_apart_from_tf_keras_20_21()
    {
        Assert.True(KerasVersion.TryParse("2.3.1", out var k23) && k23.IsStandalone23);
        Assert.True(KerasVersion.TryParse("tf.keras 2.1", out var tf21) && tf21.Family == KerasFamily.Keras23 && !tf21.IsStandalone23);
        Assert.True(KerasVersion.TryParse("2.3", out var family) && !family.IsStandalone23 && family.Version == null);
        Assert.False(KerasVersion.TryParse("2.x", out _));
    }

    [Theory]
    // tf.keras EarlyStopping: 'acc' in the key up to 2.6 (v2.6.0 keras/callbacks.py 1777), ends with acc/accuracy/auc from
    // 2.7 (v2.7.0 1794–1795). With the version unknown only what both rules agree on is answered.
    [InlineData("2.5", "val_auc", MetricDirection.Down)]
    [InlineData("2.6", "val_auc", MetricDirection.Down)]
    [InlineData("2.7", "val_auc", MetricDirection.Up)]
    [InlineData("tf2", "val_auc", MetricDirection.Unknown)]
    [InlineData("tf2", "val_precision", MetricDirection.Down)]
    [InlineData("tf2", "val_accuracy", MetricDirection.Up)]
    [InlineData("2.5", "val_acc_top5", MetricDirection.Up)]
    [InlineData("2.7", "val_acc_top5", MetricDirection.Down)]
    [InlineData("tf2", "val_acc_top5", MetricDirection.Unknown)]
    public void EarlyStopping_auto_mode_is_version_ranged(string version, string monitor, MetricDirection expected)
    {
        Assert.True(KerasVersion.TryParse(version, out var v));
        Assert.Equal(expected, LogKeys.AutoModeDirection(v, MonitorCallback.EarlyStopping, monitor));
    }

    [Theory]
    // ModelCheckpoint keeps 'acc' in the key or an 'fmeasure' prefix through 2.15 (v2.15.0 keras/callbacks.py 1428),
    // ReduceLROnPlateau minimises every key without 'acc' (v2.15.0 3093): the same in every tf.keras version.
    [InlineData(MonitorCallback.ModelCheckpoint, "val_auc")]
    [InlineData(MonitorCallback.ModelCheckpoint, "val_recall")]
    [InlineData(MonitorCallback.ReduceLROnPlateau, "val_auc")]
    public void Checkpoint_and_ReduceLR_minimise_auc_in_every_tf_keras_range(MonitorCallback callback, string monitor)
    {
        foreach (var text in new[] { "tf2", "2.5", "2.6", "2.7", "2.15" })
        {
            Assert.True(KerasVersion.TryParse(text, out var v));
            Assert.Equal(MetricDirection.Down, LogKeys.AutoModeDirection(v, callback, monitor));
            Assert.Equal("tf.keras 2.2–2.15", LogKeys.AutoModeRule(v, callback)!.Value.Versions);
        }
    }

    [Fact]
    public void Auto_mode_rule_names_both_EarlyStopping_rules_when_the_tf_keras_version_is_unknown()
    {
        Assert.Equal("every tf.keras version 2.2–2.15", LogKeys.AutoModeRule(KerasVersion.Of(KerasFamily.TfKeras2), MonitorCallback.EarlyStopping)!.Value.Versions);
        Assert.Null(LogKeys.AutoModeRule(KerasVersion.Of(KerasFamily.Keras3), MonitorCallback.EarlyStopping));
        Assert.Contains("ending in 'acc', 'accuracy' or 'auc'", LogKeys.AutoModeRule(KerasVersion.Of(KerasFamily.TfNet), MonitorCallback.EarlyStopping)!.Value.Rule);
    }

    [Theory]
    // v2.15.0: class names are instantiated with no arguments and keep their default names; name=None classes are
    // uniquified (base_layer.py 2803–2808). Keras 3 renames to the string (compile_utils.py 84).
    [InlineData("tf2", "AUC", "auc")]
    [InlineData("tf2", "Precision", "precision")]
    [InlineData("tf2", "KLDivergence", "kullback_leibler_divergence")]
    [InlineData("tf2", "LogCoshError", "logcosh")]
    [InlineData("tf2", "BinaryAccuracy", "binary_accuracy")]
    [InlineData("3", "AUC", "AUC")]
    [InlineData("tf2", "auc", null)]
    public void Class_name_metric_strings_log_under_the_object_name(string version, string metric, string? key)
    {
        Assert.True(KerasVersion.TryParse(version, out var v));
        Assert.Equal(key, LogKeys.MetricKeys(v, metric).SingleOrDefault());
    }

    [Fact]
    public void Uniquified_names_may_be_logged_only_for_classes_named_by_unique_object_name()
    {
        var tf = KerasVersion.Of(KerasFamily.TfKeras2);
        Assert.True(LogKeys.MayLog(tf, new[] { "AUC" }, "auc_1"));
        Assert.True(LogKeys.MayLog(tf, new[] { "Recall" }, "recall_12"));
        Assert.False(LogKeys.MayLog(tf, new[] { "AUC" }, "AUC"));
        Assert.False(LogKeys.MayLog(tf, new[] { "AUC" }, "auc_x"));
        Assert.False(LogKeys.MayLog(tf, new[] { "BinaryAccuracy" }, "binary_accuracy_1"));
        Assert.False(LogKeys.MayLog(KerasVersion.Of(KerasFamily.Keras3), new[] { "AUC" }, "auc"));
    }

    [Fact]
    public void Accuracy_spellings_differ_before_and_after_tf_keras_26()
    {
        Assert.True(KerasVersion.TryParse("2.5", out var tf25));
        Assert.True(KerasVersion.TryParse("2.6", out var tf26));
        var tf = KerasVersion.Of(KerasFamily.TfKeras2);
        Assert.Equal(new[] { "accuracy" }, LogKeys.MetricKeys(tf25, "Accuracy"));
        Assert.Equal(new[] { "Accuracy" }, LogKeys.MetricKeys(tf26, "Accuracy"));
        Assert.Equal(new[] { "Accuracy", "accuracy" }, LogKeys.MetricKeys(tf, "Accuracy"));
        Assert.Empty(LogKeys.MetricKeys(tf25, "ACCURACY"));
        Assert.NotNull(SpecialStrings.ResolveAnyMetric(tf25, "CE", null, 3, LabelLayout.SameShape).Error);
        Assert.NotNull(KerasCatalog.ClassNameMetricBehaviour(tf25, "Accuracy"));
        Assert.Null(KerasCatalog.ClassNameMetricBehaviour(tf26, "Accuracy"));
        Assert.Null(KerasCatalog.ClassNameMetricBehaviour(tf, "Accuracy")); // holds for part of the family only: silent
        Assert.NotNull(KerasCatalog.ClassNameMetricBehaviour(KerasVersion.Of(KerasFamily.Keras23), "Accuracy"));
    }

    [Fact]
    public void The_family_level_answers_stay_the_newest_range_for_the_runtime()
    {
        // CallbackSemantics.Evaluate(family, …) and LogKeys.AutoModeDirection(family, …) keep answering tf.keras 2.x with
        // the 2.7–2.15 rule (the conformance file resolution-vectors.json pins tf.keras 2.15.0).
        Assert.Equal(MetricDirection.Up, LogKeys.AutoModeDirection(KerasFamily.TfKeras2, MonitorCallback.EarlyStopping, "val_auc"));
        Assert.Equal("auc", LogKeys.MetricKey(KerasFamily.TfKeras2, "AUC"));
    }
}
