using System.Text;

namespace KerasLint.Bench.Analyzers
{
    /// <summary>Median, minimum and maximum of per-pair percentages.</summary>
    public sealed record Spread(double Median, double Min, double Max)
    {
        public static Spread Of(IReadOnlyCollection<double> samples) => new(Stat.Of(samples).Median, samples.Min(), samples.Max());

        public override string ToString() => FormattableString.Invariant($"{Median:+0.0;-0.0}% [{Min:+0.0;-0.0} … {Max:+0.0;-0.0}]");
    }

    /// <summary>Collects the results and writes them as markdown: the measurements, then the issue's targets with PASS/FAIL.</summary>
    public sealed class Report
    {
        private const string KerasLint = "KerasLint";
        private const double Mb = 1024 * 1024;
        private readonly BenchSettings settings;

        public Report(BenchSettings settings) => this.settings = settings;

        public List<(string Name, int Count)> Sets { get; } = new();
        public List<WholeResult> Whole { get; } = new();
        public List<KeystrokeResult> Keystrokes { get; } = new();
        public List<(GeneratedSolution Solution, MemoryResult Result)> Memory { get; } = new();
        public List<ManySetupsResult> ManySetups { get; } = new();
        public List<BuildResult> Builds { get; } = new();
        public List<CscResult> Csc { get; } = new();
        public List<FuzzRun> Fuzz { get; } = new();

        public string ToMarkdown(TimeSpan elapsed)
        {
            var md = new StringBuilder();
            md.AppendLine($"## KerasLint analyzer benchmark ({(settings.Quick ? "--quick" : "full run")}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
            md.AppendLine();
            md.AppendLine($"Load average at the end: {LoadAverage()} (1, 5, 15 minutes).");
            if (Whole.Count + Keystrokes.Count + Memory.Count + ManySetups.Count == 0)
                md.AppendLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}; ran {elapsed:mm\\:ss}.");
            else
            md.AppendLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, Roslyn {typeof(Microsoft.CodeAnalysis.Compilation).Assembly.GetName().Version}; " +
                $"{settings.Warmup} warmup (before the first solution) + {settings.Iterations} iterations (one for 2,000 files; the peer runs once per solution), median (min); one thread (concurrentBuild and concurrentAnalysis off); ran {elapsed:mm\\:ss}.");
            if (Sets.Count > 0) md.AppendLine("Analyzer sets: " + string.Join(", ", Sets.Select(s => $"{s.Name} ({s.Count} analyzers)")) + ".");
            md.AppendLine();
            Targets(md);
            if (Whole.Count > 0) WholeTable(md);
            if (Keystrokes.Count > 0) KeystrokeTable(md);
            if (Memory.Count > 0) MemoryTable(md);
            if (ManySetups.Count > 0) ManySetupsTable(md);
            if (Whole.Count > 0) Breakdown(md);
            if (Builds.Count > 0) BuildTable(md);
            if (Csc.Count > 0) CscTable(md);
            if (Fuzz.Count > 0) FuzzTables(md);
            return md.ToString();
        }

