using System.IO.Compression;
using Xunit;

namespace KerasLint.Package.Tests;

/// <summary>
/// The two tool packages as README installs them: <c>dotnet pack</c> of src/KerasLint.Cli (<c>keraslint</c>) and
/// src/KerasLint.Cli.Torch (<c>keraslint-torch</c>) into one local feed, then <c>dotnet tool install --tool-path</c>.
/// </summary>
public sealed class PackedTools : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "keraslint-tools-" + Guid.NewGuid().ToString("N"));

    public string Feed => Path.Combine(Root, "feed");

    public string ToolPath => Path.Combine(Root, "tools");

    public PackedTools() => Directory.CreateDirectory(Feed);

    /// <summary>Packs <c>src/<paramref name="project"/></c> into the feed and returns the package's version.</summary>
    public string Pack(string project)
    {
        var (exit, log) = DotnetCli.Run(TimeSpan.FromMinutes(10), "pack", Path.Combine("src", project, project + ".csproj"), "-c", "Release", "-o", Feed);
        Assert.True(exit == 0, $"dotnet pack src/{project} failed:\n{log}");
        return Path.GetFileNameWithoutExtension(Nupkg(project)).Substring(project.Length + 1);
    }

    /// <summary>The package of <paramref name="packageId"/> in the feed (one per fixture: each test packs once).</summary>
    public string Nupkg(string packageId) => Assert.Single(Directory.GetFiles(Feed, packageId + ".*.nupkg"),
        f => char.IsDigit(Path.GetFileName(f)[packageId.Length + 1]));

    /// <summary><c>dotnet tool install <paramref name="packageId"/> --tool-path … --add-source feed --version …</c>.</summary>
    public void Install(string packageId, string version)
    {
        var (exit, log) = DotnetCli.RunIn(Root, TimeSpan.FromMinutes(10), buildFlags: false,
            "tool", "install", packageId, "--tool-path", ToolPath, "--add-source", Feed, "--version", version);
        Assert.True(exit == 0, $"dotnet tool install {packageId} failed:\n{log}");
    }

    public string Command(string name) => Path.Combine(ToolPath, OperatingSystem.IsWindows() ? name + ".exe" : name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>
/// <c>keraslint analyze</c> needs no libtorch: the installed <c>keraslint</c> tool holds no native library at all,
/// and analyzes a sample. <c>prove</c> and <c>conformance</c> run in <c>keraslint-torch</c>: without it keraslint
/// says what to install; installed beside it (README's route), <c>keraslint conformance</c> runs there.
/// </summary>
[Collection(DotnetCli.Collection)]
public class ToolPackagesTests : IClassFixture<PackedTools>
{
    private static readonly string[] NativeSuffixes = { ".so", ".dylib" };

    private readonly PackedTools _tools;

    public ToolPackagesTests(PackedTools tools) => _tools = tools;

    private static bool IsTorchOrNative(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith("libtorch", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("libLibTorchSharp", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("libc10", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("TorchSharp", StringComparison.OrdinalIgnoreCase)
            || NativeSuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase))
            || name.Contains(".so.", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AnalyzeToolCarriesNoLibtorch_AndConformanceRunsThroughTheTorchTool()
    {
        var version = _tools.Pack("KerasLint.Cli");
        using (var package = ZipFile.OpenRead(_tools.Nupkg("KerasLint.Cli")))
        {
            Assert.Contains(package.Entries, e => e.FullName.EndsWith("/keraslint.dll", StringComparison.Ordinal));
            Assert.DoesNotContain(package.Entries.Select(e => e.FullName), IsTorchOrNative);
        }

        _tools.Install("KerasLint.Cli", version);
        Assert.DoesNotContain(Directory.EnumerateFiles(_tools.ToolPath, "*", SearchOption.AllDirectories), IsTorchOrNative);

        // analyze on a sample, from the installed tool (with no libtorch anywhere in its install).
        var (exit, stdout, stderr) = KerasLintTool.RunExecutable(_tools.Command("keraslint"), null,
            "analyze", Path.Combine("samples", "KerasNetSample"), "--format", "msbuild", "--fail-on", "none");
        Assert.True(exit == 0, $"keraslint analyze exited {exit}:\n{stdout}\n{stderr}");
        Assert.Contains(SampleMarkers.Reported(stdout), d => d.Id == "KL0001");

        // Without keraslint-torch: what to install, and exit code 3, not a native-loading exception.
        (exit, stdout, stderr) = KerasLintTool.RunExecutable(_tools.Command("keraslint"), _tools.Root, "conformance");
        Assert.True(exit == 3, $"keraslint conformance without keraslint-torch exited {exit}:\n{stdout}\n{stderr}");
        Assert.Contains("dotnet tool install --global KerasLint.Cli.Torch", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stdout + stderr, StringComparison.Ordinal);

        // README's route: the torch tool from the same feed, installed beside keraslint (not on PATH here).
        var torchVersion = _tools.Pack("KerasLint.Cli.Torch");
        _tools.Install("KerasLint.Cli.Torch", torchVersion);
        Assert.Contains(Directory.EnumerateFiles(_tools.ToolPath, "*", SearchOption.AllDirectories), f => Path.GetFileName(f) == "libtorch_cpu.so");
        (exit, stdout, stderr) = KerasLintTool.RunExecutable(_tools.Command("keraslint"), _tools.Root, "conformance");
        Assert.True(exit == 0, $"keraslint conformance through keraslint-torch exited {exit}:\n{stdout}\n{stderr}");
        Assert.Matches(@"(?m)^\d+ passed, 0 failed\s*$", stdout);
    }
}
