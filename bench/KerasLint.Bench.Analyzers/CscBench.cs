using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Bench.Analyzers
{
    /// <summary>
    /// The csc part (issue 17: CPU KerasLint adds to a build, with less noise than whole rebuilds). Per solution kind:
    /// <list type="number">
    /// <item>Replay: the 250-file project of the build part is built once with KerasLint's Analyzer items, through a csc
    /// wrapper that keeps the response file MSBuild hands csc. Then the SDK's csc apphost runs that exact invocation as a
    /// fresh process, alternating with and without KerasLint's two <c>/analyzer:</c> lines (pairs in ABBA order), and
    /// the process's user + sys time is read with <c>getrusage(RUSAGE_CHILDREN)</c>. No MSBuild, no restore, no other
    /// process in the measurement.</item>
    /// <item>In process, analysis alone: on fresh compilations of the same files (one thread), the CPU time of
    /// <c>GetDiagnostics()</c> (the compiler's own), of <c>GetAnalyzerDiagnosticsAsync</c> with an analyzer that
    /// registers a no-op action for every operation kind (the floor: the SDK's own analyzers already make the driver build
    /// and walk every operation tree, so KerasLint does not add that), and with KerasLint plus that analyzer.</item>
    /// </list>
    /// Added = per pair (with − without) / without, or (with − floor) / compile; median and a 95% bootstrap interval of the
    /// median over the pairs.
    /// </summary>
    public sealed class CscBench
    {
        /// <summary>TorchSharp first: the issue's 12% was measured there.</summary>
        private static readonly CodeKind[] Kinds = { CodeKind.TorchSharp, CodeKind.KerasNet, CodeKind.Plain };
        /// <summary>The in-process reading's intervals are narrow after a few iterations: more pairs lengthen the replay only.</summary>
        private const int InProcessIterations = 15;

        private static readonly Regex KerasLintWarning = new(@"warning (KL\d{4})", RegexOptions.CultureInvariant);
        private readonly BenchSettings settings;
        private readonly Action<string> log;

        public CscBench(BenchSettings settings, Action<string> log)
        {
            this.settings = settings;
            this.log = log;
        }

        public async Task<ImmutableArray<CscResult>> RunAsync()
        {
            if (!Cpu.Supported) throw new PlatformNotSupportedException("The csc part reads getrusage and runs csc through a shell script: Linux or macOS.");
            var build = new BuildBench(settings, log);
            var package = BuildBench.PackageAnalyzerAssemblies();
            var sets = ImmutableArray.Create(new BuildSet(BuildBench.None, ImmutableArray<string>.Empty), new BuildSet("KerasLint", package));
            var csc = Path.Combine(BuildBench.SdkDirectory(), "Roslyn", "bincore", "csc");
            if (!File.Exists(csc)) throw new FileNotFoundException("The SDK's csc apphost was not found.", csc);
            Directory.CreateDirectory(build.Root);
            try
            {
                var results = ImmutableArray.CreateBuilder<CscResult>();
                foreach (var kind in settings.CscKinds is { } chosen ? Kinds.Where(chosen.Contains) : Kinds)
                {
                    // In process first (cheaper, and less noisy), then the replay.
                    var solution = SolutionGenerator.Generate(kind, settings.BuildFiles);
                    var inProcess = await InProcessAsync(solution).ConfigureAwait(false);
                    var project = build.WriteProject(solution, sets);
                    var invocation = await CaptureAsync(build, project, csc, package).ConfigureAwait(false);
                    var replay = Replay(solution, csc, invocation);
                    var inSitu = InSitu(solution, csc, invocation);
                    results.Add(new CscResult(solution.Name, kind, solution.Trees.Length, solution.DeepLearningFiles, solution.ExpectedDiagnostics, replay, inProcess, inSitu));
                }

                return results.ToImmutable();
            }
            finally
            {
                try
                {
                    if (settings.CscKeep) log($"kept the projects and their captured csc response files (capture/with.rsp, capture/without.rsp): {build.Root}");
                    else Directory.Delete(build.Root, recursive: true);
                }
                catch (IOException)
                {
                    // A temp folder left behind is harmless.
                }
            }
        }

        /// <summary>Restores and builds once with KerasLint through a wrapper that copies csc's response file; returns both variants of it.</summary>
        private async Task<CscInvocation> CaptureAsync(BuildBench build, string project, string csc, ImmutableArray<string> package)
        {
            var dir = Path.GetDirectoryName(project)!;
            var capture = Path.Combine(dir, "capture");
            Directory.CreateDirectory(capture);
            var script = Path.Combine(capture, "csc-capture");
            File.WriteAllText(script, "#!/bin/sh\n" +
                $"for a in \"$@\"; do case \"$a\" in @*) cp \"${{a#@}}\" \"{capture}/csc.rsp\";; esac; done\n" +
                $"printf '%s\\n' \"$@\" > \"{capture}/args.txt\"\n" +
                $"exec \"{csc}\" \"$@\"\n");
            if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("the csc part wraps csc in a shell script (Linux, macOS)");
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var restore = await build.RunDotnetAsync(project, "restore").ConfigureAwait(false);
            if (restore.ExitCode != 0) throw new InvalidOperationException($"dotnet restore {project} failed:\n{restore.Output}");
            var result = await build.RunDotnetAsync(project, "build", "--no-restore", "--no-incremental", "-c", "Release",
                "-nodeReuse:false", "--disable-build-servers", "-p:UseSharedCompilation=false",
                $"-p:CscToolPath={capture}", "-p:CscToolExe=csc-capture", "-p:BenchSet=KerasLint", "-v:q", "-clp:NoSummary").ConfigureAwait(false);
            if (result.ExitCode != 0) throw new InvalidOperationException($"dotnet build {project} failed:\n{result.Output}");
            var rsp = Path.Combine(capture, "csc.rsp");
            if (!File.Exists(rsp)) throw new InvalidOperationException($"csc got no response file in {project}:\n{File.ReadAllText(Path.Combine(capture, "args.txt"))}");
            var args = File.ReadAllLines(Path.Combine(capture, "args.txt")).Where(a => a.Length > 0).ToImmutableArray();
            // The Csc task may write its switches on one line or several: split as csc does, write one argument a line.
            var lines = CommandLineParser.SplitCommandLineIntoArguments(File.ReadAllText(rsp), removeHashComments: false).ToArray();
            bool IsKerasLint(string arg) => arg.StartsWith("/analyzer:", StringComparison.Ordinal) && package.Any(p => arg.EndsWith(Path.GetFileName(p), StringComparison.Ordinal));
            var found = lines.Count(IsKerasLint);
            if (found != package.Length)
            {
                throw new InvalidOperationException($"expected {package.Length} KerasLint /analyzer: switches in {rsp}, found {found}; " +
                    $"analyzer switches: {string.Join(" | ", lines.Where(l => l.StartsWith("/analyzer", StringComparison.Ordinal)))}");
            }

            static string Quoted(string arg) => arg.Contains(' ', StringComparison.Ordinal) ? $"\"{arg}\"" : arg;
            var with = Path.Combine(capture, "with.rsp");
            var without = Path.Combine(capture, "without.rsp");
            var serial = settings.CscSerial ? new[] { "/parallel-" } : Array.Empty<string>();
            File.WriteAllLines(with, lines.Select(Quoted).Concat(serial));
            File.WriteAllLines(without, lines.Where(l => !IsKerasLint(l)).Select(Quoted).Concat(serial));
            log($"csc {Path.GetFileName(project)}: {args.Length} arguments, response file of {lines.Length} arguments ({lines.Count(l => l.StartsWith("/analyzer:", StringComparison.Ordinal))} analyzers, {found} of them KerasLint's)");
            return new CscInvocation(dir, args, with, without);
        }

        /// <summary>Pairs in ABBA order after the capture build (which warmed the disk cache); user + sys of the csc process.</summary>
        private CscReplay Replay(GeneratedSolution solution, string csc, CscInvocation invocation)
        {
            if (settings.CscSimultaneous) return ReplaySimultaneous(solution, csc, invocation);
            var none = new List<double>();
            var kerasLint = new List<double>();
            ImmutableDictionary<string, int>? warnings = null;
            for (var pair = 0; pair < settings.CscPairs; pair++)
            {
                foreach (var with in pair % 2 == 0 ? new[] { false, true } : new[] { true, false })
                {
                    var (cpu, found, _) = Run(csc, invocation, with, settings.CscSteady);
                    (with ? kerasLint : none).Add(cpu);
                    if (with) warnings ??= found;
                    else if (!found.IsEmpty) throw new InvalidOperationException("csc without KerasLint reported KL diagnostics: the response file still names KerasLint.");
                }

                log($"  csc {solution.Name} pair {pair + 1}: none {none[^1]:F2} s, KerasLint {kerasLint[^1]:F2} s ({100 * (kerasLint[^1] / none[^1] - 1):+0.0;-0.0}%)");
            }

            return new CscReplay(none.ToImmutableArray(), kerasLint.ToImmutableArray(), warnings ?? ImmutableDictionary<string, int>.Empty);
        }

        /// <summary>
        /// KerasLint's own time inside fresh csc processes (--csc-insitu N): the KerasLint side alone, with csc's
        /// <c>/reportanalyzer</c>, whose report gives the time the analyzer driver spent in each analyzer assembly's
        /// callbacks. That time includes what a fresh process pays inside them (the JIT of KerasLint's methods and of the
        /// generic code they instantiate, their unoptimised first code, the compiler's handling of each diagnostic they
        /// report) and work the compiler would do anyway that happens to run first in them (binding the references, loading
        /// a library's metadata); it leaves out loading the assembly and creating the analyzers. A reading of its own, next
        /// to the A/B replay: one process each, no subtraction of two noisy totals.
        /// </summary>
        private CscInSitu InSitu(GeneratedSolution solution, string csc, CscInvocation invocation)
        {
            var kerasLintS = new List<double>();
            var cpuS = new List<double>();
            for (var run = 0; run < settings.CscInSitu; run++)
            {
                var (cpu, _, output) = Run(csc, invocation, withKerasLint: true, settings.CscSteady, "/reportanalyzer");
                var seconds = ReportedSeconds(output, "KerasLint.Analyzers");
                kerasLintS.Add(seconds);
                cpuS.Add(cpu);
                log($"  csc {solution.Name} in situ {run + 1}: KerasLint's callbacks {1000 * seconds:F0} ms of a {cpu:F2} s CPU run ({100 * seconds / cpu:F2}%)");
            }

            return new CscInSitu(kerasLintS.ToImmutableArray(), cpuS.ToImmutableArray());
        }

        /// <summary>
        /// The seconds csc's <c>/reportanalyzer</c> lists for an analyzer assembly (its line "   0.312   31   Name, Version=…";
        /// "&lt;0.001" reads as 0.0005).
        /// </summary>
        public static double ReportedSeconds(string output, string assembly)
        {
            var line = Regex.Match(output, @"^\s*(<?)(\d+(?:[.,]\d+)?)\s+<?\d+\s+" + Regex.Escape(assembly) + ",", RegexOptions.Multiline | RegexOptions.CultureInvariant);
            if (!line.Success) throw new FormatException($"csc /reportanalyzer printed no line for the analyzer assembly {assembly}:\n{output}");
            var seconds = Decimal(line.Groups[2].Value);
            return line.Groups[1].Value.Length > 0 ? seconds / 2 : seconds;
        }

        /// <summary>
        /// Pairs whose two runs go at the same time, each csc (serial) pinned to its own CPU by taskset, the CPUs swapped
        /// every pair; the CPU of each run is its own (the wrapping shell's <c>times</c> for its one child).
        /// </summary>
        private CscReplay ReplaySimultaneous(GeneratedSolution solution, string csc, CscInvocation invocation)
        {
            if (Environment.ProcessorCount < 2) throw new InvalidOperationException($"--csc-simultaneous runs two csc processes on two CPUs; this machine has {Environment.ProcessorCount}.");
            var taskset = new[] { "/usr/bin/taskset", "/bin/taskset" }.FirstOrDefault(File.Exists)
                ?? throw new FileNotFoundException("--csc-simultaneous pins each csc to a CPU with taskset (util-linux), which was not found in /usr/bin or /bin.");
            var none = new List<double>();
            var kerasLint = new List<double>();
            ImmutableDictionary<string, int>? warnings = null;
            // Each side writes its own output files (the two runs would otherwise write the same assembly).
            var withRsp = SeparateOutputs(invocation.WithRsp, "with");
            var withoutRsp = SeparateOutputs(invocation.WithoutRsp, "without");
            for (var pair = 0; pair < settings.CscPairs; pair++)
            {
                var withCpu = pair % 2;
                var with = Start(taskset, withCpu, csc, invocation, withRsp, settings.CscSteady);
                var without = Start(taskset, 1 - withCpu, csc, invocation, withoutRsp, settings.CscSteady);
                var (withS, found) = with.Finish();
                var (withoutS, foundWithout) = without.Finish();
                if (!foundWithout.IsEmpty) throw new InvalidOperationException("csc without KerasLint reported KL diagnostics: the response file still names KerasLint.");
                warnings ??= found;
                none.Add(withoutS);
                kerasLint.Add(withS);
                log($"  csc {solution.Name} pair {pair + 1} (at once; KerasLint on CPU {withCpu}): none {withoutS:F2} s, KerasLint {withS:F2} s ({100 * (withS / withoutS - 1):+0.0;-0.0}%)");
            }

            return new CscReplay(none.ToImmutableArray(), kerasLint.ToImmutableArray(), warnings ?? ImmutableDictionary<string, int>.Empty);
        }

        /// <summary>A copy of a response file whose /out: and /refout: name a folder of their own.</summary>
        private static string SeparateOutputs(string rsp, string side)
        {
            var dir = Path.Combine(Path.GetDirectoryName(rsp)!, "out-" + side);
            Directory.CreateDirectory(dir);
            var lines = File.ReadAllLines(rsp).Select(l =>
                l.StartsWith("/out:", StringComparison.Ordinal) ? "/out:" + Path.Combine(dir, Path.GetFileName(l["/out:".Length..].Trim('"')))
                : l.StartsWith("/refout:", StringComparison.Ordinal) ? "/refout:" + Path.Combine(dir, "ref-" + Path.GetFileName(l["/refout:".Length..].Trim('"')))
                : l).ToArray();
            if (!lines.Any(l => l.StartsWith("/out:", StringComparison.Ordinal))) throw new InvalidOperationException($"{rsp} names no /out: to separate");
            var copy = Path.Combine(Path.GetDirectoryName(rsp)!, side + "-own-output.rsp");
            File.WriteAllLines(copy, lines);
            return copy;
        }

        /// <summary>
        /// The one way csc is started: <paramref name="fileName"/> with <paramref name="prefix"/> (a wrapper's own
        /// arguments, ending with csc's path), then the captured csc arguments with the response file <paramref name="rsp"/>;
        /// in the project folder, output captured; --csc-steady: no tiered JIT (no background re-JIT whose amount depends
        /// on timing), no background GC thread.
        /// </summary>
        private static ProcessStartInfo CscStartInfo(string fileName, CscInvocation invocation, string rsp, bool steady, params string[] prefix)
        {
            var psi = new ProcessStartInfo(fileName)
            {
                WorkingDirectory = invocation.Directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in prefix) psi.ArgumentList.Add(arg);
            foreach (var arg in invocation.Arguments) psi.ArgumentList.Add(arg.StartsWith('@') ? "@" + rsp : arg);
            psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            if (steady)
            {
                psi.Environment["DOTNET_TieredCompilation"] = "0";
                psi.Environment["DOTNET_gcConcurrent"] = "0";
            }

            return psi;
        }

        private static PinnedRun Start(string taskset, int cpu, string csc, CscInvocation invocation, string rsp, bool steady)
        {
            var times = Path.GetTempFileName();
            // sh runs taskset, which execs csc: csc is the shell's one child, and `times` prints its user and sys time.
            var psi = CscStartInfo("/bin/sh", invocation, rsp, steady,
                "-c", "\"$@\"; rc=$?; times > \"$KERASLINT_TIMES\"; exit $rc", "sh", taskset, "-c", cpu.ToString(System.Globalization.CultureInfo.InvariantCulture), csc);
            psi.Environment["KERASLINT_TIMES"] = times;
            var process = Process.Start(psi)!;
            return new PinnedRun(process, process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync(), times);
        }

        private sealed record PinnedRun(Process Process, Task<string> Stdout, Task<string> Stderr, string TimesFile)
        {
            public (double CpuS, ImmutableDictionary<string, int> Warnings) Finish()
            {
                Process.WaitForExit();
                var output = Stdout.Result + Stderr.Result;
                var exit = Process.ExitCode;
                Process.Dispose();
                if (exit != 0) throw new InvalidOperationException($"csc failed (exit {exit}):\n{output}");
                var cpu = ChildTimes(File.ReadAllText(TimesFile));
                File.Delete(TimesFile);
                return (cpu, Warnings(output));
            }
        }

        /// <summary>User + sys seconds of the children from a POSIX shell's <c>times</c> output (second line: "0m12.340s 0m0.810s").</summary>
        public static double ChildTimes(string times)
        {
            var lines = times.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (lines.Length < 2) throw new FormatException($"expected two lines from `times`, got: {times}");
            var fields = lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 2) throw new FormatException($"expected user and sys time on the second line of `times`: {lines[1]}");
            return fields.Sum(Duration);

            static double Duration(string text)
            {
                var m = Regex.Match(text, @"^(\d+)m(\d+(?:[.,]\d+)?)s$", RegexOptions.CultureInvariant);
                if (!m.Success) throw new FormatException($"not a `times` duration (like 0m12.340s): {text}");
                return 60 * int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + Decimal(m.Groups[2].Value);
            }
        }

        /// <summary>A number a tool printed in the machine's locale: "12.34" or "12,34".</summary>
        private static double Decimal(string text) => double.Parse(text.Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture);

        private static ImmutableDictionary<string, int> Warnings(string output) =>
            output.Split('\n').Select(l => KerasLintWarning.Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value)
                .GroupBy(id => id, StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

        private static (double CpuS, ImmutableDictionary<string, int> Warnings, string Output) Run(string csc, CscInvocation invocation, bool withKerasLint, bool steady, params string[] extra)
        {
            var psi = CscStartInfo(csc, invocation, withKerasLint ? invocation.WithRsp : invocation.WithoutRsp, steady);
            foreach (var arg in extra) psi.ArgumentList.Add(arg);
            var before = Cpu.Children();
            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            var after = Cpu.Children();
            var output = stdout.Result + stderr.Result;
            if (process.ExitCode != 0) throw new InvalidOperationException($"csc failed ({(withKerasLint ? "with" : "without")} KerasLint):\n{output}");
            return (after - before, Warnings(output), output);
        }

        /// <summary>Compile, floor and KerasLint + floor on fresh compilations, the order of the two analyses alternating.</summary>
        private async Task<CscInProcess> InProcessAsync(GeneratedSolution solution)
        {
            var floor = new AnalyzerSet("operation floor", new[] { typeof(OperationFloorAnalyzer) });
            var withKerasLint = new AnalyzerSet("KerasLint + operation floor", AnalyzerSets.KerasLint.Types.Append(typeof(OperationFloorAnalyzer)));
            var compile = new List<double>();
            var floorMs = new List<double>();
            var withMs = new List<double>();
            var telemetry = new List<double>();
            var iterations = Math.Min(settings.CscPairs, InProcessIterations);
            for (var i = -1; i < iterations; i++)
            {
                var before = Cpu.Self();
                solution.CreateCompilation().GetDiagnostics();
                var compileMs = 1000 * (Cpu.Self() - before);
                AnalysisRun? a = null, b = null;
                foreach (var set in i % 2 == 0 ? new[] { floor, withKerasLint } : new[] { withKerasLint, floor })
                {
                    var run = await Measurements.AnalyzeAsync(solution, set).ConfigureAwait(false);
                    if (run.Exceptions > 0) throw new InvalidOperationException($"{set.Name} threw: {run.FirstException}");
                    if (set == floor) a = run;
                    else b = run;
                }

                log($"  in process {solution.Name} iteration {i + 1}: compile {compileMs:F0}, floor {a!.CpuMs:F0}, KerasLint + floor {b!.CpuMs:F0} ms CPU (KerasLint {b.CpuMs - a.CpuMs:+0;-0} ms)");
                if (i < 0) continue; // warmup
                compile.Add(compileMs);
                floorMs.Add(a!.CpuMs);
                withMs.Add(b!.CpuMs);
                telemetry.Add(b.PerAnalyzerMs.Where(p => p.Key != nameof(OperationFloorAnalyzer)).Sum(p => p.Value));
            }

            var result = new CscInProcess(compile.ToImmutableArray(), floorMs.ToImmutableArray(), withMs.ToImmutableArray(), telemetry.ToImmutableArray());
            log($"  in process {solution.Name}: compile {Stat.Of(compile).Median:F0} ms CPU; analysis added {result.Added()}; KerasLint callbacks {result.Telemetry()}");
            return result;
        }
    }

    public sealed record CscInvocation(string Directory, ImmutableArray<string> Arguments, string WithRsp, string WithoutRsp);

    /// <summary>csc CPU seconds per run, without and with KerasLint (pair i = element i of each).</summary>
    public sealed record CscReplay(ImmutableArray<double> None, ImmutableArray<double> KerasLint, ImmutableDictionary<string, int> Warnings)
    {
        public Paired Added() => Paired.Of(None.Zip(KerasLint, (a, b) => 100 * (b / a - 1)).ToArray());
    }

    /// <summary>CPU ms per iteration: the compilation's own, the analyzer driver with the floor analyzer, with KerasLint and the floor; KerasLint's callbacks (telemetry).</summary>
    public sealed record CscInProcess(ImmutableArray<double> Compile, ImmutableArray<double> Floor, ImmutableArray<double> WithKerasLint, ImmutableArray<double> KerasLintMs)
    {
        /// <summary>(KerasLint + floor − floor) / compile, per iteration, in percent.</summary>
        public Paired Added() => Paired.Of(Enumerable.Range(0, Compile.Length).Select(i => 100 * (WithKerasLint[i] - Floor[i]) / Compile[i]).ToArray());

        /// <summary>KerasLint's callbacks (the driver's ExecutionTime) / compile, per iteration, in percent.</summary>
        public Paired Telemetry() => Paired.Of(Enumerable.Range(0, Compile.Length).Select(i => 100 * KerasLintMs[i] / Compile[i]).ToArray());
    }

    public sealed record CscResult(string Solution, CodeKind Kind, int Files, int DeepLearningFiles, ImmutableDictionary<string, int> ExpectedDiagnostics,
        CscReplay Replay, CscInProcess InProcess, CscInSitu InSitu);

    /// <summary>Per in-situ run: seconds csc's /reportanalyzer lists for KerasLint's callbacks, and the run's CPU seconds.</summary>
    public sealed record CscInSitu(ImmutableArray<double> KerasLintS, ImmutableArray<double> CpuS)
    {
        /// <summary>KerasLint's callbacks / the run's CPU, per run, in percent; null without runs.</summary>
        public Paired? Share() => KerasLintS.IsEmpty ? null : Paired.Of(KerasLintS.Zip(CpuS, (k, c) => 100 * k / c).ToArray());
    }

    /// <summary>Per-pair percentages: median and a 95% bootstrap interval of the median (2,000 resamples, fixed seed).</summary>
    public sealed record Paired(double Median, double Low, double High, int Count)
    {
        public static Paired Of(double[] samples)
        {
            var median = Stat.Of(samples).Median;
            var random = new Random(17);
            var medians = new double[2000];
            var resample = new double[samples.Length];
            for (var r = 0; r < medians.Length; r++)
            {
                for (var i = 0; i < resample.Length; i++) resample[i] = samples[random.Next(samples.Length)];
                medians[r] = Stat.Of(resample).Median;
            }

            Array.Sort(medians);
            return new Paired(median, medians[(int)(0.025 * medians.Length)], medians[(int)(0.975 * medians.Length) - 1], samples.Length);
        }

        public override string ToString() => FormattableString.Invariant($"{Median:+0.00;-0.00}% [{Low:+0.00;-0.00}, {High:+0.00;-0.00}]");
    }

    /// <summary>The floor of the in-process figure: a no-op action on every operation kind, so the driver builds and walks every operation tree.</summary>
#pragma warning disable RS1036, RS1041, RS2008, RS1012 // a measurement stand-in, never shipped or loaded by a compiler
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class OperationFloorAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("BENCH0002", "Operation floor", "Never reported", "Benchmark", DiagnosticSeverity.Info, isEnabledByDefault: true);
        private static readonly ImmutableArray<OperationKind> Kinds = Enum.GetValues<OperationKind>().Where(k => k != OperationKind.None).Distinct().ToImmutableArray();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(_ => { }, Kinds);
        }
    }
#pragma warning restore RS1036, RS1041, RS2008, RS1012
}
