using KerasLint.Knowledge;
using Xunit;

namespace KerasLint.Analyzers.Tests.Knowledge;

/// <summary>TensorFlow.NET's Keras as a family of the one catalog (SciSharp/TensorFlow.NET at 6ce6066).</summary>
public class TfNetCatalogTests
{
    [Fact]
    public void TfNet_is_a_family_with_its_own_id_and_name_but_not_a_keras_net_option()
    {
        Assert.Equal("tfnet", KerasFamily.TfNet.Id());
        Assert.StartsWith("TensorFlow.NET's Keras (TensorFlow.Keras ", KerasFamily.TfNet.DisplayName());
        Assert.Equal(SpecialStringResolution.ShapeBased, KerasFamily.TfNet.Resolution());
        Assert.DoesNotContain(KerasFamily.TfNet, KerasFamilies.All);
        Assert.Contains(KerasFamily.TfNet, KerasFamilies.AllWithTfNet);
        Assert.False(FamilySet.All.Contains(KerasFamily.TfNet));

        // keraslint.keras_version (Keras.NET) keeps its four families.
        Assert.False(KerasFamilies.TryParse("tfnet", out _));
        Assert.False(KerasFamilies.TryParse("TensorFlow.Keras 0.15.0", out _));
    }

    [Theory]
    [InlineData("tfnet", 0, 15, 0)]
    [InlineData("TensorFlow.Keras 0.15.0", 0, 15, 0)]
    [InlineData("tfnet 0.10.5", 0, 10, 5)]
    [InlineData("TensorFlow.Keras 0.7.0", 0, 7, 0)]
    [InlineData("tensorflow.keras v0.11", 0, 11, 0)]
    public void TryParseAny_reads_tfnet_spellings(string text, int major, int minor, int build)
    {
        Assert.True(KerasFamilies.TryParseAny(text, out var f));
        Assert.Equal(KerasFamily.TfNet, f);
        Assert.True(TfNetSemantics.TryParseVersion(text, out var v));
        Assert.Equal(new Version(major, minor, build), v);
    }

    [Theory]
    [InlineData("3.15.1", KerasFamily.Keras3)]
    [InlineData("tf.keras 2.15.0", KerasFamily.TfKeras2)]
    [InlineData("2.2.4", KerasFamily.Keras22)]
    public void TryParseAny_keeps_the_keras_families(string text, KerasFamily expected)
    {
        Assert.True(KerasFamilies.TryParseAny(text, out var f));
        Assert.Equal(expected, f);
    }

    [Theory]
    [InlineData("tfnet 1.2")]
    [InlineData("tfnetwork")]
    [InlineData("TensorFlow.Keras x")]
    public void TryParseAny_rejects_nonsense_tfnet_versions(string text) => Assert.False(KerasFamilies.TryParseAny(text, out _));

    [Theory]
    // MetricsContainer._get_metric_object: p_last == 1 → binary; rank(y_true) < rank(y_pred) or t_last == 1 → sparse; else categorical.
    [InlineData("accuracy", 1, LabelLayout.SameShape, "binary_accuracy")]
    [InlineData("acc", 1, LabelLayout.LowerRank, "binary_accuracy")]
    [InlineData("accuracy", 10, LabelLayout.LowerRank, "sparse_categorical_accuracy")]
    [InlineData("accuracy", 10, LabelLayout.Column, "sparse_categorical_accuracy")]
    [InlineData("acc", 10, LabelLayout.SameShape, "categorical_accuracy")]
    public void Accuracy_is_resolved_by_shapes_never_by_the_loss(string text, int units, LabelLayout labels, string expected)
    {
        foreach (var loss in new[] { "binary_crossentropy", "mean_squared_error", "sparse_categorical_crossentropy", null })
        {
            var r = SpecialStrings.ResolveMetric(KerasFamily.TfNet, text, loss, units, labels);
            Assert.True(r.IsDetermined);
            Assert.Equal(expected, r.Resolved);
        }

        Assert.Equal("accuracy", LogKeys.MetricKey(KerasFamily.TfNet, text));
    }

