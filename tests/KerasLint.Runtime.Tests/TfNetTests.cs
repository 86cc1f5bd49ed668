using KerasLint.Cli;
using KerasLint.Knowledge;
using KerasLint.Runtime.Conformance;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace KerasLint.Runtime.Tests;

/// <summary>
/// TensorFlow.NET's Keras in the runtime: the vectors copied from TensorFlow.NET's own unit tests
/// (tests/data/conformance-vectors-tfnet.json, one test per vector) and the places its sources differ from tf.keras.
/// </summary>
public class TfNetTests
{
    private static readonly string VectorsPath = Path.Combine(AppContext.BaseDirectory, "data", "conformance-vectors-tfnet.json");
    private static readonly Lazy<IReadOnlyDictionary<string, ConformanceCase>> Cases =
        new(() => ConformanceFile.Load(VectorsPath).ToDictionary(c => c.Id));

    private static Tensor T(float[,] v) => torch.tensor(v);
    private static Tensor T(params float[] v) => torch.tensor(v);

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var c in ConformanceFile.Load(VectorsPath)) data.Add(c.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void TfNet_vector_passes_on_cpu(string id)
    {
        var c = Cases.Value[id];
        Assert.Equal(KerasFamily.TfNet, c.Family);
        var outcome = ConformanceRunner.Evaluate(c);
        Assert.True(outcome.Passed, outcome.ToString());
    }

    [Fact]
    public void The_file_has_52_cases_with_unique_ids_each_citing_a_tfnet_test_at_a_commit()
    {
        Assert.Equal(52, Cases.Value.Count);
        var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(VectorsPath));
        foreach (var c in json.RootElement.EnumerateArray())
        {
            Assert.StartsWith("SciSharp/TensorFlow.NET/test/TensorFlowNET.Keras.UnitTest/", c.GetProperty("source").GetString());
            Assert.Equal("6ce6066551ce80202119a121a05b006aadd9ef37", c.GetProperty("source_commit").GetString());
            Assert.Contains("lines ", c.GetProperty("source_location").GetString());
        }
    }

    [Fact]
    public void The_command_accepts_the_tfnet_file()
    {
        var o = new StringWriter();
        var code = ConformanceCommand.Run(new FileInfo(VectorsPath), "cpu", o, new StringWriter());
        Assert.Equal(0, code);
        Assert.EndsWith("52 passed, 0 failed", o.ToString().TrimEnd());
    }

    [Fact]
    public void A_wrong_expected_value_in_a_tfnet_vector_fails()
    {
        var json = File.ReadAllText(VectorsPath);
        var wrong = ConformanceFile.Parse(json.Replace("\"expected\": 0.865458", "\"expected\": 0.9")).First(c => c.Id == "tfv018");
        var o = ConformanceRunner.Evaluate(wrong);
        Assert.False(o.Passed);
        Assert.StartsWith("0.865", o.Got);
    }

    [Theory]
    // MetricsContainer._get_metric_object: by shapes only.
    [InlineData(new long[] { 4 }, new long[] { 4, 1 }, "binary_accuracy")]
    [InlineData(new long[] { 4, 1 }, new long[] { 4, 1 }, "binary_accuracy")]
    [InlineData(new long[] { 4 }, new long[] { 4, 10 }, "sparse_categorical_accuracy")]
    [InlineData(new long[] { 4, 1 }, new long[] { 4, 10 }, "sparse_categorical_accuracy")]
    [InlineData(new long[] { 4, 10 }, new long[] { 4, 10 }, "categorical_accuracy")]
    public void Accuracy_and_acc_resolve_by_shapes_and_log_as_accuracy(long[] yt, long[] yp, string expected)
    {
        foreach (var text in new[] { "accuracy", "acc" })
        {
            foreach (var loss in new[] { "binary_crossentropy", "mse", null })
            {
                var r = CompileResolver.ResolveMetric(KerasFamily.TfNet, text, loss, yt, yp);
                Assert.False(r.IsError, r.Error);
                Assert.Equal(expected, r.Function);
                Assert.Equal("accuracy", r.LogKey);
                Assert.Equal("val_accuracy", r.ValidationLogKey);
            }
        }
    }

    [Theory]
    [InlineData("mae", "mean_absolute_error", "mean_absolute_error")]
    [InlineData("mape", "mean_absolute_percentage_error", "mean_absolute_percentage_error")]
    public void Mae_and_mape_log_under_their_long_names(string text, string fn, string key)
    {
        var r = CompileResolver.ResolveMetric(KerasFamily.TfNet, text, null, new long[] { 4, 1 }, new long[] { 4, 1 });
        Assert.Equal(fn, r.Function);
        Assert.Equal(key, r.LogKey);
    }

    [Theory]
    [InlineData("mse")]
    [InlineData("binary_accuracy")]
    [InlineData("BinaryAccuracy")]
    [InlineData("Accuracy")]
    [InlineData("crossentropy")]
    public void Other_metric_strings_are_an_error_naming_tfnet(string text)
    {
        var r = CompileResolver.ResolveMetric(KerasFamily.TfNet, text, null, new long[] { 4, 1 }, new long[] { 4, 1 });
        Assert.True(r.IsError);
        Assert.Contains("TensorFlow.NET's Keras accepts only the metric strings", r.Error);
        Assert.Contains("NotImplementedException", r.Error);
    }

    [Theory]
    [InlineData("mse", "mean_squared_error")]
    [InlineData("mae", "mean_absolute_error")]
    [InlineData("sparse_categorical_crossentropy", "mean_squared_error")]
    [InlineData("binary_crossentropy", "mean_squared_error")]
    public void Loss_strings_are_what_the_all_string_compile_trains(string text, string trained)
    {
        var r = CompileResolver.ResolveLoss(KerasFamily.TfNet, text, new long[] { 4 }, new long[] { 4, 10 });
        Assert.False(r.IsError);
        Assert.Equal(trained, r.Function);
        if (text is not ("mse" or "mae")) Assert.Contains("whatever you wrote", r.Reason);
    }

    [Fact]
    public void Crossentropy_loss_classes_ignore_label_smoothing_but_the_metric_function_honours_it()
    {
        var y = T(new float[,] { { 0, 1, 0 }, { 0, 0, 1 } });
        var p = T(new float[,] { { 0.05f, 0.95f, 0 }, { 0.1f, 0.8f, 0.1f } });
        var smoothing = new KerasArgs { LabelSmoothing = 0.1 };
        var plain = KerasLosses.Value(KerasFamily.TfNet, "CategoricalCrossentropy", y, p);
        Assert.Equal(plain, KerasLosses.Value(KerasFamily.TfNet, "CategoricalCrossentropy", y, p, smoothing), 6);
        Assert.NotEqual(plain, KerasLosses.Value(KerasFamily.TfKeras2, "CategoricalCrossentropy", y, p, smoothing), 3);
        var fn = KerasMetrics.Function(KerasFamily.TfNet, "categorical_crossentropy", y, p, smoothing).mean().item<float>();
        Assert.NotEqual(plain, fn, 3);
    }

    [Fact]
    public void Binary_crossentropy_has_epsilon_inside_the_log_like_tf_keras()
    {
        var y = T(new float[,] { { 1, 0 }, { 1, 0 } });
        var p = T(new float[,] { { 1, 1 }, { 1, 0 } });
        Assert.Equal(3.833, KerasLosses.Value(KerasFamily.TfNet, "BinaryCrossentropy", y, p), 3);
        Assert.Equal(KerasLosses.Value(KerasFamily.TfKeras2, "binary_crossentropy", y, p), KerasLosses.Value(KerasFamily.TfNet, "binary_crossentropy", y, p), 6);
    }

    [Fact]
    public void From_logits_on_probabilities_squashes_twice_and_raises_the_loss()
    {
        // The KL0006 trap in numbers: a confident, correct softmax output read as logits.
        var y = T(1f, 0f);
        var p = T(new float[,] { { 0.001f, 0.998f, 0.001f }, { 0.998f, 0.001f, 0.001f } });
        var right = KerasLosses.Value(KerasFamily.TfNet, "SparseCategoricalCrossentropy", y, p);
        var twice = KerasLosses.Value(KerasFamily.TfNet, "SparseCategoricalCrossentropy", y, p, new KerasArgs { FromLogits = true });
        Assert.True(right < 0.01, right.ToString());
        Assert.True(twice > 0.5, twice.ToString()); // −log(e^0.998 / (e^0.998 + 2·e^0.001)) ≈ 0.55
    }

    [Fact]
    public void Ignore_class_is_rejected_as_tfnet_does()
    {
        var e = Assert.Throws<ArgumentException>(() => KerasLosses.Value(KerasFamily.TfNet, "sparse_categorical_crossentropy", T(1f, 0f), T(new float[,] { { 0.2f, 0.8f }, { 0.6f, 0.4f } }), new KerasArgs { IgnoreClass = 0 }));
        Assert.Contains("TensorFlow.NET", e.Message);
    }

    [Fact]
    public void Binary_accuracy_threshold_is_fixed_at_one_half()
    {
        var y = T(new float[,] { { 1 }, { 0 } });
        var p = T(new float[,] { { 0.6f }, { 0.4f } });
        Assert.Equal(1.0, KerasMetrics.Evaluate(KerasFamily.TfNet, "binary_accuracy", y, p, args: new KerasArgs { Threshold = 0.7 }), 6);
        Assert.Equal(0.5, KerasMetrics.Evaluate(KerasFamily.TfKeras2, "binary_accuracy", y, p, args: new KerasArgs { Threshold = 0.7 }), 6);
    }

    [Theory]
    [InlineData("kl_divergence")]
    [InlineData("poisson")]
    [InlineData("hinge")]
    public void Functions_tfnet_lacks_are_rejected_naming_the_family(string fn)
    {
        var e = Assert.Throws<ArgumentException>(() => KerasLosses.Value(KerasFamily.TfNet, fn, T(1f, 0f), T(0.5f, 0.5f)));
        Assert.Contains("TensorFlow.NET's Keras", e.Message);
    }
}
