using System.Collections.Immutable;

namespace KerasLint.Bench.Analyzers
{
    /// <summary>
    /// The fuzz part (issue 17, item 5: no analysis over 2 s for any file under 10,000 lines; time linear in file size):
    /// every <see cref="FuzzGenerator"/> shape and mutant per library at 1k, 2k, 5k and 10k lines, each file alone in a
    /// fresh compilation. Per file: the compiler's own CPU time (GetDiagnostics), and the CPU time KerasLint adds to an
    /// analysis call that already builds every operation tree (see <see cref="OperationFloorAnalyzer"/>). Per series: the slope
    /// (ms per 1,000 lines, least squares) and the growth exponent (least squares of log time over log lines; 1 = linear,
    /// 2 = quadratic). Each file is measured <c>repeats</c> times (alternating order, a full collection before each call);
    /// the figures are medians, KerasLint's the median of the per-repeat differences: one difference of two CPU readings of
    /// a whole process moves by ±100 ms or more (background JIT, GC), which the median of a few repeats removes.
    /// </summary>
    public sealed class FuzzBench
    {
        public static readonly int[] Sizes = { 1000, 2000, 5000, 10000 };
        private static readonly CodeKind[] Kinds = { CodeKind.KerasNet, CodeKind.TorchSharp };
        private readonly Action<string> log;
        private readonly int repeats;

        public FuzzBench(Action<string> log, int repeats = 5)
        {
            if (repeats < 1) throw new ArgumentOutOfRangeException(nameof(repeats), repeats, "the fuzz part measures each file at least once");
            this.log = log;
            this.repeats = repeats;
        }

        public async Task<ImmutableArray<FuzzRun>> RunAsync(int[] sizes, string[]? shapes = null)
        {
            bool Wanted(string shape) => shapes == null || shapes.Contains(shape);
            // Warmup: JIT the analyzers and the compiler on a small file of each library.
            foreach (var kind in Kinds) await MeasureAsync(FuzzGenerator.Generate(kind, "long-method", 300)).ConfigureAwait(false);
            var runs = ImmutableArray.CreateBuilder<FuzzRun>();
            foreach (var kind in Kinds)
            {
                foreach (var shape in FuzzGenerator.Shapes.Where(Wanted))
                {
                    foreach (var size in sizes)
                        runs.Add(await MeasureAsync(FuzzGenerator.Generate(kind, shape, size)).ConfigureAwait(false));
                }

                foreach (var shape in FuzzGenerator.Mutated.Where(s => Wanted("mutated-" + s)))
                {
                    foreach (var size in sizes)
                        runs.Add(await MeasureAsync(FuzzGenerator.Mutate(kind, shape, size, seed: size)).ConfigureAwait(false));
                }
            }

            return runs.ToImmutable();
        }

        private int measured;

        /// <summary>
        /// Compile CPU (GetDiagnostics of a fresh compilation), then <see cref="repeats"/> times, on fresh compilations, the
        /// analysis call with the operation floor and with KerasLint plus the floor (alternating which goes first; a full
        /// collection before each): KerasLint's CPU is the median of the differences.
        /// </summary>
        private async Task<FuzzRun> MeasureAsync(FuzzFile file)
        {
            Collect();
            var compilation = file.CreateCompilation();
            var before = Cpu.Self();
            var errors = compilation.GetDiagnostics().Count(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
            var compileMs = 1000 * (Cpu.Self() - before);
            var floors = new List<double>();
            var withs = new List<double>();
            var callbacks = new List<double>();
            AnalysisRun? last = null;
            var exceptions = 0;
            string? firstException = null;
            for (var r = 0; r < repeats; r++)
            {
                foreach (var set in measured++ % 2 == 0 ? new[] { Floor, WithKerasLint } : new[] { WithKerasLint, Floor })
                {
                    Collect();
                    var run = await Measurements.AnalyzeAsync(file.CreateCompilation(), set).ConfigureAwait(false);
                    exceptions += run.Exceptions;
                    firstException ??= run.FirstException;
                    if (set == Floor)
                    {
                        floors.Add(run.CpuMs);
                    }
                    else
                    {
                        withs.Add(run.CpuMs);
                        callbacks.Add(run.PerAnalyzerMs.Where(p => p.Key != nameof(OperationFloorAnalyzer)).Sum(p => p.Value));
                        last = run;
                    }
                }
            }

            var added = Median(withs.Zip(floors, (w, f) => w - f));
            var diagnostics = last!.DiagnosticsById.Sum(p => p.Value);
            var result = new FuzzRun(file.Kind, file.Shape, file.Lines, errors, compileMs, Median(floors), Median(withs), added, Median(callbacks), diagnostics, repeats, exceptions, firstException);
            log($"  fuzz {file.Kind} {file.Shape} {file.Lines} lines: compile {compileMs:F0} ms CPU ({errors} errors); floor {result.FloorCpuMs:F0}, KerasLint + floor {result.WithCpuMs:F0} ms CPU " +
                $"(KerasLint {added:F0} ms, differences {string.Join(" ", withs.Zip(floors, (w, f) => (w - f).ToString("F0")))}; callbacks {result.CallbacksMs:F0} ms); {diagnostics} diagnostics" +
                (exceptions > 0 ? $"; {exceptions} exceptions: {firstException}" : ""));
            return result;
        }

        private static void Collect()
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        public static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            if (sorted.Length == 0) throw new ArgumentException("no values", nameof(values));
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }

