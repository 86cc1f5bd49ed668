using KerasLint.Knowledge;
using TorchSharp;

namespace KerasLint.Proofs;

/// <summary>Reports training / scenario progress (the CLI draws bars; tests ignore it).</summary>
public interface IProofProgress
{
    /// <summary><paramref name="done"/> of <paramref name="total"/> steps of the task named <paramref name="task"/>.</summary>
    void Report(string task, int done, int total);
}

/// <summary>What to run and where.</summary>
public sealed class ProofOptions
{
    /// <summary>Smaller sizes and budgets (tests, <c>--quick</c>).</summary>
    public bool Quick { get; init; }

    /// <summary>The families whose rows are computed (TorchSharp-only rows always are).</summary>
    public IReadOnlyList<KerasFamily> Families { get; init; } = KerasFamilies.All;

    /// <summary>Where tensors live.</summary>
    public torch.Device Device { get; init; } = torch.CPU;

    /// <summary>Base seed of every scenario (each adds its own offset).</summary>
    public int Seed { get; init; } = 20240607;

    public IProofProgress? Progress { get; init; }
}

/// <summary>A run's shared state: options, the data sets (loaded once) and trained models shared by scenarios.</summary>
public sealed class ProofContext
{
    private readonly Dictionary<string, object> cache = new(StringComparer.Ordinal);

    public ProofContext(ProofOptions options)
    {
        Options = options;
    }

    public ProofOptions Options { get; }

    public bool Quick => Options.Quick;

    public torch.Device Device => Options.Device;

    public void Report(string task, int done, int total) => Options.Progress?.Report(task, done, total);

    /// <summary>Returns the cached value for <paramref name="key"/>, computing it once.</summary>
    public T Shared<T>(string key, Func<T> create)
        where T : notnull
    {
        lock (cache)
        {
            if (cache.TryGetValue(key, out var v)) return (T)v;
            var created = create();
            cache[key] = created;
            return created;
        }
    }
}

/// <summary>One rule claim, shown on real tensors.</summary>
public abstract class ProofScenario
{
    /// <summary>The rule id (<see cref="RuleIds"/>).</summary>
    public abstract string Rule { get; }

    /// <summary>A stable scenario id, unique across scenarios.</summary>
    public abstract string Id { get; }

    public abstract string Title { get; }

    /// <summary>The claim, in one sentence, that the rows test.</summary>
    public abstract string Claim { get; }

    public abstract ScenarioResult Run(ProofContext context);

    /// <summary>Helper that collects rows and times the run.</summary>
    protected sealed class Builder
    {
        private readonly ProofScenario scenario;
        private readonly ProofContext context;
        private readonly System.Diagnostics.Stopwatch watch = System.Diagnostics.Stopwatch.StartNew();

        public Builder(ProofScenario scenario, ProofContext context)
        {
            this.scenario = scenario;
            this.context = context;
        }

        public List<string> Setups { get; } = new();

        public List<ProofRow> Rows { get; } = new();

        public List<string> Notes { get; } = new();

        /// <summary>The selected families, in order.</summary>
        public IReadOnlyList<KerasFamily> Families => context.Options.Families;

        public void Row(string family, string measured, Cell value, string referenceLabel, Cell reference, Check check) =>
            Rows.Add(new ProofRow(family, measured, value, referenceLabel, reference, check));

        public void Row(KerasFamily family, string measured, Cell value, string referenceLabel, Cell reference, Check check) =>
            Row(family.Id(), measured, value, referenceLabel, reference, check);

        /// <summary>A row whose evidence is a cited Keras source line or test (a vector), not a measurement.</summary>
        public void Cited(string family, string what, Cell value, string referenceLabel, Cell reference, Check check, string citation) =>
            Rows.Add(new ProofRow(family, what, value, referenceLabel, reference, check, Evidence.Cited, citation));

        public void Cited(KerasFamily family, string what, Cell value, string referenceLabel, Cell reference, Check check, string citation) =>
            Cited(family.Id(), what, value, referenceLabel, reference, check, citation);

        /// <summary>A cited statement of Keras's behaviour: its evidence is the citation, nothing in the run compares it.</summary>
        public void Stated(string family, string what, string fact, string citation) =>
            Rows.Add(new ProofRow(family, what, Cell.Of(fact), "", Cell.None, Check.Stated, Evidence.Cited, citation));

        public void Stated(KerasFamily family, string what, string fact, string citation) => Stated(family.Id(), what, fact, citation);

        /// <summary>
        /// The compile step of a measured row as cited evidence: the function the vector says Keras resolves
        /// "accuracy" to for this family, loss and these shapes, next to the function the runtime resolved (and then
        /// measured). Fails when no vector pins the case or the runtime disagrees with it.
        /// </summary>
        public void CitedResolution(KerasFamily family, string? loss, string metric, long[] yTrueShape, long[] yPredShape, string runtimeResolved)
        {
            var v = CitedVectors.FindResolution(family, loss, metric, yTrueShape, yPredShape);
            Cited(family, $"compile: \"{metric}\" with loss {loss ?? "custom"} resolves to", Cell.Of(v?.Function ?? "no cited vector"), "the runtime measured", Cell.Of(runtimeResolved), Check.SameText,
                v?.Citation ?? "no vector in tests/data/resolution-vectors.json pins this case");
        }

        public ScenarioResult Build() =>
            new(scenario.Rule, scenario.Id, scenario.Title, scenario.Claim, Setups, Rows, Notes, watch.Elapsed.TotalSeconds);
    }
}