    [Theory]
    [InlineData("Accuracy")]
    [InlineData("ACC")]
    [InlineData("crossentropy")]
    [InlineData("ce")]
    public void Only_the_exact_accuracy_strings_are_special(string text) =>
        Assert.Equal(SpecialStringKind.None, SpecialStrings.Classify(KerasFamily.TfNet, text));

    [Theory]
    [InlineData("accuracy", "accuracy")]
    [InlineData("acc", "accuracy")]
    [InlineData("mae", "mean_absolute_error")]
    [InlineData("mean_absolute_error", "mean_absolute_error")]
    [InlineData("mape", "mean_absolute_percentage_error")]
    [InlineData("mean_absolute_percentage_error", "mean_absolute_percentage_error")]
    public void The_six_metric_strings_and_their_log_keys(string text, string key)
    {
        Assert.True(TfNetSemantics.IsSupportedMetricString(text));
        Assert.Equal(key, TfNetSemantics.MetricLogKey(text));
        Assert.Equal(key, LogKeys.MetricKey(KerasFamily.TfNet, text));
    }

    [Theory]
    [InlineData("mse", null)]
    [InlineData("mean_squared_error", null)]
    [InlineData("binary_accuracy", null)]
    [InlineData("MAE", "mae")]
    [InlineData("accuracyy", "accuracy")]
    [InlineData("val_acc", null)]
    public void Other_metric_strings_throw_NotImplementedException_and_get_a_did_you_mean(string text, string? suggestion)
    {
        Assert.False(TfNetSemantics.IsSupportedMetricString(text));
        Assert.Null(TfNetSemantics.MetricLogKey(text));
        Assert.Null(LogKeys.MetricKey(KerasFamily.TfNet, text));
        Assert.Equal(suggestion, TfNetSemantics.ClosestMetricString(text));
        var message = TfNetSemantics.UnsupportedMetricMessage(text);
        Assert.Contains("NotImplementedException at the first training step", message);
        if (suggestion != null) Assert.Contains($"did you mean \"{suggestion}\"", message);
    }

    [Theory]
    [InlineData("val_accuracy", MetricDirection.Up)]
    [InlineData("accuracy", MetricDirection.Up)]
    [InlineData("val_acc", MetricDirection.Up)]
    [InlineData("auc", MetricDirection.Up)]
    [InlineData("val_loss", MetricDirection.Down)]
    [InlineData("mean_absolute_error", MetricDirection.Down)]
    [InlineData("accuracy_top", MetricDirection.Down)]
    public void EarlyStopping_auto_mode_maximises_keys_ending_in_acc_accuracy_or_auc(string monitor, MetricDirection expected)
    {
        Assert.Equal(expected, TfNetSemantics.EarlyStoppingAutoDirection(monitor));
        Assert.Equal(expected, LogKeys.AutoModeDirection(KerasFamily.TfNet, MonitorCallback.EarlyStopping, monitor));
    }

    [Theory]
    [InlineData("0.15.0", TfNetStringCompile.SilentRmspropMse)]
    [InlineData("0.10.5", TfNetStringCompile.SilentRmspropMse)]
    [InlineData("0.11.4", TfNetStringCompile.SilentRmspropMse)]
    [InlineData("0.10.4", TfNetStringCompile.ThrowsUnlessRmspropMse)]
    [InlineData("0.7.0", TfNetStringCompile.ThrowsUnlessRmspropMse)]
    [InlineData("0.6.0", TfNetStringCompile.ThrowsUnlessRmspropMse)]
    [InlineData("0.5.2", TfNetStringCompile.LossAndMetricsIgnored)]
    [InlineData("0.1.0", TfNetStringCompile.LossAndMetricsIgnored)]
    public void The_all_string_compile_behaviour_per_version(string version, TfNetStringCompile expected) =>
        Assert.Equal(expected, TfNetSemantics.StringCompileBehaviour(Version.Parse(version)));

