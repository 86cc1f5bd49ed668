using System.CommandLine;
using System.CommandLine.Help;

namespace KerasLint.Cli;

/// <summary>How both tools (keraslint, keraslint-torch; this file is linked into the second) run their root command.</summary>
internal static class CommandLineHost
{
    /// <summary>
    /// A bare command shows what it can do (rather than "Required command was not provided."); a bad command line
    /// prints each error and exits 2 (exit code 1 is each command's own "findings remain" / "a claim does not hold").
    /// </summary>
    public static async Task<int> RunAsync(RootCommand root, string[] args)
    {
        root.SetAction(parse =>
        {
            new HelpAction().Invoke(parse);
            return 0;
        });
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) Console.Error.WriteLine("error: " + error.Message);
            return 2;
        }

        return await parsed.InvokeAsync();
    }
}
