using System.Runtime.InteropServices;
using KerasLint.Knowledge;
using KerasLint.Proofs.Training;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KerasLint.Proofs.Scenarios;

/// <summary>KL0101: TorchSharp CrossEntropyLoss on logits vs on softmax outputs, real MNIST, same budget.</summary>
public sealed class Kl0101MnistScenario : ProofScenario
{
    /// <summary>The smallest value CrossEntropyLoss can take on 10 probabilities: −log(e / (e + 9)).</summary>
    public static readonly double Floor = Math.Log(Math.E + 9) - 1;

    public override string Rule => RuleIds.CrossEntropyOnProbabilities;

    public override string Id => "kl0101-mnist";

    public override string Title => "TorchSharp CrossEntropyLoss on softmax outputs vs on logits, real MNIST";

    public override string Claim =>
        $"CrossEntropyLoss applies log_softmax itself; fed softmax probabilities its loss can never go below log(e+9)−1 = {Cell.Format(Math.Log(Math.E + 9) - 1)} and training with the same budget ends with a higher loss and no better accuracy than on logits.";

    public override ScenarioResult Run(ProofContext c)
    {
        var b = new Builder(this, c);
        b.Setups.Add("flagged: Sequential(Linear, ReLU, Linear, Softmax(1)) + CrossEntropyLoss");
        b.Setups.Add("fixed: the same model without the Softmax (CrossEntropyLoss on logits)");
        b.Setups.Add(MnistModels.Describe(c));
        var s = MnistModels.Split(c);
        using var ce = nn.CrossEntropyLoss();
        var spec = MnistModels.Spec(c);
        var flagged = Trainer.Train(c, "MNIST TorchSharp CE on softmax", spec, s.XTrain, 10, (z, idx) => ce.forward(functional.softmax(z, 1), s.YTrain.index_select(0, idx)));
        var fixedModel = Trainer.Train(c, "MNIST TorchSharp CE on logits", spec, s.XTrain, 10, (z, idx) => ce.forward(z, s.YTrain.index_select(0, idx)));
        var lossFlagged = flagged.EpochLoss[^1];
        var lossFixed = fixedModel.EpochLoss[^1];
        b.Row("torch", "softmax + CE: final training loss vs floor", Cell.Of(lossFlagged), "floor log(e+9)−1", Cell.Of(Floor), Check.Above(0));
        b.Row("torch", "softmax + CE: final training loss vs logits", Cell.Of(lossFlagged), "logits + CE", Cell.Of(lossFixed), Check.Above(0.5));
        b.Row("torch", "softmax + CE: test accuracy", Cell.Of(MnistModels.TrueAccuracy(c, flagged.Outputs(s.XTest))), "logits + CE", Cell.Of(MnistModels.TrueAccuracy(c, fixedModel.Outputs(s.XTest))), Check.Below(0));
        return b.Build();
    }
}

/// <summary>KL0102: TorchSharp BCELoss on unbounded outputs vs BCEWithLogitsLoss.</summary>
public sealed class Kl0102Scenario : ProofScenario
{
    public override string Rule => RuleIds.BceOnUnboundedOutputs;

    public override string Id => "kl0102-synthetic";

    public override string Title => "TorchSharp BCELoss on raw logits vs BCEWithLogitsLoss, synthetic binary predictions";

    public override string Claim =>
        "BCELoss needs probabilities: on raw logits TorchSharp throws at the first batch with an output outside [0, 1]; BCEWithLogitsLoss on the same logits equals the true log-loss (BCELoss on sigmoid(logits)).";

    public override ScenarioResult Run(ProofContext c)
    {
        using var scope = NewDisposeScope();
        var b = new Builder(this, c);
        var n = Synthetic.Size(c, 10_000_000);
        b.Setups.Add("flagged: Linear head (no sigmoid) + BCELoss");
        b.Setups.Add("fixed: BCEWithLogitsLoss on the same outputs");
        b.Setups.Add($"synthetic: {n:N0} logits, 30% positives, true accuracy 0.9");
        var (z, y, _) = Synthetic.Binary(c, n, 0.3, 0.9, c.Options.Seed + 12);
        using var bce = nn.BCELoss();
        using var withLogits = nn.BCEWithLogitsLoss();
        string outcome;
        try
        {
            outcome = "returned " + Cell.Format(bce.forward(z, y).item<float>());
        }
        catch (ExternalException e)
        {
            outcome = "threw: " + e.Message.Split('\n')[0];
        }

        b.Row("torch", "BCELoss(logits)", Cell.Of(outcome), "error", Cell.Of("threw"), Check.Mentions);
        var truth = bce.forward(functional.sigmoid(z), y).to(float64).item<double>();
        b.Row("torch", "fixed: BCEWithLogitsLoss(logits)", Cell.Of(withLogits.forward(z, y).to(float64).item<double>()), "BCELoss(sigmoid(logits))", Cell.Of(truth), Check.Equals(1e-4));
        return b.Build();
    }
}

/// <summary>KL0103: BCEWithLogitsLoss on sigmoid outputs (double sigmoid), synthetic and real MNIST (digit &lt; 5).</summary>
public sealed class Kl0103Scenario : ProofScenario
{
    public override string Rule => RuleIds.BceWithLogitsOnSigmoid;

    public override string Id => "kl0103-double-sigmoid";

    public override string Title => "TorchSharp BCEWithLogitsLoss on sigmoid outputs (double sigmoid)";

    public override string Claim =>
        "BCEWithLogitsLoss applies sigmoid itself; fed sigmoid outputs it squeezes every prediction into (0.5, 0.731), so even perfect predictions cost about 0.5 and the loss differs from the true log-loss; trained on real MNIST (digit < 5) with the same budget it ends with a much higher loss.";

