using KerasLint.Knowledge;
using KerasLint.Runtime;
using KerasLint.Proofs.Training;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KerasLint.Proofs.Scenarios;

/// <summary>
/// KL0008: the keys each family logs for metrics=["accuracy"] and what EarlyStopping(monitor=...) then does.
/// Measured rows run the runtime's compile resolution (<see cref="CompileResolver"/>: the keys logged for these
/// shapes) and the callback semantics over those keys; cited rows put the Keras fact a vector pins (a Keras test or
/// source line at a tag) next to what the runtime computed, so they fail when the catalog behind the runtime is wrong.
/// </summary>
public sealed class Kl0008Scenario : ProofScenario
{
    private readonly string monitor;

    /// <param name="monitor">The monitored key; "val_acc" is the flagged setup. A negative control passes "val_accuracy".</param>
    public Kl0008Scenario(string monitor = "val_acc")
    {
        this.monitor = monitor;
    }

    public override string Rule => RuleIds.MonitorKeyNeverLogged;

    public override string Id => monitor == "val_acc" ? "kl0008-keys" : $"kl0008-keys-control-{monitor}";

    public override string Title => $"EarlyStopping(monitor=\"{monitor}\") with metrics=[\"accuracy\"]: the keys each family logs";

    public override string Claim =>
        $"With metrics=[\"accuracy\"] only Keras 2.2 logs val_acc; Keras 2.3, tf.keras 2 and Keras 3 log val_accuracy, so EarlyStopping(monitor=\"{monitor}\") in mode=\"auto\" acts only under Keras 2.2: Keras 2.3 and tf.keras warn every epoch and never stop, Keras 3 raises ValueError at the end of the first epoch.";

    /// <summary>What the claim says EarlyStopping does in each family.</summary>
    private static string ClaimedOutcome(KerasFamily f) => f switch
    {
        KerasFamily.Keras22 => "acts",
        KerasFamily.Keras3 => "raises_ValueError",
        _ => "warns",
    };

    public override ScenarioResult Run(ProofContext c)
    {
        var b = new Builder(this, c);
        b.Setups.Add($"flagged: compile(loss=\"categorical_crossentropy\", metrics=[\"accuracy\"]) on one-hot targets (32, 10), fit(validation_data=...), EarlyStopping(monitor=\"{monitor}\")");
        b.Setups.Add("fixed: monitor = the validation key the family logs (val_acc in Keras 2.2, val_accuracy later)");
        b.Setups.Add("measured: the runtime's compile resolution (the logged keys) and callback semantics; cited: the resolution and callback vectors (tests/data/resolution-vectors.json) against what the runtime computed");
        var yt = new long[] { 32, 10 };
        foreach (var f in b.Families)
        {
            var compiled = CompileResolver.ResolveMetric(f, "accuracy", "categorical_crossentropy", yt, yt);
            var keys = compiled.IsError ? new List<string> { "loss", "val_loss" } : new List<string> { "loss", compiled.LogKey!, "val_loss", compiled.ValidationLogKey! };
            var keysText = string.Join(", ", keys);
            b.Row(f, "keys the runtime's compile logs", Cell.Of(keysText), "monitor", Cell.Of(monitor), ClaimedOutcome(f) == "acts" ? Check.Has : Check.Lacks);
            var r = CitedVectors.FindResolution(f, "categorical_crossentropy", "accuracy", yt, yt);
            var citedKeys = r == null || r.Error != null ? "no cited vector" : string.Join(", ", "loss", r.TrainKey!, "val_loss", r.ValKey!);
            b.Cited(f, "keys Keras logs", Cell.Of(citedKeys), "the runtime's keys", Cell.Of(keysText), Check.SameText, r?.Citation ?? "no vector pins the keys");

            var outcome = Runtime.Conformance.CompileVectors.OutcomeName(CallbackSemantics.Evaluate(f, MonitorCallback.EarlyStopping, monitor, "auto", false, keys).Outcome);
            b.Row(f, $"EarlyStopping(monitor=\"{monitor}\", mode=\"auto\") over those keys", Cell.Of(outcome), "the claim", Cell.Of(ClaimedOutcome(f)), Check.SameText);
            var cb = CitedVectors.FindCallback(f, MonitorCallback.EarlyStopping, monitor, "auto", keys.Contains(monitor));
            b.Cited(f, "EarlyStopping outcome Keras shows", Cell.Of(cb?.Outcome ?? "no cited vector"), "the runtime's outcome", Cell.Of(outcome), Check.SameText,
                cb?.Citation ?? "no vector pins this callback case");
        }

        b.Notes.Add("docs/keras-semantics.md §2 (keys) and §7 (callbacks).");
        return b.Build();
    }
}

