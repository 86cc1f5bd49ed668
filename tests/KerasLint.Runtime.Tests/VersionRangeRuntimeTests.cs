using KerasLint.Cli;
using KerasLint.Knowledge;
using KerasLint.Runtime.Conformance;
using TorchSharp;
using Xunit;

namespace KerasLint.Runtime.Tests;

/// <summary>
/// The runtime at a concrete version inside tf.keras 2.x (2.2–2.5 / 2.6 / 2.7–2.15, docs/keras-semantics.md §8) and the
/// version-range vectors (tests/data/version-range-vectors.json) shipped in the tool and run through the runtime.
/// </summary>
public class VersionRangeRuntimeTests
{
    private static readonly long[] Col = { 32, 1 };
    private static readonly long[] Ten = { 32, 10 };

    private static KerasVersion V(string text) => KerasVersion.Parse(text);

    [Theory]
    // Before 2.6 the strings are matched exactly: "Accuracy" is the Accuracy class, logged under its name accuracy;
    // from 2.6 it is intercepted case-insensitively and logged under the user's string.
    [InlineData("tf.keras 2.2.0", "accuracy", "accuracy")]
    [InlineData("tf.keras 2.5.0", "accuracy", "accuracy")]
    [InlineData("2.6.0", "categorical_accuracy", "Accuracy")]
    [InlineData("2.7.0", "categorical_accuracy", "Accuracy")]
    [InlineData("tf.keras 2.15.0", "categorical_accuracy", "Accuracy")]
    [InlineData("tf2", "categorical_accuracy", "Accuracy")]
    public void Accuracy_with_a_capital_resolves_per_range(string version, string function, string key)
    {
        var r = CompileResolver.ResolveMetric(V(version), "Accuracy", "categorical_crossentropy", Ten, Ten);
        Assert.Null(r.Error);
        Assert.Equal(function, r.Function);
        Assert.Equal(key, r.LogKey);
    }

    [Theory]
    [InlineData("2.5.0", true)]
    [InlineData("2.6.0", false)]
    public void Other_spellings_raise_only_before_26(string version, bool raises)
    {
        var r = CompileResolver.ResolveMetric(V(version), "ACCURACY", "categorical_crossentropy", Ten, Ten);
        Assert.Equal(raises, r.IsError);
    }

    [Fact]
    public void Accuracy_before_26_computes_the_exact_match_on_probabilities()
    {
        // The exact-match Accuracy class on probabilities: 0 (tensorflow/tensorflow#46436); from 2.6 the string is a
        // compile-time one the metric factory does not take.
        using var yt = torch.tensor(new float[] { 0, 1, 1, 0 }, 2, 2);
        using var yp = torch.tensor(new float[] { 0.2f, 0.8f, 0.9f, 0.1f }, 2, 2);
        Assert.Equal(0.0, KerasMetrics.Evaluate(V("2.5.0"), "Accuracy", yt, yp), 6);
        Assert.Equal(0.0, KerasMetrics.Evaluate(V("2.4.0"), "ACC", yt, yp), 6);
        Assert.Throws<ArgumentException>(() => KerasMetrics.Create(V("2.6.0"), "Accuracy"));
        Assert.Throws<ArgumentException>(() => KerasMetrics.Create(V("2.5.0"), "ACCURACY"));
    }

    [Theory]
    // tf.keras: a class name is instantiated with no arguments and keeps its snake_case name; Keras 3 renames it.
    [InlineData("2.5.0", "AUC", "auc")]
    [InlineData("2.15.0", "Precision", "precision")]
    [InlineData("3.15.1", "AUC", "AUC")]
    public void Class_name_metrics_log_under_the_versions_name(string version, string metric, string key)
    {
        var r = CompileResolver.ResolveMetric(V(version), metric, "binary_crossentropy", Col, Col);
        Assert.Equal(key, r.LogKey);
    }

