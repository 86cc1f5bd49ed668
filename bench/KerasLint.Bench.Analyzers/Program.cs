using System.Diagnostics;
using System.Globalization;
using KerasLint.Bench.Analyzers;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var settings = BenchSettings.Parse(args);
if (settings == null)
{
    Console.Error.WriteLine("usage: KerasLint.Bench.Analyzers [--quick] [--out FILE] [--only whole,keystrokes,memory,setups,build,csc,fuzz] [--pairs N] [--csc-serial] [--build-experiments] [--fuzz-sizes N,N,...] [--fuzz-shapes S,S,...] [--fuzz-repeats N]");
    return 2;
}

var total = Stopwatch.StartNew();
var report = new Report(settings);
await new Bench(settings, report).RunAsync().ConfigureAwait(false);
var markdown = report.ToMarkdown(total.Elapsed);
Console.WriteLine();
Console.WriteLine(markdown);
if (settings.Out != null) await File.WriteAllTextAsync(settings.Out, markdown).ConfigureAwait(false);
return 0;
