using System.CommandLine;
using System.Runtime.CompilerServices;

namespace KerasLint.Cli;

/// <summary>
/// <c>keraslint analyze &lt;solution|project|folder&gt;</c>: KerasLint's diagnostics on existing projects, without
/// adding the package. The projects load as MSBuild evaluates them (MSBuildWorkspace, on the SDK MSBuildLocator
/// finds), with their own .editorconfig / .globalconfig, so the findings are those <c>dotnet build</c> reports with
/// the KerasLint package.
/// </summary>
public static class AnalyzeCommand
{
    /// <summary>Exit codes a CI can rely on.</summary>
    public const int Clean = 0, Findings = 1, BadUsage = 2, LoadFailed = 3;

    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "A solution (.sln, .slnx), a project (.csproj) or a folder (its one solution, else every .csproj below it).", DefaultValueFactory = _ => "." };
        var format = new Option<string>("--format") { Description = "Output: text (grouped by file, with a summary), msbuild (as the compiler prints them) or sarif (SARIF 2.1.0).", DefaultValueFactory = _ => "text" };
        var failOn = new Option<string>("--fail-on") { Description = "Exit with 1 when a finding at or above this severity remains: warning, error or none.", DefaultValueFactory = _ => "warning" };
        var fix = new Option<bool>("--fix") { Description = "Apply each finding's recommended code fix (as Fix All does) and write the changed files. Without it nothing is written." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };
        var noRestore = new Option<bool>("--no-restore") { Description = "Do not run `dotnet restore` first (the projects must have been restored or built)." };
        var configuration = new Option<string?>("--configuration", "-c") { Description = "MSBuild Configuration to load the projects with (default: the projects' default, usually Debug)." };
        var command = new Command("analyze", "Run KerasLint's analyzers on a solution, project or folder, as `dotnet build` with the KerasLint package would; optionally apply the fixes. Exit codes: 0 clean, 1 findings at or above --fail-on, 2 bad command line, 3 the projects could not be loaded.")
        {
            path, format, failOn, fix, output, configuration, noRestore,
        };
        command.SetAction((parse, token) => RunAsync(new AnalyzeOptions(
            parse.GetValue(path) ?? ".",
            (parse.GetValue(format) ?? "text").Trim().ToLowerInvariant(),
            (parse.GetValue(failOn) ?? "warning").Trim().ToLowerInvariant(),
            parse.GetValue(fix),
            parse.GetValue(output),
            parse.GetValue(configuration),
            parse.GetValue(noRestore)), Console.Out, Console.Error, token));
        return command;
    }

    /// <summary>Runs the command; see the exit codes above.</summary>
    public static Task<int> RunAsync(AnalyzeOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (options.Format is not ("text" or "msbuild" or "sarif"))
        {
            stderr.WriteLine($"error: unknown --format '{options.Format}'. Expected text, msbuild or sarif.");
            return Task.FromResult(BadUsage);
        }

        if (options.FailOn is not ("warning" or "error" or "none"))
        {
            stderr.WriteLine($"error: unknown --fail-on '{options.FailOn}'. Expected warning, error or none.");
            return Task.FromResult(BadUsage);
        }

        var full = Path.GetFullPath(options.Path);
        if (!File.Exists(full) && !Directory.Exists(full))
        {
            stderr.WriteLine($"error: '{options.Path}' is neither a file nor a folder.");
            return Task.FromResult(BadUsage);
        }

        // MSBuildLocator's rule: register the SDK's MSBuild before any MSBuild or MSBuildWorkspace type is loaded,
        // hence the separate, non-inlined method below.
        if (!MsBuildSdk.TryRegister(out var why))
        {
            stderr.WriteLine("error: no .NET SDK found to load the projects with: " + why);
            return Task.FromResult(LoadFailed);
        }

        return Analysis.RunAsync(options with { Path = full }, stdout, stderr, cancellationToken);
    }
}

/// <summary>What <c>keraslint analyze</c> was asked to do.</summary>
public sealed record AnalyzeOptions(string Path, string Format, string FailOn, bool Fix, string? Output, string? Configuration, bool NoRestore = false);

/// <summary>Registers the .NET SDK's MSBuild once per process (MSBuildLocator), before any MSBuild type loads.</summary>
internal static class MsBuildSdk
{
    private static readonly object Gate = new();
    private static string? _failure;
    private static bool _done;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool TryRegister(out string? failure)
    {
        lock (Gate)
        {
            if (!_done)
            {
                _done = true;
                try
                {
                    if (!Microsoft.Build.Locator.MSBuildLocator.IsRegistered)
                    {
                        Microsoft.Build.Locator.MSBuildLocator.RegisterDefaults();
                    }
                }
                catch (InvalidOperationException e)
                {
                    _failure = e.Message;
                }
            }

            failure = _failure;
            return _failure == null;
        }
    }
}
