using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace KerasLint.Knowledge
{
    /// <summary>The kind of values an output layer produces.</summary>
    public enum HeadActivation
    {
        /// <summary>Not determined by the code.</summary>
        Unknown,

        /// <summary>Identity: any real value.</summary>
        Linear,

        /// <summary>Unbounded non-negative or real-valued non-linearities (relu, elu, softplus, …).</summary>
        Unbounded,

        /// <summary>Bounded in (-1, 1) (tanh, softsign).</summary>
        Tanh,

        /// <summary>Independent probabilities in (0, 1).</summary>
        Sigmoid,

        /// <summary>A distribution over the last axis.</summary>
        Softmax,

        /// <summary>Log-probabilities.</summary>
        LogSoftmax,
    }

    /// <summary>
    /// Activation names mapped to what they produce: the one table behind Keras activation strings
    /// (<c>keras.activations.get</c>) and TorchSharp's activation functions and modules.
    /// </summary>
    public static class Activations
    {
        // The analyzer's static tables are arrays (or collections of reference types), never a collection instantiated
        // over a value type such as this enum: a fresh compiler process would JIT that collection's code for KerasLint
        // alone (bench/README.md, "What a fresh compiler process pays"; FreshProcessArchitectureTests).

        /// <summary>Snake-case names (Keras's spelling; TorchSharp's functions use the same names) and what each produces.</summary>
        private static readonly Named[] Names =
        {
            new Named("linear", HeadActivation.Linear),
            new Named("softmax", HeadActivation.Softmax),
            new Named("log_softmax", HeadActivation.LogSoftmax),
            new Named("sigmoid", HeadActivation.Sigmoid),
            new Named("hard_sigmoid", HeadActivation.Sigmoid),
            new Named("tanh", HeadActivation.Tanh),
            new Named("softsign", HeadActivation.Tanh),
            new Named("hard_tanh", HeadActivation.Tanh),
            new Named("relu", HeadActivation.Unbounded),
            new Named("relu6", HeadActivation.Unbounded),
            new Named("elu", HeadActivation.Unbounded),
            new Named("selu", HeadActivation.Unbounded),
            new Named("celu", HeadActivation.Unbounded),
            new Named("gelu", HeadActivation.Unbounded),
            new Named("softplus", HeadActivation.Unbounded),
            new Named("exponential", HeadActivation.Unbounded),
            new Named("swish", HeadActivation.Unbounded),
            new Named("silu", HeadActivation.Unbounded),
            new Named("mish", HeadActivation.Unbounded),
            new Named("leaky_relu", HeadActivation.Unbounded),
            new Named("hard_swish", HeadActivation.Unbounded),
            new Named("hard_silu", HeadActivation.Unbounded),
        };

        /// <summary>TorchSharp spellings keyed without case or underscores (<c>LeakyReLU</c>, <c>leaky_relu</c>, <c>Hardtanh</c>): <see cref="Names"/> folded, same order.</summary>
        private static readonly string[] Folded = Array.ConvertAll(Names, n => Fold(n.Name));

        /// <summary>What the activation <paramref name="name"/> produces (exact spelling), or null.</summary>
        private static HeadActivation? Find(string name)
        {
            foreach (var named in Names)
            {
                if (named.Name == name) return named.Kind;
            }

            return null;
        }

        /// <summary>What the first activation whose folded spelling is <paramref name="folded"/> produces, or null.</summary>
        private static HeadActivation? FindFolded(string folded) => Array.IndexOf(Folded, folded) is var i and >= 0 ? Names[i].Kind : null;

        /// <summary>A name and what it produces (a class: see the note above).</summary>
        private sealed class Named
        {
            public Named(string name, HeadActivation kind)
            {
                Name = name;
                Kind = kind;
            }

            public string Name { get; }

            public HeadActivation Kind { get; }
        }

        /// <summary>Classifies a Keras activation string; "" and null mean "not given", i.e. linear (Keras.NET drops empty strings).</summary>
        public static HeadActivation Classify(string? activation)
        {
            if (string.IsNullOrWhiteSpace(activation)) return HeadActivation.Linear;
            return Find(activation!.Trim()) ?? HeadActivation.Unknown;
        }

        /// <summary>What a TorchSharp activation function (<c>softmax</c>, <c>sigmoid_</c>, <c>expit</c>) produces; null when it is none.</summary>
        public static HeadActivation? ClassifyTorchFunction(string name)
        {
            var trimmed = name.TrimEnd('_');
            if (trimmed == "expit") return HeadActivation.Sigmoid;

            // functional.linear is a layer, not an activation: its output is decided by the data flow, not by name.
            if (trimmed == "linear") return null;
            return FindFolded(Fold(trimmed));
        }

        /// <summary>What a <c>torch.nn</c> module factory's module outputs (<c>Softmax</c>, <c>Linear</c>, <c>ReLU</c>); null when it is not an activation or a linear layer.</summary>
        public static HeadActivation? ClassifyTorchModule(string factory)
        {
            if (factory == "Linear" || factory == "Bilinear") return HeadActivation.Linear;
            return FindFolded(Fold(factory)) is { } a && a != HeadActivation.Linear ? a : null;
        }

        /// <summary>The activation string that makes a head produce what the loss expects, or null for "any".</summary>
        public static string? ActivationFor(OutputExpectation expects) => expects switch
        {
            OutputExpectation.IndependentProbabilities => "sigmoid",
            OutputExpectation.Distribution => "softmax",
            _ => null,
        };

        /// <summary>
        /// TorchSharp activations (folded spelling) whose output is above 0 exactly where their input is (relu, elu,
        /// gelu, tanh, ...): thresholding their output at 0 classifies as thresholding the logit before them at 0.
        /// Not softplus or exp, which are above 0 everywhere.
        /// </summary>
        private static readonly ImmutableHashSet<string> PositiveExactlyForPositiveInput = ImmutableHashSet.CreateRange(StringComparer.Ordinal,
            new[] { "relu", "relu6", "elu", "selu", "celu", "gelu", "swish", "silu", "mish", "leaky_relu", "hard_swish", "hard_silu", "tanh", "softsign", "hard_tanh" }.Select(Fold));

        /// <summary>Whether a TorchSharp activation (function or module factory, any spelling) is above 0 exactly where its input is.</summary>
        public static bool ZeroThresholdKept(string name) => PositiveExactlyForPositiveInput.Contains(Fold(name.TrimEnd('_')));

        /// <summary>
        /// The value a TorchSharp activation's output (function or module factory, any spelling) exceeds exactly where
        /// its input exceeds 0, so that thresholding the output there classifies as thresholding the logit at 0: "0" for
        /// relu, tanh, ... (<see cref="ZeroThresholdKept"/>), "ln 2" for softplus (softplus(z) = ln(1 + e^z) &gt; ln 2 ⇔ z &gt; 0),
        /// "1" for exp (e^z &gt; 1 ⇔ z &gt; 0); null for any other.
        /// </summary>
        public static string? ThresholdOfZeroLogit(string name)
        {
            var folded = Fold(name.TrimEnd('_'));
            if (PositiveExactlyForPositiveInput.Contains(folded)) return "0";
            return folded switch
            {
                "softplus" => "ln 2",
                "exp" or "exponential" => "1",
                _ => null,
            };
        }

        private static string Fold(string name) => name.Replace("_", "").ToLowerInvariant();
    }
}
