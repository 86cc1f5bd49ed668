using System.Collections.Immutable;
using KerasLint.Knowledge;
using Microsoft.CodeAnalysis;

namespace KerasLint.Model
{
    /// <summary>Which engine's model a <see cref="TrainingView"/> or <see cref="ReadoutView"/> was made from (so a rule reports that library's id).</summary>
    internal enum ViewSource
    {
        /// <summary>A compiled setup (<see cref="TrainingSetup"/>): Keras.NET or TensorFlow.NET, the KL00xx ids.</summary>
        Setup,

        /// <summary>A hand-written training step (<see cref="TorchTrainingStep"/>): TorchSharp, the KL01xx ids.</summary>
        TorchStep,

        /// <summary>A hand-written metric read-out (<see cref="Model.TorchReadout"/>): TorchSharp, the KL01xx ids.</summary>
        TorchReadout,
    }

    /// <summary>What a prediction holds, whatever library produced it.</summary>
    internal sealed class PredictionView
    {
        public PredictionView(HeadActivation activation, int? units, bool softmaxOverOneUnit, ImmutableArray<Location> sites)
        {
            Activation = activation;
            Units = units;
            SoftmaxOverOneUnit = softmaxOverOneUnit;
            Sites = sites.IsDefault ? ImmutableArray<Location>.Empty : sites;
        }

        /// <summary>The activation that decides the values (Unknown when the code does not show it).</summary>
        public HeadActivation Activation { get; }

        /// <summary>The width of the last axis when constant; null when unknown.</summary>
        public int? Units { get; }

        /// <summary>Raw scores: no activation.</summary>
        public bool IsLogits => Activation == HeadActivation.Linear;

        /// <summary>Probabilities: a sigmoid (independent) or a softmax (a distribution).</summary>
        public bool IsProbabilities => Activation is HeadActivation.Sigmoid or HeadActivation.Softmax;

        /// <summary>Log-probabilities (log_softmax).</summary>
        public bool IsLogProbabilities => Activation == HeadActivation.LogSoftmax;

        /// <summary>A softmax whose every site normalises over a single unit: every value is 1.0.</summary>
        public bool SoftmaxOverOneUnit { get; }

        /// <summary>A softmax or log_softmax over more than one class (an unknown width counts: one unit is KL0004's mistake).</summary>
        public bool IsClassDistribution => Activation is HeadActivation.Softmax or HeadActivation.LogSoftmax && Units != 1;

        /// <summary>Where the activation is applied (opaque: rules only point at them).</summary>
        public ImmutableArray<Location> Sites { get; }
    }

    /// <summary>
    /// The library's spelling of a loss given in the catalog's terms (for advice in messages), or null when the
    /// library has no such loss in the form the code uses.
    /// </summary>
    internal delegate string? LossWording(KerasFunction function, LossInput input);

    /// <summary>
    /// The library-neutral view of one training program that the rules judge: a prediction and the loss applied to it
    /// (its semantics from the catalog), the targets where the code shows them, and the library's wording. Made from
    /// each engine's model (<c>Analysis/TrainingViews</c>); a rule decides a mistake once on this view and reports the
    /// id of the library it came from (<see cref="Source"/>).
    /// </summary>
    internal sealed class TrainingView
    {
        public TrainingView(ViewSource source, PredictionView prediction, LossSemantics? loss, bool targetsAreLabels, LossWording wording)
        {
            Source = source;
            Prediction = prediction;
            Loss = loss;
            TargetsAreLabels = targetsAreLabels;
            Wording = wording;
        }

        public ViewSource Source { get; }

        public PredictionView Prediction { get; }

        /// <summary>The loss in the catalog's terms; null when it is not a built-in the catalog knows.</summary>
        public LossSemantics? Loss { get; }

        /// <summary>
        /// Whether the targets are class labels (0/1 or one-hot), so that a sigmoid or a multi-unit linear output is a
        /// classifier's: TorchSharp where the code shows <c>one_hot</c>; a compiled Keras model whose output head is a
        /// sigmoid or softmax (a compiled model's output activation says what it predicts).
        /// </summary>
        public bool TargetsAreLabels { get; }

        /// <summary>How the library spells a loss (advice in messages never spells library API in the rule).</summary>
        public LossWording Wording { get; }

        /// <summary>The library's spelling of <paramref name="canonical"/> on <paramref name="input"/>, or null.</summary>
        public string? LossName(string canonical, LossInput input) => KerasCatalog.Get(canonical) is { } f ? Wording(f, input) : null;
    }
}
