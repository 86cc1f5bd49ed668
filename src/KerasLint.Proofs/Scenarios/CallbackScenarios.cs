using KerasLint.Knowledge;
using KerasLint.Proofs.Training;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KerasLint.Proofs.Scenarios;

/// <summary>KL0008: the log keys each family produces for metrics=["accuracy"], and what EarlyStopping(monitor="val_acc") finds.</summary>
public sealed class Kl0008Scenario : ProofScenario
{
    public override string Rule => RuleIds.MonitorKeyNeverLogged;

    public override string Id => "kl0008-keys";

    public override string Title => "EarlyStopping(monitor=\"val_acc\") with metrics=[\"accuracy\"]: the keys each family logs";

    public override string Claim =>
        "With metrics=[\"accuracy\"] only Keras 2.2 logs val_acc; Keras 2.3, tf.keras 2 and Keras 3 log val_accuracy, so a callback watching val_acc finds nothing (2.3/tf.keras: a warning, the callback never acts; Keras 3: ValueError). Monitoring the key the family logs works everywhere.";

    public override ScenarioResult Run(ProofContext c)
    {
        var b = new Builder(this, c);
        b.Setups.Add("flagged: compile(metrics=[\"accuracy\"]), fit(validation_data=...), EarlyStopping(monitor=\"val_acc\")");
        b.Setups.Add("fixed: monitor = \"val_\" + the key the family logs for \"accuracy\"");
        b.Setups.Add("keys from the catalog (LogKeys); per-epoch values from the real MNIST categorical_crossentropy model");
        var history = MnistHistory.Get(c);
        foreach (var f in b.Families)
        {
            var keys = LogKeys.AllKeys(f, new[] { "accuracy" }, includeValidation: true);
            var list = string.Join(", ", keys);
            b.Row(f, "keys logged", Cell.Of(list), "monitor", Cell.Of("val_acc"), f == KerasFamily.Keras22 ? Check.Has : Check.Lacks);
            var key = LogKeys.ValidationPrefix + LogKeys.MetricKey(f, "accuracy");
            var logs = history.Logs(f);
            var seen = logs[0].TryGetValue("val_acc", out var v) ? Cell.Of(v) : Cell.Of("missing");
            b.Row(f, "epoch 1: callback reads logs[\"val_acc\"]", seen, f == KerasFamily.Keras22 ? "val accuracy" : "claimed", f == KerasFamily.Keras22 ? Cell.Of(history.ValAccuracy[0]) : Cell.Of("missing"),
                f == KerasFamily.Keras22 ? Check.Equals(0) : Check.SameText);
            var fixedSeen = logs[0].TryGetValue(key, out var fv) ? Cell.Of(fv) : Cell.Of("missing");
            b.Row(f, $"fixed: callback reads logs[\"{key}\"]", fixedSeen, "val accuracy", Cell.Of(history.ValAccuracy[0]), Check.Equals(0));
        }

        b.Notes.Add("semantics.md §2 (keys), §3 (callbacks): Keras 2.x / tf.keras warn \"Early stopping conditioned on metric `val_acc` which is not available\"; Keras 3 EarlyStopping raises ValueError at the end of the first epoch.");
        return b.Build();
    }
}

/// <summary>KL0012: ModelCheckpoint(save_best_only=True, monitor="val_accuracy", mode="min") on real MNIST epochs.</summary>
public sealed class Kl0012Scenario : ProofScenario
{
    public override string Rule => RuleIds.MonitorModeContradictsKey;

    public override string Id => "kl0012-checkpoint";

    public override string Title => "ModelCheckpoint(save_best_only, monitor=\"val_accuracy\", mode=\"min\") on real MNIST epochs";

    public override string Claim =>
        "mode=\"min\" on an accuracy key keeps the epoch with the worst validation accuracy; mode=\"max\" (or \"auto\", which every family maps to max for this key) keeps the best.";

    public override ScenarioResult Run(ProofContext c)
    {
        var b = new Builder(this, c);
        var history = MnistHistory.Get(c);
        b.Setups.Add("flagged: ModelCheckpoint(save_best_only=True, monitor=\"val_accuracy\", mode=\"min\")");
        b.Setups.Add("fixed: mode=\"max\" (or \"auto\")");
        b.Setups.Add($"per-epoch validation accuracy of the real MNIST categorical_crossentropy model: {string.Join(" ", history.ValAccuracy.Select(Cell.Format))}");
        var best = history.ValAccuracy.Max();
        double Kept(Func<double, double, bool> better)
        {
            var kept = double.NaN;
            foreach (var a in history.ValAccuracy) if (double.IsNaN(kept) || better(a, kept)) kept = a;
            return kept;
        }

        var keptMin = Kept((a, k) => a < k);
        var keptMax = Kept((a, k) => a > k);
        b.Row("all", "mode=min: val_accuracy of the kept checkpoint", Cell.Of(keptMin), "best epoch", Cell.Of(best), Check.Below(c.Quick ? 0.003 : 0.01));
        b.Row("all", "mode=max: val_accuracy of the kept checkpoint", Cell.Of(keptMax), "best epoch", Cell.Of(best), Check.Equals(0));
        foreach (var f in b.Families)
        {
            var key = LogKeys.ValidationPrefix + LogKeys.MetricKey(f, "accuracy");
            var auto = LogKeys.AutoModeDirection(f, MonitorCallback.ModelCheckpoint, key);
            b.Row(f, $"mode=auto on {key} → {auto}", Cell.Of(auto == MetricDirection.Up ? keptMax : auto == MetricDirection.Down ? keptMin : double.NaN), "best epoch", Cell.Of(best), Check.Equals(0));
        }

        return b.Build();
    }
}

/// <summary>Per-epoch validation accuracy of the MNIST categorical_crossentropy model, and the logs each family writes.</summary>
internal sealed class MnistHistory
{
    private MnistHistory(IReadOnlyList<double> valAccuracy)
    {
        ValAccuracy = valAccuracy;
    }

    public IReadOnlyList<double> ValAccuracy { get; }

    public static MnistHistory Get(ProofContext c) => c.Shared("mnist-history", () =>
    {
        var s = MnistModels.Split(c);
        var targets = MnistModels.OneHot(s.YTrain);
        var yTest = MnistModels.OneHot(s.YTest);
        var acc = new List<double>();
        var spec = MnistModels.Spec(c) with { Epochs = c.Quick ? 3 : 8 };
        Trainer.Train(c, "MNIST softmax + categorical_crossentropy (history)", spec, s.XTrain, 10,
            (z, idx) => KerasMath.Loss(MnistModels.TrainingFamily, "categorical_crossentropy", targets.index_select(0, idx), functional.softmax(z, 1)),
            (epoch, model) =>
            {
                using var _ = no_grad();
                model.eval();
                var p = functional.softmax(model.forward(s.XTest), 1);
                acc.Add(KerasMath.Metric(KerasFamily.Keras3, "categorical_accuracy", yTest, p));
            });
        return new MnistHistory(acc);
    });

    /// <summary>The epoch logs a family writes for metrics=["accuracy"] (the model's value under each key it logs).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, double>> Logs(KerasFamily family)
    {
        var key = LogKeys.MetricKey(family, "accuracy")!;
        return ValAccuracy.Select(a => (IReadOnlyDictionary<string, double>)new Dictionary<string, double> { [LogKeys.ValidationPrefix + key] = a }).ToList();
    }
}
