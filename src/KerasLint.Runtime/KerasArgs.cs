using System.Globalization;
using System.Text.Json;

namespace KerasLint.Runtime;

/// <summary>
/// Keyword arguments of a Keras metric or loss (the ones the runtime understands). Unset values take Keras's
/// defaults: threshold 0.5, k 5, axis -1, gamma 2, alpha 0.25, delta 1.
/// </summary>
public sealed record KerasArgs
{
    public static KerasArgs Default { get; } = new();

    /// <summary><c>from_logits</c>: predictions are logits, not probabilities.</summary>
    public bool FromLogits { get; init; }

    /// <summary><c>threshold</c> of binary_accuracy (in [0, 1]).</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary><c>k</c> of the top-k accuracies (&gt; 0).</summary>
    public int K { get; init; } = 5;

    /// <summary><c>label_smoothing</c> of the crossentropies (in [0, 1]).</summary>
    public double LabelSmoothing { get; init; }

    /// <summary><c>axis</c> of the crossentropies and cosine_similarity.</summary>
    public int Axis { get; init; } = -1;

    /// <summary><c>gamma</c> of the focal crossentropies.</summary>
    public double Gamma { get; init; } = 2.0;

    /// <summary><c>alpha</c> of the focal crossentropies.</summary>
    public double Alpha { get; init; } = 0.25;

    /// <summary><c>apply_class_balancing</c> of binary_focal_crossentropy.</summary>
    public bool ApplyClassBalancing { get; init; }

    /// <summary><c>delta</c> of huber (≥ 0).</summary>
    public double Delta { get; init; } = 1.0;

    /// <summary><c>ignore_class</c> of sparse_categorical_crossentropy (tf.keras ≥ 2.10, Keras 3).</summary>
    public int? IgnoreClass { get; init; }

    /// <summary><c>from_sorted_ids</c> of Keras 3's sparse_top_k_categorical_accuracy.</summary>
    public bool FromSortedIds { get; init; }

    /// <summary>Argument names <see cref="FromJson"/> accepts besides the function arguments (they are not function arguments).</summary>
    public static IReadOnlyList<string> NonFunctionKeys { get; } = new[] { "reduction", "identifier", "loss", "name", "dtype" };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first out-of-range argument.</summary>
    public KerasArgs Validate()
    {
        if (double.IsNaN(Threshold) || Threshold < 0 || Threshold > 1)
            throw new ArgumentException($"threshold must be in [0, 1]; got {Threshold.ToString(CultureInfo.InvariantCulture)}.", "threshold");
        if (K <= 0)
            throw new ArgumentException($"k must be greater than 0; got {K}.", "k");
        if (double.IsNaN(LabelSmoothing) || LabelSmoothing < 0 || LabelSmoothing > 1)
            throw new ArgumentException($"label_smoothing must be in [0, 1]; got {LabelSmoothing.ToString(CultureInfo.InvariantCulture)}.", "label_smoothing");
        if (double.IsNaN(Gamma) || Gamma < 0)
            throw new ArgumentException($"gamma must be ≥ 0; got {Gamma.ToString(CultureInfo.InvariantCulture)}.", "gamma");
        if (double.IsNaN(Alpha) || Alpha < 0 || Alpha > 1)
            throw new ArgumentException($"alpha must be in [0, 1]; got {Alpha.ToString(CultureInfo.InvariantCulture)}.", "alpha");
        if (double.IsNaN(Delta) || Delta < 0)
            throw new ArgumentException($"delta must be ≥ 0; got {Delta.ToString(CultureInfo.InvariantCulture)}.", "delta");
        return this;
    }

    /// <summary>
    /// Reads the <c>args</c> object of a conformance vector (docs/keras-semantics.md §6.1). Keys in <see cref="NonFunctionKeys"/>
    /// are skipped; an unknown key is an <see cref="ArgumentException"/>.
    /// </summary>
    public static KerasArgs FromJson(JsonElement args)
    {
        if (args.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return Default;
        if (args.ValueKind != JsonValueKind.Object) throw new ArgumentException("args must be a JSON object.", "args");
        var a = new KerasArgs();
        foreach (var p in args.EnumerateObject())
        {
            var v = p.Value;
            if (v.ValueKind == JsonValueKind.Null) continue;
            a = p.Name switch
            {
                "from_logits" => a with { FromLogits = Bool(p) },
                "threshold" => a with { Threshold = Num(p) },
                "k" => a with { K = Int(p) },
                "label_smoothing" => a with { LabelSmoothing = Num(p) },
                "axis" => a with { Axis = Int(p) },
                "gamma" => a with { Gamma = Num(p) },
                "alpha" => a with { Alpha = Num(p) },
                "apply_class_balancing" => a with { ApplyClassBalancing = Bool(p) },
                "delta" => a with { Delta = Num(p) },
                "ignore_class" => a with { IgnoreClass = Int(p) },
                "from_sorted_ids" => a with { FromSortedIds = Bool(p) },
                _ when NonFunctionKeys.Contains(p.Name) => a,
                _ => throw new ArgumentException($"Unknown argument '{p.Name}'. Known: from_logits, threshold, k, label_smoothing, axis, gamma, alpha, apply_class_balancing, delta, ignore_class, from_sorted_ids.", p.Name),
            };
        }

        return a.Validate();
    }

    private static bool Bool(JsonProperty p) => p.Value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new ArgumentException($"{p.Name} must be true or false; got {p.Value.GetRawText()}.", p.Name),
    };

    private static double Num(JsonProperty p) =>
        p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetDouble() : throw new ArgumentException($"{p.Name} must be a number; got {p.Value.GetRawText()}.", p.Name);

    private static int Int(JsonProperty p)
    {
        var d = Num(p);
        if (d != Math.Floor(d) || d < int.MinValue || d > int.MaxValue) throw new ArgumentException($"{p.Name} must be an integer; got {p.Value.GetRawText()}.", p.Name);
        return (int)d;
    }
}
