using System.CommandLine;
using KerasLint.Cli;

// keraslint-torch: the commands that run on TorchSharp/libtorch. `keraslint prove|conformance …` forwards here.
var root = new RootCommand("KerasLint on TorchSharp: shows Keras's semantics per version family on real tensors (prove) and checks KerasLint's reproduction of Keras against Keras's own test values (conformance). `keraslint prove` and `keraslint conformance` run these.");
root.Subcommands.Add(ConformanceCommand.Create());
root.Subcommands.Add(ProveCommand.Create());

return await CommandLineHost.RunAsync(root, args);
