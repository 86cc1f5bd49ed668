using Xunit;

namespace KerasLint.Package.Tests;

/// <summary>
/// <c>keraslint analyze</c> on the samples gives the findings <c>dotnet build</c> gives with the analyzer (the same
/// build logs <see cref="SampleBuildTests"/> checks against the <c>// KLxxxx</c> markers), and changes no file.
/// </summary>
public partial class SampleBuildTests
{
    [Theory]
    [MemberData(nameof(Samples))]
    public void AnalyzeReportsWhatTheBuildReports(string sample)
    {
        Assert.True(_builds.ExitCode(sample) == 0, _builds.Log(sample));
        var folder = Path.Combine(RepoRoot.Path, "samples", sample);
        var before = KerasLintTool.Snapshot(folder);
        var (exit, stdout, stderr) = KerasLintTool.Run(null, "analyze", Path.Combine("samples", sample), "--format", "msbuild", "--fail-on", "none");
        Assert.True(exit == 0, $"keraslint analyze samples/{sample} exited {exit}:\n{stdout}\n{stderr}");

        var analyzed = SampleMarkers.Reported(stdout).Where(d => d.Id.StartsWith("KL", StringComparison.Ordinal))
            .Select(d => $"{SampleBuilds.Relative(d.Path)}:{d.Line} {d.Id}").Distinct().OrderBy(s => s, StringComparer.Ordinal).ToArray();
        var built = _builds.Diagnostics(sample).Where(d => d.Id.StartsWith("KL", StringComparison.Ordinal))
            .Select(d => $"{d.File}:{d.Line} {d.Id}").Distinct().OrderBy(s => s, StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(built);
        Assert.Equal(built, analyzed);
        Assert.Equal(before, KerasLintTool.Snapshot(folder));
    }

    [Fact]
    public void AnalyzeTextFormatGroupsByFileWithASummary()
    {
        var (exit, stdout, stderr) = KerasLintTool.Run(null, "analyze", Path.Combine("samples", "KerasNetSample", "KerasNetSample.csproj"), "--no-restore");
        // The sample's findings are warnings (its .editorconfig lowers the errors), so the default --fail-on warning fails.
        Assert.True(exit == 1, $"exit {exit}:\n{stdout}\n{stderr}");
        Assert.Contains("HousePriceRegression.cs" + Environment.NewLine + "  ", stdout, StringComparison.Ordinal);
        Assert.Matches(@"KerasLint: 0 error\(s\), \d+ warning\(s\), \d+ info in \d+ file\(s\) of \d+ project\(s\)\.", stdout);
        Assert.Contains("loaded KerasNetSample.csproj", stderr, StringComparison.Ordinal);
    }
}
