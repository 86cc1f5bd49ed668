using KerasLint.Knowledge;
using Xunit;

namespace KerasLint.Analyzers.Tests.Knowledge;

public class CatalogTests
{
    [Theory]
    [InlineData("2.2", KerasFamily.Keras22)]
    [InlineData("2.2.4", KerasFamily.Keras22)]
    [InlineData("2.0.0", KerasFamily.Keras22)]
    [InlineData("2.3.1", KerasFamily.Keras23)]
    [InlineData("tf.keras 2.1", KerasFamily.Keras23)]
    [InlineData("tf.keras 2.15.0", KerasFamily.TfKeras2)]
    [InlineData("tf2", KerasFamily.TfKeras2)]
    [InlineData("2.15.0", KerasFamily.TfKeras2)]
    [InlineData("3.15.1", KerasFamily.Keras3)]
    [InlineData(" 3 ", KerasFamily.Keras3)]
    public void Family_parses_ids_and_versions(string text, KerasFamily expected)
    {
        Assert.True(KerasFamilies.TryParse(text, out var f));
        Assert.Equal(expected, f);
        Assert.Equal(f, KerasFamilies.Parse(f.Id()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("keras")]
    [InlineData("4.0")]
    [InlineData("1.2.2")]
    [InlineData("2.x")]
    public void Family_rejects_nonsense(string text)
    {
        Assert.False(KerasFamilies.TryParse(text, out _));
        var ex = Assert.Throws<ArgumentException>(() => KerasFamilies.Parse(text));
        Assert.Contains(text, ex.Message);
    }

    [Theory]
    // Names that exist in some families only (docs/keras-semantics.md §3).
    [InlineData("logcosh", "loss", "2.2,2.3,tf2", "log_cosh")]
    [InlineData("log_cosh", "loss", "tf2,3", "log_cosh")]
    [InlineData("huber_loss", "loss", "2.3,tf2", "huber")]
    [InlineData("kld", "loss", "2.2,2.3,tf2,3", "kl_divergence")]
    [InlineData("kld", "metric", "", null)]
    [InlineData("bce", "loss", "tf2,3", "binary_crossentropy")]
    [InlineData("cosine", "loss", "2.2,2.3", "cosine_similarity")]
    // keras-team/keras 2.3.1 keras/metrics.py 21 imports categorical_hinge, line 1959 aliases cosine_similarity; 2.2.4
    // keras/metrics.py 9–21 imports neither (vectors vr-rs06..vr-rs08 in tests/data/version-range-vectors.json).
    [InlineData("categorical_hinge", "metric", "2.3,tf2,3", "categorical_hinge")]
    [InlineData("cosine_similarity", "metric", "2.3,tf2,3", "cosine_similarity")]
    [InlineData("precision", "metric", "3", "precision")]
    [InlineData("Precision", "metric", "2.3,tf2,3", "precision")]
    [InlineData("mse", "metric", "2.2,2.3,tf2,3", "mean_squared_error")]
    [InlineData("MeanSquaredError", "loss", "2.3,tf2,3", "mean_squared_error")]
    public void Names_exist_in_the_families_semantics_lists(string text, string role, string families, string? canonical)
    {
        var r = role == "loss" ? FunctionRoles.Loss : FunctionRoles.Metric;
        var expected = families.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(KerasFamilies.Parse).ToHashSet();
        foreach (var f in KerasFamilies.All)
        {
            var resolved = r == FunctionRoles.Loss ? KerasCatalog.ResolveLoss(f, text) : KerasCatalog.ResolveMetric(f, text);
            if (expected.Contains(f))
            {
                Assert.NotNull(resolved);
                Assert.Equal(canonical, resolved!.CanonicalName);
            }
            else
            {
                Assert.Null(resolved);
            }
        }
    }

    [Fact]
    public void Every_name_points_at_a_function_with_the_role()
    {
        foreach (var n in KerasCatalog.Names)
        {
            var f = KerasCatalog.Get(n.Canonical);
            Assert.True(f != null, $"{n.Text} -> {n.Canonical} has no function entry");
            Assert.True((f!.Roles & n.Role) != 0, $"{n.Text} is a {n.Role} name but {f.CanonicalName} is {f.Roles}");
        }
    }

    [Theory]
    [InlineData("2.2", "accuracy", "acc")]
    [InlineData("2.2", "acc", "acc")]
    [InlineData("2.2", "ce", "ce")]
    [InlineData("2.2", "mse", "mean_squared_error")]
    [InlineData("2.2", "cosine", "cosine_proximity")]
    [InlineData("2.3", "accuracy", "accuracy")]
    [InlineData("tf2", "accuracy", "accuracy")]
    [InlineData("tf2", "acc", "acc")]
    [InlineData("tf2", "mse", "mse")]
    [InlineData("3", "accuracy", "accuracy")]
    public void Log_keys_follow_semantics_2(string family, string metric, string key) =>
        Assert.Equal(key, LogKeys.MetricKey(KerasFamilies.Parse(family), metric));

    [Fact]
    public void Keras3_logs_no_key_for_crossentropy_metric() =>
        Assert.Null(LogKeys.MetricKey(KerasFamily.Keras3, "crossentropy"));

    [Theory]
    [InlineData("2.2", MonitorCallback.EarlyStopping, "val_acc", MetricDirection.Up)]
    [InlineData("2.2", MonitorCallback.EarlyStopping, "val_loss", MetricDirection.Down)]
    [InlineData("tf2", MonitorCallback.EarlyStopping, "val_auc_1", MetricDirection.Down)]
    [InlineData("tf2", MonitorCallback.EarlyStopping, "val_auc", MetricDirection.Up)]
    [InlineData("tf2", MonitorCallback.ModelCheckpoint, "val_accuracy", MetricDirection.Up)]
    [InlineData("3", MonitorCallback.EarlyStopping, "val_accuracy", MetricDirection.Up)]
    [InlineData("3", MonitorCallback.EarlyStopping, "val_mae", MetricDirection.Down)]
    public void Auto_mode_direction_follows_each_family(string family, MonitorCallback cb, string key, MetricDirection expected) =>
        Assert.Equal(expected, LogKeys.AutoModeDirection(KerasFamilies.Parse(family), cb, key));

    [Theory]
    [InlineData("softmax", HeadActivation.Softmax)]
    [InlineData("", HeadActivation.Linear)]
    [InlineData(null, HeadActivation.Linear)]
    [InlineData("relu", HeadActivation.Unbounded)]
    [InlineData("sigmoid", HeadActivation.Sigmoid)]
    [InlineData("my_activation", HeadActivation.Unknown)]
    public void Activations_classify(string? activation, HeadActivation expected) =>
        Assert.Equal(expected, Activations.Classify(activation));

    // ---- KerasCatalog.Describe: what the messages say each family computes (docs/keras-semantics.md §4a) ----

    [Fact]
    public void Describe_binary_accuracy_rounds_in_standalone_Keras_and_thresholds_from_tf_keras_on()
    {
        Assert.Contains("rounded to the nearest integer", KerasCatalog.Describe(KerasFamily.Keras22, "binary_accuracy"));
        Assert.Contains("after rounding (Keras 2.3) or after (prediction > 0.5)", KerasCatalog.Describe(KerasFamily.Keras23, "binary_accuracy"));
        foreach (var family in new[] { KerasFamily.TfKeras2, KerasFamily.Keras3, KerasFamily.TfNet })
        {
            var text = KerasCatalog.Describe(family, "binary_accuracy")!;
            Assert.Contains("(prediction > 0.5)", text);
            Assert.DoesNotContain("round", text);
        }
    }

    [Theory]
    [InlineData("sparse_categorical_accuracy")]
    [InlineData("sparse_top_k_categorical_accuracy")]
    public void Describe_sparse_accuracies_of_the_22_family_read_each_target_rows_maximum(string name)
    {
        var keras22 = KerasCatalog.Describe(KerasFamily.Keras22, name)!;
        Assert.Contains("before Keras 2.2.3 each target row's maximum", keras22);
        Assert.Contains("class 1", keras22);
        foreach (var family in new[] { KerasFamily.Keras23, KerasFamily.TfKeras2, KerasFamily.Keras3, KerasFamily.TfNet })
        {
            var text = KerasCatalog.Describe(family, name)!;
            Assert.Equal(KerasCatalog.Get(name)!.Description, text);
            Assert.DoesNotContain("maximum", text);
            Assert.StartsWith(text, keras22);
        }
    }

    [Theory]
    [InlineData("categorical_accuracy")]
    [InlineData("top_k_categorical_accuracy")]
    [InlineData("accuracy")]
    [InlineData("binary_crossentropy")]
    [InlineData("categorical_crossentropy")]
    [InlineData("sparse_categorical_crossentropy")]
    [InlineData("mean_absolute_error")]
    public void Describe_keeps_one_text_where_every_family_computes_the_same(string name)
    {
        var texts = KerasFamilies.AllWithTfNet.Select(f => KerasCatalog.Describe(f, name)).Distinct().ToList();
        Assert.Equal(new[] { KerasCatalog.Get(name)!.Description }, texts);
    }
}
