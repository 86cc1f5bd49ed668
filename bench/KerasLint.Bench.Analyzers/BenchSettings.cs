namespace KerasLint.Bench.Analyzers
{
    /// <summary>
    /// Command line: --quick (250 files, few iterations, about two minutes), --out FILE (also write the markdown there),
    /// --only PARTS (a comma-separated subset of whole,keystrokes,memory,setups,build,csc,fuzz: re-measure one part on a busy machine),
    /// --pairs N (A/B pairs of real builds in the build part, of csc runs in the csc part), --csc-serial (the csc replay runs csc with /parallel-),
    /// --csc-simultaneous (each pair's two serial csc runs at the same time, one per CPU), --csc-steady (csc without tiered JIT and background GC), --csc-kinds K,K (solution kinds of the csc part), --csc-insitu N (runs of the csc part that read KerasLint's
    /// own time inside the fresh process, csc /reportanalyzer), --csc-keep (leave the csc part's projects in place), --build-experiments (the build
    /// part also measures the analyzer assembly alone and an empty analyzer assembly), --fuzz-sizes N,N,..., --fuzz-shapes S,S,... and --fuzz-repeats N (file sizes,
    /// shapes and repeats per file of the fuzz part). The csc and fuzz parts run only when --only names them; "keystroke" is accepted for "keystrokes".
    /// The warmup runs only before the first solution (it warms the JIT; every run works on a fresh compilation). The
    /// peer package, many times slower than KerasLint, runs once per solution: its figure is a comparison, not a target.
    /// </summary>
    public sealed record BenchSettings(bool Quick, string? Out, int[] Sizes, int TargetSize, int Warmup, int Iterations, int Keystrokes, int ManySetups)
    {
        public static readonly string[] Parts = { "whole", "keystrokes", "memory", "setups", "build", "csc", "fuzz" };

        /// <summary>Parts that run only when asked for by --only (minutes of CPU each).</summary>
        public static readonly string[] OnRequest = { "csc", "fuzz" };

        public IReadOnlySet<string> Only { get; init; } = Parts.Except(OnRequest).ToHashSet(StringComparer.Ordinal);

        /// <summary>Files of each solution the build part writes to disk (issue 17: 250, one in seven with training code).</summary>
        public int BuildFiles { get; init; } = 250;

        /// <summary>A/B pairs of rebuilds per solution in the build part.</summary>
        public int BuildPairs { get; init; } = 5;

        public bool BuildExperiments { get; init; }

        /// <summary>A/B pairs of direct csc runs per solution in the csc part (--pairs N sets both parts' pairs).</summary>
        public int CscPairs { get; init; } = 15;

        /// <summary>
        /// --csc-serial: the csc replay adds <c>/parallel-</c> to both response files. A parallel csc on two cores spends
        /// CPU waiting for its workers, which moves identical runs by ±15%; serial, the same work reads steadier.
        /// </summary>
        public bool CscSerial { get; init; }

        /// <summary>
        /// --csc-simultaneous: each pair's two csc runs (serial, /parallel-) run at the same time, each pinned to its own
        /// CPU (taskset), the CPUs swapped every pair: both sides meet the same machine (its load, clock and neighbours) at
        /// the same moment, so what moves identical runs apart one after the other cancels in the pair. Needs two CPUs.
        /// </summary>
        public bool CscSimultaneous { get; init; }

        /// <summary>
        /// --csc-steady: both sides of the csc replay run with the runtime's background work that depends on timing
        /// switched off (<c>DOTNET_TieredCompilation=0</c>: no call counting, no re-JIT on a background thread, whose
        /// amount depends on when the tiering delay expires; <c>DOTNET_gcConcurrent=0</c>: no background GC thread).
        /// Not what a default build runs: a reading of the work KerasLint adds, with less of the process's own variation.
        /// </summary>
        public bool CscSteady { get; init; }

        /// <summary>--csc-kinds K,K: the solution kinds of the csc part (TorchSharp, KerasNet, Plain; null: all three).</summary>
        public CodeKind[]? CscKinds { get; init; }

        /// <summary>
        /// --csc-insitu N: after the pairs, N more runs of the KerasLint side alone with csc's <c>/reportanalyzer</c>, which
        /// reads the time the analyzer driver spent in KerasLint's callbacks inside that fresh process (its JIT, its
        /// unoptimised first code, the compiler's handling of what it reports); 0 skips them. Default 10 (3 with --quick).
        /// </summary>
        public int CscInSitu { get; init; } = 10;

        /// <summary>--csc-keep: the csc part leaves its generated projects and captured response files in place (for runs by hand).</summary>
        public bool CscKeep { get; init; }

        /// <summary>Shapes of the fuzz part (null: every shape and mutant; "mutated-long-method" names a mutant).</summary>
        public string[]? FuzzShapes { get; init; }

        /// <summary>Measurements per file in the fuzz part (the figures are medians).</summary>
        public int FuzzRepeats { get; init; } = 5;

        /// <summary>File sizes (lines) of the fuzz part.</summary>
        public int[] FuzzSizes { get; init; } = FuzzBench.Sizes;

        public bool Runs(string part) => Only.Contains(part);

        public static BenchSettings? Parse(string[] args)
        {
            var quick = false;
            string? output = null;
            var only = Parts.Except(OnRequest).ToHashSet(StringComparer.Ordinal);
            int? pairs = null;
            var experiments = false;
            var cscSerial = false;
            var cscSimultaneous = false;
            var cscSteady = false;
            CodeKind[]? cscKinds = null;
            int? cscInSitu = null;
            var cscKeep = false;
            int[]? fuzzSizes = null;
            string[]? fuzzShapes = null;
            int? fuzzRepeats = null;
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--quick":
                        quick = true;
                        break;
                    case "--out" when i + 1 < args.Length:
                        output = args[++i];
                        break;
                    case "--only" when i + 1 < args.Length:
                        only = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                            .Select(p => p == "keystroke" ? "keystrokes" : p).ToHashSet(StringComparer.Ordinal);
                        if (only.Count == 0 || !only.IsSubsetOf(Parts)) return null;
                        break;
                    case "--pairs" when i + 1 < args.Length:
                        if (!int.TryParse(args[++i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 1) return null;
                        pairs = n;
                        break;
                    case "--fuzz-sizes" when i + 1 < args.Length:
                        var sizes = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                        if (sizes.Length == 0 || !sizes.All(x => int.TryParse(x, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) && v >= 100)) return null;
                        fuzzSizes = sizes.Select(x => int.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                        break;
                    case "--fuzz-shapes" when i + 1 < args.Length:
                        fuzzShapes = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                        if (fuzzShapes.Length == 0 || !fuzzShapes.All(x => FuzzGenerator.Shapes.Contains(x) || x.StartsWith("mutated-", StringComparison.Ordinal) && FuzzGenerator.Mutated.Contains(x["mutated-".Length..]))) return null;
                        break;
                    case "--fuzz-repeats" when i + 1 < args.Length:
                        if (!int.TryParse(args[++i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var repeats) || repeats < 1) return null;
                        fuzzRepeats = repeats;
                        break;
                    case "--csc-serial":
                        cscSerial = true;
                        break;
                    case "--csc-simultaneous":
                        cscSimultaneous = true;
                        break;
                    case "--csc-steady":
                        cscSteady = true;
                        break;
                    case "--csc-kinds" when i + 1 < args.Length:
                        var kinds = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                        if (kinds.Length == 0 || !kinds.All(k => Enum.TryParse<CodeKind>(k, ignoreCase: false, out _) && !int.TryParse(k, out _))) return null;
                        cscKinds = kinds.Select(Enum.Parse<CodeKind>).Distinct().ToArray();
                        break;
                    case "--csc-insitu" when i + 1 < args.Length:
                        if (!int.TryParse(args[++i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var inSitu)) return null;
                        cscInSitu = inSitu;
                        break;
                    case "--csc-keep":
                        cscKeep = true;
                        break;
                    case "--build-experiments":
                        experiments = true;
                        break;
                    default:
                        return null;
                }
            }

            var settings = quick
                ? new BenchSettings(true, output, new[] { 250 }, 250, Warmup: 1, Iterations: 2, Keystrokes: 8, ManySetups: 200)
                : new BenchSettings(false, output, new[] { 250, 1000, 2000 }, 1000, Warmup: 1, Iterations: 3, Keystrokes: 20, ManySetups: 200);
            return settings with { Only = only, BuildPairs = pairs ?? (quick ? 3 : 5), CscPairs = pairs ?? (quick ? 5 : 15), BuildExperiments = experiments, FuzzSizes = fuzzSizes ?? FuzzBench.Sizes, FuzzShapes = fuzzShapes, FuzzRepeats = fuzzRepeats ?? (quick ? 3 : 5), CscSerial = cscSerial || cscSimultaneous, CscSimultaneous = cscSimultaneous, CscSteady = cscSteady, CscKinds = cscKinds, CscInSitu = cscInSitu ?? (quick ? 3 : 10), CscKeep = cscKeep };
        }

        /// <summary>One iteration for the 2,000-file solutions: the full run stays within about 15 minutes on two cores.</summary>
        public int IterationsFor(int files) => files >= 2000 ? 1 : Iterations;
    }
}
