using KerasLint.Knowledge;
using KerasLint.Proofs.Training;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KerasLint.Proofs.Scenarios;

/// <summary>
/// KL0008: the keys each family logs for metrics=["accuracy"] and what EarlyStopping(monitor=...) then does. Every
/// row is cited: the facts come from the resolution and callback vectors (Keras tests and source lines at tags), and
/// the catalog rows check KerasLint's LogKeys / CallbackSemantics against those facts. Nothing here is measured.
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
        $"With metrics=[\"accuracy\"] only Keras 2.2 logs val_acc; Keras 2.3, tf.keras 2 and Keras 3 log val_accuracy, so EarlyStopping(monitor=\"{monitor}\") in mode=\"auto\" acts only under Keras 2.2: Keras 2.3 and tf.keras warn every epoch and never stop, Keras 3 raises ValueError at the end of the first epoch (cited).";

    public override ScenarioResult Run(ProofContext c)
    {
        var b = new Builder(this, c);
        b.Setups.Add($"flagged: compile(loss=\"categorical_crossentropy\", metrics=[\"accuracy\"]) on one-hot targets, fit(validation_data=...), EarlyStopping(monitor=\"{monitor}\")");
        b.Setups.Add("fixed: monitor = the validation key the family logs (val_acc in Keras 2.2, val_accuracy later)");
        b.Setups.Add("evidence: cited vectors (tests/data/resolution-vectors.json); the catalog rows compare KerasLint's LogKeys and CallbackSemantics with them");
        var yt = new long[] { 32, 10 };
        foreach (var f in b.Families)
        {
            var r = CitedVectors.FindResolution(f, "categorical_crossentropy", "accuracy", yt, yt);
            var keys = r == null || r.Error != null ? new List<string>() : new List<string> { "loss", r.TrainKey!, "val_loss", r.ValKey! };
            var logsMonitor = f == KerasFamily.Keras22;
            b.Cited(f, "keys Keras logs", Cell.Of(r == null ? "no cited vector" : string.Join(", ", keys)), "monitor", Cell.Of(monitor), logsMonitor ? Check.Has : Check.Lacks,
                r?.Citation ?? "no vector pins the keys");
            var catalogKey = LogKeys.ValidationPrefix + LogKeys.MetricKey(f, "accuracy");
            b.Cited(f, "KerasLint catalog (LogKeys): validation key", Cell.Of(catalogKey), "cited key", Cell.Of(r?.ValKey ?? "no cited vector"), Check.SameText, r?.Citation ?? "no vector");

            var cb = CitedVectors.FindCallback(f, MonitorCallback.EarlyStopping, monitor, "auto", keys.Contains(monitor));
            var claimed = f switch
            {
                KerasFamily.Keras22 => "acts",
                KerasFamily.Keras3 => "raises_ValueError",
                _ => "warns",
            };
            b.Cited(f, $"EarlyStopping(monitor=\"{monitor}\", mode=\"auto\") at epoch end", Cell.Of(cb?.Outcome ?? "no cited vector"), "claimed", Cell.Of(claimed), Check.SameText,
                cb?.Citation ?? "no vector pins this callback case");
            var catalog = CallbackSemantics.Evaluate(f, MonitorCallback.EarlyStopping, monitor, "auto", false, keys);
            b.Cited(f, "KerasLint catalog (CallbackSemantics): outcome", Cell.Of(Runtime.Conformance.CompileVectors.OutcomeName(catalog.Outcome)), "cited outcome", Cell.Of(cb?.Outcome ?? "no cited vector"), Check.SameText,
                cb?.Citation ?? "no vector");
        }

        b.Notes.Add("docs/keras-semantics.md §2 (keys) and §7 (callbacks).");
        return b.Build();
    }
}

/// <summary>
/// KL0012: ModelCheckpoint(save_best_only=True, monitor="val_accuracy", mode="min") on real MNIST epochs (measured),
/// and the direction mode="auto" picks per family (cited, with the catalog checked against it).
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
        "mode=\"min\" on an accuracy key keeps a checkpoint clearly worse than the best epoch of a real training run; mode=\"auto\" maximises the accuracy key in every family (cited), which is what the fix relies on.";

    public override ScenarioResult Run(ProofContext c)
    {
        var b = new Builder(this, c);
        var acc = history?.Invoke(c) ?? MnistHistory.Get(c).ValAccuracy;
        b.Setups.Add("flagged: ModelCheckpoint(save_best_only=True, monitor=\"val_accuracy\", mode=\"min\")");
        b.Setups.Add("fixed: mode=\"max\" (or \"auto\")");
        b.Setups.Add(history == null
            ? $"per-epoch validation accuracy of the real MNIST categorical_crossentropy model: {string.Join(" ", acc.Select(Cell.Format))}"
            : $"given per-epoch validation accuracy: {string.Join(" ", acc.Select(Cell.Format))}");

        // ModelCheckpoint with save_best_only saves when monitor_op(current, best); mode=min uses np.less.
        var kept = double.NaN;
        var keptEpoch = 0;
        for (var i = 0; i < acc.Count; i++)
        {
            if (double.IsNaN(kept) || acc[i] < kept)
            {
                kept = acc[i];
                keptEpoch = i + 1;
            }
        }

        b.Row("all", $"mode=min: val_accuracy of the kept checkpoint (epoch {keptEpoch} of {acc.Count})", Cell.Of(kept), "best epoch", Cell.Of(acc.Max()), Check.Below(c.Quick ? 0.003 : 0.01));
        foreach (var f in b.Families)
        {
            var key = f == KerasFamily.Keras22 ? "val_acc" : "val_accuracy";
            var cited = CitedVectors.FindCallback(f, MonitorCallback.ModelCheckpoint, key, "auto", monitorLogged: true);
            b.Cited(f, $"ModelCheckpoint(monitor=\"{key}\", mode=\"auto\") direction", Cell.Of(cited?.Direction ?? "no cited vector"), "claimed", Cell.Of("max"), Check.SameText,
                cited?.Citation ?? "no vector pins this callback case");
            var keys = new[] { "loss", LogKeys.StripValidation(key), "val_loss", key };
            var catalog = CallbackSemantics.Evaluate(f, MonitorCallback.ModelCheckpoint, key, "auto", true, keys);
            b.Cited(f, "KerasLint catalog (CallbackSemantics): direction", Cell.Of(Runtime.Conformance.CompileVectors.DirectionName(catalog.Direction)), "cited direction", Cell.Of(cited?.Direction ?? "no cited vector"), Check.SameText,
                cited?.Citation ?? "no vector");
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
