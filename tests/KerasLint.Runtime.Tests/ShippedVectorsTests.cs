using KerasLint.Cli;
using KerasLint.Runtime.Conformance;
using Xunit;

namespace KerasLint.Runtime.Tests;

/// <summary>`keraslint conformance` without files: the vectors embedded in the tool.</summary>
public class ShippedVectorsTests
{
    private static readonly string DataDir = Path.Combine(AppContext.BaseDirectory, "data");

    private static string[] DataFiles() =>
        Directory.GetFiles(DataDir, "*.json")
            .Select(Path.GetFileName)
            .Where(n => n!.Contains("conformance-vectors", StringComparison.Ordinal) || n!.StartsWith("resolution-vectors", StringComparison.Ordinal)
                || n!.StartsWith("version-range-vectors", StringComparison.Ordinal))
            .Select(n => n!)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray();

    [Fact]
    public void Every_vectors_file_of_tests_data_is_embedded_unchanged()
    {
        Assert.Equal(DataFiles(), ShippedVectors.Names);
        Assert.Contains("logits-conformance-vectors.json", ShippedVectors.Names);
        Assert.Contains("version-range-vectors.json", ShippedVectors.Names);
        foreach (var n in ShippedVectors.Names)
            Assert.Equal(File.ReadAllText(Path.Combine(DataDir, n)), ShippedVectors.Read(n));
    }

    [Fact]
    public void Without_files_the_command_runs_every_shipped_case_and_they_pass()
    {
        var suites = DataFiles().Select(n => ConformanceSuite.Load(Path.Combine(DataDir, n))).ToList();
        int numeric = suites.Sum(s => s.Numeric.Count), compile = suites.Sum(s => s.Compile.Count);
        var o = new StringWriter();
        var e = new StringWriter();
        var code = ConformanceCommand.RunShipped("cpu", o, e);
        var text = o.ToString();
        Assert.True(code == 0, text + e);
        Assert.Contains($"numeric: {numeric} passed, 0 failed", text);
        Assert.Contains($"resolution and callback: {compile} passed, 0 failed", text);
        Assert.EndsWith($"{numeric + compile} passed, 0 failed", text.TrimEnd());
        Assert.True(numeric > 200, $"{numeric} numeric cases");
    }

    [Fact]
    public void An_unknown_shipped_name_is_an_argument_error()
    {
        Assert.Throws<ArgumentException>(() => ShippedVectors.Read("missing.json"));
    }
}