        private void Targets(StringBuilder md)
        {
            md.AppendLine(Whole.Count + Keystrokes.Count + Memory.Count + ManySetups.Count == 0 ? "### Targets (issue 17)" : "### Targets (issue 8, and issue 17 for builds, csc and fuzzed files)");
            md.AppendLine();
            md.AppendLine("| target | goal | measured | result |");
            md.AppendLine("|---|---|---|---|");
            var size = settings.TargetSize.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
            foreach (var whole in Whole.Where(w => w.Solution.Kind != CodeKind.Plain && w.Solution.Trees.Length == settings.TargetSize))
            {
                var share = Share(whole, KerasLint);
                var peer = whole.Sets.Last();
                var peerShare = Share(whole, peer.Name);
                Row(md, $"{size}-file {whole.Solution.Kind} solution: KerasLint analyzer time / compile time", "≤ 5% and below the peer",
                    $"{share:F2}% (peer {peerShare:F2}%)", share <= 5 && share < peerShare);
            }

            foreach (var whole in Whole.Where(w => w.Solution.Kind == CodeKind.Plain && w.Solution.Trees.Length == settings.TargetSize))
            {
                var share = Share(whole, KerasLint);
                Row(md, $"{size}-file plain C# solution: KerasLint analyzer time / compile time", "≤ 0.5%", $"{share:F3}%", share <= 0.5);
            }

            foreach (var keystroke in Keystrokes)
            {
                var ms = keystroke.Sets.Single(s => s.Set == KerasLint).AnalyzerMs.Median;
                var dl = keystroke.What == "training setups";
                Row(md, $"re-analysis of one document ({keystroke.What}) in {keystroke.Solution.Name}: KerasLint ms per keystroke",
                    dl ? "≤ 20 ms" : "≤ 1 ms", $"{ms:F2} ms", ms <= (dl ? 20 : 1));
                if (keystroke.AddedCpuMs is { } added)
                {
                    Row(md, $"one character typed into {Path.GetFileName(keystroke.Path)} ({keystroke.What}) in {keystroke.Solution.Name}: CPU ms KerasLint adds (vs the operation floor, same edited text)",
                        dl ? "≤ 20 ms" : "≤ 1 ms", $"{added.Median:F2} ms (callbacks {keystroke.FloorKerasLintMs!.Median:F2} ms)", added.Median <= (dl ? 20 : 1));
                }
            }

            foreach (var many in ManySetups)
            {
                var ratio = many.OneMethod.Median / many.Methods.Median;
                Row(md, $"{many.Setups} {many.Kind} setups in one method vs in {many.Setups} methods", "≤ 1.5x",
                    $"{ratio:F2}x ({many.OneMethod.Median:F0} vs {many.Methods.Median:F0} ms)", ratio <= 1.5);
            }

            foreach (var (solution, memory) in Memory)
            {
                var retained = Math.Max(memory.RetainedAtEndBytes, memory.RetainedAfterBytes);
                var ratio = retained / (double)memory.CompilationBytes;
                Row(md, $"memory retained by KerasLint on {solution.Name} vs the compilation's own", "≤ 1.5x",
                    $"{ratio:F2}x ({retained / Mb:F1} MB vs {memory.CompilationBytes / Mb:F1} MB)", ratio <= 1.5);
            }

            foreach (var build in Builds)
            {
                var added = Spread.Of(build.Added(KerasLint, csc: false));
                var plain = build.Kind == CodeKind.Plain;
                Row(md, $"real `dotnet build` of the {build.Files:N0}-file {build.Kind} solution: CPU KerasLint adds (build process tree, fresh csc; issue 17)",
                    plain ? "≤ 1% (nothing measurable)" : "≤ 3%", $"{added}", added.Median <= (plain ? 1 : 3));
            }

            foreach (var csc in Csc)
            {
                var plain = csc.Kind == CodeKind.Plain;
                var replay = csc.Replay.Added();
                var alone = csc.InProcess.Added();
                Row(md, $"csc of the {csc.Files:N0}-file {csc.Kind} solution replayed as a fresh process{(settings.CscSimultaneous ? " (serial, each pair's two runs at once on two CPUs)" : settings.CscSerial ? " (serial: /parallel-)" : "")}{(settings.CscSteady ? " (steady runtime: no tiered JIT, no background GC)" : "")}: CPU KerasLint adds (median [95% CI], {replay.Count} pairs)",
                    plain ? "≤ 1% (nothing measurable)" : "≤ 3%", $"{replay}; analysis alone in process {alone}", replay.High <= (plain ? 1 : 3));
                if (csc.InSitu.Share() is { } share)
                {
                    Row(md, $"csc of the {csc.Files:N0}-file {csc.Kind} solution as a fresh process: KerasLint's callbacks in it (/reportanalyzer, with its JIT), % of the run's CPU (median [95% CI], {share.Count} runs)",
                        plain ? "≤ 1% (nothing measurable)" : "≤ 3%", $"{share} ({1000 * Stat.Of(csc.InSitu.KerasLintS).Median:F0} ms)", share.High <= (plain ? 1 : 3));
                }
            }

            if (Fuzz.Count > 0)
            {
                var worst = Fuzz.Where(r => r.Lines <= 10_000).OrderByDescending(r => r.KerasLintCpuMs).First();
                Row(md, $"fuzzed and generated files of at most 10,000 lines ({Fuzz.Count(r => r.Lines <= 10_000)}): most CPU KerasLint adds to one file's analysis", "≤ 2 s",
                    $"{worst.KerasLintCpuMs:F0} ms ({worst.Kind} {worst.Shape}, {worst.Lines:N0} lines; its compile {worst.CompileCpuMs:F0} ms)", worst.KerasLintCpuMs <= 2000);
                var steepest = FuzzSeries.Of(Fuzz).Where(s => s.Runs.Length > 1).OrderByDescending(s => s.Exponent(r => r.KerasLintCpuMs)).FirstOrDefault();
                if (steepest != null)
                {
                    var exponent = steepest.Exponent(r => r.KerasLintCpuMs);
                    Row(md, "fuzz: KerasLint CPU linear in file size (largest growth exponent over a series; 1 = linear, 2 = quadratic)", "≤ 1.3",
                        $"{exponent:F2} ({steepest.Kind} {steepest.Shape})", exponent <= 1.3);
                }
            }

            md.AppendLine();
        }

        private static void Row(StringBuilder md, string target, string goal, string measured, bool pass) =>
            md.AppendLine($"| {target} | {goal} | {measured} | {(pass ? "PASS" : "**FAIL**")} |");

        private static double Share(WholeResult whole, string set) => 100 * whole.Sets.Single(s => s.Name == set).AnalyzerMs.Median / whole.Compile.Median;

        private void WholeTable(StringBuilder md)
        {
            md.AppendLine("### (a) Whole compilation: analyzer execution time vs compile time");
            md.AppendLine();
            md.AppendLine("Compile: a fresh compilation's GetDiagnostics() (binding every body). Analyzer time: the driver's per-analyzer ExecutionTime " +
                "(logAnalyzerExecutionTime), summed over the set, for GetAnalyzerDiagnosticsAsync on another fresh compilation; each set runs alone. " +
                "Wall: that whole call, binding included.");
            md.AppendLine();
            md.Append("| solution | files | lines | compile ms |");
            foreach (var set in Sets) md.Append($" {set.Name} ms (% of compile) | wall ms |");
            md.AppendLine(" KerasLint diagnostics (setups meant to trigger) |");
            md.Append("|---|---:|---:|---:|");
            foreach (var _ in Sets) md.Append("---:|---:|");
            md.AppendLine("---|");
            foreach (var whole in Whole)
            {
                md.Append($"| {whole.Solution.Name} | {whole.Solution.Trees.Length:N0} | {whole.Solution.Lines:N0} | {Format(whole.Compile)} |");
                foreach (var set in whole.Sets)
                    md.Append($" {Format(set.AnalyzerMs)} ({100 * set.AnalyzerMs.Median / whole.Compile.Median:F2}%){(set.Exceptions > 0 ? $" ⚠ {set.Exceptions} exceptions" : "")} | {set.WallMs.Median:F0} |");
                var kerasLint = whole.Sets.Single(s => s.Name == KerasLint);
                var found = string.Join(", ", kerasLint.DiagnosticsById.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
                var expected = string.Join(", ", whole.Solution.ExpectedDiagnostics.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
                md.AppendLine($" {(found.Length == 0 ? "none" : found)} ({(expected.Length == 0 ? "none" : expected)}) |");
            }

            md.AppendLine();
        }

        private void KeystrokeTable(StringBuilder md)
        {
            md.AppendLine("### (b) One document re-analysed per keystroke (IDE-like)");
            md.AppendLine();
            md.AppendLine($"Each keystroke types one character (a space) into the document's first method body, builds the next compilation with ReplaceSyntaxTree and calls " +
                $"GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null) for that document; 2 warmup + {settings.Keystrokes} keystrokes. " +
                "Analyzer ms: the set's ExecutionTime; wall ms: the call, binding the document included. Added CPU: per keystroke, the same edited text in two " +
                "fresh compilations, CPU ms of the call with KerasLint + the operation floor (a no-op action on every operation kind, as the IDE's other analyzers " +
                "make the driver bind the document and build its operation trees) minus with the floor alone, in alternating order.");
            md.AppendLine();
            md.Append("| document | solution |");
            foreach (var set in Sets) md.Append($" {set.Name} analyzer ms | wall ms |");
            md.AppendLine(" KerasLint added CPU ms (vs floor) | KerasLint callbacks ms (same run) |");
            md.Append("|---|---|");
            foreach (var _ in Sets) md.Append("---:|---:|");
            md.AppendLine("---:|---:|");
            foreach (var keystroke in Keystrokes)
            {
                md.Append($"| {Path.GetFileName(keystroke.Path)} ({keystroke.What}) | {keystroke.Solution.Name} |");
                foreach (var set in keystroke.Sets) md.Append($" {Format(set.AnalyzerMs, "F2")} | {set.WallMs.Median:F1} |");
                md.AppendLine($" {(keystroke.AddedCpuMs is { } a ? Format(a, "F2") : "")} | {(keystroke.FloorKerasLintMs is { } k ? Format(k, "F2") : "")} |");
            }

            md.AppendLine();
        }

        private void MemoryTable(StringBuilder md)
        {
            md.AppendLine("### (c) Memory retained by KerasLint");
            md.AppendLine();
            md.AppendLine("Compilation's own: managed heap growth from binding a fresh compilation (GetDiagnostics, GC x3). KerasLint retained: heap growth " +
                "over that bound compilation with KerasLint's CompilationWithAnalyzers minus the growth with the empty analyzer's, read at compilation end " +
                "(a probe analyzer's compilation-end action) and after analysis while the CompilationWithAnalyzers and its results are held.");
            md.AppendLine();
            md.AppendLine("| solution | compilation's own MB | KerasLint retained at compilation end MB | KerasLint retained after analysis MB | ratio (larger / own) |");
            md.AppendLine("|---|---:|---:|---:|---:|");
            foreach (var (solution, memory) in Memory)
            {
                md.AppendLine($"| {solution.Name} | {memory.CompilationBytes / Mb:F1} | {memory.RetainedAtEndBytes / Mb:F1} | {memory.RetainedAfterBytes / Mb:F1} | " +
                    $"{Math.Max(memory.RetainedAtEndBytes, memory.RetainedAfterBytes) / (double)memory.CompilationBytes:F2}x |");
            }

            md.AppendLine();
        }

        private void ManySetupsTable(StringBuilder md)
        {
            md.AppendLine("### (d) Many setups in one method vs one per method (KerasLint analyzer ms)");
            md.AppendLine();
            md.AppendLine("| library | setups | in one method | in separate methods | ratio |");
            md.AppendLine("|---|---:|---:|---:|---:|");
            foreach (var many in ManySetups)
                md.AppendLine($"| {many.Kind} | {many.Setups} | {Format(many.OneMethod)} | {Format(many.Methods)} | {many.OneMethod.Median / many.Methods.Median:F2}x |");
            md.AppendLine();
        }

        private void Breakdown(StringBuilder md)
        {
            md.AppendLine("### KerasLint analyzers, slowest first (median ms per whole-compilation run)");
            md.AppendLine();
            var wholes = Whole.Where(w => w.Solution.Trees.Length == settings.TargetSize).ToList();
            md.AppendLine("| analyzer | " + string.Join(" | ", wholes.Select(w => w.Solution.Name)) + " |");
            md.AppendLine("|---|" + string.Concat(wholes.Select(_ => "---:|")));
            var perAnalyzer = wholes.Select(w => w.Sets.Single(s => s.Name == KerasLint).PerAnalyzerMedianMs).ToList();
            foreach (var name in perAnalyzer.SelectMany(p => p.Keys).Distinct(StringComparer.Ordinal).OrderByDescending(n => perAnalyzer.Sum(p => p.GetValueOrDefault(n))))
                md.AppendLine($"| {name} | " + string.Join(" | ", perAnalyzer.Select(p => p.GetValueOrDefault(name).ToString("F1", System.Globalization.CultureInfo.InvariantCulture))) + " |");
            md.AppendLine();
        }

        private static string LoadAverage() =>
            File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

        private void BuildTable(StringBuilder md)
        {
            md.AppendLine("### (e) Real `dotnet build`: CPU time with and without KerasLint (issue 17)");
            md.AppendLine();
            md.AppendLine($"Each solution written to a temp folder as one SDK project ({Environment.Version.Major}.{Environment.Version.Minor} TFM, the SDK's own analyzers and generators on), restored once, " +
                "then rebuilt with `dotnet build --no-restore --no-incremental -c Release -nodeReuse:false --disable-build-servers -p:UseSharedCompilation=false` " +
                $"(a fresh csc process per build): one warmup build, then {settings.BuildPairs} pairs, the sets in alternating order. " +
                "Set KerasLint = Analyzer items for the assemblies the package puts in analyzers/dotnet/cs. Tree CPU: user + sys of the whole " +
                "build (getrusage of waited-for children); csc CPU: the compiler process alone. Added: per pair (set − none) / none; median [min … max] over pairs.");
            md.AppendLine();
            md.AppendLine("| solution | files (with training code) | set | tree CPU s | added | csc CPU s | added | wall s | KerasLint warnings (setups meant to trigger) |");
            md.AppendLine("|---|---:|---|---:|---:|---:|---:|---:|---|");
            foreach (var build in Builds)
            {
                foreach (var set in build.Sets)
                {
                    var baseline = set.Name == BuildBench.None;
                    var warnings = string.Join(", ", set.Runs[0].Diagnostics.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
                    var expected = string.Join(", ", build.ExpectedDiagnostics.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
                    if (!baseline) warnings = $"{(warnings.Length == 0 ? "none" : warnings)} ({(expected.Length == 0 ? "none" : expected)})";
                    md.AppendLine($"| {build.Solution} | {build.Files:N0} ({build.DeepLearningFiles}) | {set.Name} | " +
                        $"{Format(Stat.Of(set.Runs.Select(r => r.TreeCpuS).ToArray()), "F2")} | {(baseline ? "" : Spread.Of(build.Added(set.Name, csc: false)).ToString())} | " +
                        $"{Format(Stat.Of(set.Runs.Select(r => r.CscCpuS).ToArray()), "F2")} | {(baseline ? "" : Spread.Of(build.Added(set.Name, csc: true)).ToString())} | " +
                        $"{Stat.Of(set.Runs.Select(r => r.WallS).ToArray()).Median:F1} | {(warnings.Length == 0 ? "none" : warnings)} |");
                }
            }

            md.AppendLine();
            md.AppendLine("CPU s: median (min) over the pairs.");
            md.AppendLine();
        }

        private void CscTable(StringBuilder md)
        {
            md.AppendLine("### (f) csc replayed as a fresh process, and analysis alone in process (issue 17)");
            md.AppendLine();
            md.AppendLine("Replay: the csc invocation MSBuild makes for the build part's project (its response file, captured once) run directly with the SDK's " +
                "csc apphost, with and without KerasLint's two /analyzer: lines, " + (settings.CscSimultaneous
                    ? "serial (/parallel-), the two runs of a pair at the same time, each pinned to its own CPU (taskset), the CPUs swapped every pair, " +
                      "each writing its own output; CPU = user + sys of each csc process (its shell's times). "
                    : "in ABBA pairs after the capture build; CPU = user + sys of the csc process (getrusage of children). ") +
                (settings.CscSteady ? "Both sides run with DOTNET_TieredCompilation=0 and DOTNET_gcConcurrent=0 (--csc-steady). " : "") + "In process: fresh compilations of the same files on one thread; compile = GetDiagnostics() CPU; floor = " +
                "GetAnalyzerDiagnosticsAsync with a no-op action on every operation kind (the SDK's analyzers already make the driver build every operation " +
                "tree); KerasLint = the same with KerasLint added. Added: per pair (with − without) / without, or (KerasLint + floor − floor) / compile; " +
                "median [95% bootstrap interval of the median]. In a fresh csc: the KerasLint side alone with /reportanalyzer (--csc-insitu runs), the " +
                "analyzer driver's time in KerasLint's callbacks, its JIT included, and its share of that run's CPU.");
            md.AppendLine();
            md.AppendLine("| solution | files (with training code) | csc CPU s, none | csc CPU s, KerasLint | added (replay) | compile CPU ms | floor CPU ms | KerasLint + floor CPU ms | added (analysis alone, % of compile) | KerasLint callbacks (% of compile) | KerasLint's callbacks in a fresh csc, ms (% of its CPU) | KerasLint warnings (setups meant to trigger) |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            foreach (var csc in Csc)
            {
                var warnings = string.Join(", ", csc.Replay.Warnings.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
                var expected = string.Join(", ", csc.ExpectedDiagnostics.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
                md.AppendLine($"| {csc.Solution} | {csc.Files:N0} ({csc.DeepLearningFiles}) | {Format(Stat.Of(csc.Replay.None), "F2")} | {Format(Stat.Of(csc.Replay.KerasLint), "F2")} | " +
                    $"{csc.Replay.Added()} | {Format(Stat.Of(csc.InProcess.Compile))} | {Format(Stat.Of(csc.InProcess.Floor))} | {Format(Stat.Of(csc.InProcess.WithKerasLint))} | " +
                    $"{csc.InProcess.Added()} | {csc.InProcess.Telemetry()} | {(csc.InSitu.Share() is { } share ? $"{Format(Stat.Of(csc.InSitu.KerasLintS.Select(x => 1000 * x).ToArray()))} ({share})" : "not run")} | " +
                    $"{(warnings.Length == 0 ? "none" : warnings)} ({(expected.Length == 0 ? "none" : expected)}) |");
            }

            md.AppendLine();
            md.AppendLine("CPU: median (min).");
            md.AppendLine();
        }

        private void FuzzTables(StringBuilder md)
        {
            md.AppendLine("### (g) Fuzzed and generated files (issue 17)");
            md.AppendLine();
            md.AppendLine($"Each file alone in fresh compilations, {Fuzz.FirstOrDefault()?.Repeats ?? 0} alternating repeats (medians; a full collection before each call). Compile: CPU ms of GetDiagnostics(). Floor: CPU ms of GetAnalyzerDiagnosticsAsync " +
                "with a no-op action on every operation kind (the driver binds every body and builds every operation tree, as the SDK's analyzers make it do in " +
                "a build); KerasLint: CPU ms of the same call with KerasLint's analyzers added, minus the floor (the median of the per-repeat differences); callbacks: the driver's " +
                "ExecutionTime of KerasLint's analyzers (wall time inside the callbacks: inflated on a loaded machine). Slope: least squares, ms per 1,000 " +
                "lines; exponent: least-squares slope of log(time) over log(lines), 1 = linear, 2 = quadratic (times under 5 ms read as 5). Both are also given for the callbacks.");
            md.AppendLine();
            md.AppendLine("| library | shape | lines | compile errors | compile CPU ms | floor CPU ms | KerasLint CPU ms | callbacks ms | KerasLint diagnostics |");
            md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var r in Fuzz)
            {
                md.AppendLine($"| {r.Kind} | {r.Shape} | {r.Lines:N0} | {r.CompileErrors} | {r.CompileCpuMs:F0} | {r.FloorCpuMs:F0} | {r.KerasLintCpuMs:F0} | {r.CallbacksMs:F0} | " +
                    $"{r.Diagnostics}{(r.Exceptions > 0 ? $" ⚠ {r.Exceptions} exceptions" : "")} |");
            }

            md.AppendLine();
            md.AppendLine("| library | shape | KerasLint CPU ms per 1k lines | KerasLint exponent | callbacks ms per 1k lines | callbacks exponent | compile CPU ms per 1k lines | compile exponent | most KerasLint CPU ms |");
            md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var series in FuzzSeries.Of(Fuzz).Where(s => s.Runs.Length > 1))
            {
                md.AppendLine($"| {series.Kind} | {series.Shape} | {series.Slope(r => r.KerasLintCpuMs):F1} | {series.Exponent(r => r.KerasLintCpuMs):F2} | " +
                    $"{series.Slope(r => r.CallbacksMs):F1} | {series.Exponent(r => r.CallbacksMs):F2} | {series.Slope(r => r.CompileCpuMs):F1} | {series.Exponent(r => r.CompileCpuMs):F2} | {series.Runs.Max(r => r.KerasLintCpuMs):F0} |");
            }

            md.AppendLine();
        }

        private static string Format(Stat stat, string format = "F0") =>
            $"{stat.Median.ToString(format, System.Globalization.CultureInfo.InvariantCulture)} ({stat.Min.ToString(format, System.Globalization.CultureInfo.InvariantCulture)})";
    }
}
