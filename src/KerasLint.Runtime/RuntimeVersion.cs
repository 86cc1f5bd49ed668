using KerasLint.Knowledge;

namespace KerasLint.Runtime;

/// <summary>
/// The Keras version the runtime computes for. Every public entry point takes a <see cref="KerasVersion"/>: a family
/// (<see cref="KerasFamily"/> converts implicitly) or a concrete version (<see cref="KerasVersion.Parse"/>: "2.5.0",
/// "tf.keras 2.6.0", "2.2.2"), and the facts that differ inside a family follow the version's range
/// (<see cref="KerasVersion.TfRange"/>: tf.keras 2.2–2.5 / 2.6 / 2.7–2.15; docs/keras-semantics.md §8).
/// </summary>
internal static class RuntimeVersion
{
    private static readonly KerasVersion TfKerasReference = KerasVersion.Parse("tf.keras 2.15.0");

    /// <summary>
    /// tf.keras 2.x given as a family alone is computed as tf.keras 2.15.0, the runtime's reference release (the
    /// answers it gave before versions were taken); every other version as given.
    /// </summary>
    internal static KerasVersion Effective(KerasVersion version)
    {
        if (version == null) throw new ArgumentNullException(nameof(version), "A Keras version or family is required.");
        return version.Family == KerasFamily.TfKeras2 && version.Version == null ? TfKerasReference : version;
    }

    /// <summary>The arguments with <see cref="KerasArgs.Release"/> taken from a concrete version when the caller set none.</summary>
    internal static KerasArgs WithRelease(KerasArgs args, KerasVersion version) =>
        args.Release == null && version.Version != null && version.Family != KerasFamily.TfNet ? args with { Release = version.Version } : args;
}
