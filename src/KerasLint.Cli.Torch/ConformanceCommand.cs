using System.CommandLine;
using KerasLint.Runtime;
using KerasLint.Runtime.Conformance;

namespace KerasLint.Cli;

/// <summary>
/// <c>keraslint conformance &lt;file.json&gt;... [--device cpu|cuda]</c>: runs conformance files through the runtime.
/// A file holds numeric cases (kind metric, loss, function, compile_metric, compile_loss) and/or compile-time cases
/// (kind resolution, callback); the format is docs/keras-semantics.md §6.
/// </summary>
public static class ConformanceCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files")
        {
            Description = "JSON files in the conformance format; none: the vectors shipped inside the tool (every file of tests/data named *conformance-vectors*.json, resolution-vectors*.json or version-range-vectors*.json). Files in the conformance format (docs/keras-semantics.md §6): numeric vectors (e.g. tests/data/conformance-vectors.json, tests/data/keras2-conformance-vectors.json) and/or resolution and callback vectors (tests/data/resolution-vectors.json).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        // The same values as `prove --device` (KerasDevice.Resolve decides; an unknown value is reported by it).
        var device = new Option<string>("--device") { Description = "Where tensors live (numeric cases only): cpu (default), cuda, cuda:N or auto.", DefaultValueFactory = _ => "cpu" };
        var cmd = new Command("conformance", "Evaluate every case of one or more conformance files: numeric cases through the runtime's metrics and losses, resolution cases through CompileResolver (function, train and validation log keys), callback cases through the callback semantics (auto-mode direction, missing-key outcome). Prints each failure and 'N passed, M failed' per kind and in total. Exit 1 if any failed, 2 if a file is unreadable or invalid.")
        {
            files,
            device,
        };
        cmd.SetAction(parse => parse.GetValue(files) is { Length: > 0 } given
            ? Run(given, parse.GetValue(device) ?? "cpu", Console.Out, Console.Error)
            : RunShipped(parse.GetValue(device) ?? "cpu", Console.Out, Console.Error));
        return cmd;
    }

    public static int Run(FileInfo file, string deviceName, TextWriter output, TextWriter error) =>
        Run(new[] { file }, deviceName, output, error);

    public static int Run(IReadOnlyList<FileInfo> files, string deviceName, TextWriter output, TextWriter error) =>
        Run(() => files.Select(f => ConformanceSuite.Load(f.FullName)).ToList(), deviceName, output, error);

    /// <summary>The vectors embedded in the tool (<see cref="ShippedVectors"/>).</summary>
    public static int RunShipped(string deviceName, TextWriter output, TextWriter error)
    {
        output.WriteLine($"shipped vectors: {string.Join(", ", ShippedVectors.Names)}");
        return Run(() => ShippedVectors.Names.Select(n => ConformanceSuite.Parse(ShippedVectors.Read(n), n)).ToList(), deviceName, output, error);
    }

    private static int Run(Func<List<ConformanceSuite>> load, string deviceName, TextWriter output, TextWriter error)
    {
        List<ConformanceSuite> suites;
        try
        {
            suites = load();
        }
        catch (ConformanceFileException e)
        {
            error.WriteLine($"error: {e.Message}");
            return 2;
        }

        var duplicate = suites.SelectMany(s => s.Numeric.Select(c => c.Id).Concat(s.Compile.Select(c => c.Id))).GroupBy(i => i).FirstOrDefault(g => g.Count() > 1);
        if (duplicate != null)
        {
            error.WriteLine($"error: case id '{duplicate.Key}' appears more than once.");
            return 2;
        }

        TorchSharp.torch.Device device;
        try
        {
            device = KerasDevice.Resolve(deviceName);
        }
        catch (ArgumentException e)
        {
            error.WriteLine("error: --device: " + KerasDevice.MessageOf(e));
            return 2;
        }

        int passed = 0, failed = 0, cPassed = 0, cFailed = 0;
        foreach (var c in suites.SelectMany(s => s.Numeric))
        {
            var o = ConformanceRunner.Evaluate(c, device);
            if (o.Passed) { passed++; continue; }
            failed++;
            output.WriteLine($"FAIL {c.Id} fn={c.Fn} ({c.KerasVersion}, {c.Kind}): expected {o.Expected}, got {o.Got}");
        }

        foreach (var c in suites.SelectMany(s => s.Compile))
        {
            var o = CompileVectors.Evaluate(c);
            if (o.Passed) { cPassed++; continue; }
            cFailed++;
            output.WriteLine($"FAIL {c.Id} ({c.KerasVersion}, {c.Kind}): expected {o.Expected}, got {o.Got}");
        }

        if (cPassed + cFailed > 0)
        {
            output.WriteLine($"numeric: {passed} passed, {failed} failed");
            output.WriteLine($"resolution and callback: {cPassed} passed, {cFailed} failed");
        }

        output.WriteLine($"{passed + cPassed} passed, {failed + cFailed} failed");
        return failed + cFailed > 0 ? 1 : 0;
    }
}
