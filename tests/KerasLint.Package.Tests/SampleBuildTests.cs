using System.Text.RegularExpressions;
using Xunit;

namespace KerasLint.Package.Tests;

/// <summary>
/// Builds samples/KerasNetSample as README tells a user to, once, and keeps the build log.
/// The references are built first; the sample itself is then rebuilt so the compiler runs and reports even
/// when an earlier build left it up to date.
/// </summary>
public sealed class SampleBuild
{
    public SampleBuild()
    {
        var project = Path.Combine("samples", "KerasNetSample", "KerasNetSample.csproj");
        var (code, log) = DotnetCli.Run(TimeSpan.FromMinutes(8), "build", project, "-c", "Release");
        if (code == 0)
        {
            (code, log) = DotnetCli.Run(TimeSpan.FromMinutes(8), "build", project, "-c", "Release", "--no-dependencies", "-t:Rebuild");
        }

        ExitCode = code;
        Log = log;
        Diagnostics = Regex.Matches(log, @"(?<file>[^\s\\/]+\.cs)\((?<line>\d+),\d+\): (?<severity>warning|error) (?<id>[A-Z]+\d+):")
            .Select(m => (File: m.Groups["file"].Value, Line: int.Parse(m.Groups["line"].Value), Id: m.Groups["id"].Value, Severity: m.Groups["severity"].Value))
            .Distinct()
            .ToArray();
    }

    public int ExitCode { get; }

    public string Log { get; }

    public (string File, int Line, string Id, string Severity)[] Diagnostics { get; }
}

/// <summary>
/// The samples are the product as a user first sees it: every line marked <c>// KLxxxx</c> must get exactly those
/// diagnostics, no other line may get any, the correct model stays silent, and the build succeeds.
/// </summary>
[Collection(DotnetCli.Collection)]
public class SampleBuildTests : IClassFixture<SampleBuild>
{
    private static readonly string SampleDir = Path.Combine(RepoRoot.Path, "samples", "KerasNetSample");

    private readonly SampleBuild _build;

    public SampleBuildTests(SampleBuild build) => _build = build;

    /// <summary>(file, line, id) for every KL id named in a // comment of a sample source.</summary>
    private static IEnumerable<(string File, int Line, string Id)> Expected()
    {
        foreach (var path in Directory.EnumerateFiles(SampleDir, "*.cs"))
        {
            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                var comment = lines[i].IndexOf("//", StringComparison.Ordinal);
                if (comment < 0 || lines[i].TrimStart().StartsWith("///", StringComparison.Ordinal)) continue;
                foreach (Match m in Regex.Matches(lines[i].Substring(comment), @"\bKL\d{4}\b"))
                {
                    yield return (Path.GetFileName(path), i + 1, m.Value);
                }
            }
        }
    }

    [Fact]
    public void BuildSucceeds()
    {
        Assert.True(_build.ExitCode == 0, "dotnet build samples/KerasNetSample failed:\n" + _build.Log);
    }

    [Fact]
    public void EveryMarkedLineGetsItsDiagnosticsAndNoOtherLineGetsAny()
    {
        Assert.True(_build.ExitCode == 0, _build.Log);
        var expected = Expected().Select(e => $"{e.File}:{e.Line} {e.Id}").OrderBy(s => s, StringComparer.Ordinal).ToArray();
        var actual = _build.Diagnostics.Where(d => d.Id.StartsWith("KL", StringComparison.Ordinal))
            .Select(d => $"{d.File}:{d.Line} {d.Id}").Distinct().OrderBy(s => s, StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void EveryKerasNetRuleIsDemonstrated()
    {
        var marked = Expected().Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in new[] { "KL0001", "KL0002", "KL0003", "KL0004", "KL0005", "KL0007", "KL0008", "KL0009", "KL0010", "KL0012" })
        {
            Assert.Contains(id, marked);
        }
    }

    [Fact]
    public void CorrectModelStaysSilent()
    {
        Assert.True(_build.ExitCode == 0, _build.Log);
        Assert.True(File.Exists(Path.Combine(SampleDir, "MnistCorrect.cs")));
        Assert.DoesNotContain(_build.Diagnostics, d => d.File == "MnistCorrect.cs");
    }

    [Fact]
    public void NoAnalyzerCrashed()
    {
        Assert.DoesNotContain(_build.Diagnostics, d => d.Id is "AD0001" or "CS8032" or "CS8784" or "CS8785");
        Assert.DoesNotContain("AD0001", _build.Log, StringComparison.Ordinal);
    }
}