/// <summary>
/// KL0012: ModelCheckpoint(save_best_only=True, monitor="val_accuracy", mode="min") on real MNIST epochs: the kept
/// checkpoint through the runtime's checkpoint selection (<see cref="KerasCallbacks"/>), per mode and family
/// (measured), and the direction mode="auto" picks next to the cited Keras fact.
/// </summary>
public sealed class Kl0012Scenario : ProofScenario
{
    private readonly Func<ProofContext, IReadOnlyList<double>>? history;
    private readonly string id;

    public Kl0012Scenario()
        : this(null, "kl0012-checkpoint")
    {
    }

    /// <summary>A scenario over a given validation-accuracy history (negative controls).</summary>
    public Kl0012Scenario(Func<ProofContext, IReadOnlyList<double>>? history, string id)
    {
        this.history = history;
        this.id = id;
    }

    public override string Rule => RuleIds.MonitorModeContradictsKey;

    public override string Id => id;

    public override string Title => "ModelCheckpoint(save_best_only, monitor=\"val_accuracy\", mode=\"min\") on real MNIST epochs";

    public override string Claim =>
        "mode=\"min\" on an accuracy key keeps a checkpoint clearly worse than the best epoch of a real training run; mode=\"auto\" keeps the best epoch in every family, which is what the fix relies on.";

    public override ScenarioResult Run(ProofContext c)
    {
        var b = new Builder(this, c);
        var acc = history?.Invoke(c) ?? MnistHistory.Get(c).ValAccuracy;
        b.Setups.Add("flagged: ModelCheckpoint(save_best_only=True, monitor=\"val_accuracy\", mode=\"min\")");
        b.Setups.Add("fixed: mode=\"max\" (or \"auto\")");
        b.Setups.Add(history == null
            ? $"per-epoch validation accuracy of the real MNIST categorical_crossentropy model: {string.Join(" ", acc.Select(Cell.Format))}"
            : $"given per-epoch validation accuracy: {string.Join(" ", acc.Select(Cell.Format))}");
        b.Setups.Add("kept checkpoint: the last epoch the runtime's ModelCheckpoint selection (KerasCallbacks.CheckpointSavedEpochs) saves");

        double Kept(KerasFamily f, string key, string mode, out int epoch)
        {
            var saved = KerasCallbacks.CheckpointSavedEpochs(f, key, mode, acc);
            epoch = saved.Count == 0 ? 0 : saved[^1];
            return saved.Count == 0 ? double.NaN : acc[epoch - 1];
        }

        var keptMin = Kept(KerasFamily.Keras3, "val_accuracy", "min", out var minEpoch);
        b.Row("all", $"mode=min: val_accuracy of the kept checkpoint (epoch {minEpoch} of {acc.Count})", Cell.Of(keptMin), "best epoch", Cell.Of(acc.Max()), Check.Below(c.Quick ? 0.003 : 0.01));
        foreach (var f in b.Families)
        {
            var shape = new long[] { 32, 10 };
            var key = CompileResolver.ResolveMetric(f, "accuracy", "categorical_crossentropy", shape, shape).ValidationLogKey!;
            var keptAuto = Kept(f, key, "auto", out var autoEpoch);
            b.Row(f, $"mode=auto on \"{key}\": val accuracy of the kept checkpoint (epoch {autoEpoch})", Cell.Of(keptAuto), "best epoch", Cell.Of(acc.Max()), Check.Equals(0));
            var direction = Runtime.Conformance.CompileVectors.DirectionName(CallbackSemantics.Evaluate(f, MonitorCallback.ModelCheckpoint, key, "auto", true,
                new[] { "loss", LogKeys.StripValidation(key), "val_loss", key }).Direction);
            var cited = CitedVectors.FindCallback(f, MonitorCallback.ModelCheckpoint, key, "auto", monitorLogged: true);
            b.Cited(f, $"ModelCheckpoint(monitor=\"{key}\", mode=\"auto\") direction Keras picks", Cell.Of(cited?.Direction ?? "no cited vector"), "the runtime's direction", Cell.Of(direction), Check.SameText,
                cited?.Citation ?? "no vector pins this callback case");
        }

        return b.Build();
    }
}

/// <summary>Per-epoch validation accuracy of the MNIST categorical_crossentropy model.</summary>
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
}
