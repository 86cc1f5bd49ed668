using System.CommandLine;
using System.CommandLine.Help;
using KerasLint.Cli;

// keraslint: a registry of subcommands, one file each.
var root = new RootCommand("KerasLint: finds Keras loss/metric/output-head mistakes in Keras.NET, TensorFlow.NET and TorchSharp code (analyze), and shows Keras's semantics per version family on TorchSharp tensors (prove, conformance).");
root.Subcommands.Add(AnalyzeCommand.Create());
root.Subcommands.Add(ConformanceCommand.Create());
root.Subcommands.Add(ProveCommand.Create());

// Bare `keraslint` shows what it can do rather than "Required command was not provided."
root.SetAction(parse =>
{
    new HelpAction().Invoke(parse);
    return 0;
});
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    // Exit code 1 means "a claim does not hold" for prove; a bad command line gets 2.
    foreach (var error in parsed.Errors) Console.Error.WriteLine("error: " + error.Message);
    return 2;
}

return await parsed.InvokeAsync();