    [Theory]
    [InlineData("2.3.1", "CategoricalCrossentropy", null)]
    [InlineData("tf.keras 2.1.0", "CategoricalCrossentropy", "categorical_crossentropy")]
    [InlineData("2.15.0", "CategoricalCrossentropy", "categorical_crossentropy")]
    [InlineData("2.3.1", "categorical_crossentropy", "categorical_crossentropy")]
    [InlineData("2.3.1", "MSE", "mean_squared_error")]
    public void A_loss_class_name_fails_only_in_standalone_23(string version, string loss, string? function)
    {
        var r = CompileResolver.ResolveLoss(V(version), loss, Ten, Ten);
        Assert.Equal(function, r.Function);
        Assert.Equal(function == null, r.IsError);
    }

    [Fact]
    public void Standalone_231_fails_on_a_class_name_and_tf_keras_21_does_not()
    {
        Assert.Contains("TypeError", CompileResolver.ResolveMetric(V("2.3.1"), "AUC", "binary_crossentropy", Col, Col).Error);
        Assert.False(CompileResolver.ResolveMetric(V("tf.keras 2.1.0"), "AUC", "binary_crossentropy", Col, Col).IsError);
    }

    [Theory]
    // EarlyStopping: 'acc' in the key up to 2.6 (v2.6.0 keras/callbacks.py 1777), ends with acc/accuracy/auc from 2.7
    // (v2.7.0 1794–1795). ModelCheckpoint ('acc' in or 'fmeasure' prefix, v2.15.0 1428) and ReduceLROnPlateau ('acc' in,
    // v2.15.0 3093) in every range.
    [InlineData("2.5.0", MonitorCallback.EarlyStopping, "val_auc", "min")]
    [InlineData("2.6.0", MonitorCallback.EarlyStopping, "val_auc", "min")]
    [InlineData("2.7.0", MonitorCallback.EarlyStopping, "val_auc", "max")]
    [InlineData("2.15.0", MonitorCallback.EarlyStopping, "val_auc", "max")]
    [InlineData("tf2", MonitorCallback.EarlyStopping, "val_auc", "max")]
    [InlineData("2.5.0", MonitorCallback.EarlyStopping, "val_acc_top5", "max")]
    [InlineData("2.7.0", MonitorCallback.EarlyStopping, "val_acc_top5", "min")]
    [InlineData("2.15.0", MonitorCallback.ModelCheckpoint, "val_auc", "min")]
    [InlineData("2.15.0", MonitorCallback.ModelCheckpoint, "fmeasure", "max")]
    [InlineData("2.15.0", MonitorCallback.ReduceLROnPlateau, "val_auc", "min")]
    [InlineData("2.15.0", MonitorCallback.ReduceLROnPlateau, "val_accuracy", "max")]
    public void Auto_mode_follows_the_version_and_the_callback(string version, MonitorCallback callback, string monitor, string direction)
    {
        var keys = new[] { "loss", "val_loss", LogKeys.StripValidation(monitor), monitor }.Distinct().ToArray();
        var b = KerasCallbacks.Behaviour(V(version), callback, monitor, "auto", saveBestOnly: false, keys);
        Assert.Equal(direction, CompileVectors.DirectionName(b.Direction));
    }

    [Fact]
    public void A_checkpoint_on_val_auc_keeps_the_first_epoch_in_auto_mode_even_in_215()
    {
        var auc = new[] { 0.60, 0.70, 0.80 };
        Assert.Equal(new[] { 1 }, KerasCallbacks.CheckpointSavedEpochs(V("2.15.0"), "val_auc", "auto", auc));
        Assert.Equal(new[] { 1, 2, 3 }, KerasCallbacks.CheckpointSavedEpochs(V("2.15.0"), "val_auc", "max", auc));
    }

    [Fact]
    public void A_concrete_22_version_reaches_the_pre_223_sparse_accuracy()
    {
        // Keras 2.0–2.2.2 compare with each target row's maximum (vector pv001): one-hot rows read as class 1, so the
        // first row (class 2, predicted 2) counts 0 and the second (class 1, predicted 1) counts 1. The version alone
        // selects it (no KerasArgs.Release).
        using var yt = torch.tensor(new float[] { 0, 0, 1, 0, 1, 0 }, 2, 3);
        using var yp = torch.tensor(new float[] { 0.1f, 0.1f, 0.8f, 0.2f, 0.7f, 0.1f }, 2, 3);
        using var v = KerasMetrics.Function(V("2.2.2"), "sparse_categorical_accuracy", yt, yp);
        Assert.Equal(new[] { 0.0, 1.0 }, KerasTensors.ToDoubles(v));
    }

