namespace KerasLint.Bench.Analyzers
{
    /// <summary>
    /// Command line: --quick (250 files, few iterations, about two minutes), --out FILE (also write the markdown there).
    /// The warmup runs only before the first solution (it warms the JIT; every run works on a fresh compilation). The
    /// peer package, many times slower than KerasLint, runs once per solution: its figure is a comparison, not a target.
    /// </summary>
    public sealed record BenchSettings(bool Quick, string? Out, int[] Sizes, int TargetSize, int Warmup, int Iterations, int Keystrokes, int ManySetups)
    {
        public static BenchSettings? Parse(string[] args)
        {
            var quick = false;
            string? output = null;
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
                    default:
                        return null;
                }
            }

            return quick
                ? new BenchSettings(true, output, new[] { 250 }, 250, Warmup: 1, Iterations: 2, Keystrokes: 8, ManySetups: 200)
                : new BenchSettings(false, output, new[] { 250, 1000, 2000 }, 1000, Warmup: 1, Iterations: 3, Keystrokes: 20, ManySetups: 200);
        }

        /// <summary>One iteration for the 2,000-file solutions: the full run stays within about 15 minutes on two cores.</summary>
        public int IterationsFor(int files) => files >= 2000 ? 1 : Iterations;
    }
}
