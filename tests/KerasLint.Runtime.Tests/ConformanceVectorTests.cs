using KerasLint.Runtime.Conformance;
using Xunit;

namespace KerasLint.Runtime.Tests;

public class ConformanceVectorTests
{
    private static readonly string VectorsPath = Path.Combine(AppContext.BaseDirectory, "data", "conformance-vectors.json");
    private static readonly Lazy<IReadOnlyDictionary<string, ConformanceCase>> Cases =
        new(() => ConformanceFile.Load(VectorsPath).ToDictionary(c => c.Id));

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var c in ConformanceFile.Load(VectorsPath)) data.Add(c.Id);
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
        Assert.Equal(60, Cases.Value.Count);
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
