using KerasLint.Knowledge;
using Xunit;

namespace KerasLint.Runtime.Tests;

public class CompileResolverTests
{
    [Theory]
    // BCE + softmax over 4 classes, one-hot y: loss-based families inflate to binary accuracy; shape-based use categorical.
    [InlineData(KerasFamily.Keras22, "accuracy", "binary_crossentropy", new long[] { 8, 4 }, new long[] { 8, 4 }, "binary_accuracy", "acc")]
    [InlineData(KerasFamily.Keras23, "accuracy", "binary_crossentropy", new long[] { 8, 4 }, new long[] { 8, 4 }, "binary_accuracy", "accuracy")]
    [InlineData(KerasFamily.TfKeras2, "accuracy", "binary_crossentropy", new long[] { 8, 4 }, new long[] { 8, 4 }, "categorical_accuracy", "accuracy")]
    [InlineData(KerasFamily.Keras3, "acc", "binary_crossentropy", new long[] { 8, 4 }, new long[] { 8, 4 }, "categorical_accuracy", "acc")]
    // Custom loss, integer labels (N,1): old families fall back to categorical, new ones go sparse.
    [InlineData(KerasFamily.Keras22, "accuracy", "custom", new long[] { 8, 1 }, new long[] { 8, 10 }, "categorical_accuracy", "acc")]
    [InlineData(KerasFamily.Keras3, "accuracy", "custom", new long[] { 8, 1 }, new long[] { 8, 10 }, "sparse_categorical_accuracy", "accuracy")]
    [InlineData(KerasFamily.Keras3, "accuracy", null, new long[] { 8 }, new long[] { 8, 10 }, "sparse_categorical_accuracy", "accuracy")]
    [InlineData(KerasFamily.TfKeras2, "ACC", "mse", new long[] { 8, 1 }, new long[] { 8, 1 }, "binary_accuracy", "ACC")]
    [InlineData(KerasFamily.Keras22, "ce", "sparse_categorical_crossentropy", new long[] { 8, 1 }, new long[] { 8, 10 }, "sparse_categorical_crossentropy", "ce")]
    [InlineData(KerasFamily.Keras22, "mse", "mse", new long[] { 8, 1 }, new long[] { 8, 1 }, "mean_squared_error", "mean_squared_error")]
    public void Metric_strings_resolve_per_family(KerasFamily family, string id, string? loss, long[] yt, long[] yp, string fn, string key)
    {
        var r = CompileResolver.ResolveMetric(family, id, loss, yt, yp);
        Assert.False(r.IsError, r.Error);
        Assert.Equal(fn, r.Function);
        Assert.Equal(key, r.LogKey);
        Assert.Equal("val_" + key, r.ValidationLogKey);
    }

    [Fact]
    public void Crossentropy_is_an_error_as_a_keras3_metric_and_resolves_as_a_keras3_loss()
    {
        var m = CompileResolver.ResolveMetric(KerasFamily.Keras3, "crossentropy", null, new long[] { 3, 2 }, new long[] { 3, 2 });
        Assert.True(m.IsError);
        Assert.Contains("Could not interpret metric identifier: crossentropy", m.Error);
        Assert.Null(m.LogKey);

        var l = CompileResolver.ResolveLoss(KerasFamily.Keras3, "crossentropy", new long[] { 3 }, new long[] { 3, 5 });
        Assert.Equal("sparse_categorical_crossentropy", l.Function);
        Assert.True(CompileResolver.ResolveLoss(KerasFamily.TfKeras2, "crossentropy", new long[] { 3 }, new long[] { 3, 5 }).IsError);
    }

    [Fact]
    public void Loss_object_strings_resolve_through_the_catalog()
    {
        Assert.Equal("mean_squared_error", CompileResolver.ResolveLoss(KerasFamily.Keras3, "MeanSquaredError()", new long[] { 3, 2 }, new long[] { 3, 2 }).Function);
        Assert.True(CompileResolver.ResolveLoss(KerasFamily.Keras3, "logcosh", new long[] { 3, 2 }, new long[] { 3, 2 }).IsError);
    }
}
