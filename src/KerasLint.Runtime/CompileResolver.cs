using KerasLint.Knowledge;

namespace KerasLint.Runtime;

/// <summary>What compile makes of a metric or loss identifier.</summary>
public sealed record CompiledFunction(
    string Identifier,
    string? Function,
    string? LogKey,
    string? Error,
    string Reason)
{
    /// <summary>True when Keras raises instead (e.g. "crossentropy" as a Keras 3 metric).</summary>
    public bool IsError => Error != null;

    /// <summary>The validation key (<c>val_</c> + <see cref="LogKey"/>), or null.</summary>
    public string? ValidationLogKey => LogKey == null ? null : LogKeys.ValidationPrefix + LogKey;
}

/// <summary>
/// Compile-time resolution of metric and loss identifiers, including "accuracy"/"acc"/"crossentropy"/"ce",
/// by the catalog's rules (<see cref="SpecialStrings"/>, <see cref="LogKeys"/>) given the real tensor shapes.
/// </summary>
public static class CompileResolver
{
    /// <summary>
    /// Resolves a metric string. <paramref name="version"/>: a family or a concrete version (<see cref="KerasVersion.Parse"/>);
    /// the version's range decides where tf.keras 2.x differs inside the family (before 2.6 the strings are matched
    /// exactly: "Accuracy" is the exact-match Accuracy class, logged as <c>accuracy</c>; class names such as "AUC" log
    /// under their snake_case object name; standalone Keras 2.3.x fails on class names). <paramref name="lossId"/>: the
    /// compiled loss string, or null/"custom" for a custom loss (used only by the loss-based families 2.2 and 2.3).
    /// Shapes are those of the first batch's y_true and y_pred.
    /// </summary>
    public static CompiledFunction ResolveMetric(KerasVersion version, string identifier, string? lossId, long[] yTrueShape, long[] yPredShape)
    {
        version = RuntimeVersion.Effective(version);
        var family = version.Family;
        CheckShapes(yTrueShape, yPredShape);
        var text = FunctionNames.Strip(identifier);
        if (family == KerasFamily.TfNet && TfNetCompile.ResolveMetric(identifier, text) is { } rejected) return rejected;
        var loss = lossId == null || lossId == "custom" ? null : KerasCatalog.ResolveLoss(family, FunctionNames.Strip(lossId))?.CanonicalName;
        var r = SpecialStrings.ResolveAnyMetric(version, text, loss, (int)yPredShape[^1], Layout(yTrueShape, yPredShape));
        if (r.Error != null) return new CompiledFunction(identifier, null, null, r.Error, r.Reason);
        return new CompiledFunction(identifier, r.Resolved, LogKeys.MetricKeys(version, text).FirstOrDefault(), null, r.Reason);
    }

    /// <summary>
    /// Resolves a loss string ("crossentropy"/"ce" only in Keras 3, by shape; a class name such as "CategoricalCrossentropy"
    /// fails in standalone Keras 2.3.x, <see cref="KerasCatalog.ClassNameLossBehaviour"/>). The log key of a loss is "loss".
    /// </summary>
    public static CompiledFunction ResolveLoss(KerasVersion version, string identifier, long[] yTrueShape, long[] yPredShape)
    {
        version = RuntimeVersion.Effective(version);
        var family = version.Family;
        CheckShapes(yTrueShape, yPredShape);
        var text = FunctionNames.Strip(identifier);
        if (family == KerasFamily.TfNet) return TfNetCompile.ResolveLoss(identifier, text);
        if (KerasCatalog.ClassNameLossBehaviour(version, text) is { } failure) return new CompiledFunction(identifier, null, null, failure, "a loss class name in standalone Keras 2.3");
        if (SpecialStrings.Classify(family, text) == SpecialStringKind.Crossentropy)
        {
            var r = SpecialStrings.ResolveLoss(family, text, (int)yPredShape[^1], Layout(yTrueShape, yPredShape));
            return r.Error != null
                ? new CompiledFunction(identifier, null, null, r.Error, r.Reason)
                : new CompiledFunction(identifier, r.Resolved, "loss", null, r.Reason);
        }

        var f = KerasCatalog.ResolveLoss(family, text);
        return f == null
            ? new CompiledFunction(identifier, null, null, $"{family.DisplayName()} raises ValueError: Could not interpret loss identifier: {identifier}", "not a loss name in this family")
            : new CompiledFunction(identifier, f.CanonicalName, "loss", null, "a built-in loss name");
    }

    /// <summary>The shape relation the shape-based rule reads (tf.keras ≥ 2.2, Keras 3).</summary>
    public static LabelLayout Layout(long[] yTrueShape, long[] yPredShape)
    {
        if (yTrueShape.Length < yPredShape.Length) return LabelLayout.LowerRank;
        if (yTrueShape[^1] == 1 && yPredShape[^1] > 1) return LabelLayout.Column;
        return LabelLayout.SameShape;
    }

    private static void CheckShapes(long[] yt, long[] yp)
    {
        if (yt == null || yt.Length == 0) throw new ArgumentException("y_true shape must have at least one dimension.", "yTrueShape");
        if (yp == null || yp.Length == 0) throw new ArgumentException("y_pred shape must have at least one dimension.", "yPredShape");
    }
}
