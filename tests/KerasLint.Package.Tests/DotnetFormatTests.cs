using System.Text.RegularExpressions;
using Xunit;

namespace KerasLint.Package.Tests;

/// <summary>
/// Batch fixing as a user runs it: <c>dotnet format analyzers &lt;project&gt; --diagnostics &lt;ids&gt; --severity info</c>
/// (the formatter ships with the SDK) over a fresh copy of each sample (Keras.NET, TensorFlow.NET, TorchSharp) with
/// the built analyzer, three times. Every run must fix every fixable KL diagnostic, the result must build, and the three outputs must be
/// identical (a host meets diagnostics in no fixed order; Fix All must not depend on it).
/// </summary>
[Collection(DotnetCli.Collection)]
public class DotnetFormatTests
{
    /// <summary>Three runs in CI; set KERASLINT_FORMAT_RUNS (e.g. 20) to run more by hand.</summary>
    private static readonly int Runs = int.TryParse(Environment.GetEnvironmentVariable("KERASLINT_FORMAT_RUNS"), out var n) && n > 0 ? n : 3;

    /// <summary>The ids with a code-fix provider (one file per rule under src/KerasLint.CodeFixes/Rules).</summary>
    public static string[] FixableIds() =>
        Directory.GetFiles(Path.Combine(RepoRoot.Path, "src", "KerasLint.CodeFixes", "Rules"), "KL*CodeFixProvider.cs")
            .Select(f => Regex.Match(Path.GetFileName(f), @"^KL\d{4}").Value).Distinct().OrderBy(s => s, StringComparer.Ordinal).ToArray();

    /// <summary>
    /// The samples, and projects under tests/data/format-hard-cases whose FIRST diagnostic of each fixable id is a case
    /// the fix pipeline once left without a fix (dotnet format then prints "Unable to fix KLxxxx" and fixes none of that id).
    /// </summary>
    [Theory]
    [InlineData("KerasNetSample", "KerasNetApi")]
    [InlineData("TfNetSample", "TfNetApi")]
    [InlineData("TorchSharpSample", null)]
    [InlineData("KerasNetHardCases", "KerasNetApi")]
    [InlineData("TfNetHardCases", "TfNetApi")]
    public void FixesEveryFixableDiagnosticIdenticallyOnEveryRun(string sample, string? api)
    {
        var (code, log) = DotnetCli.Run(TimeSpan.FromMinutes(8), "build", Path.Combine("src", "KerasLint.CodeFixes", "KerasLint.CodeFixes.csproj"), "-c", "Release");
        Assert.True(code == 0, "building the analyzer failed:\n" + log);
        var analyzers = Directory.GetFiles(Path.Combine(RepoRoot.Path, "src", "KerasLint.CodeFixes", "bin", "Release"), "KerasLint.CodeFixes.dll", SearchOption.AllDirectories).Single();
        var ids = FixableIds();
        Assert.Contains("KL0002", ids);

        IReadOnlyDictionary<string, string>? first = null;
        for (var run = 0; run < Runs; run++)
        {
            var root = CopySamples(Path.GetDirectoryName(analyzers)!, sample, api);
            try
            {
                var before = Sources(root, sample);
                var project = Path.Combine(root, "samples", sample, sample + ".csproj");
                var args = new List<string> { "format", "analyzers", project, "--diagnostics" };
                args.AddRange(ids);
                args.AddRange(new[] { "--severity", "info", "-v", "normal" });
                var (formatCode, formatLog) = DotnetCli.RunIn(root, TimeSpan.FromMinutes(5), buildFlags: false, args.ToArray());
                Assert.True(formatCode == 0, $"run {run + 1}: dotnet format failed:\n" + formatLog);
                Assert.DoesNotContain("Unable to fix", formatLog, StringComparison.Ordinal);
                var after = Sources(root, sample);
                Assert.NotEqual(before, after);

                if (first == null)
                {
                    first = after;
                    var (buildCode, buildLog) = DotnetCli.RunIn(root, TimeSpan.FromMinutes(5), buildFlags: true, "build", project, "--no-incremental");
                    Assert.True(buildCode == 0, "the fixed samples do not build:\n" + buildLog);
                    Assert.DoesNotContain("AD0001", buildLog, StringComparison.Ordinal);
                    var left = SampleMarkers.Reported(buildLog).Where(d => ids.Contains(d.Id)).Select(d => $"{Path.GetFileName(d.Path)}:{d.Line} {d.Id}").Distinct().ToArray();
                    Assert.True(left.Length == 0, "fixable diagnostics left after dotnet format:\n" + string.Join("\n", left) + "\n" + formatLog);
                }
                else
                {
                    Assert.Equal(first, after);
                }
            }
            finally
            {
                TryDelete(root);
            }
        }
    }

    /// <summary>The sample and its stand-in API (if any) in a temporary folder, the analyzer referenced by path.</summary>
    private static string CopySamples(string analyzerDir, string sample, string? api)
    {
        var root = Path.Combine(Path.GetTempPath(), "keraslint-format-" + Guid.NewGuid().ToString("N"));
        foreach (var dir in api == null ? new[] { sample } : new[] { sample, api })
        {
            var hardCases = Path.Combine(RepoRoot.Path, "tests", "data", "format-hard-cases", dir);
            CopyDirectory(Directory.Exists(hardCases) ? hardCases : Path.Combine(RepoRoot.Path, "samples", dir), Path.Combine(root, "samples", dir));
        }

        File.Copy(Path.Combine(RepoRoot.Path, "samples", ".editorconfig"), Path.Combine(root, "samples", ".editorconfig"));
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props" })
        {
            File.Copy(Path.Combine(RepoRoot.Path, file), Path.Combine(root, file));
        }

        var csproj = Path.Combine(root, "samples", sample, sample + ".csproj");
        var text = Regex.Replace(File.ReadAllText(csproj), @"<ProjectReference Include=""[^""]*src[\\/]KerasLint\.(Analyzers|CodeFixes)[\\/][^""]*""[^>]*/>", "");
        text = text.Replace("</Project>", $@"  <ItemGroup>
    <Analyzer Include=""{Path.Combine(analyzerDir, "KerasLint.Analyzers.dll")}"" />
    <Analyzer Include=""{Path.Combine(analyzerDir, "KerasLint.CodeFixes.dll")}"" />
  </ItemGroup>
</Project>");
        Assert.DoesNotContain("KerasLint.Analyzers.csproj", text, StringComparison.Ordinal);
        Assert.DoesNotContain("KerasLint.CodeFixes.csproj", text, StringComparison.Ordinal);
        File.WriteAllText(csproj, text);
        return root;
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.GetDirectories(from))
        {
            var name = Path.GetFileName(dir);
            if (name is "bin" or "obj") continue;
            CopyDirectory(dir, Path.Combine(to, name));
        }
    }

    private static SortedDictionary<string, string> Sources(string root, string sample)
    {
        var dir = Path.Combine(root, "samples", sample);
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(dir, "*.cs"))
        {
            result[Path.GetFileName(file)] = File.ReadAllText(file);
        }

        return result;
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
