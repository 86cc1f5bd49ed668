using System.Collections.Immutable;
using System.Diagnostics;

namespace KerasLint.Bench.Analyzers
{
    /// <summary>Runs the four measurements of issue 8 (and the real-build part of issue 17) and hands the results to the report.</summary>
    public sealed class Bench
    {
        private static readonly CodeKind[] Kinds = { CodeKind.KerasNet, CodeKind.TorchSharp, CodeKind.Plain };
        private readonly BenchSettings settings;
        private readonly Report report;
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private bool warm;

        public Bench(BenchSettings settings, Report report)
        {
            this.settings = settings;
            this.report = report;
        }

        public async Task RunAsync()
        {
            if (settings.Runs("build"))
                report.Builds.AddRange(await new BuildBench(settings, Log).RunAsync().ConfigureAwait(false));
            if (settings.Runs("csc"))
                report.Csc.AddRange(await new CscBench(settings, Log).RunAsync().ConfigureAwait(false));
            if (settings.Runs("fuzz"))
                report.Fuzz.AddRange(await new FuzzBench(Log, settings.FuzzRepeats).RunAsync(settings.FuzzSizes, settings.FuzzShapes).ConfigureAwait(false));
            if (!new[] { "whole", "keystrokes", "memory", "setups" }.Any(settings.Runs)) return;
            var sets = new[] { AnalyzerSets.KerasLint, AnalyzerSets.Empty, AnalyzerSets.LoadPeer() };
            report.Sets.AddRange(sets.Select(s => (s.Name, s.Count)));
            var atTargetSize = Kinds.ToDictionary(k => k, k => SolutionGenerator.Generate(k, settings.TargetSize));
            foreach (var size in settings.Runs("whole") ? settings.Sizes : Array.Empty<int>())
            {
                foreach (var kind in Kinds)
                {
                    var solution = size == settings.TargetSize ? atTargetSize[kind] : SolutionGenerator.Generate(kind, size);
                    report.Whole.Add(await WholeCompilationAsync(solution, sets).ConfigureAwait(false));
                }
            }

            foreach (var kind in settings.Runs("keystrokes") ? Kinds : Array.Empty<CodeKind>())
            {
                var solution = atTargetSize[kind];
                if (solution.DeepLearningDocument != null)
                    report.Keystrokes.Add(await KeystrokesAsync(solution, solution.DeepLearningDocument, "training setups", sets).ConfigureAwait(false));
                report.Keystrokes.Add(await KeystrokesAsync(solution, solution.PlainDocument, "no DL code", sets).ConfigureAwait(false));
            }

            foreach (var kind in settings.Runs("memory") ? Kinds : Array.Empty<CodeKind>())
            {
                Log($"memory {atTargetSize[kind].Name}");
                report.Memory.Add((atTargetSize[kind], await Measurements.MemoryAsync(atTargetSize[kind], sets[0], sets[1]).ConfigureAwait(false)));
            }

            foreach (var kind in settings.Runs("setups") ? new[] { CodeKind.KerasNet, CodeKind.TorchSharp } : Array.Empty<CodeKind>())
            {
                var oneMethod = SolutionGenerator.ManySetups(kind, settings.ManySetups, oneMethod: true);
                var methods = SolutionGenerator.ManySetups(kind, settings.ManySetups, oneMethod: false);
                report.ManySetups.Add(new ManySetupsResult(kind, settings.ManySetups,
                    await KerasLintTimeAsync(oneMethod, sets[0]).ConfigureAwait(false),
                    await KerasLintTimeAsync(methods, sets[0]).ConfigureAwait(false)));
            }
        }

