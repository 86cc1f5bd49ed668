using KerasLint.Knowledge;

namespace KerasLint.Runtime;

/// <summary>What Keras's monitoring callbacks do with a run's epoch values, per family and per version inside it.</summary>
public static class KerasCallbacks
{
    /// <summary>
    /// What <paramref name="callback"/> does with <paramref name="monitor"/> at the end of an epoch whose logs hold
    /// <paramref name="loggedKeys"/>: the direction <paramref name="mode"/> selects and the outcome (compares, warns,
    /// never saves, raises). Mode "auto" follows the version's rule for that callback (<see cref="CallbackSemantics"/>):
    /// tf.keras EarlyStopping maximises keys containing "acc" up to 2.6 and keys ending in acc/accuracy/auc from 2.7;
    /// ModelCheckpoint keeps "acc" in the key or an "fmeasure" prefix through 2.15; ReduceLROnPlateau "acc" in the key;
    /// Keras 3 reads the compiled metric's direction. tf.keras 2.x given as a family is computed as 2.15.0.
    /// </summary>
    public static CallbackBehaviour Behaviour(KerasVersion version, MonitorCallback callback, string monitor, string mode, bool saveBestOnly, IReadOnlyCollection<string> loggedKeys) =>
        CallbackSemantics.Evaluate(RuntimeVersion.Effective(version), callback, monitor, mode, saveBestOnly, loggedKeys);

    /// <summary>
    /// The epochs (1-based) that <c>ModelCheckpoint(save_best_only=True, monitor, mode)</c> saves, given the monitored
    /// value at the end of each epoch. <c>mode</c> "min" compares with <c>np.less</c> from +inf, "max" with
    /// <c>np.greater</c> from −inf, "auto" takes the version's direction for the key (<see cref="Behaviour"/>);
    /// strictly better values only (v2.15.0 <c>keras/callbacks.py</c> 1418–1436 and 1540; the same comparison in
    /// 2.2.4/2.3.1 <c>keras/callbacks.py</c> ModelCheckpoint and v3.15.1 <c>keras/src/callbacks/model_checkpoint.py</c>).
    /// The last saved epoch is the checkpoint left on disk. Throws <see cref="ArgumentException"/> where Keras raises
    /// or warns instead of comparing.
    /// </summary>
    public static IReadOnlyList<int> CheckpointSavedEpochs(KerasVersion version, string monitor, string mode, IReadOnlyList<double> values)
    {
        version = RuntimeVersion.Effective(version);
        var behaviour = Behaviour(version, MonitorCallback.ModelCheckpoint, monitor, mode, saveBestOnly: true,
            new[] { "loss", LogKeys.ValidationPrefix + "loss", LogKeys.StripValidation(monitor), monitor }.Distinct().ToArray());
        var up = behaviour.Direction switch
        {
            MetricDirection.Up => true,
            MetricDirection.Down => false,
            _ => throw new ArgumentException($"ModelCheckpoint(monitor=\"{monitor}\", mode=\"{mode}\") does not compare under {Describe(version)}: {behaviour.Outcome}.", nameof(mode)),
        };
        var best = up ? double.NegativeInfinity : double.PositiveInfinity;
        var saved = new List<int>();
        for (var i = 0; i < values.Count; i++)
        {
            if (up ? values[i] > best : values[i] < best)
            {
                best = values[i];
                saved.Add(i + 1);
            }
        }

        return saved;
    }

    private static string Describe(KerasVersion v) => v.Version == null ? v.Family.DisplayName() : $"{v.Family.DisplayName()} at {v}";
}
