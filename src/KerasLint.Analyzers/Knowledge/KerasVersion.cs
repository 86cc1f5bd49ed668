using System;

namespace KerasLint.Knowledge
{
    /// <summary>
    /// The ranges of tf.keras 2.x (TF 2.2–2.15) in which the facts about metric names and callback modes differ
    /// (docs/keras-semantics.md §8):
    /// <list type="bullet">
    /// <item>metric strings are matched exactly before 2.6 ("Accuracy" is the exact-match Accuracy class, reporting about
    /// 0 on probabilities: tensorflow/tensorflow#46436, reproduced on TF 2.3, 2.4 and 2.5-dev) and case-insensitively
    /// from 2.6 (keras-team/keras v2.6.0 keras/engine/compile_utils.py 500: <c>str(metric).lower() not in [...]</c>);</item>
    /// <item>EarlyStopping in mode "auto" maximises keys containing "acc" up to 2.6 (v2.6.0 keras/callbacks.py 1777)
    /// and keys ending in acc/accuracy/auc from 2.7 (v2.7.0 keras/callbacks.py 1794–1795; v2.15.0 2077–2079).</item>
    /// </list>
    /// </summary>
    public enum TfKerasRange
    {
        /// <summary>Not tf.keras 2.x, or a tf.keras 2.x whose minor version is not configured.</summary>
        Unknown = 0,

        /// <summary>TF 2.2–2.5 (tf.keras inside tensorflow/tensorflow).</summary>
        Tf22To25,

        /// <summary>Keras 2.6 (the first keras-team/keras release of tf.keras).</summary>
        Tf26,

        /// <summary>Keras 2.7–2.15.</summary>
        Tf27To215,
    }

    /// <summary>
    /// A Keras version as precisely as the configuration states it: the <see cref="KerasFamily"/> and, when a concrete
    /// version was given (<c>keraslint.keras_version = 2.6.0</c>, <c>"tf.keras 2.5"</c>, <c>"2.10"</c>), that version.
    /// Facts that differ inside a family are answered per range; when the version is not known within the family,
    /// only what holds for every version of the family is answered.
    /// </summary>
    public sealed class KerasVersion
    {
        private KerasVersion(KerasFamily family, Version? version, bool isTfKeras)
        {
            Family = family;
            Version = version;
            IsTfKeras = isTfKeras;
        }

        public KerasFamily Family { get; }

        /// <summary>The configured version (major.minor[.patch]), or null when only the family is known.</summary>
        public Version? Version { get; }

        /// <summary>
        /// True when the version was written as tf.keras ("tf.keras 2.1"), or is a 2.x from 2.4 on (Keras 2.4+ wraps
        /// tf.keras): distinguishes tf.keras 2.0/2.1 from standalone Keras 2.3 inside <see cref="KerasFamily.Keras23"/>.
        /// </summary>
        public bool IsTfKeras { get; }

        /// <summary>The family only (the version within it is not known).</summary>
        public static KerasVersion Of(KerasFamily family) => new KerasVersion(family, null, family == KerasFamily.TfKeras2);

        /// <summary>
        /// The tf.keras 2.x range, or <see cref="TfKerasRange.Unknown"/> outside tf.keras 2.x or when the minor version is
        /// not configured. A 2.x version from 2.4 on is read as the tf.keras (TensorFlow) version it runs (Keras 2.4
        /// and 2.5 are thin wrappers over the installed tf.keras); 2.16 and later (tf_keras) read as 2.7–2.15.
        /// </summary>
        public TfKerasRange TfRange
        {
            get
            {
                if (Family != KerasFamily.TfKeras2 || Version == null) return TfKerasRange.Unknown;
                if (Version.Minor <= 5) return TfKerasRange.Tf22To25;
                return Version.Minor == 6 ? TfKerasRange.Tf26 : TfKerasRange.Tf27To215;
            }
        }

        /// <summary>Standalone Keras 2.3.x configured as such (not tf.keras 2.0/2.1, not the family alone).</summary>
        public bool IsStandalone23 => Family == KerasFamily.Keras23 && Version != null && !IsTfKeras;

        /// <summary>What messages call a range: "tf.keras 2.2–2.5", "tf.keras 2.6", "tf.keras 2.7–2.15".</summary>
        public static string RangeName(TfKerasRange range) => range switch
        {
            TfKerasRange.Tf22To25 => "tf.keras 2.2–2.5",
            TfKerasRange.Tf26 => "tf.keras 2.6",
            TfKerasRange.Tf27To215 => "tf.keras 2.7–2.15",
            _ => "tf.keras 2.2–2.15",
        };

        /// <summary>
        /// Parses what <see cref="KerasFamilies.TryParse(string?, out KerasFamily)"/> accepts, keeping a concrete version: "2.5", "2.6.0",
        /// "2.10", "tf.keras 2.15.0" keep their minor; family ids ("tf2", "2.2", "2.3", "3") give the family only.
        /// </summary>
        public static bool TryParse(string? text, out KerasVersion version)
        {
            version = null!;
            if (!KerasFamilies.TryParse(text, out var family, out var parsed, out var isTf)) return false;
            version = parsed == null ? Of(family) : new KerasVersion(family, parsed, isTf || family == KerasFamily.TfKeras2);
            return true;
        }

        /// <summary>
        /// <see cref="TryParse"/>, plus TensorFlow.NET's Keras ("tfnet", "TensorFlow.Keras 0.15.0": the family only), for
        /// APIs that take a version from their caller (the runtime, the conformance files). Throws
        /// <see cref="ArgumentException"/> naming <paramref name="text"/> and the accepted forms when it is neither.
        /// </summary>
        public static KerasVersion Parse(string text)
        {
            if (TryParse(text, out var version)) return version;
            if (TfNetSemantics.IsFamilyText(text)) return Of(KerasFamily.TfNet);
            throw new ArgumentException(
                $"Unknown Keras version '{text}'. Expected a family (2.2, 2.3, tf2, 3, tfnet) or a concrete version such as 2.2.4, 2.3.1, 2.5.0, 'tf.keras 2.6.0', 2.15.0, 3.15.1 or 'TensorFlow.Keras 0.15.0'.",
                nameof(text));
        }

        /// <summary>A family with no concrete version (<see cref="Of"/>): APIs that take a version accept a family.</summary>
        public static implicit operator KerasVersion(KerasFamily family) => Of(family);

        public override string ToString() => Version == null ? Family.Id() : (IsTfKeras ? "tf.keras " : "") + Version;
    }
}
