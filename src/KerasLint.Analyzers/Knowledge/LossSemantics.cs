namespace KerasLint.Knowledge
{
    /// <summary>What a loss reads from the prediction it receives.</summary>
    public enum LossInput
    {
        /// <summary>Not determined by the code (a loss object whose from_logits is not a constant).</summary>
        Unknown,

        /// <summary>Any real value: a regression or hinge loss.</summary>
        Values,

        /// <summary>Probabilities (from_logits: false): what the catalog's <see cref="KerasFunction.Expects"/> says.</summary>
        Probabilities,

        /// <summary>Logits: the loss applies the softmax or sigmoid itself (from_logits: true).</summary>
        Logits,

        /// <summary>Log-probabilities (log_softmax outputs): the loss only picks and negates them.</summary>
        LogProbabilities,
    }

    /// <summary>
    /// A loss in the catalog's terms, whatever library spells it: the catalog function (regression or classification,
    /// binary or categorical, what it expects) and what it reads from the prediction.
    /// </summary>
    public sealed class LossSemantics
    {
        public LossSemantics(KerasFunction function, LossInput input)
        {
            Function = function;
            Input = input;
        }

        public KerasFunction Function { get; }

        public LossInput Input { get; }

        public bool IsRegression => Function.IsRegression;

        /// <summary>Binary crossentropy (one or many independent yes/no outputs), whatever its input.</summary>
        public bool IsBinaryCrossentropy => Function.Task == TaskClass.Binary;

        /// <summary>Categorical crossentropy (one label among C), one-hot or class-index targets, whatever its input.</summary>
        public bool IsCategoricalCrossentropy => Function.Task is TaskClass.MultiClassOneHot or TaskClass.MultiClassSparse;

        /// <summary>
        /// The semantics of a Keras loss: names take probabilities (or any value, for regression and hinge losses);
        /// a crossentropy object takes logits with from_logits: true, probabilities with false, and is unknown otherwise.
        /// </summary>
        public static LossSemantics OfKeras(KerasFunction function, bool isObject, bool? fromLogits)
        {
            if (function.Expects == OutputExpectation.Any) return new LossSemantics(function, LossInput.Values);
            if (!isObject) return new LossSemantics(function, LossInput.Probabilities);
            return new LossSemantics(function, fromLogits switch
            {
                true => LossInput.Logits,
                false => LossInput.Probabilities,
                _ => LossInput.Unknown,
            });
        }
    }

    /// <summary>
    /// TorchSharp's losses (<c>torch.nn</c> module class names; the functional forms compute the same) in the catalog's
    /// terms, from the PyTorch documentation of each loss: CrossEntropyLoss applies log_softmax to logits and reads
    /// class-index targets; NLLLoss reads log-probabilities; BCELoss reads probabilities; BCEWithLogitsLoss applies the
    /// sigmoid itself; SmoothL1Loss is the Huber loss with delta 1 divided by delta, so it counts as huber here.
    /// </summary>
    public static class TorchLosses
    {
        private static readonly (string Module, string Canonical, LossInput Input)[] Table =
        {
            ("CrossEntropyLoss", "sparse_categorical_crossentropy", LossInput.Logits),
            ("NLLLoss", "sparse_categorical_crossentropy", LossInput.LogProbabilities),
            ("BCELoss", "binary_crossentropy", LossInput.Probabilities),
            ("BCEWithLogitsLoss", "binary_crossentropy", LossInput.Logits),
            ("MSELoss", "mean_squared_error", LossInput.Values),
            ("L1Loss", "mean_absolute_error", LossInput.Values),
            ("HuberLoss", "huber", LossInput.Values),
            ("SmoothL1Loss", "huber", LossInput.Values),
        };

        /// <summary>The semantics of a TorchSharp loss module (by class name); null for a loss the table lacks.</summary>
        public static LossSemantics? Of(string module)
        {
            foreach (var (m, canonical, input) in Table)
            {
                if (m == module && KerasCatalog.Get(canonical) is { } f) return new LossSemantics(f, input);
            }

            return null;
        }

        /// <summary>
        /// The TorchSharp loss module that computes <paramref name="function"/>'s kind of loss (binary or categorical
        /// crossentropy, or the function itself) on <paramref name="input"/>; null when TorchSharp has none (there is
        /// no categorical crossentropy on probabilities: CrossEntropyLoss takes logits, NLLLoss log-probabilities).
        /// </summary>
        public static string? ModuleFor(KerasFunction function, LossInput input)
        {
            foreach (var (m, canonical, i) in Table)
            {
                if (i != input || KerasCatalog.Get(canonical) is not { } f) continue;
                if (f == function || (f.Task == function.Task && f.Task == TaskClass.Binary)
                    || (f.Task is TaskClass.MultiClassOneHot or TaskClass.MultiClassSparse && function.Task is TaskClass.MultiClassOneHot or TaskClass.MultiClassSparse))
                {
                    return m;
                }
            }

            return null;
        }
    }
}
