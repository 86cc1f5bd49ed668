using System.Runtime.InteropServices;
using KerasLint.Knowledge;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KerasLint.Proofs.Scenarios;

/// <summary>KL0009: Dropout(1.0) per family, and TorchSharp's Dropout(p) for p = 1 and p outside [0, 1].</summary>
public sealed class Kl0009Scenario : ProofScenario
{
    public override string Rule => RuleIds.DropoutRateOutOfRange;

    public override string Id => "kl0009-dropout";

    public override string Title => "Dropout(1.0) in training, per family, and TorchSharp Dropout(p ≥ 1)";

    public override string Claim =>
        "Dropout(1.0) never acts as a dropout: Keras 2.0–2.3 silently pass every activation through, tf.keras 2 raises ValueError at the first training call, Keras ≥ 3.14 outputs zeros (all three cited from Keras's source); TorchSharp's nn.Dropout(1.0) outputs zeros and nn.Dropout(1.5) fails only at the first forward (measured).";

    public override ScenarioResult Run(ProofContext c)
    {
        using var scope = NewDisposeScope();
        var b = new Builder(this, c);
        var n = Synthetic.Size(c, 10_000_000);
        b.Setups.Add("flagged: Dropout(1.0) (Keras) / nn.Dropout(1.0), nn.Dropout(1.5) (TorchSharp), training mode");
        b.Setups.Add($"TorchSharp (measured): {n:N0} activations drawn uniformly from (0.5, 1.5), share passed through unchanged; Keras rows are cited, not run");
        var g = new Generator((ulong)(c.Options.Seed + 9), c.Device);
        var x = rand(new[] { n }, generator: g, device: c.Device) + 0.5f;
        double Kept(Tensor y) => y.eq(x).to(float64).mean().item<double>();

        // Keras is not run here: what each family's Dropout(1.0) does in training is cited from its source.
        foreach (var f in b.Families)
        {
            var (fact, citation) = KerasDropoutFacts(f);
            b.Stated(f, "Keras Dropout(1.0) in training", fact, citation);
        }

        using (var drop = nn.Dropout(1.0))
        {
            drop.train();
            b.Row("torch", "nn.Dropout(1.0): share passed unchanged", Cell.Of(Kept(drop.forward(x))), "zeros", Cell.Of(0), Check.Equals(0));
            b.Row("torch", "nn.Dropout(1.0): max |output|", Cell.Of(drop.forward(x).abs().max().item<float>()), "zeros", Cell.Of(0), Check.Equals(0));
        }

        string outcome;
        using (var bad = nn.Dropout(1.5))
        {
            outcome = "constructed without error; ";
            bad.train();
            try
            {
                bad.forward(x);
                outcome += "forward ran";
            }
            catch (ExternalException e)
            {
                outcome += "first forward threw ExternalException: " + e.Message.Split('\n')[0];
            }
        }

        b.Row("torch", "nn.Dropout(1.5)", Cell.Of(outcome), "error at the first forward", Cell.Of("first forward threw ExternalException"), Check.Mentions);
        return b.Build();
    }

    /// <summary>The cited behaviour of Keras's Dropout(rate=1.0) in training, per family (docs/keras-semantics.md §4e).</summary>
    private static (string Fact, string Citation) KerasDropoutFacts(KerasFamily f) => f switch
    {
        KerasFamily.Keras22 => ("rate clamped to [0, 1]; the layer acts only if 0 < rate < 1, so inputs pass through unchanged",
            "keras-team/keras 2.2.4 keras/layers/core.py:104 (self.rate = min(1., max(0., rate))), :119 (if 0. < self.rate < 1.:)"),
        KerasFamily.Keras23 => ("rate clamped to [0, 1]; the layer acts only if 0 < rate < 1, so inputs pass through unchanged",
            "keras-team/keras 2.3.1 keras/layers/core.py:105, :120"),
        KerasFamily.TfKeras2 => ("accepted at construction (0 <= rate <= 1); the first training call reaches tf.nn.dropout(rate=1), which raises ValueError (rate must be in [0, 1))",
            "keras-team/keras v2.15.0 keras/layers/regularization/dropout.py:83 (range check), :108-122 (call: only rate == 0 short-cuts); tensorflow tf.nn.dropout docs: ValueError if rate is not in [0, 1)"),
        _ => ("accepted (0 <= rate <= 1); in training backend.random.dropout returns zeros_like(inputs) for rate == 1.0",
            "keras-team/keras v3.15.1 keras/src/layers/regularization/dropout.py:43, :101; keras/src/backend/torch/random.py:140-141 (if rate == 1.0: return zeros_like)"),
    };
}
