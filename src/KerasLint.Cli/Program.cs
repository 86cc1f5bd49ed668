using System.CommandLine;
using KerasLint.Cli;

// keraslint: a registry of subcommands, one file each. prove and conformance run in the keraslint-torch tool (TorchTool.cs).
var root = new RootCommand("KerasLint: finds Keras loss/metric/output-head mistakes in Keras.NET, TensorFlow.NET and TorchSharp code (analyze), and shows Keras's semantics per version family on TorchSharp tensors (prove, conformance).");
root.Subcommands.Add(AnalyzeCommand.Create());
root.Subcommands.Add(TorchTool.Create("conformance", "Check KerasLint's reproduction of Keras's losses and metrics against Keras's own test values (conformance files; none: the vectors shipped in the tool)."));
root.Subcommands.Add(TorchTool.Create("prove", "Measure each rule's claim on real tensors and print the verdicts."));

// prove and conformance are passed on whole, options and --help included: keraslint-torch parses them.
if (args.Length > 0 && TorchTool.Commands.Contains(args[0])) return TorchTool.Forward(args, Console.Error);

return await CommandLineHost.RunAsync(root, args);
