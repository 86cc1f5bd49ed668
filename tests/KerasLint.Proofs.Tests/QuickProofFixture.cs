using KerasLint.Proofs;

namespace KerasLint.Proofs.Tests;

/// <summary>One quick, CPU, seeded run of every scenario, shared by the tests of a class (the MNIST models are trained once).</summary>
public sealed class QuickProofFixture
{
    public QuickProofFixture()
    {
        Results = ProofRunner.Run(ProofRunner.All(), new ProofOptions { Quick = true });
    }

    public IReadOnlyList<ScenarioResult> Results { get; }

    public ScenarioResult Scenario(string id) => Results.Single(r => r.Id == id);

    /// <summary>The single row of a scenario for <paramref name="family"/> whose measured text starts with <paramref name="measured"/>.</summary>
    public ProofRow Row(string id, string family, string measured)
    {
        var rows = Scenario(id).Rows.Where(r => r.Family == family && r.Measured.StartsWith(measured, StringComparison.Ordinal)).ToList();
        Assert.True(rows.Count == 1, $"{id}: expected one row for family {family} starting with '{measured}', found {rows.Count}: {string.Join("; ", Scenario(id).Rows.Select(r => r.Family + " " + r.Measured))}");
        return rows[0];
    }
}

/// <summary>The test classes that read the quick run share one (torch's global seed makes parallel training racy).</summary>
[CollectionDefinition("proofs")]
public sealed class ProofCollection : ICollectionFixture<QuickProofFixture>
{
}
