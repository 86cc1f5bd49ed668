using KerasLint.Runtime.Conformance;
using Xunit;

namespace KerasLint.Runtime.Tests;

/// <summary>
/// The compile-time vectors (tests/data/resolution-vectors.json): each resolution case through
/// <see cref="CompileResolver"/>, each callback case through the callback semantics; one test per case.
/// </summary>
public class ResolutionVectorTests
{
    private static readonly string VectorsPath = Path.Combine(AppContext.BaseDirectory, "data", "resolution-vectors.json");
    private static readonly Lazy<IReadOnlyDictionary<string, CompileCase>> Cases = new(() => ConformanceSuite.Load(VectorsPath).Compile.ToDictionary(c => c.Id));

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var c in ConformanceSuite.Load(VectorsPath).Compile) data.Add(c.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Vector_passes(string id)
    {
        var o = CompileVectors.Evaluate(Cases.Value[id]);
        Assert.True(o.Passed, o.ToString());
    }

    [Fact]
    public void The_file_covers_the_four_families_with_at_least_30_resolution_cases_each_cited()
    {
        var all = Cases.Value.Values.ToList();
        var resolution = all.Where(c => c.Kind == "resolution").ToList();
        Assert.True(resolution.Count >= 30, $"{resolution.Count} resolution cases");
        Assert.Equal(4, resolution.Select(c => c.Family).Distinct().Count());
        Assert.Equal(4, all.Where(c => c.Kind == "callback").Select(c => c.Family).Distinct().Count());
        foreach (var c in all)
        {
            var citations = c.Element.GetProperty("citations").EnumerateArray().ToList();
            Assert.NotEmpty(citations);
            Assert.All(citations, x => Assert.True(x.GetProperty("line").GetInt32() > 0, c.Id));
            var evidence = c.Element.GetProperty("evidence");
            var kinds = evidence.ValueKind == System.Text.Json.JsonValueKind.Object ? evidence.EnumerateObject().Select(p => p.Value.GetString()) : new[] { evidence.GetString() };
            Assert.All(kinds, k => Assert.Contains(k, new[] { "test", "source-reading" }));
        }
    }

    [Fact]
    public void A_wrong_expectation_fails()
    {
        var c = Cases.Value.Values.First(x => x.Kind == "resolution" && x.KerasVersion == "2.2.4" && x.OptStr("loss") == "binary_crossentropy");
        var text = c.Element.GetRawText().Replace("\"binary_accuracy\"", "\"categorical_accuracy\"");
        var wrong = ConformanceSuite.Parse("[" + text + "]").Compile.Single();
        var o = CompileVectors.Evaluate(wrong);
        Assert.False(o.Passed);
        Assert.Contains("binary_accuracy", o.Got);
    }

    [Fact]
    public void A_wrong_callback_outcome_fails()
    {
        var c = Cases.Value.Values.First(x => x.Kind == "callback" && x.KerasVersion == "3.15.1" && x.Element.GetProperty("expected").GetProperty("outcome").GetString() == "raises_ValueError");
        var wrong = ConformanceSuite.Parse("[" + c.Element.GetRawText().Replace("raises_ValueError", "warns") + "]").Compile.Single();
        Assert.False(CompileVectors.Evaluate(wrong).Passed);
    }
}
