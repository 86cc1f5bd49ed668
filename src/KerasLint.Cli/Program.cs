using System.CommandLine;
using KerasLint.Cli;

var root = new RootCommand("KerasLint: Keras loss/metric/output-head checks for .NET deep-learning code.");
root.Subcommands.Add(ProveCommand.Create());
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    // Exit code 1 means "a claim does not hold" for prove; bad command lines get 2.
    foreach (var error in parsed.Errors) Console.Error.WriteLine("error: " + error.Message);
    return 2;
}

return parsed.Invoke();