        private static readonly AnalyzerSet Floor = new("operation floor", new[] { typeof(OperationFloorAnalyzer) });
        private static readonly AnalyzerSet WithKerasLint = new("KerasLint + operation floor", AnalyzerSets.KerasLint.Types.Append(typeof(OperationFloorAnalyzer)));
    }

    /// <summary>
    /// One fuzz file: compile CPU ms; medians over the repeats of the CPU ms of the analysis call with the operation floor
    /// and with KerasLint plus the floor, of their difference (<see cref="KerasLintCpuMs"/>), and of KerasLint's callbacks
    /// (driver ExecutionTime, wall ms inside the callbacks); KerasLint's diagnostics.
    /// </summary>
    public sealed record FuzzRun(CodeKind Kind, string Shape, int Lines, int CompileErrors, double CompileCpuMs, double FloorCpuMs, double WithCpuMs,
        double KerasLintCpuMs, double CallbacksMs, int Diagnostics, int Repeats, int Exceptions, string? FirstException);

    /// <summary>The files of one library and shape, by size: slope (ms per 1,000 lines) and growth exponent.</summary>
    public sealed record FuzzSeries(CodeKind Kind, string Shape, ImmutableArray<FuzzRun> Runs)
    {
        public static IEnumerable<FuzzSeries> Of(IEnumerable<FuzzRun> runs) =>
            runs.GroupBy(r => (r.Kind, r.Shape)).Select(g => new FuzzSeries(g.Key.Kind, g.Key.Shape, g.OrderBy(r => r.Lines).ToImmutableArray()));

        /// <summary>Least-squares ms per 1,000 lines.</summary>
        public double Slope(Func<FuzzRun, double> value)
        {
            var xs = Runs.Select(r => (double)r.Lines).ToArray();
            var ys = Runs.Select(value).ToArray();
            var mx = xs.Average();
            var my = ys.Average();
            var sxx = xs.Sum(x => (x - mx) * (x - mx));
            return sxx == 0 ? double.NaN : 1000 * xs.Zip(ys, (x, y) => (x - mx) * (y - my)).Sum() / sxx;
        }

        /// <summary>
        /// The growth exponent: the least-squares slope of log(time) over log(lines) across the series (1 for linear growth,
        /// 2 for quadratic); times under 5 ms read as 5 ms (below that the difference is noise).
        /// </summary>
        public double Exponent(Func<FuzzRun, double> value)
        {
            var xs = Runs.Select(r => Math.Log(r.Lines)).ToArray();
            var ys = Runs.Select(r => Math.Log(Math.Max(value(r), 5))).ToArray();
            var mx = xs.Average();
            var my = ys.Average();
            var sxx = xs.Sum(x => (x - mx) * (x - mx));
            return sxx == 0 ? double.NaN : xs.Zip(ys, (x, y) => (x - mx) * (y - my)).Sum() / sxx;
        }
    }
}
