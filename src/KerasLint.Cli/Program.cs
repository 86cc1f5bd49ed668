using System.CommandLine;
using KerasLint.Cli;

// keraslint: a registry of subcommands, one file each.
var root = new RootCommand("KerasLint: Keras loss/metric semantics per Keras version family, on TorchSharp.");
root.Subcommands.Add(ConformanceCommand.Create());
root.Subcommands.Add(ProveCommand.Create());
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    // Exit code 1 means "a claim does not hold" for prove; a bad command line gets 2.
    foreach (var error in parsed.Errors) Console.Error.WriteLine("error: " + error.Message);
    return 2;
}

return parsed.Invoke();
