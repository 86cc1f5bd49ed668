using System.Collections.Immutable;
using System.Linq;
using KerasLint.Knowledge;
using KerasLint.Model;
using Microsoft.CodeAnalysis;

namespace KerasLint.Analysis
{
    /// <summary>
    /// Maps each engine's model into the library-neutral <see cref="TrainingView"/> that the rules over a prediction and
    /// its loss judge: a compiled setup (Keras.NET, TensorFlow.NET) and a TorchSharp training step. The loss's semantics
    /// come from the catalog (<see cref="LossSemantics.OfKeras"/>, <see cref="TorchLosses"/>), the loss names in advice
    /// from the library (<see cref="LossWording"/>). The same for metric read-outs (<see cref="ReadoutView"/>): a
    /// compiled setup's accuracy metric and a TorchSharp read-out.
    /// </summary>
    internal static class TrainingViews
    {
        /// <summary>Keras names: a catalog function on probabilities (or any value) is spelled by its canonical name; logits need an object.</summary>
        private static readonly LossWording KerasWording = (f, input) =>
            input == LossInput.Values || (input == LossInput.Probabilities && f.Expects != OutputExpectation.Any) ? f.CanonicalName : null;

        /// <summary>The view of a compiled setup; null when its output head is not known.</summary>
        public static TrainingView? Of(TrainingSetup setup)
        {
            if (setup.Head is not { } head) return null;
            return new TrainingView(ViewSource.Setup, PredictionOf(head), LossOf(setup), head.Activation is HeadActivation.Sigmoid or HeadActivation.Softmax, KerasWording);
        }

        /// <summary>
        /// The read-out of a compiled "accuracy"/"acc" metric: the accuracy function(s) it resolves to under the setup's
        /// family (loss, output width) and how each reads the prediction (<see cref="MetricReadouts"/>), a share of hits;
        /// null for any other metric. The prediction's activation is unknown when the output head is.
        /// </summary>
        public static ReadoutView? Of(TrainingSetup setup, MetricInfo metric)
        {
            var family = setup.Family.Family;
            if (metric.Text is not { } text || SpecialStrings.Classify(family, text) != SpecialStringKind.Accuracy) return null;
            var resolution = SpecialStrings.ResolveMetric(family, text, setup.Loss.Function?.CanonicalName, setup.Head?.Units, LabelLayout.Unknown);
            // Each form once, in order (a loop, not Distinct: that would compile a hash set of the enum in a fresh csc).
            var forms = ImmutableArray.CreateBuilder<ReadoutForm>();
            foreach (var candidate in resolution.Candidates)
            {
                foreach (var form in MetricReadouts.Of(family, candidate))
                {
                    if (!forms.Contains(form)) forms.Add(form);
                }
            }

            var prediction = setup.Head is { } head ? PredictionOf(head) : new PredictionView(HeadActivation.Unknown, null, false, ImmutableArray<Location>.Empty);
            return new ReadoutView(ViewSource.Setup, prediction, forms.ToImmutable(), countsHits: true, LossOf(setup), resolution);
        }

        private static PredictionView PredictionOf(HeadInfo head) =>
            new PredictionView(head.Activation, head.Units, head.Units == 1 && head.Activation == HeadActivation.Softmax, ImmutableArray.Create(head.ActivationLocation));

        private static LossSemantics? LossOf(TrainingSetup setup) =>
            setup.Loss.Function is { } f ? LossSemantics.OfKeras(f, setup.Loss.Form == LossForm.Object, setup.Loss.FromLogits?.Value) : null;

        /// <summary>The view of a TorchSharp training step (its prediction is known: the engine checks).</summary>
        public static TrainingView Of(TorchTrainingStep step)
        {
            var prediction = PredictionOf(step.Head);
            var form = step.Form;
            LossWording wording = (f, input) => TorchLosses.ModuleFor(f, input) is { } module && TorchLossNames.OfModule(module) is { } kind ? TorchLossNames.Of(kind, form) : null;
            return new TrainingView(ViewSource.TorchStep, prediction, TorchLosses.Of(TorchLossNames.Of(step.Loss, TorchLossForm.Module)),
                step.Target == TorchTargetKind.OneHot, wording);
        }

        /// <summary>
        /// The view of a TorchSharp read-out (its prediction is known: the engine checks): one read-out, a share of hits
        /// when it is compared with the targets. The loss is not known: a read-out does not see the step that trains it.
        /// </summary>
        public static ReadoutView Of(TorchReadout readout)
        {
            var form = readout.Kind switch
            {
                TorchReadoutKind.Argmax => ReadoutForm.Argmax,
                TorchReadoutKind.Round => ReadoutForm.Round,
                TorchReadoutKind.Threshold => ReadoutForm.Threshold,
                _ => ReadoutForm.Exact,
            };
            return new ReadoutView(ViewSource.TorchReadout, PredictionOf(readout.Head), ImmutableArray.Create(form),
                countsHits: readout.Kind == TorchReadoutKind.Equality || readout.Comparison != null, loss: null, resolution: null);
        }

        private static PredictionView PredictionOf(TorchHead head) =>
            new PredictionView(head.Activation, head.Units, head.IsSoftmaxOverOneUnit, head.Sites.Select(s => s.Node.GetLocation()).ToImmutableArray());
    }
}
