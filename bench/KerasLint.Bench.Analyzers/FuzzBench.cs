using System.Collections.Immutable;

namespace KerasLint.Bench.Analyzers
{
    /// <summary>
    /// The fuzz part (issue 17, item 5: no analysis over 2 s for any file under 10,000 lines; time linear in file size):
    /// every <see cref="FuzzGenerator"/> shape and mutant per library at 1k, 2k, 5k and 10k lines, each file alone in a
    /// fresh compilation. Per file: the compiler's own CPU time (GetDiagnostics), and the CPU time KerasLint adds to an
    /// analysis call that already builds every operation tree (see <see cref="OperationFloorAnalyzer"/>). Per series: the slope
    /// (ms per 1,000 lines, least squares) and the growth exponent between the smallest and largest file (1 = linear,
    /// 2 = quadratic).
    /// </summary>
    public sealed class FuzzBench
    {
        public static readonly int[] Sizes = { 1000, 2000, 5000, 10000 };
        private static readonly CodeKind[] Kinds = { CodeKind.KerasNet, CodeKind.TorchSharp };
        private readonly Action<string> log;

        public FuzzBench(Action<string> log) => this.log = log;

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
        /// Compile CPU (GetDiagnostics of a fresh compilation), then on two more fresh compilations the analysis call with the
        /// operation floor and with KerasLint plus the floor (alternating order): KerasLint's CPU is the difference.
        /// </summary>
        private async Task<FuzzRun> MeasureAsync(FuzzFile file)
        {
            var compilation = file.CreateCompilation();
            var before = Cpu.Self();
            var errors = compilation.GetDiagnostics().Count(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
            var compileMs = 1000 * (Cpu.Self() - before);
            AnalysisRun? floor = null, with = null;
            foreach (var set in measured++ % 2 == 0 ? new[] { Floor, WithKerasLint } : new[] { WithKerasLint, Floor })
            {
                var run = await Measurements.AnalyzeAsync(file.CreateCompilation(), set).ConfigureAwait(false);
                if (set == Floor) floor = run;
                else with = run;
            }

            var callbacks = with!.PerAnalyzerMs.Where(p => p.Key != nameof(OperationFloorAnalyzer)).Sum(p => p.Value);
            var diagnostics = with.DiagnosticsById.Sum(p => p.Value);
            var result = new FuzzRun(file.Kind, file.Shape, file.Lines, errors, compileMs, floor!.CpuMs, with.CpuMs, callbacks, diagnostics, with.Exceptions + floor.Exceptions, with.FirstException ?? floor.FirstException);
            log($"  fuzz {file.Kind} {file.Shape} {file.Lines} lines: compile {compileMs:F0} ms CPU ({errors} errors); floor {floor.CpuMs:F0}, KerasLint + floor {with.CpuMs:F0} ms CPU " +
                $"(KerasLint {result.KerasLintCpuMs:F0} ms; callbacks {callbacks:F0} ms); {diagnostics} diagnostics" +
                (result.Exceptions > 0 ? $"; {result.Exceptions} exceptions: {result.FirstException}" : ""));
            return result;
        }

        private static readonly AnalyzerSet Floor = new("operation floor", new[] { typeof(OperationFloorAnalyzer) });
        private static readonly AnalyzerSet WithKerasLint = new("KerasLint + operation floor", AnalyzerSets.KerasLint.Types.Append(typeof(OperationFloorAnalyzer)));
    }

    /// <summary>
    /// One fuzz file: compile CPU ms; CPU ms of the analysis call with the operation floor and with KerasLint plus the floor;
    /// KerasLint's callbacks (driver ExecutionTime, wall ms inside the callbacks); KerasLint's diagnostics.
    /// </summary>
    public sealed record FuzzRun(CodeKind Kind, string Shape, int Lines, int CompileErrors, double CompileCpuMs, double FloorCpuMs, double WithCpuMs,
        double CallbacksMs, int Diagnostics, int Exceptions, string? FirstException)
    {
        /// <summary>CPU ms KerasLint adds to the analysis of this file.</summary>
        public double KerasLintCpuMs => WithCpuMs - FloorCpuMs;
    }

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

        /// <summary>log(t_largest / t_smallest) / log(lines_largest / lines_smallest): 1 for linear growth, 2 for quadratic.</summary>
        public double Exponent(Func<FuzzRun, double> value)
        {
            var (small, large) = (Runs[0], Runs[^1]);
            var (ts, tl) = (Math.Max(value(small), 5), Math.Max(value(large), 5));
            return Math.Log(tl / ts) / Math.Log(large.Lines / (double)small.Lines);
        }
    }
}
