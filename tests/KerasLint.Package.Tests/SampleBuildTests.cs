using Xunit;

namespace KerasLint.Package.Tests;

/// <summary>
/// Builds each sample as README tells a user to (<c>dotnet build samples/&lt;name&gt;</c>), once, and keeps the logs.
/// The references are built first; the sample itself is then rebuilt so the compiler runs and reports even when
/// an earlier build left it up to date.
/// </summary>
public sealed class SampleBuilds
{
    public static readonly string[] Samples = { "KerasNetSample", "TfNetSample", "TorchSharpSample" };

    private readonly Dictionary<string, (int ExitCode, string Log)> _results = new(StringComparer.Ordinal);

    public SampleBuilds()
    {
        foreach (var sample in Samples)
        {
            var project = Path.Combine("samples", sample, sample + ".csproj");
            var (code, log) = DotnetCli.Run(TimeSpan.FromMinutes(8), "build", project, "-c", "Release");
            if (code == 0)
            {
                (code, log) = DotnetCli.Run(TimeSpan.FromMinutes(8), "build", project, "-c", "Release", "--no-dependencies", "-t:Rebuild");
            }

            _results[sample] = (code, log);
        }
    }

    public int ExitCode(string sample) => _results[sample].ExitCode;

    public string Log(string sample) => _results[sample].Log;

    /// <summary>Every compiler diagnostic in the sample's build log, with its file relative to the repository root.</summary>
    public IReadOnlyList<(string File, int Line, string Id)> Diagnostics(string sample) =>
        SampleMarkers.Reported(Log(sample)).Select(d => (Relative(d.Path), d.Line, d.Id)).ToArray();

    public static string Relative(string path) => Path.GetRelativePath(RepoRoot.Path, path).Replace('\\', '/');
}

/// <summary>
/// The samples are the product as a user first sees it: every line marked <c>// KLxxxx</c> must get exactly those
/// diagnostics, no other line may get any (so correct code stays silent), and the build succeeds.
/// </summary>
[Collection(DotnetCli.Collection)]
public partial class SampleBuildTests : IClassFixture<SampleBuilds>
{
    private readonly SampleBuilds _builds;

    public SampleBuildTests(SampleBuilds builds) => _builds = builds;

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var s in SampleBuilds.Samples) data.Add(s);
        return data;
    }

    /// <summary>(file, line, id) for every KL id named in a // comment of the sample's sources.</summary>
    private static IEnumerable<(string File, int Line, string Id)> Expected(string sample) =>
        SampleMarkers.In(Path.Combine(RepoRoot.Path, "samples", sample)).Select(m => (SampleBuilds.Relative(m.Path), m.Line, m.Id));

    [Theory]
    [MemberData(nameof(Samples))]
    public void BuildSucceeds(string sample)
    {
        Assert.True(_builds.ExitCode(sample) == 0, $"dotnet build samples/{sample} failed:\n" + _builds.Log(sample));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void EveryMarkedLineGetsItsDiagnosticsAndNoOtherLineGetsAny(string sample)
    {
        Assert.True(_builds.ExitCode(sample) == 0, _builds.Log(sample));
        var expected = Expected(sample).Select(e => $"{e.File}:{e.Line} {e.Id}").OrderBy(s => s, StringComparer.Ordinal).ToArray();
        var actual = _builds.Diagnostics(sample).Where(d => d.Id.StartsWith("KL", StringComparison.Ordinal))
            .Select(d => $"{d.File}:{d.Line} {d.Id}").Distinct().OrderBy(s => s, StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void EveryRuleIsDemonstratedInASample()
    {
        var marked = SampleBuilds.Samples.SelectMany(Expected).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        // KL0014 (an unreadable keraslint.* setting) is project-wide, with no source line to mark: KL0014Tests and
        // AnalyzeCommandTests show it.
        Assert.All(RuleDocsTests.DeclaredIds.Where(id => id != "KL0014"), id => Assert.Contains(id, marked));
    }

    [Fact]
    public void CorrectKerasNetModelStaysSilent()
    {
        const string file = "samples/KerasNetSample/MnistCorrect.cs";
        Assert.True(_builds.ExitCode("KerasNetSample") == 0, _builds.Log("KerasNetSample"));
        Assert.True(File.Exists(Path.Combine(RepoRoot.Path, file)));
        Assert.DoesNotContain(_builds.Diagnostics("KerasNetSample"), d => d.File == file);
    }

    [Fact]
    public void CorrectTfNetModelStaysSilent()
    {
        const string file = "samples/TfNetSample/MnistCorrect.cs";
        Assert.True(_builds.ExitCode("TfNetSample") == 0, _builds.Log("TfNetSample"));
        Assert.True(File.Exists(Path.Combine(RepoRoot.Path, file)));
        Assert.DoesNotContain(_builds.Diagnostics("TfNetSample"), d => d.File == file);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void NoAnalyzerCrashedOrFailedToLoad(string sample)
    {
        var log = _builds.Log(sample);
        foreach (var id in new[] { "AD0001", "CS8032", "CS8784", "CS8785" })
        {
            Assert.DoesNotContain(id, log, StringComparison.Ordinal);
        }
    }
}
