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

    /// <summary>
    /// <c>activation</c> (not a function argument): "softmax" or "sigmoid" when y_pred holds the logits a Keras
    /// activation of that name turned into the model's output. The runtime then computes what Keras computes on that
    /// output: the probabilities for every function, except the crossentropies of the families and backends that read
    /// the logits the activation caches on its output (docs/keras-semantics.md §4f, <see cref="LogitsCache"/>).
    /// </summary>
    public string? Activation { get; init; }

    /// <summary>
    /// <c>backend</c> (not a function argument): Keras 3's backend, "tensorflow", "torch", "jax" or "numpy"; null is
    /// torch/JAX. Only the TensorFlow backend caches logits; every other Keras 3 number is the same on all of them.
    /// </summary>
    public string? Backend { get; init; }

    /// <summary>
    /// The concrete Keras release inside the family when it matters (set from a conformance case's
    /// <c>keras_version</c>): Keras 2.0–2.2.2 read sparse accuracy targets differently from 2.2.3–2.2.5. Null: the
    /// family's reference release (2.2.4, 2.3.1, tf.keras 2.15, 3.15).
    /// </summary>
    public Version? Release { get; init; }

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
        if (Activation is not null and not ("softmax" or "sigmoid"))
            throw new ArgumentException($"activation must be softmax or sigmoid; got {Activation}.", "activation");
        if (Backend is not null and not ("tensorflow" or "torch" or "jax" or "numpy"))
            throw new ArgumentException($"backend must be tensorflow, torch, jax or numpy; got {Backend}.", "backend");
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
                "activation" => a with { Activation = Str(p) },
                "backend" => a with { Backend = Str(p) },
                _ when NonFunctionKeys.Contains(p.Name) => a,
                _ => throw new ArgumentException($"Unknown argument '{p.Name}'. Known: from_logits, threshold, k, label_smoothing, axis, gamma, alpha, apply_class_balancing, delta, ignore_class, from_sorted_ids, activation, backend.", p.Name),
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

    private static string Str(JsonProperty p) =>
        p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : throw new ArgumentException($"{p.Name} must be a string; got {p.Value.GetRawText()}.", p.Name);

    private static double Num(JsonProperty p) =>
        p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetDouble() : throw new ArgumentException($"{p.Name} must be a number; got {p.Value.GetRawText()}.", p.Name);

    private static int Int(JsonProperty p)
    {
        var d = Num(p);
        if (d != Math.Floor(d) || d < int.MinValue || d > int.MaxValue) throw new ArgumentException($"{p.Name} must be an integer; got {p.Value.GetRawText()}.", p.Name);
        return (int)d;
    }
}
