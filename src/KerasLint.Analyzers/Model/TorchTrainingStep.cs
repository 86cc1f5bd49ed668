using System.Collections.Immutable;
using System.Linq;
using KerasLint.Knowledge;
using Microsoft.CodeAnalysis;

namespace KerasLint.Model
{
    /// <summary>The TorchSharp losses the training-step rules reason about.</summary>
    public enum TorchLossKind
    {
        /// <summary><c>CrossEntropyLoss</c> / <c>functional.cross_entropy</c>: expects logits.</summary>
        CrossEntropy,

        /// <summary><c>NLLLoss</c> / <c>functional.nll_loss</c>: expects log-probabilities.</summary>
        NllLoss,

        /// <summary><c>BCELoss</c> / <c>functional.binary_cross_entropy</c>: expects probabilities in [0, 1].</summary>
        Bce,

        /// <summary><c>BCEWithLogitsLoss</c> / <c>functional.binary_cross_entropy_with_logits</c>: expects logits.</summary>
        BceWithLogits,

        /// <summary><c>MSELoss</c> / <c>functional.mse_loss</c>: a regression loss.</summary>
        Mse,

        /// <summary><c>L1Loss</c> / <c>functional.l1_loss</c>: a regression loss.</summary>
        L1,

        /// <summary><c>HuberLoss</c> / <c>functional.huber_loss</c>: a regression loss.</summary>
        Huber,

        /// <summary><c>SmoothL1Loss</c> / <c>functional.smooth_l1_loss</c>: a regression loss.</summary>
        SmoothL1,
    }

    /// <summary>What the target tensor of a loss call holds, where the code shows it.</summary>
    public enum TorchTargetKind
    {
        /// <summary>Not determined by the code.</summary>
        Unknown,

        /// <summary>One-hot class rows (<c>functional.one_hot(y, C)</c>, possibly converted to float).</summary>
        OneHot,
    }

    /// <summary>How the loss is invoked.</summary>
    public enum TorchLossForm
    {
        /// <summary>A loss module: <c>criterion.forward(pred, y)</c> or <c>criterion.call(pred, y)</c>.</summary>
        Module,

        /// <summary>A <c>torch.nn.functional</c> call: <c>cross_entropy(pred, y)</c>.</summary>
        Functional,
    }

    /// <summary>What kind of code applies the activation that decides the prediction.</summary>
    public enum ActivationSiteKind
    {
        /// <summary>A function applied to a tensor: <c>softmax(x, 1)</c>, <c>torch.softmax(x, 1)</c>, <c>x.softmax(1)</c>. Node: the invocation.</summary>
        Function,

        /// <summary>An activation module called on a tensor: <c>this.sm.forward(x)</c> / <c>sm.call(x)</c>. Node: the invocation.</summary>
        ModuleCall,

        /// <summary>The last module of a <c>Sequential(...)</c> factory call. Node: the element expression (a tuple or a module).</summary>
        SequentialElement,

        /// <summary>The last <c>append</c> on a Sequential. Node: the append invocation.</summary>
        Append,

        /// <summary>A module factory (<c>Softmax(1)</c>, <c>Linear(64, 10)</c>) used where no removable call exists.</summary>
        Factory,
    }

    /// <summary>One place that produces the prediction's kind of values.</summary>
    public sealed class ActivationSite
    {
        public ActivationSite(ActivationSiteKind kind, SyntaxNode node, SyntaxNode? input, SyntaxNode? factory, int? dim = null)
        {
            Kind = kind;
            Node = node;
            Input = input;
            Factory = factory;
            Dim = dim;
        }

        /// <summary>The constant axis a softmax or log_softmax normalises over (<c>Softmax(1)</c>, <c>softmax(x, -1)</c>); null when not one or not constant.</summary>
        public int? Dim { get; }

        public ActivationSiteKind Kind { get; }

        /// <summary>The node a fix removes or unwraps (see <see cref="ActivationSiteKind"/>).</summary>
        public SyntaxNode Node { get; }

