using KerasLint.Knowledge;
using KerasLint.Proofs.Scenarios;

namespace KerasLint.Proofs.Tests;

/// <summary>
/// Negative controls, one per kind of claim: the same scenario code and checks, run on a setup built to make the
/// claim false, must report "does not hold" and fail exactly on the claim's rows. A proof that cannot fail here
/// proves nothing.
/// </summary>
[Collection("proofs")]
public sealed class NegativeControlTests
{
    private static ScenarioResult Run(ProofScenario s) => ProofRunner.Run(new[] { s }, new ProofOptions { Quick = true }).Single();

    [Fact]
    public void Misreported_metric_claim_fails_when_the_loss_is_the_right_one()
    {
        // KL0002's claim (2.2/2.3 "accuracy" is far from the truth) on categorical_crossentropy, where it is the truth.
        var r = Run(new KlAccuracySyntheticScenario(RuleIds.BinaryCrossentropyOnMultiClass, control: true));
        Assert.Equal("does not hold", r.Verdict);
        var failing = r.Rows.Where(x => !x.Holds).ToList();
        Assert.Equal(new[] { "2.2", "2.3" }, failing.Select(x => x.Family).ToArray());
        Assert.All(failing, x => Assert.Equal(Evidence.Measured, x.Evidence));
        Assert.All(r.Rows.Where(x => x.Evidence == Evidence.Cited), x => Assert.True(x.Holds, x.Measured));
    }

    [Fact]
    public void Numeric_claim_fails_when_the_flagged_layer_is_replaced_by_the_fix()
    {
        // KL0004's claim (softmax over one unit is exactly 1 with zero gradient) with a sigmoid in its place.
        var r = Run(new Kl0004Scenario(control: true));
        Assert.Equal("does not hold", r.Verdict);
        Assert.False(r.Rows.Single(x => x.Measured == "max |softmax(z) − 1|").Holds);
        // Zero gradient is the claim where the loss reads the output (2.2, 2.3, Keras 3 on torch/JAX); a sigmoid trains.
        foreach (var f in new[] { "2.2", "2.3", "3" })
            Assert.False(r.Rows.Single(x => x.Family == f && x.Measured == "binary_crossentropy: max |∂loss/∂z|").Holds, f);
    }

    [Fact]
    public void Training_outcome_claim_fails_on_a_flat_history()
    {
        // KL0012's measured claim (mode=min keeps a clearly worse checkpoint) on a run whose accuracy never changes.
        var r = Run(new Kl0012Scenario(_ => new[] { 0.9, 0.9, 0.9 }, "kl0012-control-flat"));
        Assert.Equal("does not hold", r.Verdict);
        Assert.False(r.Rows.Single(x => x.Family == "all").Holds);
        Assert.All(r.Rows.Where(x => x.Evidence == Evidence.Cited), x => Assert.True(x.Holds, x.Measured));
    }

    [Fact]
    public void No_learning_claim_fails_when_the_head_has_two_units()
    {
        // KL0105's claim (CrossEntropyLoss on one unit: zero loss, zero gradients, weights as initialised) with
        // Linear(100, 2) and one-hot targets in the flagged slot, where CrossEntropyLoss trains.
        var r = Run(new Kl0105Scenario(control: true));
        Assert.Equal("does not hold", r.Verdict);
        foreach (var row in new[] { "CE on 1 unit: training loss", "CE on 1 unit: max |∂loss/∂w|", "CE on 1 unit: max |w − w₀|", "CE on 1 unit: test accuracy (score > 0)", "CE on 1 unit: test accuracy by argmax(1)" })
        {
            Assert.False(r.Rows.Single(x => x.Measured.StartsWith(row, StringComparison.Ordinal)).Holds, row);
        }

        // The fixed setups still learn: only the claim is false here.
        Assert.All(r.Rows.Where(x => x.Measured.StartsWith("fixed:", StringComparison.Ordinal)), x => Assert.True(x.Holds, x.Measured));
    }

    [Fact]
    public void Logged_key_claim_fails_when_the_monitor_is_the_logged_key()
    {
        // KL0008's claim (val_acc is missing outside Keras 2.2) for monitor="val_accuracy", which 2.3+ do log.
        var r = Run(new Kl0008Scenario("val_accuracy"));
        Assert.Equal("does not hold", r.Verdict);
        foreach (var f in new[] { "2.2", "2.3", "tf2", "3" })
        {
            Assert.False(r.Rows.Single(x => x.Family == f && x.Measured == "keys the runtime's compile logs").Holds, f);
            Assert.False(r.Rows.Single(x => x.Family == f && x.Measured.StartsWith("EarlyStopping(", StringComparison.Ordinal)).Holds, f);
        }

        // The runtime still agrees with the cited vectors: only the claim is false here.
        Assert.All(r.Rows.Where(x => x.Evidence == Evidence.Cited), x => Assert.True(x.Holds, x.Family + " " + x.Measured));
    }

    [Fact]
    public void A_compile_step_no_vector_pins_is_reported_as_not_holding()
    {
        // CitedResolution fails when tests/data/resolution-vectors.json has no case for the setup.
        Assert.Null(CitedVectors.FindResolution(KerasFamily.Keras22, "poisson", "accuracy", new long[] { 4, 3 }, new long[] { 4, 3 }));
        Assert.NotNull(CitedVectors.FindResolution(KerasFamily.Keras22, "binary_crossentropy", "accuracy", new long[] { 4, 10 }, new long[] { 4, 10 }));
    }
}