        private async Task<WholeResult> WholeCompilationAsync(GeneratedSolution solution, AnalyzerSet[] sets)
        {
            var iterations = settings.IterationsFor(solution.Trees.Length);
            var warmup = warm ? 0 : settings.Warmup;
            warm = true;
            Log($"{solution.Name}: {solution.Trees.Length} files, {solution.Lines} lines; {warmup} warmup + {iterations} iterations");
            var compile = new List<double>();
            var runs = sets.ToDictionary(s => s.Name, _ => new List<AnalysisRun>(), StringComparer.Ordinal);
            for (var i = 0; i < warmup + iterations; i++)
            {
                var compileMs = Measurements.CompileMs(solution);
                if (i >= warmup) compile.Add(compileMs);
                foreach (var set in sets)
                {
                    // The peer (last set) runs in the warmup and in the first measured iteration only.
                    if (set == sets[^1] && i > warmup) continue;
                    var run = await Measurements.AnalyzeAsync(solution, set).ConfigureAwait(false);
                    if (run.Exceptions > 0) Log($"  {set.Name} threw {run.Exceptions} times: {run.FirstException}");
                    if (i >= warmup) runs[set.Name].Add(run);
                }
            }

            var results = sets.Select(s => new SetResult(s.Name,
                Stat.Of(runs[s.Name].Select(r => r.AnalyzerMs).ToArray()),
                Stat.Of(runs[s.Name].Select(r => r.WallMs).ToArray()),
                runs[s.Name][0].Diagnostics,
                runs[s.Name].Sum(r => r.Exceptions),
                runs[s.Name][0].DiagnosticsById,
                runs[s.Name][0].PerAnalyzerMs.Keys.ToImmutableDictionary(k => k, k => Stat.Of(runs[s.Name].Select(r => r.PerAnalyzerMs[k]).ToArray()).Median))).ToImmutableArray();
            var whole = new WholeResult(solution, Stat.Of(compile), results);
            Log($"  compile {whole.Compile.Median:F0} ms; " + string.Join("; ", results.Select(r => $"{r.Name} {r.AnalyzerMs.Median:F1} ms ({100 * r.AnalyzerMs.Median / whole.Compile.Median:F2}%)")));
            return whole;
        }

        private async Task<KeystrokeResult> KeystrokesAsync(GeneratedSolution solution, string path, string what, AnalyzerSet[] sets)
        {
            Log($"re-analysis {solution.Name} {Path.GetFileName(path)} ({what})");
            var perSet = new List<(string, Stat, Stat)>();
            foreach (var set in sets)
            {
                var (analyzer, wall) = await Measurements.ReanalyzeAsync(solution, path, set, warmup: 2, settings.Keystrokes).ConfigureAwait(false);
                perSet.Add((set.Name, analyzer, wall));
            }

            var (addedCpu, kerasLintMs) = await Measurements.KeystrokeAddedAsync(solution, path, warmup: 2, settings.Keystrokes).ConfigureAwait(false);
            Log("  " + string.Join("; ", perSet.Select(p => $"{p.Item1} {p.Item2.Median:F2} ms (wall {p.Item3.Median:F1})")) +
                $"; KerasLint added CPU over the operation floor {addedCpu.Median:F2} ms (callbacks {kerasLintMs.Median:F2} ms)");
            return new KeystrokeResult(solution, path, what, perSet.ToImmutableArray()) { AddedCpuMs = addedCpu, FloorKerasLintMs = kerasLintMs };
        }

        private async Task<Stat> KerasLintTimeAsync(GeneratedSolution solution, AnalyzerSet set)
        {
            Log($"{solution.Name}: {solution.Lines} lines");
            var samples = new List<double>();
            for (var i = 0; i < 1 + settings.Iterations; i++)
            {
                var run = await Measurements.AnalyzeAsync(solution, set).ConfigureAwait(false);
                if (run.Exceptions > 0) Log($"  {set.Name} threw {run.Exceptions} times: {run.FirstException}");
                if (i >= 1) samples.Add(run.AnalyzerMs);
            }

            var stat = Stat.Of(samples);
            Log($"  {set.Name} {stat.Median:F1} ms");
            return stat;
        }

        private void Log(string message) => Console.Error.WriteLine($"[{clock.Elapsed:mm\\:ss}] {message}");
    }

    public sealed record SetResult(string Name, Stat AnalyzerMs, Stat WallMs, int Diagnostics, int Exceptions,
        ImmutableDictionary<string, int> DiagnosticsById, ImmutableDictionary<string, double> PerAnalyzerMedianMs);

    public sealed record WholeResult(GeneratedSolution Solution, Stat Compile, ImmutableArray<SetResult> Sets);

    public sealed record KeystrokeResult(GeneratedSolution Solution, string Path, string What, ImmutableArray<(string Set, Stat AnalyzerMs, Stat WallMs)> Sets)
    {
        /// <summary>CPU ms KerasLint adds to the keystroke over the operation floor, on the same edited text (<see cref="Measurements.KeystrokeAddedAsync"/>).</summary>
        public Stat? AddedCpuMs { get; init; }

        /// <summary>KerasLint's callbacks (ExecutionTime) in that measurement.</summary>
        public Stat? FloorKerasLintMs { get; init; }
    }

    public sealed record ManySetupsResult(CodeKind Kind, int Setups, Stat OneMethod, Stat Methods);
}
