using System.CommandLine;
using KerasLint.Runtime;
using KerasLint.Runtime.Conformance;

namespace KerasLint.Cli;

/// <summary><c>keraslint conformance &lt;file.json&gt; [--device cpu|cuda]</c>: runs a conformance-vectors file through the runtime.</summary>
public static class ConformanceCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A JSON file in the conformance-vectors format (shared/keras/semantics.md §6)." };
        // The same values as `prove --device` (KerasDevice.Resolve decides; an unknown value is reported by it).
        var device = new Option<string>("--device") { Description = "Where tensors live: cpu (default), cuda, cuda:N or auto.", DefaultValueFactory = _ => "cpu" };
        var cmd = new Command("conformance", "Evaluate every case of a conformance-vectors file; prints each failure and 'N passed, M failed'. Exit 1 if any failed, 2 if the file is unreadable or invalid.")
        {
            file,
            device,
        };
        cmd.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(device) ?? "cpu", Console.Out, Console.Error));
        return cmd;
    }

    public static int Run(FileInfo file, string deviceName, TextWriter output, TextWriter error)
    {
        IReadOnlyList<ConformanceCase> cases;
        try
        {
            cases = ConformanceFile.Load(file.FullName);
        }
        catch (ConformanceFileException e)
        {
            error.WriteLine($"error: {e.Message}");
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

        int passed = 0, failed = 0;
        foreach (var c in cases)
        {
            var o = ConformanceRunner.Evaluate(c, device);
            if (o.Passed) { passed++; continue; }
            failed++;
            output.WriteLine($"FAIL {c.Id} fn={c.Fn} ({c.KerasVersion}, {c.Kind}): expected {o.Expected}, got {o.Got}");
        }

        output.WriteLine($"{passed} passed, {failed} failed");
        return failed > 0 ? 1 : 0;
    }
}
