using KerasLint.Knowledge;

namespace KerasLint.Runtime;

/// <summary>Maps a user's function name to the catalog's canonical name and checks the family has it.</summary>
internal static class FunctionNames
{
    /// <summary>The functions whose numbers the runtime computes.</summary>
    internal static readonly HashSet<string> Implemented = new(StringComparer.Ordinal)
    {
        "binary_accuracy", "categorical_accuracy", "sparse_categorical_accuracy", "top_k_categorical_accuracy",
        "sparse_top_k_categorical_accuracy", "accuracy",
        "binary_crossentropy", "categorical_crossentropy", "sparse_categorical_crossentropy",
        "binary_focal_crossentropy", "categorical_focal_crossentropy",
        "mean_squared_error", "mean_absolute_error", "mean_absolute_percentage_error", "mean_squared_logarithmic_error",
        "root_mean_squared_error", "log_cosh", "huber", "hinge", "squared_hinge", "categorical_hinge",
        "kl_divergence", "poisson", "cosine_similarity",
    };

    /// <summary>
    /// Canonical name for <paramref name="name"/> (a canonical name, or any spelling the catalog knows for the role in
    /// some family; "Foo()" is read as "Foo"). Throws <see cref="ArgumentException"/> (parameter <paramref name="param"/>)
    /// when unknown, not available in the family for the role, or not implemented by the runtime. In tf.keras 2.2–2.5
    /// the metric strings are matched exactly (<see cref="SpecialStrings.ResolveAnyMetric"/>): "Accuracy" and "ACC" are
    /// the exact-match accuracy there, other spellings of the special strings are unknown.
    /// </summary>
    internal static string Resolve(KerasVersion version, string name, FunctionRoles role, string param = "name")
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("The function name is empty.", param);
        var family = version.Family;
        var text = Strip(name);
        if (version.TfRange == TfKerasRange.Tf22To25 && role.HasFlag(FunctionRoles.Metric) && text != text.ToLowerInvariant()
            && SpecialStrings.Classify(family, text) != SpecialStringKind.None)
        {
            var exact = SpecialStrings.ResolveAnyMetric(version, text, null, null, LabelLayout.SameShape);
            return exact.Error == null ? exact.Resolved : throw new ArgumentException($"'{name}': {exact.Error}.", param);
        }

        if (SpecialStrings.Classify(family, text) != SpecialStringKind.None && text != "accuracy")
        {
            throw new ArgumentException($"'{name}' is resolved at compile time; use CompileResolver to turn it into a function first.", param);
        }

        var canonical = KerasCatalog.Get(text)?.CanonicalName
            ?? (role.HasFlag(FunctionRoles.Metric) ? KerasCatalog.ResolveMetric(family, text)?.CanonicalName : null)
            ?? (role.HasFlag(FunctionRoles.Loss) ? KerasCatalog.ResolveLoss(family, text)?.CanonicalName : null)
            ?? AnyFamily(text, role);
        if (canonical == null)
        {
            throw new ArgumentException($"Unknown {RoleWord(role)} '{name}'. Examples: {string.Join(", ", KerasCatalog.ValidNames(family, role).Take(12))}.", param);
        }

        if (!Available(family, canonical, role))
        {
            throw new ArgumentException($"'{name}' ({canonical}) is not a {RoleWord(role)} in {family.DisplayName()}.", param);
        }

        if (!Implemented.Contains(canonical))
        {
            throw new ArgumentException($"'{name}' ({canonical}) is a Keras {RoleWord(role)} the KerasLint runtime does not compute.", param);
        }

        return canonical;
    }

    /// <summary>Whether some spelling of <paramref name="canonical"/> exists for the role in the family (catalog).</summary>
    internal static bool Available(KerasFamily family, string canonical, FunctionRoles role) =>
        KerasCatalog.Names.Any(n => n.Canonical == canonical && (n.Role & role) != 0 && n.Families.Contains(family));

    /// <summary>"MeanSquaredError()" → "MeanSquaredError"; "keras.losses.mse" → "mse".</summary>
    internal static string Strip(string name)
    {
        var t = name.Trim();
        if (t.EndsWith("()", StringComparison.Ordinal)) t = t[..^2];
        var dot = t.LastIndexOf('.');
        if (dot >= 0 && dot < t.Length - 1) t = t[(dot + 1)..];
        return t;
    }

    private static string? AnyFamily(string text, FunctionRoles role)
    {
        foreach (var f in KerasFamilies.All)
        {
            var c = (role.HasFlag(FunctionRoles.Metric) ? KerasCatalog.ResolveMetric(f, text)?.CanonicalName : null)
                ?? (role.HasFlag(FunctionRoles.Loss) ? KerasCatalog.ResolveLoss(f, text)?.CanonicalName : null);
            if (c != null) return c;
        }

        return null;
    }

    private static string RoleWord(FunctionRoles role) => role switch
    {
        FunctionRoles.Loss => "loss",
        FunctionRoles.Metric => "metric",
        _ => "metric or loss",
    };
}
