using KerasLint.Knowledge;

namespace KerasLint.Runtime;

/// <summary>What Keras's monitoring callbacks do with a run's epoch values, per family.</summary>
public static class KerasCallbacks
{
    /// <summary>
    /// The epochs (1-based) that <c>ModelCheckpoint(save_best_only=True, monitor, mode)</c> saves, given the monitored
    /// value at the end of each epoch. <c>mode</c> "min" compares with <c>np.less</c> from +inf, "max" with
    /// <c>np.greater</c> from −inf, "auto" takes the family's direction for the key (<see cref="CallbackSemantics"/>);
    /// strictly better values only (v2.15.0 <c>keras/callbacks.py</c> 1418–1436 and 1540; the same comparison in
    /// 2.2.4/2.3.1 <c>keras/callbacks.py</c> ModelCheckpoint and v3.15.1 <c>keras/src/callbacks/model_checkpoint.py</c>).
    /// The last saved epoch is the checkpoint left on disk. Throws <see cref="ArgumentException"/> where Keras raises
    /// or warns instead of comparing.
    /// </summary>
    public static IReadOnlyList<int> CheckpointSavedEpochs(KerasFamily family, string monitor, string mode, IReadOnlyList<double> values)
    {
        var behaviour = CallbackSemantics.Evaluate(family, MonitorCallback.ModelCheckpoint, monitor, mode, saveBestOnly: true,
            new[] { "loss", LogKeys.ValidationPrefix + "loss", LogKeys.StripValidation(monitor), monitor }.Distinct().ToArray());
        var up = behaviour.Direction switch
        {
            MetricDirection.Up => true,
            MetricDirection.Down => false,
            _ => throw new ArgumentException($"ModelCheckpoint(monitor=\"{monitor}\", mode=\"{mode}\") does not compare under {family.DisplayName()}: {behaviour.Outcome}.", nameof(mode)),
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
}
