using System.CommandLine;
using System.Diagnostics;

namespace KerasLint.Cli;

/// <summary>
/// <c>keraslint prove|conformance …</c>: these run on TorchSharp with native libtorch (hundreds of MB), which this
/// tool does not carry so that <c>analyze</c> stays managed-only. They live in the <c>keraslint-torch</c> tool
/// (package KerasLint.Cli.Torch, src/KerasLint.Cli.Torch); keraslint runs it with the same arguments and returns its
/// exit code, or, when it is not installed, says what to install and exits with <see cref="NotInstalled"/>.
/// </summary>
public static class TorchTool
{
    public const string CommandName = "keraslint-torch";
    public const string PackageId = "KerasLint.Cli.Torch";

    /// <summary>Exit code when keraslint-torch is not installed (prove and conformance use 0, 1 and 2 themselves).</summary>
    public const int NotInstalled = 3;

    public static readonly IReadOnlyList<string> Commands = new[] { "conformance", "prove" };

    /// <summary>The commands as keraslint's help lists them; any arguments are passed on unchanged.</summary>
    public static Command Create(string name, string description)
    {
        var command = new Command(name, description + $" Runs in the {CommandName} tool (package {PackageId}: TorchSharp with native libtorch), which keraslint starts with the same arguments; `{CommandName} {name} --help` lists the options.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(parse => Forward(new[] { name }.Concat(parse.UnmatchedTokens).ToArray(), Console.Error));
        return command;
    }

    /// <summary>Runs <c>keraslint-torch args…</c> with this process's console; its exit code, or <see cref="NotInstalled"/>.</summary>
    public static int Forward(IReadOnlyList<string> args, TextWriter error)
    {
        var tool = Find(ShimDirectory(), Environment.GetEnvironmentVariable("PATH"));
        if (tool is null)
        {
            error.WriteLine(NotInstalledMessage(args.Count > 0 ? args[0] : "prove"));
            return NotInstalled;
        }

        var psi = new ProcessStartInfo(tool) { UseShellExecute = false };
        foreach (var arg in args) psi.ArgumentList.Add(arg);
        using var process = Process.Start(psi)!;
        process.WaitForExit();
        return process.ExitCode;
    }

    public static string NotInstalledMessage(string command) => $"""
        error: `keraslint {command}` runs on TorchSharp with native libtorch, which the keraslint tool does not carry (`analyze` needs none).
        Install the {CommandName} tool ({PackageId}, the Linux x64 CPU libtorch; about 0.7 GB installed) from the feed you installed keraslint from, then run the command again:
          dotnet tool install --global {PackageId} --add-source ~/keraslint-feed --prerelease
        (with --tool-path <dir>, install it into the same <dir>). keraslint looked for `{CommandName}` beside itself and on PATH.
        From a clone of KerasLint: dotnet run --project src/KerasLint.Cli.Torch -c Release -- {command}
        """;

    /// <summary>
    /// keraslint-torch in <paramref name="shimDirectory"/> (where the keraslint command itself was installed: tools
    /// installed with the same --tool-path land together), else the first on <paramref name="path"/>.
    /// </summary>
    public static string? Find(string? shimDirectory, string? path)
    {
        var name = OperatingSystem.IsWindows() ? CommandName + ".exe" : CommandName;
        var directories = new List<string>();
        if (!string.IsNullOrEmpty(shimDirectory)) directories.Add(shimDirectory);
        directories.AddRange((path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return directories.Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
    }

    /// <summary>The folder of the keraslint command that started this process (the tool's shim), when there is one.</summary>
    private static string? ShimDirectory()
    {
        var process = Environment.ProcessPath;
        return process is not null && Path.GetFileNameWithoutExtension(process).Equals("keraslint", StringComparison.OrdinalIgnoreCase)
            ? Path.GetDirectoryName(process)
            : null;
    }
}