    public override ScenarioResult Run(ProofContext c)
    {
        var b = new Builder(this, c);
        var n = Synthetic.Size(c, 10_000_000);
        b.Setups.Add("flagged: Linear head + Sigmoid + BCEWithLogitsLoss");
        b.Setups.Add("fixed: the same model without the Sigmoid");
        b.Setups.Add($"synthetic: {n:N0} logits, 30% positives, true accuracy 0.9; {MnistModels.Describe(c)}, 1-unit head, target digit < 5");
        using var loss = nn.BCEWithLogitsLoss();
        using (NewDisposeScope())
        {
        var (z, y, _) = Synthetic.Binary(c, n, 0.3, 0.9, c.Options.Seed + 13);
        var truth = loss.forward(z, y).to(float64).item<double>();
        b.Row("torch", "BCEWithLogits(sigmoid(z))", Cell.Of(loss.forward(functional.sigmoid(z), y).to(float64).item<double>()), "BCEWithLogits(z)", Cell.Of(truth), Check.Differs(0.1));
        var perfect = (y * 2 - 1) * 30;
        b.Row("torch", "perfect predictions: BCEWithLogits(sigmoid(z))", Cell.Of(loss.forward(functional.sigmoid(perfect), y).to(float64).item<double>()), "BCEWithLogits(z)", Cell.Of(loss.forward(perfect, y).to(float64).item<double>()), Check.Above(0.3));
        }

        var s = MnistModels.Split(c);
        var target = (s.YTrain < 5).to(float32).unsqueeze(1);
        var spec = MnistModels.Spec(c);
        var flagged = Trainer.Train(c, "MNIST digit<5, double sigmoid", spec, s.XTrain, 1, (o, idx) => loss.forward(functional.sigmoid(o), target.index_select(0, idx)));
        var fixedModel = Trainer.Train(c, "MNIST digit<5, logits", spec, s.XTrain, 1, (o, idx) => loss.forward(o, target.index_select(0, idx)));
        var yTest = (s.YTest < 5).to(float32).unsqueeze(1);
        double Acc(Trained m) => (m.Outputs(s.XTest) > 0).to(float32).eq(yTest).to(float64).mean().item<double>();
        b.Row("torch", "MNIST: final training loss, double sigmoid", Cell.Of(flagged.EpochLoss[^1]), "logits", Cell.Of(fixedModel.EpochLoss[^1]), Check.Above(0.2));
        b.Row("torch", "MNIST: test accuracy, double sigmoid", Cell.Of(Acc(flagged)), "logits", Cell.Of(Acc(fixedModel)), Check.Below(0));
        return b.Build();
    }
}

/// <summary>KL0104: TorchSharp NLLLoss on softmax probabilities or raw logits vs on log_softmax, synthetic and real MNIST.</summary>
public sealed class Kl0104Scenario : ProofScenario
{
    public override string Rule => RuleIds.NllLossWithoutLogSoftmax;

    public override string Id => "kl0104-nll";

    public override string Title => "TorchSharp NLLLoss on softmax / raw logits vs on log_softmax";

    public override string Claim =>
        "NLLLoss only negates the picked input, so it is a crossentropy only on log-probabilities: on softmax outputs it lies in [−1, 0] and on raw logits it is unbounded below (training drives it far negative); on log_softmax it equals the true crossentropy.";

    public override ScenarioResult Run(ProofContext c)
    {
        var b = new Builder(this, c);
        var n = Synthetic.Size(c, 2_000_000);
        b.Setups.Add("flagged: Softmax head + NLLLoss; raw Linear head + NLLLoss");
        b.Setups.Add("fixed: LogSoftmax head + NLLLoss (or CrossEntropyLoss on logits)");
        b.Setups.Add($"synthetic: {n:N0} rows of 10 scores, true accuracy 0.8; truth = torch cross_entropy on the scores; {MnistModels.Describe(c)}");
        using var nll = nn.NLLLoss();
        using (NewDisposeScope())
        {
            var (z, labels, _) = Synthetic.MultiClass(c, n, 10, 0.8, c.Options.Seed + 14);
            var truth = functional.cross_entropy(z, labels).to(float64).item<double>();
            b.Row("torch", "NLLLoss(softmax(z))", Cell.Of(nll.forward(functional.softmax(z, 1), labels).to(float64).item<double>()), "true crossentropy", Cell.Of(truth), Check.Differs(0.5));
            b.Row("torch", "fixed: NLLLoss(log_softmax(z))", Cell.Of(nll.forward(functional.log_softmax(z, 1), labels).to(float64).item<double>()), "true crossentropy", Cell.Of(truth), Check.Equals(1e-4));
        }

        var s = MnistModels.Split(c);
        var spec = MnistModels.Spec(c);
        var raw = Trainer.Train(c, "MNIST TorchSharp NLL on logits", spec, s.XTrain, 10, (z, idx) => nll.forward(z, s.YTrain.index_select(0, idx)));
        var logSoftmax = Trainer.Train(c, "MNIST TorchSharp NLL on log_softmax", spec, s.XTrain, 10, (z, idx) => nll.forward(functional.log_softmax(z, 1), s.YTrain.index_select(0, idx)));
        b.Row("torch", "MNIST: NLLLoss(logits) final training loss", Cell.Of(raw.EpochLoss[^1]), "a crossentropy is ≥", Cell.Of(0), Check.Below(1));
        b.Row("torch", "MNIST: fixed NLLLoss(log_softmax) final training loss", Cell.Of(logSoftmax.EpochLoss[^1]), "a crossentropy is ≥", Cell.Of(0), Check.Above(0));
        return b.Build();
    }
}
