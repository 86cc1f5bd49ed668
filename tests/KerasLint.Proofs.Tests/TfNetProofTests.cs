namespace KerasLint.Proofs.Tests;

/// <summary>The TensorFlow.NET proofs (KL0006, KL0011) as tests, on the quick sizes (CPU, fixed seeds).</summary>
[Collection("proofs")]
public sealed class TfNetProofTests
{
    private readonly QuickProofFixture run;

    public TfNetProofTests(QuickProofFixture run)
    {
        this.run = run;
    }

    [Fact]
    public void KL0006_from_logits_on_softmax_has_a_loss_floor_and_learns_less()
    {
        var floor = run.Row("kl0006-mnist", "tfnet", "softmax + from_logits: true: final training loss vs floor");
        Assert.Equal(Math.Log(Math.E + 9) - 1, floor.Reference.Number!.Value, 4);
        Assert.True(floor.Value.Number >= floor.Reference.Number, $"{floor.Value} vs floor {floor.Reference}");
        var logits = run.Row("kl0006-mnist", "tfnet", "softmax + from_logits: true: final training loss vs fix 1");
        Assert.True(logits.Value.Number >= logits.Reference.Number + 0.8, $"{logits.Value} vs {logits.Reference}");
        var fix1 = run.Row("kl0006-mnist", "tfnet", "fix 1 (from_logits: false)");
        Assert.True(fix1.Value.Number < fix1.Reference.Number, "the fixed loss goes below the flagged setup's floor");
        var acc = run.Row("kl0006-mnist", "tfnet", "softmax + from_logits: true: test accuracy vs fix 1");
        Assert.True(acc.Value.Number < acc.Reference.Number, $"{acc.Value} vs {acc.Reference}");
        Assert.True(acc.Reference.Number > 0.7, $"the quick MNIST fix should learn, got {acc.Reference}");
    }

    [Fact]
    public void KL0011_the_all_string_compile_trains_mse_and_stays_near_chance()
    {
        Assert.Contains("MeanSquaredError", run.Row("kl0011-mnist", "tfnet", "0.15:").Value.Text);
        Assert.Contains("NotImplementedException", run.Row("kl0011-mnist", "tfnet", "0.7.0:").Value.Text);
        var acc = run.Row("kl0011-mnist", "tfnet", "what trains (RMSprop + MSE): test accuracy");
        Assert.True(acc.Value.Number <= 0.25, $"RMSprop + MSE on integer labels should stay near chance, got {acc.Value}");
        Assert.True(acc.Reference.Number >= acc.Value.Number + 0.3, $"{acc.Value} vs {acc.Reference}");
        var reported = run.Row("kl0011-mnist", "tfnet", "\"accuracy\" → sparse_categorical_accuracy (logged as accuracy)");
        Assert.Equal(reported.Reference.Number!.Value, reported.Value.Number!.Value, 6);
    }
}
