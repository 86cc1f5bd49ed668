using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace KerasLint.Bench.Analyzers
{
    /// <summary>Median and minimum of repeated measurements.</summary>
    public sealed record Stat(double Median, double Min)
    {
        public static Stat Of(IReadOnlyCollection<double> samples)
        {
            var sorted = samples.OrderBy(x => x).ToArray();
            var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
            return new Stat(median, sorted[0]);
        }
    }

    /// <summary>One whole-compilation analysis: analyzer execution time (driver telemetry), wall time, what was reported.</summary>
    public sealed record AnalysisRun(double AnalyzerMs, double WallMs, int Diagnostics, int Exceptions, string? FirstException,
        ImmutableDictionary<string, double> PerAnalyzerMs, ImmutableDictionary<string, int> DiagnosticsById)
    {
        /// <summary>User + sys milliseconds of this process during the analysis call (binding for the analyzers included).</summary>
        public double CpuMs { get; init; } = double.NaN;
    }

    /// <summary>The measurements; each works on a fresh compilation unless it says otherwise. One thread throughout.</summary>
    public static class Measurements
    {
        public static AnalyzerOptions NoOptions { get; } = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);

        /// <summary>Binding and compiler diagnostics of a fresh compilation (declarations and every method body), no analyzer.</summary>
        public static double CompileMs(GeneratedSolution solution)
        {
            var compilation = solution.CreateCompilation();
            var watch = Stopwatch.StartNew();
            compilation.GetDiagnostics();
            return watch.Elapsed.TotalMilliseconds;
        }

        /// <summary>Every analyzer of the set over a fresh compilation, as a command-line build runs them.</summary>
        public static Task<AnalysisRun> AnalyzeAsync(GeneratedSolution solution, AnalyzerSet set) => AnalyzeAsync(solution.CreateCompilation(), set);

        /// <summary>Every analyzer of the set over <paramref name="compilation"/>; CpuMs: this process's user + sys time during the call.</summary>
        public static async Task<AnalysisRun> AnalyzeAsync(Compilation compilation, AnalyzerSet set)
        {
            var analyzers = set.Create();
            var errors = new ExceptionLog();
            var withAnalyzers = compilation.WithAnalyzers(analyzers, errors.Options(logTime: true));
            var cpu = Cpu.Supported ? Cpu.Self() : double.NaN;
            var watch = Stopwatch.StartNew();
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
            var wall = watch.Elapsed.TotalMilliseconds;
            cpu = 1000 * ((Cpu.Supported ? Cpu.Self() : double.NaN) - cpu);
            var perAnalyzer = await ExecutionTimesAsync(withAnalyzers, analyzers).ConfigureAwait(false);
            return new AnalysisRun(perAnalyzer.Values.Sum(), wall, diagnostics.Length, errors.Count, errors.First, perAnalyzer,
                diagnostics.GroupBy(d => d.Id, StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal))
            {
                CpuMs = cpu,
            };
        }

        private static async Task<ImmutableDictionary<string, double>> ExecutionTimesAsync(CompilationWithAnalyzers withAnalyzers, ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            var times = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
            foreach (var analyzer in analyzers)
            {
                var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false);
                var name = analyzer.GetType().Name;
                times[name] = times.GetValueOrDefault(name) + telemetry.ExecutionTime.TotalMilliseconds;
            }

            return times.ToImmutable();
        }

        /// <summary>
        /// An IDE keystroke loop: type one character (a space) into one document, make the new compilation from the previous one
        /// (ReplaceSyntaxTree), and ask the analyzers for that document's semantic diagnostics only. Analyzer instances
        /// live across keystrokes, as in a host. Returns per-keystroke analyzer time and wall time (wall includes binding
        /// the document).
        /// </summary>
        public static async Task<(Stat AnalyzerMs, Stat WallMs)> ReanalyzeAsync(GeneratedSolution solution, string path, AnalyzerSet set, int warmup, int iterations)
        {
            var compilation = solution.CreateCompilation();
            var tree = solution.Tree(path);
            var position = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().First(m => m.Body != null).Body!.OpenBraceToken.Span.End;
            var analyzers = set.Create();
            var analyzerMs = new List<double>();
            var wallMs = new List<double>();
            for (var i = 0; i < warmup + iterations; i++)
            {
                var text = tree.GetText();
                var edited = tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(position, 0), " ")));
                var next = compilation.ReplaceSyntaxTree(tree, edited);
                var errors = new ExceptionLog();
                var withAnalyzers = next.WithAnalyzers(analyzers, errors.Options(logTime: true));
                var model = next.GetSemanticModel(edited);
                var watch = Stopwatch.StartNew();
                await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None).ConfigureAwait(false);
                var wall = watch.Elapsed.TotalMilliseconds;
                var times = await ExecutionTimesAsync(withAnalyzers, analyzers).ConfigureAwait(false);
                if (errors.Count > 0) throw new InvalidOperationException($"{set.Name} threw while re-analysing {path}: {errors.First}");
                if (i >= warmup)
                {
                    analyzerMs.Add(times.Values.Sum());
                    wallMs.Add(wall);
                }

                tree = edited;
                compilation = next;
            }

            return (Stat.Of(analyzerMs), Stat.Of(wallMs));
        }

        /// <summary>
        /// What KerasLint adds to one keystroke on a warm edited document, in CPU time: per keystroke (one character typed
        /// into the first method body), two compilations of the same edited text, each from the previous one
        /// (ReplaceSyntaxTree); GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null) for the document with the
        /// operation floor (a no-op action on every operation kind: the IDE's other analyzers already make the driver bind
        /// the document and build its operation trees) and with KerasLint plus the floor, in alternating order. Returns the
        /// per-keystroke CPU difference (ms) and KerasLint's callbacks (the driver's ExecutionTime, ms).
        /// </summary>
        public static async Task<(Stat AddedCpuMs, Stat KerasLintMs)> KeystrokeAddedAsync(GeneratedSolution solution, string path, int warmup, int iterations)
        {
            var floor = new AnalyzerSet("operation floor", new[] { typeof(OperationFloorAnalyzer) });
            var withKerasLint = new AnalyzerSet("KerasLint + operation floor", AnalyzerSets.KerasLint.Types.Append(typeof(OperationFloorAnalyzer)));
            var instances = new[] { floor.Create(), withKerasLint.Create() };
            var compilation = solution.CreateCompilation();
            compilation.GetDiagnostics();
            var tree = solution.Tree(path);
            var position = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().First(m => m.Body != null).Body!.OpenBraceToken.Span.End;
            var added = new List<double>();
            var kerasLint = new List<double>();
            for (var i = 0; i < warmup + iterations; i++)
            {
                var edited = tree.WithChangedText(tree.GetText().WithChanges(new TextChange(new TextSpan(position, 0), " ")));
                var cpu = new double[2];
                var telemetry = 0.0;
                foreach (var which in i % 2 == 0 ? new[] { 0, 1 } : new[] { 1, 0 })
                {
                    var next = compilation.ReplaceSyntaxTree(tree, edited);
                    var errors = new ExceptionLog();
                    var withAnalyzers = next.WithAnalyzers(instances[which], errors.Options(logTime: true));
                    var model = next.GetSemanticModel(edited);
                    var before = Cpu.Self();
                    await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None).ConfigureAwait(false);
                    cpu[which] = 1000 * (Cpu.Self() - before);
                    if (errors.Count > 0) throw new InvalidOperationException($"analyzers threw while re-analysing {path}: {errors.First}");
                    if (which == 1)
                    {
                        var times = await ExecutionTimesAsync(withAnalyzers, instances[1]).ConfigureAwait(false);
                        telemetry = times.Where(t => t.Key != nameof(OperationFloorAnalyzer)).Sum(t => t.Value);
                    }
                }

                if (i >= warmup)
                {
                    added.Add(cpu[1] - cpu[0]);
                    kerasLint.Add(telemetry);
                }

                compilation = compilation.ReplaceSyntaxTree(tree, edited);
                tree = edited;
            }

            return (Stat.Of(added), Stat.Of(kerasLint));
        }

        /// <summary>Managed memory after three full collections.</summary>
        public static long Settle()
        {
            for (var i = 0; i < 3; i++)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
            }

            return GC.GetTotalMemory(forceFullCollection: true);
        }

        /// <summary>
        /// Memory: the bound compilation's own (after GetDiagnostics, over the already parsed trees and loaded references);
        /// then, for each analyzer set, the growth from just before its CompilationWithAnalyzers is made to compilation end
        /// (read by a probe analyzer's compilation-end action) and to after analysis while the CompilationWithAnalyzers and
        /// its results are held. The measured set's growth minus the baseline set's is what the measured set retains.
        /// </summary>
        public static async Task<MemoryResult> MemoryAsync(GeneratedSolution solution, AnalyzerSet set, AnalyzerSet baseline)
        {
            CompileMs(solution); // references' metadata loaded before the first reading
            var before = Settle();
            var compilation = solution.CreateCompilation();
            compilation.GetDiagnostics();
            var bound = Settle();
            // One unmeasured pass first: what the first analysis over this compilation caches for good (metadata symbols,
            // pools) must not count against whichever set is measured first.
            await GrowthAsync(compilation, baseline).ConfigureAwait(false);
            var (baseEnd, baseAfter) = await GrowthAsync(compilation, baseline).ConfigureAwait(false);
            var (setEnd, setAfter) = await GrowthAsync(compilation, set).ConfigureAwait(false);
            GC.KeepAlive(compilation);
            return new MemoryResult(bound - before, setEnd - baseEnd, setAfter - baseAfter);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static async Task<(long AtEnd, long After)> GrowthAsync(Compilation compilation, AnalyzerSet set)
        {
            var probe = new MemoryProbe();
            var analyzers = set.Create().Insert(0, probe);
            var before = Settle();
            var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(NoOptions, null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
            var after = Settle();
            GC.KeepAlive(withAnalyzers);
            GC.KeepAlive(diagnostics);
            if (probe.AtCompilationEnd == 0) throw new InvalidOperationException("The memory probe's compilation-end action did not run.");
            return (probe.AtCompilationEnd - before, after - before);
        }

        /// <summary>Collects analyzer exceptions (a benchmark of an analyzer that throws measures nothing).</summary>
        private sealed class ExceptionLog
        {
            public int Count;
            public string? First;

            public CompilationWithAnalyzersOptions Options(bool logTime) => new(NoOptions, (e, analyzer, _) =>
            {
                Interlocked.Increment(ref Count);
                First ??= $"{analyzer.GetType().Name}: {e.GetType().Name}: {e.Message}";
            }, concurrentAnalysis: false, logAnalyzerExecutionTime: logTime, reportSuppressedDiagnostics: false);
        }
    }

    /// <summary>Memory in bytes: the compilation's own, and what the measured set retains beyond the baseline set.</summary>
    public sealed record MemoryResult(long CompilationBytes, long RetainedAtEndBytes, long RetainedAfterBytes);

    /// <summary>Reads settled memory in a compilation-end action: what analyzers hold until the end of the compilation.</summary>
#pragma warning disable RS1036, RS1041, RS2008, RS1013 // a measurement probe, never shipped or loaded by a compiler
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class MemoryProbe : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("BENCH0001", "Memory probe", "Never reported", "Benchmark", DiagnosticSeverity.Info, isEnabledByDefault: true);

        public long AtCompilationEnd { get; private set; }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start => start.RegisterCompilationEndAction(_ => AtCompilationEnd = Measurements.Settle()));
        }
    }
#pragma warning restore RS1036, RS1041, RS2008, RS1013
}
