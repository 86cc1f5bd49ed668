using System.CommandLine;
using System.Globalization;
using KerasLint.Knowledge;
using KerasLint.Proofs;
using KerasLint.Proofs.Reporting;
using Spectre.Console;
using TorchSharp;

namespace KerasLint.Cli;

/// <summary><c>keraslint prove</c>: runs every rule's proof scenarios and prints the verdicts.</summary>
public static class ProveCommand
{
    public static Command Create()
    {
        var rule = new Option<string?>("--rule") { Description = "Only the scenarios of this rule id, e.g. KL0002." };
        var family = new Option<string>("--family") { Description = "Keras family whose rows are computed: 2.2, 2.3, tf2, 3 or all.", DefaultValueFactory = _ => "all" };
        var device = new Option<string>("--device") { Description = "Where tensors live: cpu, cuda, cuda:N or auto.", DefaultValueFactory = _ => "cpu" };
        var format = new Option<string>("--format") { Description = "Output: text, json or markdown.", DefaultValueFactory = _ => "text" };
        var quick = new Option<bool>("--quick") { Description = "Smaller sizes and training budgets (well under a minute on 2 CPU cores)." };
        var updateDocs = new Option<string?>("--update-docs") { Description = "Also write each rule's proof section into <folder>/KLxxxx.md (between <!-- proof:begin --> and <!-- proof:end -->)." };
        var command = new Command("prove", "Show every rule's claim: measured rows (real tensors through KerasLint's conformance-tested reproduction of Keras, per family, after the fix, and the truth) and cited rows (Keras's behaviour from a cited Keras test or source line; see docs/keras-semantics.md). Each row says which it is.")
        {
            rule, family, device, format, quick, updateDocs,
        };
        command.SetAction(parse => Run(
            parse.GetValue(rule),
            parse.GetValue(family) ?? "all",
            parse.GetValue(device) ?? "cpu",
            parse.GetValue(format) ?? "text",
            parse.GetValue(quick),
            parse.GetValue(updateDocs)));
        return command;
    }

    /// <summary>Runs the command; returns 0 when every claim holds, 1 when one does not, 2 for bad options.</summary>
    public static int Run(string? rule, string family, string device, string format, bool quick, string? updateDocs)
    {
        var err = Console.Error;
        format = format.Trim().ToLowerInvariant();
        if (format is not ("text" or "json" or "markdown"))
        {
            err.WriteLine($"error: unknown --format '{format}'. Expected text, json or markdown.");
            return 2;
        }

        IReadOnlyList<KerasFamily> families;
        if (family.Trim().Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            families = KerasFamilies.All;
        }
        else if (KerasFamilies.TryParse(family, out var f))
        {
            families = new[] { f };
        }
        else
        {
            err.WriteLine($"error: unknown --family '{family}'. Expected 2.2, 2.3, tf2, 3 or all (or a Keras version such as 2.2.4, 'tf.keras 2.15.0', 3.15.1).");
            return 2;
        }

        IReadOnlyList<ProofScenario> scenarios;
        try
        {
            scenarios = ProofRunner.Select(rule);
        }
        catch (ArgumentException e)
        {
            err.WriteLine("error: " + e.Message.Split(" (Parameter")[0]);
            return 2;
        }

        torch.Device torchDevice;
        try
        {
            torchDevice = KerasLint.Runtime.KerasDevice.Resolve(device);
        }
        catch (ArgumentException e)
        {
            err.WriteLine("error: --device: " + KerasLint.Runtime.KerasDevice.MessageOf(e));
            return 2;
        }

        var interactive = !Console.IsOutputRedirected && !Console.IsErrorRedirected;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        IReadOnlyList<ScenarioResult> results;
        if (interactive)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            results = Array.Empty<ScenarioResult>();
            console.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(ctx =>
                {
                    var overall = ctx.AddTask($"prove ({scenarios.Count} scenarios)", maxValue: scenarios.Count);
                    var bars = new SpectreProgress(ctx);
                    results = RunEach(scenarios, Options(quick, families, torchDevice, bars), r => overall.Increment(1));
                });
        }
        else
        {
            var i = 0;
            results = RunEach(scenarios, Options(quick, families, torchDevice, null), r =>
                err.WriteLine($"[{++i}/{scenarios.Count}] {r.Rule} {r.Id}: {r.Verdict} ({r.Seconds.ToString("0.0", CultureInfo.InvariantCulture)} s)"));
        }

        var seconds = watch.Elapsed.TotalSeconds;
        var deviceName = torchDevice.type == DeviceType.CUDA ? "cuda" : $"cpu ({Environment.ProcessorCount} cores)";
        switch (format)
        {
            case "json":
                Console.Out.WriteLine(ProofReport.Json(results, Options(quick, families, torchDevice, null), deviceName, seconds));
                break;
            case "markdown":
                Console.Out.Write(ProofReport.Markdown(results));
                break;
            default:
                WriteText(results, deviceName, seconds, quick);
                break;
        }

