using Microsoft.CodeAnalysis;

namespace KerasLint.Model
{
    /// <summary>How a hand-written metric reads a prediction tensor.</summary>
    public enum TorchReadoutKind
    {
        /// <summary><c>pred.argmax(dim)</c> / <c>torch.argmax(pred, dim)</c>: the class per row.</summary>
        Argmax,

        /// <summary><c>pred.round()</c> / <c>torch.round(pred)</c>: 0/1 per element.</summary>
        Round,

        /// <summary><c>pred &gt; t</c>, <c>pred &gt;= t</c>, <c>pred.gt(t)</c>, <c>pred.ge(t)</c> with a constant t.</summary>
        Threshold,

        /// <summary><c>pred == y</c>, <c>pred.eq(y)</c>, <c>torch.eq(pred, y)</c>: element-wise equality.</summary>
        Equality,
    }

    /// <summary>
    /// The neutral model of one read-out of a prediction in hand-written metric code (TorchSharp has no
    /// <c>compile(metrics)</c>): what is applied to which tensor, and what that tensor holds.
    /// </summary>
    public sealed class TorchReadout
    {
        public TorchReadout(string library, TorchReadoutKind kind, SyntaxNode node, SyntaxNode prediction, TorchHead head, int? dim, double? threshold, SyntaxNode? dimNode, SyntaxNode? comparison, SyntaxNode? compared)
        {
            Library = library;
            Kind = kind;
            Node = node;
            Prediction = prediction;
            Head = head;
            Dim = dim;
            Threshold = threshold;
            DimNode = dimNode;
            Comparison = comparison;
            Compared = compared;
        }

        /// <summary>The library whose code this is, as messages name it (from the adapter: "TorchSharp").</summary>
        public string Library { get; }

        public TorchReadoutKind Kind { get; }

        /// <summary>The call or operator expression (the diagnostic's location; the node a fix replaces).</summary>
        public SyntaxNode Node { get; }

        /// <summary>The tensor read (for <see cref="TorchReadoutKind.Equality"/>: the operand whose head is known).</summary>
        public SyntaxNode Prediction { get; }

        /// <summary>What <see cref="Prediction"/> holds: activation and width (<see cref="TorchHead.Units"/>).</summary>
        public TorchHead Head { get; }

        /// <summary>The constant dimension of an argmax; null when absent or not constant.</summary>
        public int? Dim { get; }

        /// <summary>The dimension argument's expression (an argmax's).</summary>
        public SyntaxNode? DimNode { get; }

        /// <summary>The constant of a threshold.</summary>
        public double? Threshold { get; }

        /// <summary>
        /// For <see cref="TorchReadoutKind.Round"/> / <see cref="TorchReadoutKind.Threshold"/>: the equality the result
        /// is compared in (directly or through a local), when there is exactly one; null when the result is not compared.
        /// For <see cref="TorchReadoutKind.Equality"/>: the node itself.
        /// </summary>
        public SyntaxNode? Comparison { get; }

        /// <summary>The other operand of <see cref="Comparison"/> (the target).</summary>
        public SyntaxNode? Compared { get; }
    }
}
