using KerasLint.Runtime.Conformance;
using Xunit;

namespace KerasLint.Runtime.Tests;

public class ConformanceVectorTests
{
    private static readonly string VectorsPath = Path.Combine(AppContext.BaseDirectory, "data", "conformance-vectors.json");

    /// <summary>Every numeric vectors file in tests/data (named *conformance-vectors.json): the copied file and the Keras 2.x file.</summary>
    private static IEnumerable<string> VectorFiles() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "data"), "*conformance-vectors.json").OrderBy(p => p, StringComparer.Ordinal);

    private static readonly Lazy<IReadOnlyDictionary<string, ConformanceCase>> Cases =
        new(() => VectorFiles().SelectMany(ConformanceFile.Load).ToDictionary(c => c.Id));

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var c in VectorFiles().SelectMany(ConformanceFile.Load)) data.Add(c.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Vector_passes_on_cpu(string id)
    {
        var outcome = ConformanceRunner.Evaluate(Cases.Value[id]);
        Assert.True(outcome.Passed, outcome.ToString());
    }

    [Fact]
    public void The_copied_file_has_all_visible_cases_with_unique_ids()
    {
        Assert.Equal(60, ConformanceFile.Load(VectorsPath).Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void The_keras2_file_has_at_least_100_cases_all_for_2_2_4_or_2_3_1_citing_a_line()
    {
        var cases = ConformanceFile.Load(Path.Combine(AppContext.BaseDirectory, "data", "keras2-conformance-vectors.json"));
        Assert.True(cases.Count >= 100, $"{cases.Count} cases");
        Assert.All(cases, c => Assert.Contains(c.KerasVersion, new[] { "2.2.4", "2.3.1" }));
        Assert.All(cases, c => Assert.StartsWith("keras-team/keras/", c.Source));
        var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "keras2-conformance-vectors.json")));
        Assert.All(json.RootElement.EnumerateArray(), e => Assert.Contains("line ", e.GetProperty("source_location").GetString()));
    }

    [Fact]
    public void Ids_are_unique_across_all_vectors_files()
    {
        var all = VectorFiles().SelectMany(ConformanceFile.Load).Select(c => c.Id).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Fact]
    public void The_keras_2_3_bce_form_is_pinned_by_its_own_test_and_differs_from_2_2()
    {
        // 2.3.1 tests/keras/metrics_test.py line 876 asserts 3.833 (ε inside the log); the 2.2 logit form gives 3.9856.
        var pinned = Cases.Value.Values.Single(c => c.KerasVersion == "2.3.1" && c.Kind == "metric" && c.Fn == "binary_crossentropy" && c.Note != null && c.Note.Contains("pins the Keras 2.3 BCE form"));
        Assert.True(ConformanceRunner.Evaluate(pinned).Passed);
        var as22 = pinned with { KerasVersion = "2.2.4", Family = KerasLint.Knowledge.KerasFamily.Keras22 };
        var o = ConformanceRunner.Evaluate(as22);
        Assert.False(o.Passed);
        Assert.StartsWith("3.98", o.Got);
    }

    [Fact]
    public void A_wrong_expected_value_fails()
    {
        var json = File.ReadAllText(VectorsPath);
        var c = ConformanceFile.Parse(json).Single(x => x.Id == "kv019");
        var wrong = ConformanceFile.Parse(json.Replace("\"expected\": 3.9855", "\"expected\": 3.833")).Single(x => x.Id == "kv019");
        Assert.True(ConformanceRunner.Evaluate(c).Passed);
        var o = ConformanceRunner.Evaluate(wrong);
        Assert.False(o.Passed);
        Assert.StartsWith("3.98", o.Got);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"cases\": 3}")]
    [InlineData("[{\"id\": \"x\"}]")]
    [InlineData("[{\"id\": \"x\", \"keras_version\": \"9.9\", \"kind\": \"metric\", \"fn\": \"mse\", \"y_true\": [1], \"y_pred\": [1], \"expected\": 0}]")]
    public void Invalid_files_are_rejected_with_a_message(string json)
    {
        var e = Assert.Throws<ConformanceFileException>(() => ConformanceFile.Parse(json, "bad.json"));
        Assert.Contains("bad.json", e.Message);
    }

    [Fact]
    public void Bad_input_in_a_case_is_a_failure_naming_the_problem()
    {
        var json = "[{\"id\": \"b1\", \"keras_version\": \"3.15.1\", \"kind\": \"metric\", \"fn\": \"no_such_metric\", \"args\": {}, \"y_true\": [[1]], \"y_pred\": [[1]], \"sample_weight\": null, \"expected\": 1, \"tolerance\": 0.001}]";
        var o = ConformanceRunner.Evaluate(ConformanceFile.Parse(json).Single());
        Assert.False(o.Passed);
        Assert.Contains("no_such_metric", o.Got);
    }
}
