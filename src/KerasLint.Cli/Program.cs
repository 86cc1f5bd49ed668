using System.CommandLine;
using KerasLint.Cli;

// keraslint: a registry of subcommands, one file each.
var root = new RootCommand("KerasLint: Keras loss/metric semantics per Keras version family, on TorchSharp.");
root.Subcommands.Add(ConformanceCommand.Create());
return root.Parse(args).Invoke();
