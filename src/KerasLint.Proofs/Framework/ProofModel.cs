using System.Globalization;

namespace KerasLint.Proofs;

/// <summary>A number or a text (a log key list, a cited error) shown in a proof table.</summary>
public sealed record Cell(double? Number, string? Text)
{
    public static Cell Of(double value) => new(value, null);

    public static Cell Of(string text) => new(null, text);

    public static readonly Cell None = new(null, null);

    public override string ToString() => Number is { } n ? Format(n) : Text ?? "—";

    public static string Format(double n)
    {
        if (double.IsNaN(n)) return "NaN";
        if (n == 0) return "0";
        var a = Math.Abs(n);
        return a >= 1e4 || a < 1e-3
            ? n.ToString("0.###e+0", CultureInfo.InvariantCulture)
            : n.ToString("0.0000", CultureInfo.InvariantCulture);
    }
}

/// <summary>How a measured value must relate to its reference for the rule's claim to hold.</summary>
public enum Relation
{
    /// <summary>|value − reference| ≥ margin: the flagged setup misreports.</summary>
    DiffersBy,

    /// <summary>|value − reference| ≤ margin: the fixed setup (or the unaffected family) tells the truth.</summary>
    EqualsWithin,

    /// <summary>value ≤ reference − margin.</summary>
    BelowBy,

    /// <summary>value ≥ reference + margin.</summary>
    AboveBy,

    /// <summary>The value text equals the reference text.</summary>
    SameText,

    /// <summary>The value text (a list) does not contain the reference text.</summary>
    Lacks,

    /// <summary>The value text (a list) contains the reference text.</summary>
    Has,

    /// <summary>The value text (an error message) mentions the reference text.</summary>
    Mentions,

    /// <summary>A cited statement: nothing in the run checks it (its evidence is the citation).</summary>
    Stated,
}

/// <summary>A check: a relation and its margin.</summary>
public sealed record Check(Relation Relation, double Margin = 0)
{
    public static Check Differs(double margin) => new(Relation.DiffersBy, margin);

    public static Check Equals(double tolerance) => new(Relation.EqualsWithin, tolerance);

    public static Check Below(double margin) => new(Relation.BelowBy, margin);

    public static Check Above(double margin) => new(Relation.AboveBy, margin);

    public static readonly Check SameText = new(Relation.SameText);

    public static readonly Check Lacks = new(Relation.Lacks);

    public static readonly Check Has = new(Relation.Has);

    public static readonly Check Mentions = new(Relation.Mentions);

    /// <summary>For cited rows that state Keras's behaviour and compare it with nothing authored here.</summary>
    public static readonly Check Stated = new(Relation.Stated);

    public bool Evaluate(Cell value, Cell reference)
    {
        switch (Relation)
        {
            case Relation.SameText:
                return value.Text != null && value.Text == reference.Text;
            case Relation.Mentions:
                return value.Text != null && reference.Text != null && value.Text.Contains(reference.Text, StringComparison.OrdinalIgnoreCase);
            case Relation.Stated:
                return true;
            case Relation.Lacks:
            case Relation.Has:
                if (value.Text == null || reference.Text == null) return false;
                var items = value.Text.Split(',').Select(s => s.Trim());
                return items.Contains(reference.Text) == (Relation == Relation.Has);
        }

        if (value.Number is not { } v || reference.Number is not { } r || double.IsNaN(v) || double.IsNaN(r)) return false;
        return Relation switch
        {
            Relation.DiffersBy => Math.Abs(v - r) >= Margin,
            Relation.EqualsWithin => Math.Abs(v - r) <= Margin,
            Relation.BelowBy => v <= r - Margin,
            Relation.AboveBy => v >= r + Margin,
            _ => false,
        };
    }

    /// <summary>The relation in words, e.g. "≠ ref by ≥ 0.02".</summary>
    public string Describe() => Relation switch
    {
        Relation.DiffersBy => $"differs by ≥ {Cell.Format(Margin)}",
        Relation.EqualsWithin => Margin == 0 ? "equals" : $"equals ±{Cell.Format(Margin)}",
        Relation.BelowBy => Margin == 0 ? "≤ ref" : $"≤ ref − {Cell.Format(Margin)}",
        Relation.AboveBy => Margin == 0 ? "≥ ref" : $"≥ ref + {Cell.Format(Margin)}",
        Relation.SameText => "same",
        Relation.Lacks => "lacks ref",
        Relation.Has => "has ref",
        Relation.Mentions => "mentions ref",
        Relation.Stated => "stated (not run)",
        _ => Relation.ToString(),
    };
}

/// <summary>What a row's value rests on.</summary>
public enum Evidence
{
    /// <summary>
    /// Computed in this run on real tensors (trained models, synthetic data, TorchSharp modules, or the runtime's
    /// metrics and losses, whose numbers are conformance-tested against Keras's own tests). Not decided by the
    /// analyzer's catalog.
    /// </summary>
    Measured,

    /// <summary>
    /// Keras's behaviour as recorded in a cited vector (tests/data/resolution-vectors.json: a Keras test or source
    /// line at a tag); the row shows the cited fact, or checks KerasLint's catalog/runtime against it. Nothing is run.
    /// </summary>
    Cited,
}

/// <summary>One line of a proof: what a family (or TorchSharp) reports next to its reference, and what that rests on.</summary>
public sealed record ProofRow(string Family, string Measured, Cell Value, string ReferenceLabel, Cell Reference, Check Check, Evidence Evidence = Evidence.Measured, string? Citation = null)
{
    public bool Holds => Check.Evaluate(Value, Reference);

    /// <summary>"measured", or "cited (source)".</summary>
    public string EvidenceText => Evidence == Evidence.Measured ? "measured" : Citation == null ? "cited" : $"cited ({Citation})";
}

/// <summary>The outcome of one scenario: the claim, the setups compared, the rows and the verdict.</summary>
public sealed record ScenarioResult(
    string Rule,
    string Id,
    string Title,
    string Claim,
    IReadOnlyList<string> Setups,
    IReadOnlyList<ProofRow> Rows,
    IReadOnlyList<string> Notes,
    double Seconds)
{
    public bool Holds => Rows.Count > 0 && Rows.All(r => r.Holds);

    public string Verdict => Holds ? "holds" : "does not hold";
}
