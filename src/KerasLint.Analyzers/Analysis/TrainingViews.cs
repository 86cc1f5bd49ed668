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
    /// from the library (<see cref="LossWording"/>).
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
            var loss = setup.Loss.Function is { } f ? LossSemantics.OfKeras(f, setup.Loss.Form == LossForm.Object, setup.Loss.FromLogits?.Value) : null;
            var prediction = new PredictionView(head.Activation, head.Units, head.Units == 1 && head.Activation == HeadActivation.Softmax,
                ImmutableArray.Create(head.ActivationLocation));
            return new TrainingView(ViewSource.Setup, prediction, loss, head.Activation is HeadActivation.Sigmoid or HeadActivation.Softmax, KerasWording);
        }

        /// <summary>The view of a TorchSharp training step (its prediction is known: the engine checks).</summary>
        public static TrainingView Of(TorchTrainingStep step)
        {
            var head = step.Head;
            var prediction = new PredictionView(head.Activation, head.Units, head.IsSoftmaxOverOneUnit,
                head.Sites.Select(s => s.Node.GetLocation()).ToImmutableArray());
            var form = step.Form;
            LossWording wording = (f, input) => TorchLosses.ModuleFor(f, input) is { } module && TorchLossNames.OfModule(module) is { } kind ? TorchLossNames.Of(kind, form) : null;
            return new TrainingView(ViewSource.TorchStep, prediction, TorchLosses.Of(TorchLossNames.Of(step.Loss, TorchLossForm.Module)),
                step.Target == TorchTargetKind.OneHot, wording);
        }
    }
}
