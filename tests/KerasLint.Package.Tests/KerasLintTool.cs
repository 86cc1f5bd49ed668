using Xunit;

namespace KerasLint.Package.Tests;

/// <summary>The <c>keraslint</c> command-line tool, built once from src/KerasLint.Cli and run as a user runs it.</summary>
internal static class KerasLintTool
{
    private static readonly Lazy<(int ExitCode, string Log)> Build = new(() =>
        DotnetCli.Run(TimeSpan.FromMinutes(10), "build", Path.Combine("src", "KerasLint.Cli", "KerasLint.Cli.csproj"), "-c", "Release"));

    public static string Dll => Path.Combine(RepoRoot.Path, "src", "KerasLint.Cli", "bin", "Release", "net10.0", "keraslint.dll");

    /// <summary>Runs <c>keraslint args…</c> in <paramref name="directory"/> (the repository root by default); output is stdout, then stderr.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string? directory, params string[] args)
    {
        var (buildExit, buildLog) = Build.Value;
        Assert.True(buildExit == 0, "dotnet build src/KerasLint.Cli failed:\n" + buildLog);
        return RunExecutable("dotnet", directory, new[] { Dll }.Concat(args).ToArray());
    }

    /// <summary>Runs an executable (e.g. an installed tool's command) as <see cref="Run"/> runs the built tool.</summary>
    public static (int ExitCode, string Stdout, string Stderr) RunExecutable(string executable, string? directory, params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo(executable)
        {
            WorkingDirectory = directory ?? RepoRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var key in psi.Environment.Keys.ToArray())
        {
            if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)) psi.Environment.Remove(key);
        }

        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        using var process = System.Diagnostics.Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("keraslint " + string.Join(' ', args) + " did not finish within 8 minutes.");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>A hash of every source and project file below a folder, to show that a command changed nothing.</summary>
    public static string Snapshot(string directory) => string.Join("\n", Directory
        .EnumerateFiles(directory, "*", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
        .OrderBy(f => f, StringComparer.Ordinal)
        .Select(f => f + " " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))));
}
