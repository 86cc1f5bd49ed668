using System.CommandLine;
using System.CommandLine.Help;
using KerasLint.Cli;

// keraslint: a registry of subcommands, one file each. prove and conformance run in the keraslint-torch tool (TorchTool.cs).
var root = new RootCommand("KerasLint: finds Keras loss/metric/output-head mistakes in Keras.NET, TensorFlow.NET and TorchSharp code (analyze), and shows Keras's semantics per version family on TorchSharp tensors (prove, conformance).");
root.Subcommands.Add(AnalyzeCommand.Create());
root.Subcommands.Add(TorchTool.Create("conformance", "Check KerasLint's reproduction of Keras's losses and metrics against Keras's own test values (conformance files; none: the vectors shipped in the tool)."));
root.Subcommands.Add(TorchTool.Create("prove", "Measure each rule's claim on real tensors and print the verdicts."));

// prove and conformance are passed on whole, options and --help included: keraslint-torch parses them.
if (args.Length > 0 && TorchTool.Commands.Contains(args[0])) return TorchTool.Forward(args, Console.Error);

// Bare `keraslint` shows what it can do rather than "Required command was not provided."
root.SetAction(parse =>
{
    new HelpAction().Invoke(parse);
    return 0;
});
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    // Exit code 1 means "findings remain" for analyze; a bad command line gets 2.
    foreach (var error in parsed.Errors) Console.Error.WriteLine("error: " + error.Message);
    return 2;
}

return await parsed.InvokeAsync();
