using System;
using System.Collections.Generic;

namespace KerasLint.Knowledge
{
    /// <summary>
    /// The four Keras version families whose loss/metric semantics differ
    /// (see docs/keras-semantics.md for the evidence behind every split).
    /// </summary>
    public enum KerasFamily
    {
        /// <summary>Standalone Keras 2.0–2.2.x: loss-based "accuracy", logs under <c>acc</c>.</summary>
        Keras22 = 0,

        /// <summary>Standalone Keras 2.3.x and tf.keras in TF 2.0/2.1: loss-based "accuracy", logs under the user's string.</summary>
        Keras23 = 1,

        /// <summary>tf.keras in TF 2.2–2.15: shape-based "accuracy", the loss is ignored.</summary>
        TfKeras2 = 2,

        /// <summary>Keras 3: shape-based "accuracy"; "crossentropy" only as a loss.</summary>
        Keras3 = 3,

        /// <summary>
        /// TensorFlow.NET's Keras (TensorFlow.Keras 0.7–0.15, a C# re-implementation): shape-based "accuracy", six
        /// metric strings, loss objects (see <see cref="TfNetSemantics"/>). Not a Keras.NET option: not in
        /// <see cref="KerasFamilies.All"/> and not accepted by <see cref="KerasFamilies.TryParse(string?, out KerasFamily)"/>.
        /// </summary>
        TfNet = 4,
    }

    /// <summary>Which families a name exists in (a bit per <see cref="KerasFamily"/>).</summary>
    [Flags]
    public enum FamilySet
    {
        None = 0,
        Keras22 = 1 << KerasFamily.Keras22,
        Keras23 = 1 << KerasFamily.Keras23,
        TfKeras2 = 1 << KerasFamily.TfKeras2,
        Keras3 = 1 << KerasFamily.Keras3,
        TfNet = 1 << KerasFamily.TfNet,
        Keras2x = Keras22 | Keras23,
        From23 = Keras23 | TfKeras2 | Keras3,
        TfAndKeras3 = TfKeras2 | Keras3,
        UpToTf2 = Keras22 | Keras23 | TfKeras2,
        /// <summary>The four Python Keras families (not <see cref="TfNet"/>).</summary>
        All = Keras22 | Keras23 | TfKeras2 | Keras3,
    }

    /// <summary>How the strings "accuracy"/"acc"/"crossentropy"/"ce" are turned into a concrete function.</summary>
    public enum SpecialStringResolution
    {
        /// <summary>By the loss function's identity and the output width (Keras ≤ 2.3, TF ≤ 2.1).</summary>
        LossBased,

        /// <summary>By the shapes of the first batch only (tf.keras ≥ 2.2, Keras 3).</summary>
        ShapeBased,
    }

    public static class KerasFamilies
    {
        /// <summary>The four Python Keras families Keras.NET code may run on (TensorFlow.NET's Keras is not one of them).</summary>
        public static IReadOnlyList<KerasFamily> All { get; } =
            new[] { KerasFamily.Keras22, KerasFamily.Keras23, KerasFamily.TfKeras2, KerasFamily.Keras3 };

        /// <summary><see cref="All"/> plus <see cref="KerasFamily.TfNet"/>.</summary>
        public static IReadOnlyList<KerasFamily> AllWithTfNet { get; } =
            new[] { KerasFamily.Keras22, KerasFamily.Keras23, KerasFamily.TfKeras2, KerasFamily.Keras3, KerasFamily.TfNet };

        public static FamilySet ToSet(this KerasFamily family) => (FamilySet)(1 << (int)family);

        public static bool Contains(this FamilySet set, KerasFamily family) => (set & family.ToSet()) != 0;

        /// <summary>The short id used on the command line and in <c>keraslint.keras_version</c>.</summary>
        public static string Id(this KerasFamily family) => family switch
        {
            KerasFamily.Keras22 => "2.2",
            KerasFamily.Keras23 => "2.3",
            KerasFamily.TfKeras2 => "tf2",
            KerasFamily.Keras3 => "3",
            KerasFamily.TfNet => TfNetSemantics.FamilyId,
            _ => throw new ArgumentOutOfRangeException(nameof(family)),
        };

        /// <summary>The family in a few characters, for messages (e.g. "tf.keras 2.x"; <see cref="DisplayName"/> gives the version ranges).</summary>
        public static string ShortName(this KerasFamily family) => family switch
        {
            KerasFamily.Keras22 => "Keras 2.2",
            KerasFamily.Keras23 => "Keras 2.3",
            KerasFamily.TfKeras2 => "tf.keras 2.x",
            KerasFamily.Keras3 => "Keras 3",
            KerasFamily.TfNet => "TensorFlow.NET's Keras",
            _ => throw new ArgumentOutOfRangeException(nameof(family)),
        };

