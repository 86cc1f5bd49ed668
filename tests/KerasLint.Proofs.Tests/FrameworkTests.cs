using KerasLint.Proofs.Reporting;
using KerasLint.Proofs.Training;

namespace KerasLint.Proofs.Tests;

public sealed class FrameworkTests
{
    [Theory]
    [InlineData(0.99, 0.9, 0.05, true)]
    [InlineData(0.93, 0.9, 0.05, false)]
    [InlineData(0.85, 0.9, 0.05, true)]
    public void Differs_needs_the_margin_either_way(double value, double reference, double margin, bool holds) =>
        Assert.Equal(holds, Check.Differs(margin).Evaluate(Cell.Of(value), Cell.Of(reference)));

    [Fact]
    public void Checks_fail_on_the_wrong_side_and_on_missing_numbers()
    {
        Assert.True(Check.Equals(1e-6).Evaluate(Cell.Of(0.5), Cell.Of(0.5000001)));
        Assert.False(Check.Equals(1e-6).Evaluate(Cell.Of(0.5), Cell.Of(0.51)));
        Assert.True(Check.Below(0.1).Evaluate(Cell.Of(0.5), Cell.Of(0.6)));
        Assert.False(Check.Below(0.1).Evaluate(Cell.Of(0.55), Cell.Of(0.6)));
        Assert.True(Check.Above(0.1).Evaluate(Cell.Of(0.7), Cell.Of(0.6)));
        Assert.False(Check.Above(0.1).Evaluate(Cell.Of(0.65), Cell.Of(0.6)));
        Assert.False(Check.Equals(1).Evaluate(Cell.Of("text"), Cell.Of(0.5)));
        Assert.False(Check.Equals(1).Evaluate(Cell.Of(double.NaN), Cell.Of(0.5)));
        Assert.True(Check.Has.Evaluate(Cell.Of("loss, acc, val_loss, val_acc"), Cell.Of("val_acc")));
        Assert.False(Check.Has.Evaluate(Cell.Of("loss, accuracy, val_loss, val_accuracy"), Cell.Of("val_acc")));
        Assert.True(Check.Lacks.Evaluate(Cell.Of("loss, accuracy, val_loss, val_accuracy"), Cell.Of("val_acc")));
        Assert.True(Check.Mentions.Evaluate(Cell.Of("ValueError: rate"), Cell.Of("valueerror")));
    }

    [Fact]
    public void A_scenario_without_rows_does_not_hold()
    {
        var r = new ScenarioResult("KL0001", "x", "t", "c", new[] { "s" }, Array.Empty<ProofRow>(), Array.Empty<string>(), 0);
        Assert.False(r.Holds);
        Assert.Equal("does not hold", r.Verdict);
    }

    [Fact]
    public void Mnist_copy_has_the_package_digit_counts()
    {
        var (labels, pixels) = ProofData.MnistBytes;
        Assert.Equal(10_000, labels.Length);
        Assert.Equal(10_000 * 784, pixels.Length);
        var counts = Enumerable.Range(0, 10).Select(d => labels.Count(l => l == d)).ToArray();
        Assert.Equal(new[] { 1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978 }, counts);
        Assert.Contains(pixels, p => p == 255);
        Assert.True(pixels.Count(p => p == 0) > pixels.Length / 2, "MNIST digits are mostly background");
    }

    [Fact]
    public void Iris_copy_has_150_samples_of_three_species()
    {
        var iris = ProofData.Iris;
        Assert.Equal(150, iris.Count);
        Assert.Equal(new[] { "setosa", "versicolor", "virginica" }, iris.Select(r => r.Species).Distinct().OrderBy(s => s));
        Assert.Equal(5.1f, iris[0].SepalLength);
        Assert.InRange(iris.Max(r => r.PetalWidth), 2.4f, 2.6f);
    }

    [Fact]
    public void Json_report_carries_the_verdict_and_rows()
    {
        var rows = new[] { new ProofRow("2.2", "m", Cell.Of(0.9), "truth", Cell.Of(0.8), Check.Above(0.05)) };
        var result = new ScenarioResult("KL0002", "id", "t", "claim", new[] { "s" }, rows, Array.Empty<string>(), 1.5);
        var json = System.Text.Json.JsonDocument.Parse(ProofReport.Json(new[] { result }, new ProofOptions { Quick = true }, "cpu", 2));
        Assert.True(json.RootElement.GetProperty("holds").GetBoolean());
        var s = json.RootElement.GetProperty("scenarios")[0];
        Assert.Equal("holds", s.GetProperty("verdict").GetString());
        Assert.Equal(0.9, s.GetProperty("rows")[0].GetProperty("value").GetDouble());
        Assert.Equal("AboveBy", s.GetProperty("rows")[0].GetProperty("relation").GetString());
    }
}
