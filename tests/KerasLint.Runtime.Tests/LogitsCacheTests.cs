using KerasLint.Knowledge;
using KerasLint.Runtime.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace KerasLint.Runtime.Tests;

/// <summary>The logits a Keras softmax/sigmoid caches for the crossentropies (docs/keras-semantics.md §4f) and the 2.0–2.2.2 sparse targets.</summary>
public class LogitsCacheTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, ConformanceCase>> Cases = new(() =>
        ConformanceFile.Load(Path.Combine(AppContext.BaseDirectory, "data", "logits-conformance-vectors.json")).ToDictionary(c => c.Id));

    private static KerasArgs Args(string? activation, string? backend = null, bool fromLogits = false) =>
        new KerasArgs { Activation = activation, Backend = backend, FromLogits = fromLogits }.Validate();

    private static double Loss(KerasFamily f, string fn, float[,] yt, float[,] logits, KerasArgs a) =>
        KerasLosses.Value(f, fn, tensor(yt), tensor(logits), a);

    [Fact]
    public void Every_vector_cites_its_source_and_passes()
    {
        Assert.True(Cases.Value.Count >= 13, $"{Cases.Value.Count} cases");
        Assert.True(Cases.Value.Values.Count(c => c.Id.StartsWith("lv", StringComparison.Ordinal)) >= 10);
        Assert.All(Cases.Value.Values, c =>
        {
            Assert.StartsWith("keras-team/keras/", c.Source);
            Assert.True(ConformanceRunner.Evaluate(c).Passed, ConformanceRunner.Evaluate(c).ToString());
        });
    }

    [Fact]
    public void Bce_on_a_softmax_head_reads_the_logits_in_tf_keras_and_keras3_on_tensorflow_only()
    {
        var y = new float[,] { { 1 }, { 0 } };
        var logits = new float[,] { { 2 }, { -1 } };
        var tf2 = Loss(KerasFamily.TfKeras2, "binary_crossentropy", y, logits, Args("softmax"));
        var k3tf = Loss(KerasFamily.Keras3, "binary_crossentropy", y, logits, Args("softmax", "tensorflow"));
        var k3torch = Loss(KerasFamily.Keras3, "binary_crossentropy", y, logits, Args("softmax", "torch"));
        var k23 = Loss(KerasFamily.Keras23, "binary_crossentropy", y, logits, Args("softmax"));
        var k22 = Loss(KerasFamily.Keras22, "binary_crossentropy", y, logits, Args("softmax"));
        Assert.Equal(0.2200948, tf2, 5);
        Assert.Equal(tf2, k3tf, 6);
        // The probabilities (1.0, 1.0) clipped: large and constant in the weights.
        Assert.True(k3torch > 7.9, $"{k3torch}");
        Assert.True(k23 > 7.6, $"{k23}");
        Assert.True(k22 > 7.9, $"{k22}");
    }

    [Fact]
    public void Moving_the_logits_moves_the_tf_keras_loss_but_not_the_clipped_probability_loss()
    {
        var y = new float[,] { { 0 } };
        var a = new float[,] { { 1 } };
        var b = new float[,] { { 3 } };
        Assert.NotEqual(Loss(KerasFamily.TfKeras2, "binary_crossentropy", y, a, Args("softmax")), Loss(KerasFamily.TfKeras2, "binary_crossentropy", y, b, Args("softmax")), 3);
        Assert.Equal(Loss(KerasFamily.Keras3, "binary_crossentropy", y, a, Args("softmax")), Loss(KerasFamily.Keras3, "binary_crossentropy", y, b, Args("softmax")), 6);
    }

    [Fact]
    public void Keras_2_3_reads_logits_only_from_the_matching_op_and_only_without_from_logits()
    {
        var y = new float[,] { { 1, 0, 0 } };
        var x = new float[,] { { -50, 0, 50 } };
        Assert.Equal(100, Loss(KerasFamily.Keras23, "categorical_crossentropy", y, x, Args("softmax")), 3);
        Assert.Equal(16.118, Loss(KerasFamily.Keras22, "categorical_crossentropy", y, x, Args("softmax")), 2);
        Assert.Equal(100, Loss(KerasFamily.TfKeras2, "categorical_crossentropy", y, x, Args("softmax", fromLogits: true)), 3);
        // 2.3.1's op branch sits under `if not from_logits`: the probabilities become the logits (a double softmax).
        var doubled = Loss(KerasFamily.Keras23, "categorical_crossentropy", y, x, Args("softmax", fromLogits: true));
        Assert.InRange(doubled, 1.0, 1.6);
    }

    [Fact]
    public void Non_crossentropy_functions_see_the_activation_output()
    {
        var y = new float[,] { { 0, 0, 1 }, { 0, 1, 0 } };
        var x = new float[,] { { 0, 1, 5 }, { 3, 1, 0 } };
        var v = KerasMetrics.Evaluate(KerasFamily.TfKeras2, "categorical_accuracy", tensor(y), tensor(x), args: Args("softmax"));
        Assert.Equal(0.5, v, 6);
        var mse = KerasLosses.Value(KerasFamily.Keras3, "mean_squared_error", tensor(new float[,] { { 0.5f } }), tensor(new float[,] { { 0f } }), Args("sigmoid"));
        Assert.Equal(0, mse, 6);
    }

    [Fact]
    public void Unmodelled_combinations_are_argument_errors()
    {
        var y = tensor(new float[,] { { 1, 0 } });
        var x = tensor(new float[,] { { 1, 0 } });
        Assert.Throws<ArgumentException>(() => KerasLosses.Value(KerasFamily.TfNet, "binary_crossentropy", y, x, Args("sigmoid")));
        Assert.Throws<ArgumentException>(() => KerasLosses.Value(KerasFamily.TfKeras2, "binary_crossentropy", y, x, Args(null, "tensorflow")));
        Assert.Throws<ArgumentException>(() => new KerasArgs { Activation = "relu" }.Validate());
        Assert.Throws<ArgumentException>(() => new KerasArgs { Backend = "theano" }.Validate());
    }

    [Fact]
    public void Keras_2_2_2_reads_the_row_maximum_and_2_2_4_rejects_one_hot_targets()
    {
        var c = Cases.Value["pv001"];
        Assert.True(ConformanceRunner.Evaluate(c).Passed);
        var as224 = ConformanceRunner.Evaluate(c with { KerasVersion = "2.2.4" });
        Assert.False(as224.Passed);
        Assert.StartsWith("error", as224.Got);
        // The family id alone means the reference release (2.2.4).
        Assert.False(ConformanceRunner.Evaluate(c with { KerasVersion = "2.2" }).Passed);
        Assert.True(ConformanceRunner.Evaluate(Cases.Value["pv003"] with { KerasVersion = "2.2.4" }).Passed);
    }
}
