using KerasLint.Knowledge;
using Xunit;

namespace KerasLint.Analyzers.Tests.Knowledge;

/// <summary>The worked scenarios of docs/keras-semantics.md §1, per family, through the catalog's resolver.</summary>
public class SpecialStringsTests
{
    [Theory]
    // mse, 1-unit output: binary accuracy everywhere.
    [InlineData("2.2", "mean_squared_error", 1, LabelLayout.Unknown, "binary_accuracy")]
    [InlineData("tf2", "mean_squared_error", 1, LabelLayout.Unknown, "binary_accuracy")]
    [InlineData("3", "mean_squared_error", 1, LabelLayout.Unknown, "binary_accuracy")]
    // binary_crossentropy on a 10-way softmax with one-hot labels: loss-based → binary (inflated), shape-based → categorical.
    [InlineData("2.2", "binary_crossentropy", 10, LabelLayout.SameShape, "binary_accuracy")]
    [InlineData("2.3", "binary_crossentropy", 10, LabelLayout.SameShape, "binary_accuracy")]
    [InlineData("tf2", "binary_crossentropy", 10, LabelLayout.SameShape, "categorical_accuracy")]
    [InlineData("3", "binary_crossentropy", 10, LabelLayout.SameShape, "categorical_accuracy")]
    // custom loss, integer (N,1) labels on a 10-way head: old Keras → categorical (garbage), new → sparse.
    [InlineData("2.2", null, 10, LabelLayout.Column, "categorical_accuracy")]
    [InlineData("2.3", null, 10, LabelLayout.Column, "categorical_accuracy")]
    [InlineData("tf2", null, 10, LabelLayout.Column, "sparse_categorical_accuracy")]
    [InlineData("3", null, 10, LabelLayout.LowerRank, "sparse_categorical_accuracy")]
    // sparse loss: sparse in every family.
    [InlineData("2.2", "sparse_categorical_crossentropy", 10, LabelLayout.Column, "sparse_categorical_accuracy")]
    [InlineData("tf2", "sparse_categorical_crossentropy", 10, LabelLayout.LowerRank, "sparse_categorical_accuracy")]
    // categorical loss, one-hot labels.
    [InlineData("2.2", "categorical_crossentropy", 10, LabelLayout.Unknown, "categorical_accuracy")]
    [InlineData("tf2", "categorical_crossentropy", 10, LabelLayout.SameShape, "categorical_accuracy")]
    public void Accuracy_resolves_as_semantics_1e_says(string family, string? loss, int units, LabelLayout labels, string expected)
    {
        var r = SpecialStrings.ResolveMetric(KerasFamilies.Parse(family), "accuracy", loss, units, labels);
        Assert.True(r.IsDetermined, r.Reason);
        Assert.Equal(expected, r.Resolved);
    }

    [Fact]
    public void Shape_based_families_cannot_tell_sparse_from_categorical_without_labels()
    {
        var r = SpecialStrings.ResolveMetric(KerasFamily.TfKeras2, "acc", "categorical_crossentropy", 10, LabelLayout.Unknown);
        Assert.False(r.IsDetermined);
        Assert.Equal(new[] { "sparse_categorical_accuracy", "categorical_accuracy" }, r.Candidates);
    }

    [Fact]
    public void Crossentropy_metric_is_an_error_only_in_Keras3()
    {
        Assert.NotNull(SpecialStrings.ResolveMetric(KerasFamily.Keras3, "crossentropy", null, 2, LabelLayout.SameShape).Error);
        var tf = SpecialStrings.ResolveMetric(KerasFamily.TfKeras2, "ce", null, 2, LabelLayout.SameShape);
        Assert.Equal("categorical_crossentropy", tf.Resolved);
        var k3Loss = SpecialStrings.ResolveLoss(KerasFamily.Keras3, "crossentropy", 2, LabelLayout.SameShape);
        Assert.Equal("categorical_crossentropy", k3Loss.Resolved);
        Assert.NotNull(SpecialStrings.ResolveLoss(KerasFamily.TfKeras2, "crossentropy", 2, LabelLayout.SameShape).Error);
    }

    [Theory]
    [InlineData("2.2", "ACC", SpecialStringKind.None)]
    [InlineData("2.3", "Accuracy", SpecialStringKind.None)]
    [InlineData("tf2", "ACC", SpecialStringKind.Accuracy)]
    [InlineData("3", "Accuracy", SpecialStringKind.Accuracy)]
    [InlineData("2.2", "ce", SpecialStringKind.Crossentropy)]
    [InlineData("tf2", "mse", SpecialStringKind.None)]
    public void Special_strings_match_exactly_in_Keras2_and_case_insensitively_later(string family, string text, SpecialStringKind expected) =>
        Assert.Equal(expected, SpecialStrings.Classify(KerasFamilies.Parse(family), text));
}
