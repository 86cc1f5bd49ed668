using System.CommandLine;
using System.CommandLine.Help;
using KerasLint.Cli;

// keraslint-torch: the commands that run on TorchSharp/libtorch. `keraslint prove|conformance …` forwards here.
var root = new RootCommand("KerasLint on TorchSharp: shows Keras's semantics per version family on real tensors (prove) and checks KerasLint's reproduction of Keras against Keras's own test values (conformance). `keraslint prove` and `keraslint conformance` run these.");
root.Subcommands.Add(ConformanceCommand.Create());
root.Subcommands.Add(ProveCommand.Create());

root.SetAction(parse =>
{
    new HelpAction().Invoke(parse);
    return 0;
});
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    // Exit code 1 means "a claim does not hold" / "a case failed"; a bad command line gets 2.
    foreach (var error in parsed.Errors) Console.Error.WriteLine("error: " + error.Message);
    return 2;
}

return await parsed.InvokeAsync();
