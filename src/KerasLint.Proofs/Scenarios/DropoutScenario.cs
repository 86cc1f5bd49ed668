using System.Runtime.InteropServices;
using KerasLint.Knowledge;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KerasLint.Proofs.Scenarios;

/// <summary>
/// What Dropout(rate) does in training per Keras family (semantics.md §5), as tensor code: Keras 2.0–2.3 clamp the rate
/// and act only when 0 &lt; rate &lt; 1; tf.keras 2 raises ValueError at the first training call for rate 1; Keras ≥ 3.14
/// returns zeros for rate 1. Rates in (0, 1) use torch's inverted dropout, as every family does.
/// </summary>
internal static class KerasDropout
{
    public static Tensor Train(KerasFamily family, Tensor x, double rate)
    {
        switch (family)
        {
            case KerasFamily.Keras22:
            case KerasFamily.Keras23:
                rate = Math.Min(1, Math.Max(0, rate));
                return rate > 0 && rate < 1 ? functional.dropout(x, rate, true) : x;
            case KerasFamily.TfKeras2:
                if (rate < 0 || rate > 1) throw new ArgumentException($"ValueError (at construction): Invalid value received for argument `rate`. Expected a float value between 0 and 1. Received: rate={rate}");
                if (rate == 0) return x;
                if (rate >= 1) throw new InvalidOperationException($"ValueError (first training call, tf.nn.dropout): `rate` must be a scalar tensor or a float in the range [0, 1). Received: rate={rate}");
                return functional.dropout(x, rate, true);
            default:
                if (rate < 0 || rate > 1) throw new ArgumentException($"ValueError (at construction): Invalid value received for argument `rate`. Expected a float value between 0 and 1. Received: rate={rate}");
                if (rate == 1) return zeros_like(x);
                return rate > 0 ? functional.dropout(x, rate, true) : x;
        }
    }
}

/// <summary>KL0009: Dropout(1.0) per family, and TorchSharp's Dropout(p) for p = 1 and p outside [0, 1].</summary>
public sealed class Kl0009Scenario : ProofScenario
{
    public override string Rule => RuleIds.DropoutRateOutOfRange;

    public override string Id => "kl0009-dropout";

    public override string Title => "Dropout(1.0) in training, per family, and TorchSharp Dropout(p ≥ 1)";

    public override string Claim =>
        "Dropout(1.0) never acts as a dropout: Keras 2.0–2.3 silently pass every activation through, tf.keras 2 raises ValueError at the first training call (cited), Keras ≥ 3.14 and TorchSharp output zeros; TorchSharp rejects p = 1.5 only at the first forward.";

    public override ScenarioResult Run(ProofContext c)
    {
        using var scope = NewDisposeScope();
        var b = new Builder(this, c);
        var n = Synthetic.Size(c, 10_000_000);
        b.Setups.Add("flagged: Dropout(1.0) (Keras) / nn.Dropout(1.0), nn.Dropout(1.5) (TorchSharp), training mode");
        b.Setups.Add($"{n:N0} activations drawn uniformly from (0.5, 1.5); measured: share of activations passed through unchanged");
        var g = new Generator((ulong)(c.Options.Seed + 9), c.Device);
        var x = rand(new[] { n }, generator: g, device: c.Device) + 0.5f;
        double Kept(Tensor y) => y.eq(x).to(float64).mean().item<double>();
        foreach (var f in b.Families)
        {
            try
            {
                var kept = Kept(KerasDropout.Train(f, x, 1.0));
                var silent = f is KerasFamily.Keras22 or KerasFamily.Keras23;
                b.Row(f, "Dropout(1.0): share passed unchanged", Cell.Of(kept), silent ? "identity (silently nothing)" : "zeros", Cell.Of(silent ? 1 : 0), Check.Equals(0));
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                b.Row(f, "Dropout(1.0): first training call", Cell.Of(e.Message), "cited (semantics.md §5)", Cell.Of("ValueError"), Check.Mentions);
            }
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
}
