using System.Collections.Immutable;
using KerasLint.Knowledge;

namespace KerasLint.Model
{
    /// <summary>
    /// The library-neutral view of one metric read-out that the rules judge: a number that claims to be a metric, made
    /// from a prediction by one of a few read-outs (exact equality, argmax, threshold, round), whether it counts hits
    /// (compares with the targets for equality), and the loss the prediction is trained with where the code shows it.
    /// Made from a compiled setup's metrics (Keras.NET, TensorFlow.NET: what "accuracy" resolves to under the family)
    /// and from a TorchSharp <see cref="TorchReadout"/> (<c>Analysis/TrainingViews</c>); a rule decides a mistake once on
    /// this view and reports the id of the library it came from (<see cref="Source"/>).
    /// </summary>
    internal sealed class ReadoutView
    {
        public ReadoutView(ViewSource source, PredictionView prediction, ImmutableArray<ReadoutForm> forms, bool countsHits, LossSemantics? loss, SpecialResolution? resolution)
        {
            Source = source;
            Prediction = prediction;
            Forms = forms.IsDefault ? ImmutableArray<ReadoutForm>.Empty : forms;
            CountsHits = countsHits;
            Loss = loss;
            Resolution = resolution;
        }

        public ViewSource Source { get; }

        /// <summary>The prediction read (a compiled model's output head; unknown activation when the code does not show it).</summary>
        public PredictionView Prediction { get; }

        /// <summary>How the prediction is read, one per possibility (a Keras accuracy the family resolves by facts not known here has several); empty when unknown.</summary>
        public ImmutableArray<ReadoutForm> Forms { get; }

        /// <summary>The read-out is compared with the targets for equality: the metric is a share of hits (an accuracy).</summary>
        public bool CountsHits { get; }

        /// <summary>The loss the prediction is trained with, in the catalog's terms; null when not known (a TorchSharp read-out does not see its loss).</summary>
        public LossSemantics? Loss { get; }

        /// <summary>What a compiled metric string resolves to in the catalog (Keras: the accuracy function or functions); null for a hand-written read-out.</summary>
        public SpecialResolution? Resolution { get; }
    }
}
