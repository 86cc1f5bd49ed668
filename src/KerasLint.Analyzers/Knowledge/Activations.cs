using System;

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

    /// <summary>Keras activation identifiers (keras.activations.get) mapped to what they produce.</summary>
    public static class Activations
    {
        /// <summary>Classifies a Keras activation string; "" and null mean "not given", i.e. linear (Keras.NET drops empty strings).</summary>
        public static HeadActivation Classify(string? activation)
        {
            if (string.IsNullOrWhiteSpace(activation)) return HeadActivation.Linear;
            switch (activation!.Trim())
            {
                case "linear":
                    return HeadActivation.Linear;
                case "softmax":
                    return HeadActivation.Softmax;
                case "log_softmax":
                    return HeadActivation.LogSoftmax;
                case "sigmoid":
                case "hard_sigmoid":
                    return HeadActivation.Sigmoid;
                case "tanh":
                case "softsign":
                case "hard_tanh":
                    return HeadActivation.Tanh;
                case "relu":
                case "relu6":
                case "elu":
                case "selu":
                case "gelu":
                case "softplus":
                case "exponential":
                case "swish":
                case "silu":
                case "mish":
                case "leaky_relu":
                case "hard_swish":
                case "hard_silu":
                    return HeadActivation.Unbounded;
                default:
                    return HeadActivation.Unknown;
            }
        }

        /// <summary>Whether a head's outputs satisfy what a loss expects.</summary>
        public static bool Satisfies(HeadActivation head, OutputExpectation expects, int? units) => expects switch
        {
            OutputExpectation.Any => true,
            OutputExpectation.IndependentProbabilities => head == HeadActivation.Sigmoid || (head == HeadActivation.Softmax && units is > 1),
            OutputExpectation.Distribution => head == HeadActivation.Softmax,
            _ => true,
        };

        /// <summary>The activation string that makes a head produce what the loss expects, or null for "any".</summary>
        public static string? ActivationFor(OutputExpectation expects) => expects switch
        {
            OutputExpectation.IndependentProbabilities => "sigmoid",
            OutputExpectation.Distribution => "softmax",
            _ => null,
        };
    }
}
