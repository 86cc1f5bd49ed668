using KerasLint.Knowledge;
using KerasLint.Proofs.Scenarios;

namespace KerasLint.Proofs;

/// <summary>Every scenario, and running a selection of them.</summary>
public static class ProofRunner
{
    /// <summary>All scenarios in rule order (fresh instances; they hold no state).</summary>
    public static IReadOnlyList<ProofScenario> All() => new ProofScenario[]
    {
        new Kl0001IrisScenario(),
        new Kl0002MnistScenario(),
        new KlAccuracySyntheticScenario(RuleIds.BinaryCrossentropyOnMultiClass),
        new Kl0003MnistScenario(),
        new KlAccuracySyntheticScenario(RuleIds.AmbiguousAccuracy),
        new Kl0004Scenario(),
        new Kl0005Scenario(),
        new Kl0006MnistScenario(),
        new Kl0007MnistScenario(),
        new Kl0008Scenario(),
        new Kl0009Scenario(),
        new Kl0011MnistScenario(),
        new Kl0012Scenario(),
        new Kl0101MnistScenario(),
        new Kl0102Scenario(),
        new Kl0103Scenario(),
        new Kl0104Scenario(),
    };

    /// <summary>The rule ids that have a numeric proof.</summary>
    public static IReadOnlyList<string> ProvenRules() => All().Select(s => s.Rule).Distinct().ToList();

    /// <summary>The scenarios of <paramref name="rule"/> (all when null). Throws ArgumentException naming the known rules when none match.</summary>
    public static IReadOnlyList<ProofScenario> Select(string? rule)
    {
        if (string.IsNullOrWhiteSpace(rule)) return All();
        var id = rule.Trim().ToUpperInvariant();
        var selected = All().Where(s => s.Rule == id).ToList();
        if (selected.Count == 0)
        {
            throw new ArgumentException($"No proof for rule '{rule}'. Rules with a proof: {string.Join(", ", ProvenRules())}.", nameof(rule));
        }

        return selected;
    }

    /// <summary>Runs one scenario in a shared context.</summary>
    public static ScenarioResult RunOne(ProofScenario scenario, ProofContext context) => scenario.Run(context);

    /// <summary>Runs the scenarios in order with one shared context (trained models are reused across scenarios).</summary>
    public static IReadOnlyList<ScenarioResult> Run(IEnumerable<ProofScenario> scenarios, ProofOptions options)
    {
        var context = new ProofContext(options);
        var results = new List<ScenarioResult>();
        foreach (var s in scenarios)
        {
            // No dispose scope here: scenarios share trained models and data through the context; the synthetic
            // scenarios free their large tensors in their own scopes.
            results.Add(s.Run(context));
        }

        return results;
    }
}
