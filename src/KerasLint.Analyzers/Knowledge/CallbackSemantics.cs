using System;
using System.Collections.Generic;
using System.Linq;

namespace KerasLint.Knowledge
{
    /// <summary>What a monitoring callback does at the end of an epoch (docs/keras-semantics.md §7).</summary>
    public enum CallbackOutcome
    {
        /// <summary>The key is logged and the callback compares it in the inferred direction.</summary>
        Acts,

        /// <summary>The key is missing: a warning each epoch and nothing else (EarlyStopping never stops, the LR never drops).</summary>
        Warns,

        /// <summary>ModelCheckpoint(save_best_only=True) with a missing key: a warning and no checkpoint, ever (Keras 2.x, tf.keras).</summary>
        WarnsNeverSaves,

        /// <summary>ModelCheckpoint(save_best_only=True) with a missing key in Keras 3.15: a warning and a checkpoint every epoch.</summary>
        WarnsSavesEveryEpoch,

        /// <summary>Keras 3 in mode="auto" cannot find a compiled metric of that name and raises ValueError at the end of epoch 1.</summary>
        RaisesValueError,
    }

    /// <summary>The direction and outcome of one callback configuration.</summary>
    public sealed class CallbackBehaviour
    {
        internal CallbackBehaviour(MetricDirection direction, CallbackOutcome outcome)
        {
            Direction = direction;
            Outcome = outcome;
        }

        /// <summary>Up (maximise), Down (minimise), or Unknown when Keras raises instead.</summary>
        public MetricDirection Direction { get; }

        public CallbackOutcome Outcome { get; }
    }

    /// <summary>
    /// EarlyStopping / ModelCheckpoint / ReduceLROnPlateau per family: the direction <c>mode</c> selects and what
    /// happens when the monitored key is not in the logs. Checked against the cited callback vectors in
    /// tests/data/resolution-vectors.json.
    /// </summary>
    public static class CallbackSemantics
    {
        /// <summary>
        /// <paramref name="mode"/>: "auto", "min" or "max" (anything else falls back to auto, as Keras does with a warning).
        /// <paramref name="loggedKeys"/>: every key the epoch logs hold (train and validation).
        /// </summary>
        public static CallbackBehaviour Evaluate(KerasFamily family, MonitorCallback callback, string monitor, string mode, bool saveBestOnly, IReadOnlyCollection<string> loggedKeys) =>
            Evaluate(family, () => LogKeys.AutoModeDirection(family, callback, monitor), callback, monitor, mode, saveBestOnly, loggedKeys);

        /// <summary>
        /// <see cref="Evaluate(KerasFamily, MonitorCallback, string, string, bool, IReadOnlyCollection{string})"/> for a concrete
        /// version: the auto mode follows the version's range (tf.keras EarlyStopping: 'acc' in the key up to 2.6, ends with
        /// acc/accuracy/auc from 2.7). Direction Unknown with a non-raising outcome when the version is unknown within
        /// tf.keras 2.x and the ranges disagree.
        /// </summary>
        public static CallbackBehaviour Evaluate(KerasVersion version, MonitorCallback callback, string monitor, string mode, bool saveBestOnly, IReadOnlyCollection<string> loggedKeys)
        {
            if (version == null) throw new ArgumentNullException(nameof(version));
            return Evaluate(version.Family, () => LogKeys.AutoModeDirection(version, callback, monitor), callback, monitor, mode, saveBestOnly, loggedKeys);
        }

        private static CallbackBehaviour Evaluate(KerasFamily family, Func<MetricDirection> autoMode, MonitorCallback callback, string monitor, string mode, bool saveBestOnly, IReadOnlyCollection<string> loggedKeys)
        {
            if (monitor == null) throw new ArgumentNullException(nameof(monitor));
            if (loggedKeys == null) throw new ArgumentNullException(nameof(loggedKeys));
            var present = loggedKeys.Contains(monitor);
            MetricDirection direction;
            switch (mode)
            {
                case "min": direction = MetricDirection.Down; break;
                case "max": direction = MetricDirection.Up; break;
                default:
                    if (family == KerasFamily.Keras3)
                    {
                        // MonitorCallback._set_monitor_op: "loss" → min; otherwise the compiled metric of that name
                        // decides through its _direction; no such metric → ValueError.
                        var name = LogKeys.StripValidation(monitor);
                        if (name == "loss") direction = MetricDirection.Down;
                        else if (loggedKeys.Any(k => !k.StartsWith(LogKeys.ValidationPrefix, StringComparison.Ordinal) && k == name)) direction = LogKeys.IntendedDirection(name);
                        else direction = MetricDirection.Unknown;
                        if (direction == MetricDirection.Unknown) return new CallbackBehaviour(MetricDirection.Unknown, CallbackOutcome.RaisesValueError);
                    }
                    else
                    {
                        direction = autoMode();
                    }

                    break;
            }

            if (present) return new CallbackBehaviour(direction, CallbackOutcome.Acts);
            if (callback == MonitorCallback.ModelCheckpoint && saveBestOnly)
                return new CallbackBehaviour(direction, family == KerasFamily.Keras3 ? CallbackOutcome.WarnsSavesEveryEpoch : CallbackOutcome.WarnsNeverSaves);
            return new CallbackBehaviour(direction, CallbackOutcome.Warns);
        }
    }
}
