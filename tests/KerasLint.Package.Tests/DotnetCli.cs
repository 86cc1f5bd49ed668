using System.Diagnostics;
using Xunit;

namespace KerasLint.Package.Tests;

/// <summary>Runs the dotnet CLI as a user would, from the repository root. Tests that build share one collection so their builds never overlap.</summary>
internal static class DotnetCli
{
    public const string Collection = "dotnet CLI builds";

    public static (int ExitCode, string Output) Run(TimeSpan timeout, params string[] args) => RunIn(RepoRoot.Path, timeout, buildFlags: true, args);

    /// <summary>Runs in <paramref name="directory"/>; <paramref name="buildFlags"/> adds the no-build-server flags (only for commands that build).</summary>
    public static (int ExitCode, string Output) RunIn(string directory, TimeSpan timeout, bool buildFlags, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        // Build servers would outlive the command and keep its output pipes open.
        foreach (var arg in buildFlags ? new[] { "--nologo", "--disable-build-servers", "-nodeReuse:false" } : Array.Empty<string>())
        {
            psi.ArgumentList.Add(arg);
        }

        // The test host runs under MSBuild/VSTest variables that must not leak into a nested build.
        foreach (var key in psi.Environment.Keys.ToArray())
        {
            if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                psi.Environment.Remove(key);
            }
        }

        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', args)} did not finish within {timeout}.");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}

[CollectionDefinition(DotnetCli.Collection, DisableParallelization = true)]
public sealed class DotnetCliCollection
{
}
