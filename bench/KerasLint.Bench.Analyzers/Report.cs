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

        public string ToMarkdown(TimeSpan elapsed)
        {
            var md = new StringBuilder();
            md.AppendLine($"## KerasLint analyzer benchmark ({(settings.Quick ? "--quick" : "full run")}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
            md.AppendLine();
            if (Whole.Count + Keystrokes.Count + Memory.Count + ManySetups.Count == 0)
                md.AppendLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, load average at the end {LoadAverage()}; ran {elapsed:mm\\:ss}.");
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
            return md.ToString();
        }

        private void Targets(StringBuilder md)
        {
            md.AppendLine(Builds.Count > 0 && Whole.Count + Keystrokes.Count + Memory.Count + ManySetups.Count == 0 ? "### Targets (issue 17)" : "### Targets (issue 8, and issue 17 for real builds)");
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
            }

            foreach (var many in ManySetups)
            {
                var ratio = many.OneMethod.Median / many.Methods.Median;
                Row(md, $"{many.Setups} {many.Kind} setups in one method vs in {many.Setups} methods", "≤ 1.5x",
                    $"{ratio:F2}x ({many.OneMethod.Median:F0} vs {many.Methods.Median:F0} ms)", ratio <= 1.5);
            }

            foreach (var (solution, memory) in Memory.Where(m => m.Solution.Kind == CodeKind.TorchSharp))
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
            md.AppendLine($"Each keystroke inserts a comment line, builds the next compilation with ReplaceSyntaxTree and calls " +
                $"GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null) for that document; 2 warmup + {settings.Keystrokes} keystrokes. " +
                "Analyzer ms: the set's ExecutionTime; wall ms: the call, binding the document included.");
            md.AppendLine();
            md.Append("| document | solution |");
            foreach (var set in Sets) md.Append($" {set.Name} analyzer ms | wall ms |");
            md.AppendLine();
            md.Append("|---|---|");
            foreach (var _ in Sets) md.Append("---:|---:|");
            md.AppendLine();
            foreach (var keystroke in Keystrokes)
            {
                md.Append($"| {Path.GetFileName(keystroke.Path)} ({keystroke.What}) | {keystroke.Solution.Name} |");
                foreach (var set in keystroke.Sets) md.Append($" {Format(set.AnalyzerMs, "F2")} | {set.WallMs.Median:F1} |");
                md.AppendLine();
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

        private static string Format(Stat stat, string format = "F0") =>
            $"{stat.Median.ToString(format, System.Globalization.CultureInfo.InvariantCulture)} ({stat.Min.ToString(format, System.Globalization.CultureInfo.InvariantCulture)})";
    }
}