    [Fact]
    public void The_all_string_compile_since_0_10_5_trains_RMSprop_and_MSE_whatever_was_written()
    {
        var o = TfNetSemantics.StringCompile(new Version(0, 15, 0), "adam", "sparse_categorical_crossentropy");
        Assert.Equal("RMSprop", o.Optimizer);
        Assert.Equal("mean_squared_error", o.Loss);
        Assert.Null(o.Error);
        Assert.True(o.DiffersFromWhatWasWritten);
        Assert.Contains("trains RMSprop with default settings and MeanSquaredError whatever you wrote", o.Summary);
        Assert.Contains("TensorFlow.Keras 0.15.0", o.Summary);

        Assert.Equal("mean_absolute_error", TfNetSemantics.StringCompile(new Version(0, 15, 0), "adam", "mae").Loss);
        Assert.False(TfNetSemantics.StringCompile(new Version(0, 15, 0), "rmsprop", "mse").DiffersFromWhatWasWritten);
    }

    [Fact]
    public void The_all_string_compile_in_0_7_throws_unless_rmsprop_and_mse_or_mae()
    {
        var o = TfNetSemantics.StringCompile(new Version(0, 7, 0), "adam", "sparse_categorical_crossentropy");
        Assert.Equal("NotImplementedException", o.Error);
        Assert.Null(o.Loss);
        var ok = TfNetSemantics.StringCompile(new Version(0, 7, 0), "rmsprop", "mae");
        Assert.Null(ok.Error);
        Assert.Equal("mean_absolute_error", ok.Loss);
        var old = TfNetSemantics.StringCompile(new Version(0, 5, 2), "adam", "mse");
        Assert.Null(old.Optimizer);
        Assert.Null(old.Loss);
        Assert.Contains("ignores the loss and metrics", old.Summary);
    }

    [Theory]
    [InlineData("0.7.0", TfNetSparseFromLogits.AlwaysLogits)]
    [InlineData("0.10.3", TfNetSparseFromLogits.AlwaysLogits)]
    [InlineData("0.10.4", TfNetSparseFromLogits.AlwaysProbabilities)]
    [InlineData("0.10.5", TfNetSparseFromLogits.Honoured)]
    [InlineData("0.15.0", TfNetSparseFromLogits.Honoured)]
    public void SparseCategoricalCrossentropy_from_logits_history(string version, TfNetSparseFromLogits expected) =>
        Assert.Equal(expected, TfNetSemantics.SparseCategoricalFromLogits(Version.Parse(version)));

    [Theory]
    [InlineData("SparseCategoricalCrossentropy", "sparse_categorical_crossentropy")]
    [InlineData("CategoricalCrossentropy", "categorical_crossentropy")]
    [InlineData("BinaryCrossentropy", "binary_crossentropy")]
    [InlineData("MeanSquaredError", "mean_squared_error")]
    [InlineData("LogCosh", "log_cosh")]
    [InlineData("Huber", "huber")]
    [InlineData("mse", "mean_squared_error")]
    [InlineData("mae", "mean_absolute_error")]
    public void Loss_objects_resolve_in_the_tfnet_family(string name, string canonical) =>
        Assert.Equal(canonical, KerasCatalog.ResolveLoss(KerasFamily.TfNet, name)?.CanonicalName);

    [Theory]
    [InlineData("binary_crossentropy")]
    [InlineData("sparse_categorical_crossentropy")]
    [InlineData("KLDivergence")]
    [InlineData("Poisson")]
    public void Names_tfnet_lacks_do_not_resolve(string name) => Assert.Null(KerasCatalog.ResolveLoss(KerasFamily.TfNet, name));

    [Fact]
    public void The_python_families_do_not_gain_tfnet_names()
    {
        // SigmoidFocalCrossEntropy is TF.NET's (from TensorFlow Addons); no Keras family accepts it.
        foreach (var f in KerasFamilies.All)
        {
            Assert.Null(KerasCatalog.ResolveLoss(f, "SigmoidFocalCrossEntropy"));
        }

        Assert.Equal(FamilySet.TfNet, KerasCatalog.FamiliesOf("SigmoidFocalCrossEntropy", FunctionRoles.Loss));
    }

    [Fact]
    public void Loss_objects_with_from_logits_are_the_crossentropies()
    {
        Assert.Equal(new[] { "BinaryCrossentropy", "CategoricalCrossentropy", "SparseCategoricalCrossentropy", "SigmoidFocalCrossEntropy" }, TfNetSemantics.LossesWithFromLogits);
        foreach (var n in TfNetSemantics.LossesWithFromLogits)
        {
            Assert.True(TfNetSemantics.LossObjects.ContainsKey(n));
        }
    }
}
