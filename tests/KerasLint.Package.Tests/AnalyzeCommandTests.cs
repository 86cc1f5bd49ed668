using System.Text.Json;
using Xunit;

namespace KerasLint.Package.Tests;

/// <summary>
/// A generated two-project solution (an app and the library it references, each with its own .editorconfig), analysed
/// by <c>keraslint analyze</c>: findings of both projects under the projects' own configuration, the three formats, the
/// exit codes, <c>--fix</c> (and nothing written without it), and a load failure.
/// </summary>
public sealed class GeneratedSolution : IDisposable
{
    public GeneratedSolution()
    {
        var (apiExit, apiLog) = DotnetCli.Run(TimeSpan.FromMinutes(5), "build", Path.Combine("samples", "KerasNetApi", "KerasNetApi.csproj"), "-c", "Release");
        Assert.True(apiExit == 0, apiLog);
        var keras = Path.Combine(RepoRoot.Path, "samples", "KerasNetApi", "bin", "Release", "netstandard2.0", "Keras.dll");
        Directory.CreateDirectory(Path.Combine(Dir, "App"));
        Directory.CreateDirectory(Path.Combine(Dir, "Lib"));
        File.WriteAllText(Path.Combine(Dir, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Dir, "Directory.Packages.props"), "<Project />\n");
        foreach (var (name, extra) in new[] { ("Lib", ""), ("App", "<ProjectReference Include=\"..\\Lib\\Lib.csproj\" />") })
        {
            File.WriteAllText(Path.Combine(Dir, name, name + ".csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>disable</Nullable>
                  </PropertyGroup>
                  <ItemGroup>
                    <Reference Include="Keras" HintPath="{keras}" />
                    {extra}
                  </ItemGroup>
                </Project>
                """);
        }

        File.WriteAllText(Path.Combine(Dir, "Lib", "IrisModel.cs"), """
            using Keras.Layers;
            using Keras.Models;
            using Numpy;

            public static class IrisModel
            {
                public static Sequential Train(NDarray x, NDarray y)
                {
                    var model = new Sequential();
                    model.Add(new Dense(3));
                    model.Compile(optimizer: "adam", loss: "categorical_crossentropy");
                    model.Fit(x, y);
                    return model;
                }
            }
            """);
        File.WriteAllText(Path.Combine(Dir, "Lib", ".editorconfig"), "[*.cs]\ndotnet_diagnostic.KL0005.severity = error\n");
        File.WriteAllText(Path.Combine(Dir, "App", "Spam.cs"), """
            using Keras.Layers;
            using Keras.Models;
            using Numpy;

            public static class Spam
            {
                public static Sequential Train(NDarray x, NDarray y)
                {
                    var model = new Sequential();
                    model.Add(new Dense(1, activation: "softmax")); // one unit
                    model.Compile(optimizer: "adam", loss: "binary_crossentropy");
                    model.Fit(x, y);
                    return IrisModel.Train(x, y);
                }
            }
            """);
        File.WriteAllText(Path.Combine(Dir, "App", ".editorconfig"), "[*.cs]\nkeraslint.keras_version = banana\n");

        var (slnExit, slnLog) = DotnetCli.RunIn(Dir, TimeSpan.FromMinutes(2), buildFlags: false, "new", "sln", "-n", "Multi", "--format", "sln");
        Assert.True(slnExit == 0, slnLog);
        var (addExit, addLog) = DotnetCli.RunIn(Dir, TimeSpan.FromMinutes(2), buildFlags: false, "sln", "Multi.sln", "add", Path.Combine("App", "App.csproj"), Path.Combine("Lib", "Lib.csproj"));
        Assert.True(addExit == 0, addLog);
    }

    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "keraslint-analyze-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

[Collection(DotnetCli.Collection)]
public class AnalyzeCommandTests : IClassFixture<GeneratedSolution>
{
    private readonly GeneratedSolution _solution;

    public AnalyzeCommandTests(GeneratedSolution solution) => _solution = solution;

    [Fact]
    public void FindsEveryProjectsFindingsUnderItsOwnConfigurationAndChangesNothing()
    {
        var before = KerasLintTool.Snapshot(_solution.Dir);
        var (exit, stdout, stderr) = KerasLintTool.Run(_solution.Dir, "analyze", ".", "--format", "msbuild");
        Assert.True(exit == 1, $"exit {exit}:\n{stdout}\n{stderr}");
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // App: the 1-unit softmax is one finding (KL0004, an error by default), not also KL0005.
        Assert.Single(lines, l => l.Contains("Spam.cs(10,", StringComparison.Ordinal) && l.Contains(": error KL0004:", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Spam.cs", StringComparison.Ordinal) && l.Contains("KL0005", StringComparison.Ordinal));
        // Lib: its own .editorconfig raises KL0005 to an error.
        Assert.Single(lines, l => l.Contains("IrisModel.cs(11,", StringComparison.Ordinal) && l.Contains(": error KL0005:", StringComparison.Ordinal));
        // App's unreadable setting speaks up, once, as the compiler prints a project-wide diagnostic.
        var kl0014 = Assert.Single(lines, l => l.Contains("KL0014", StringComparison.Ordinal));
        Assert.StartsWith("CSC : warning KL0014: keraslint.keras_version = 'banana'", kl0014, StringComparison.Ordinal);
        Assert.Contains("loaded App.csproj", stderr, StringComparison.Ordinal);
        Assert.Equal(before, KerasLintTool.Snapshot(_solution.Dir));
    }

    [Theory]
    [InlineData("none", 0)]
    [InlineData("error", 1)]
    [InlineData("warning", 1)]
    public void FailOnDecidesTheExitCode(string failOn, int expected)
    {
        var (exit, stdout, stderr) = KerasLintTool.Run(_solution.Dir, "analyze", "Multi.sln", "--fail-on", failOn, "--no-restore");
        Assert.True(exit == expected, $"--fail-on {failOn}: exit {exit}, expected {expected}:\n{stdout}\n{stderr}");
    }

    [Fact]
    public void SarifIsSarif21WithOneResultPerFinding()
    {
        var msbuild = KerasLintTool.Run(_solution.Dir, "analyze", "Multi.sln", "--format", "msbuild", "--no-restore").Stdout
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.Contains(" KL", StringComparison.Ordinal));
        var (_, stdout, stderr) = KerasLintTool.Run(_solution.Dir, "analyze", "Multi.sln", "--format", "sarif", "--no-restore");
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("2.1.0", doc.RootElement.GetProperty("version").GetString());
        var run = doc.RootElement.GetProperty("runs")[0];
        Assert.Equal("KerasLint", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToArray();
        Assert.All(RuleDocsTests.DeclaredIds, id => Assert.Contains(id, rules));
        var results = run.GetProperty("results").EnumerateArray().ToArray();
        Assert.True(results.Length == msbuild, $"{results.Length} SARIF results, {msbuild} msbuild lines:\n{stdout}\n{stderr}");
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "KL0004" && r.GetProperty("level").GetString() == "error"
            && r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32() == 10);
    }

    [Fact]
    public void BadPathOrFormatIsABadCommandLine()
    {
        Assert.Equal(2, KerasLintTool.Run(_solution.Dir, "analyze", "does-not-exist").ExitCode);
        Assert.Equal(2, KerasLintTool.Run(_solution.Dir, "analyze", ".", "--format", "xml").ExitCode);
    }

    [Fact]
    public void AProjectThatCannotLoadIsALoadFailure()
    {
        var dir = Path.Combine(_solution.Dir, "..", Path.GetFileName(_solution.Dir) + "-broken");
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "Broken.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup>\n");
            var (exit, stdout, stderr) = KerasLintTool.Run(dir, "analyze", "Broken.csproj");
            Assert.True(exit == 3, $"exit {exit}:\n{stdout}\n{stderr}");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void BareKerasLintPrintsHelp()
    {
        var (exit, stdout, _) = KerasLintTool.Run(null);
        Assert.Equal(0, exit);
        Assert.Contains("analyze", stdout, StringComparison.Ordinal);
        Assert.Contains("prove", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Required command was not provided", stdout, StringComparison.Ordinal);
    }
}

/// <summary><c>--fix</c> on a copy of the generated solution: the recommended fixes are written and the result builds.</summary>
[Collection(DotnetCli.Collection)]
public class AnalyzeFixTests : IClassFixture<GeneratedSolution>
{
    private readonly GeneratedSolution _solution;

    public AnalyzeFixTests(GeneratedSolution solution) => _solution = solution;

    [Fact]
    public void FixAppliesTheRecommendedFixesAndTheSolutionStillBuilds()
    {
        var (exit, stdout, stderr) = KerasLintTool.Run(_solution.Dir, "analyze", ".", "--fix", "--format", "msbuild", "--fail-on", "error");
        // Left: only the unreadable setting (a warning; no code fix edits configuration files).
        Assert.True(exit == 0, $"exit {exit}:\n{stdout}\n{stderr}");
        Assert.Contains("fixed 2 finding(s)", stderr, StringComparison.Ordinal);
        var left = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains(" KL", StringComparison.Ordinal)).ToArray();
        Assert.Single(left);
        Assert.Contains("KL0014", left[0], StringComparison.Ordinal);
        Assert.Contains("new Dense(1, activation: \"sigmoid\")); // one unit", File.ReadAllText(Path.Combine(_solution.Dir, "App", "Spam.cs")), StringComparison.Ordinal);
        Assert.Contains("softmax", File.ReadAllText(Path.Combine(_solution.Dir, "Lib", "IrisModel.cs")), StringComparison.Ordinal);
        var (buildExit, buildLog) = DotnetCli.RunIn(_solution.Dir, TimeSpan.FromMinutes(5), buildFlags: true, "build", "Multi.sln");
        Assert.True(buildExit == 0, buildLog);
    }
}