    [Theory]
    [InlineData("2.x")]
    [InlineData("banana")]
    [InlineData("4.0.0")]
    [InlineData("")]
    public void A_bad_version_string_is_an_argument_error_naming_it(string text)
    {
        var e = Assert.Throws<ArgumentException>(() => KerasVersion.Parse(text));
        Assert.Contains($"'{text}'", e.Message);
        Assert.Contains("2.5.0", e.Message);
    }

    [Fact]
    public void Families_and_tfnet_parse_as_families()
    {
        Assert.Equal(KerasFamily.TfNet, KerasVersion.Parse("TensorFlow.Keras 0.15.0").Family);
        Assert.Null(KerasVersion.Parse("tf2").Version);
        KerasVersion fromEnum = KerasFamily.Keras3;
        Assert.Equal(KerasFamily.Keras3, fromEnum.Family);
    }

    private static ConformanceSuite ShippedRanges() => ConformanceSuite.Parse(ShippedVectors.Read("version-range-vectors.json"), "version-range-vectors.json");

    [Fact]
    public void The_tool_ships_the_27_version_range_vectors_and_each_passes_through_the_runtime()
    {
        var suite = ShippedRanges();
        Assert.Empty(suite.Numeric);
        Assert.Equal(27, suite.Compile.Count);
        Assert.Equal(12, suite.Compile.Count(c => c.Kind == "callback"));
        Assert.Equal(12, suite.Compile.Count(c => c.Kind == "resolution"));
        Assert.Equal(3, suite.Compile.Count(c => c.Kind == "loss_resolution"));
        var failed = suite.Compile.Select(CompileVectors.Evaluate).Where(o => !o.Passed).Select(o => o.ToString()).ToList();
        Assert.Empty(failed);
        // Every range of tf.keras 2.x has a case.
        var ranges = suite.Compile.Select(c => c.Version.TfRange).Distinct().ToList();
        Assert.Contains(TfKerasRange.Tf22To25, ranges);
        Assert.Contains(TfKerasRange.Tf26, ranges);
        Assert.Contains(TfKerasRange.Tf27To215, ranges);
    }

    [Theory]
    // A vector whose expectation is the other range's fact fails: the runtime answers per version, not per family.
    [InlineData("vr-cb01", "\"direction\": \"min\"", "\"direction\": \"max\"")]
    [InlineData("vr-cb02", "\"direction\": \"max\"", "\"direction\": \"min\"")]
    [InlineData("vr-rs01", "\"function\": \"accuracy\"", "\"function\": \"categorical_accuracy\"")]
    [InlineData("vr-rs02", "\"train_key\": \"Accuracy\"", "\"train_key\": \"accuracy\"")]
    [InlineData("vr-ls01", "\"error\": \"compile fails\"", "\"function\": \"categorical_crossentropy\"")]
    [InlineData("vr-ls02", "\"function\": \"categorical_crossentropy\"", "\"error\": \"compile fails\"")]
    public void A_deliberately_wrong_vector_fails(string id, string right, string wrong)
    {
        var json = System.Text.Json.JsonDocument.Parse(ShippedVectors.Read("version-range-vectors.json"));
        var raw = json.RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetString() == id).GetRawText();
        var original = ConformanceSuite.Parse("[" + raw + "]").Compile.Single();
        Assert.True(CompileVectors.Evaluate(original).Passed, id);

        var pretty = System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(raw).RootElement, new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        Assert.Contains(right, pretty);
        var broken = ConformanceSuite.Parse("[" + pretty.Replace(right, wrong) + "]").Compile.Single();
        Assert.False(CompileVectors.Evaluate(broken).Passed, id);

        // The command prints the failure and exits 1.
        var path = Path.Combine(Path.GetTempPath(), $"keraslint-wrong-{id}-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "[" + pretty.Replace(right, wrong) + "]");
        try
        {
            var o = new StringWriter();
            Assert.Equal(1, ConformanceCommand.Run(new FileInfo(path), "cpu", o, new StringWriter()));
            Assert.Contains($"FAIL {id}", o.ToString());
            Assert.EndsWith("0 passed, 1 failed", o.ToString().TrimEnd());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