        /// <summary>What a user reads in a rule page or a description: the family and the versions it covers.</summary>
        public static string DisplayName(this KerasFamily family) => family switch
        {
            KerasFamily.Keras22 => "Keras 2.0–2.2",
            KerasFamily.Keras23 => "Keras 2.3 / tf.keras (TF 2.0–2.1)",
            KerasFamily.TfKeras2 => "tf.keras 2.x (TF 2.2–2.15)",
            KerasFamily.Keras3 => "Keras 3",
            KerasFamily.TfNet => "TensorFlow.NET's Keras (TensorFlow.Keras 0.7–0.15)",
            _ => throw new ArgumentOutOfRangeException(nameof(family)),
        };

        public static SpecialStringResolution Resolution(this KerasFamily family) =>
            family is KerasFamily.Keras22 or KerasFamily.Keras23
                ? SpecialStringResolution.LossBased
                : SpecialStringResolution.ShapeBased;

        /// <summary>
        /// Parses a family id ("2.2", "2.3", "tf2", "3") or a concrete Keras version as the conformance vectors
        /// write it ("2.2.4", "2.3.1", "tf.keras 2.15.0", "3.15.1"). Standalone 2.0.x–2.2.x map to 2.2;
        /// 2.3.x to 2.3; 2.4–2.15 (thin wrappers over tf.keras) and "tf.keras 2.2+" to tf2; "tf.keras 2.0/2.1" to 2.3.
        /// </summary>
        public static bool TryParse(string? text, out KerasFamily family) => TryParse(text, out family, out _, out _);

        /// <summary>
        /// <see cref="TryParse(string?, out KerasFamily)"/> that also returns the concrete version written
        /// (major.minor.patch; null for a family id or a major version alone) and whether it was written as tf.keras.
        /// </summary>
        internal static bool TryParse(string? text, out KerasFamily family, out Version? version, out bool isTf)
        {
            family = default;
            version = null;
            isTf = false;
            if (text == null)
            {
                return false;
            }

            var t = text.Trim().ToLowerInvariant();
            switch (t)
            {
                case "2.2": family = KerasFamily.Keras22; return true;
                case "2.3": family = KerasFamily.Keras23; return true;
                case "tf2": case "tf.keras": family = KerasFamily.TfKeras2; return true;
                case "3": family = KerasFamily.Keras3; return true;
            }

            foreach (var prefix in new[] { "tf.keras", "tf_keras", "tf-keras", "tensorflow.keras", "tf" })
            {
                if (t.StartsWith(prefix, StringComparison.Ordinal))
                {
                    isTf = true;
                    t = t.Substring(prefix.Length).Trim();
                    break;
                }
            }

            if (t.StartsWith("v", StringComparison.Ordinal))
            {
                t = t.Substring(1);
            }

            var parts = t.Split('.');
            if (parts.Length < 1 || !int.TryParse(parts[0], out var major))
            {
                return false;
            }

            var minor = 0;
            if (parts.Length > 1 && !int.TryParse(parts[1], out minor))
            {
                return false;
            }

            var patch = 0;
            for (var i = 2; i < parts.Length; i++)
            {
                if (!int.TryParse(parts[i], out var part))
                {
                    return false;
                }

                if (i == 2) patch = part;
            }

            if (parts.Length > 1 && major >= 0 && minor >= 0 && patch >= 0) version = new Version(major, minor, patch);

            if (isTf)
            {
                if (major != 2) return false;
                family = minor <= 1 ? KerasFamily.Keras23 : KerasFamily.TfKeras2;
                return true;
            }

            switch (major)
            {
                case 2 when minor <= 2: family = KerasFamily.Keras22; return true;
                case 2 when minor == 3: family = KerasFamily.Keras23; return true;
                case 2: family = KerasFamily.TfKeras2; return true;
                case 3: family = KerasFamily.Keras3; return true;
                default: return false;
            }
        }

        /// <summary>
        /// <see cref="TryParse(string?, out KerasFamily)"/> plus TensorFlow.NET's Keras ("tfnet", "TensorFlow.Keras 0.15.0"): for conformance
        /// vectors and the CLI. <c>keraslint.keras_version</c> (Keras.NET) keeps using <see cref="TryParse(string?, out KerasFamily)"/>.
        /// </summary>
        public static bool TryParseAny(string? text, out KerasFamily family)
        {
            if (TfNetSemantics.IsFamilyText(text))
            {
                family = KerasFamily.TfNet;
                return true;
            }

            return TryParse(text, out family);
        }

        public static KerasFamily Parse(string text) =>
            TryParse(text, out var f)
                ? f
                : throw new ArgumentException($"Unknown Keras version or family '{text}'. Expected one of 2.2, 2.3, tf2, 3 or a version such as 2.2.4, 2.3.1, 'tf.keras 2.15.0', 3.15.1.", nameof(text));
    }
}