        /// <summary>The tensor the activation is applied to (<see cref="ActivationSiteKind.Function"/>, <see cref="ActivationSiteKind.ModuleCall"/>), or the Sequential receiver (<see cref="ActivationSiteKind.Append"/>, may be null).</summary>
        public SyntaxNode? Input { get; }

        /// <summary>The module factory invocation (<c>Softmax(1)</c>) or the function invocation itself: the node a "switch activation" fix renames.</summary>
        public SyntaxNode? Factory { get; }

        public ActivationSite With(ActivationSiteKind kind, SyntaxNode node, SyntaxNode? input) => new ActivationSite(kind, node, input, Factory, Dim);
    }

    /// <summary>What a tensor holds, as far as the code determines it, and where that was decided.</summary>
    public readonly struct TorchHead
    {
        public static readonly TorchHead Unknown = new TorchHead(HeadActivation.Unknown, ImmutableArray<ActivationSite>.Empty);

        public TorchHead(HeadActivation activation, ImmutableArray<ActivationSite> sites, int? units = null, SyntaxNode? unitsNode = null)
        {
            Activation = activation;
            Sites = sites.IsDefault ? ImmutableArray<ActivationSite>.Empty : sites;
            Units = units;
            UnitsNode = units == null ? null : unitsNode;
        }

        /// <summary>The width of the last axis (the <c>out</c> of the last <c>Linear</c>, kept by element-wise activations) when constant; null when unknown or reshaped.</summary>
        public int? Units { get; }

        /// <summary>The constant that sets <see cref="Units"/> (the <c>Linear</c>'s output-size argument); null when several or none.</summary>
        public SyntaxNode? UnitsNode { get; }

        /// <summary>The same head with the given width.</summary>
        public TorchHead WithUnits(int? units, SyntaxNode? unitsNode) => new TorchHead(Activation, Sites, units, unitsNode);

        public HeadActivation Activation { get; }

        /// <summary>Every site that produced the value (more than one when several paths agree).</summary>
        public ImmutableArray<ActivationSite> Sites { get; }

        public bool IsKnown => Activation != HeadActivation.Unknown;

        /// <summary>
        /// A softmax over a single unit: the width is 1 and every site normalises over the unit axis (dim -1, or dim 1
        /// of the usual (batch, features) output), so every value is exactly 1.0 whatever the input (the library-neutral
        /// fact of Keras rule KL0004, Dense(1) with softmax). False when the width or an axis is unknown.
        /// </summary>
        public bool IsSoftmaxOverOneUnit =>
            Activation == HeadActivation.Softmax && Units == 1 && Sites.Length > 0 && Sites.All(s => s.Dim == 1 || s.Dim == -1);
    }

    /// <summary>The neutral model of one TorchSharp training step: a loss applied to a prediction.</summary>
    public sealed class TorchTrainingStep
    {
        public TorchTrainingStep(string library, TorchLossKind loss, TorchLossForm form, SyntaxNode lossCall, SyntaxNode? lossConstruction, SyntaxNode prediction, TorchHead head, TorchTargetKind target = TorchTargetKind.Unknown)
        {
            Library = library;
            Target = target;
            Loss = loss;
            Form = form;
            LossCall = lossCall;
            LossConstruction = lossConstruction;
            Prediction = prediction;
            Head = head;
        }

        /// <summary>The library whose code this is, as messages name it (from the adapter: "TorchSharp").</summary>
        public string Library { get; }

        public TorchLossKind Loss { get; }

        public TorchLossForm Form { get; }

        /// <summary>The loss invocation (<c>criterion.forward(pred, y)</c> or <c>cross_entropy(pred, y)</c>).</summary>
        public SyntaxNode LossCall { get; }

        /// <summary>Where the loss module is created (<c>CrossEntropyLoss()</c>), or the functional call; null when not found.</summary>
        public SyntaxNode? LossConstruction { get; }

        /// <summary>The prediction argument.</summary>
        public SyntaxNode Prediction { get; }

        /// <summary>What the prediction holds.</summary>
        public TorchHead Head { get; }

        /// <summary>What the target holds, where the code shows it.</summary>
        public TorchTargetKind Target { get; }
    }
}