        if (updateDocs != null)
        {
            var provenance = $"Produced by `keraslint prove{(quick ? " --quick" : "")}` on {deviceName}. The checks are the rule's claim. *Measured* rows are computed in the run on real tensors by the KerasLint runtime (its metrics and losses are conformance-tested against Keras's own tests); *cited* rows state Keras's behaviour from a cited Keras test or source line at a tag (tests/data/resolution-vectors.json, or the source the row names): alone (\"stated (not run)\"), or next to what the runtime computed in the run, which must agree with it; no row compares two statements written by KerasLint.";
            try
            {
                var (written, missing) = DocsUpdater.Update(updateDocs, results, provenance);
                foreach (var path in written) err.WriteLine("updated " + path);
                foreach (var id in missing) err.WriteLine($"warning: no page {Path.Combine(updateDocs, id + ".md")}; its proof section was not written.");
            }
            catch (IOException e)
            {
                err.WriteLine("error: " + e.Message);
                return 2;
            }
        }

        return results.All(r => r.Holds) ? 0 : 1;
    }

    private static ProofOptions Options(bool quick, IReadOnlyList<KerasFamily> families, torch.Device device, IProofProgress? progress) =>
        new() { Quick = quick, Families = families, Device = device, Progress = progress };

    private static IReadOnlyList<ScenarioResult> RunEach(IReadOnlyList<ProofScenario> scenarios, ProofOptions options, Action<ScenarioResult> done)
    {
        var context = new ProofContext(options);
        var results = new List<ScenarioResult>();
        foreach (var s in scenarios)
        {
            var r = ProofRunner.RunOne(s, context);
            results.Add(r);
            done(r);
        }

        return results;
    }

    private static void WriteText(IReadOnlyList<ScenarioResult> results, string device, double seconds, bool quick)
    {
        var console = AnsiConsole.Console;
        if (Console.IsOutputRedirected) console.Profile.Width = 240;
        foreach (var r in results)
        {
            console.MarkupLine($"[bold]{r.Rule}[/] {Markup.Escape(r.Id)}: {(r.Holds ? "[green]holds[/]" : "[red]does not hold[/]")}  [grey]({r.Seconds.ToString("0.0", CultureInfo.InvariantCulture)} s)[/]");
            console.WriteLine("  claim: " + r.Claim);
            foreach (var s in r.Setups) console.WriteLine("  - " + s);
            var headers = new[] { "family", "row", "value", "reference", "check", "holds", "evidence" };
            var cells = r.Rows.Select(row => new[]
            {
                row.Family, row.Measured, row.Value.ToString(),
                row.Check.Relation == Relation.Stated ? "—" : $"{row.ReferenceLabel}: {row.Reference}",
                row.Check.Describe(), row.Check.Relation == Relation.Stated ? "—" : row.Holds ? "yes" : "no", row.EvidenceText,
            }).ToArray();
            if (FitsOneLinePerRow(headers, cells, console.Profile.Width))
            {
                var table = new Table().Border(TableBorder.Rounded);
                table.AddColumns(headers);
                foreach (var c in cells)
                {
                    table.AddRow(c.Select((text, i) => i == 5 ? (text == "yes" ? "[green]yes[/]" : text == "no" ? "[red]no[/]" : Markup.Escape(text)) : Markup.Escape(text)).ToArray());
                }

                console.Write(table);
            }
            else
            {
                // Narrower than the table: one block per row, wrapped at spaces, so no word is ever broken.
                foreach (var c in cells)
                {
                    console.MarkupLine($"  [bold]{Markup.Escape(c[0])}[/] {Markup.Escape(c[1])}: {Markup.Escape(c[2])} {(c[5] == "yes" ? "[green]holds[/]" : c[5] == "no" ? "[red]does not hold[/]" : "stated (not run)")}");
                    for (var i = 3; i < c.Length; i++)
                    {
                        if (i == 5) continue;
                        console.Write(new Padder(new Markup(Markup.Escape($"{headers[i]}: {c[i]}")), new Spectre.Console.Padding(4, 0, 0, 0)));
                    }
                }
            }

            foreach (var n in r.Notes) console.WriteLine("  note: " + n);
            console.WriteLine();
        }

        var summary = new Table().Border(TableBorder.Rounded).Title($"keraslint prove{(quick ? " --quick" : "")}: {device}, {seconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
        summary.AddColumns("rule", "scenario", "verdict", "seconds");
        foreach (var r in results)
        {
            summary.AddRow(r.Rule, Markup.Escape(r.Id), r.Holds ? "[green]holds[/]" : "[red]does not hold[/]", r.Seconds.ToString("0.0", CultureInfo.InvariantCulture));
        }

        console.Write(summary);
    }

    /// <summary>Whether a table whose every cell stays on one line fits <paramref name="width"/> columns (borders and padding included).</summary>
    internal static bool FitsOneLinePerRow(IReadOnlyList<string> headers, IReadOnlyList<string[]> rows, int width)
    {
        var total = 1;
        for (var i = 0; i < headers.Count; i++)
        {
            var widest = headers[i].Length;
            foreach (var row in rows) widest = Math.Max(widest, row[i].Length);
            total += widest + 3;
        }

        return total <= width;
    }

    /// <summary>One Spectre bar per training task, created on first report.</summary>
    private sealed class SpectreProgress : IProofProgress
    {
        private readonly ProgressContext context;
        private readonly Dictionary<string, ProgressTask> tasks = new();

        public SpectreProgress(ProgressContext context)
        {
            this.context = context;
        }

        public void Report(string task, int done, int total)
        {
            if (!tasks.TryGetValue(task, out var t))
            {
                t = context.AddTask(Markup.Escape(task), maxValue: total);
                tasks[task] = t;
            }

            t.Value = done;
        }
    }
}
