using System.CommandLine;
using KerasLint.Cli;

var root = new RootCommand("KerasLint: Keras loss/metric/output-head checks for .NET deep-learning code.");
root.Subcommands.Add(ProveCommand.Create());
return root.Parse(args).Invoke();
