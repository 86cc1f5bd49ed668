using System.Collections.Generic;
using System.Linq;
using System.Threading;
using KerasLint.Analysis;
using KerasLint.Analysis.ValueFlow;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KerasLint.Libraries.TorchSharp
{
    /// <summary>
    /// Recognises the read-outs hand-written TorchSharp metrics apply to a prediction (<c>argmax</c>, <c>round</c>,
    /// a constant threshold, element-wise equality) into <see cref="TorchReadout"/>; what the tensor holds comes
    /// from <see cref="TrainingStepRecognizer.HeadOf"/> (the same data flow as the loss rules).
    /// </summary>
    internal static class ReadoutRecognizer
    {
        /// <summary>Whether the operation may be a read-out (cheap: symbols and names only).</summary>
        public static bool IsCandidate(TorchSharpSymbols symbols, IOperation operation)
        {
            switch (operation)
            {
                case IInvocationOperation inv:
                    var m = inv.TargetMethod;
                    return IsReadoutName(m.Name) && (m.IsStatic ? TorchSharpSymbols.Is(m.ContainingType, symbols.Torch) : symbols.IsTensor(m.ContainingType));
                case IBinaryOperation binary:
                    return binary.OperatorMethod != null && symbols.IsTensor(binary.OperatorMethod.ContainingType)
                        && (binary.OperatorKind == BinaryOperatorKind.GreaterThan || binary.OperatorKind == BinaryOperatorKind.GreaterThanOrEqual || binary.OperatorKind == BinaryOperatorKind.Equals);
                default:
                    return false;
            }
        }

        private static bool IsReadoutName(string name) =>
            name == "argmax" || name == "round" || name == "gt" || name == "ge" || name == "greater" || name == "greater_equal" || name == "eq";

        /// <summary>The read-out an operation applies to a prediction, or null; the prediction is followed through <paramref name="program"/> (a metric helper's parameter is what its callers pass, a module's width may be a constructor argument).</summary>
        /// <summary>
        /// Whether the statement (or expression body) holding <paramref name="node"/> does not parse (a token missing while
        /// the user types): its comparison may be cut anywhere, so neither what it counts nor an edit that fixes it is
        /// known. No read-out is recognised there; the compiler reports the syntax error, and the read-out is recognised
        /// once the statement is whole.
        /// </summary>
        private static bool InBrokenStatement(SyntaxNode node) =>
            (node.FirstAncestorOrSelf<SyntaxNode>(n => n is StatementSyntax || n is ArrowExpressionClauseSyntax) ?? node).ContainsDiagnostics;

        public static TorchReadout? Recognize(TorchSharpSymbols symbols, ProgramFlow program, IOperation operation, CancellationToken ct)
        {
            if (!IsCandidate(symbols, operation) || InBrokenStatement(operation.Syntax)) return null;
            TorchReadoutKind kind;
            IOperation? input;
            IOperation? argument;
            switch (operation)
            {
                case IInvocationOperation inv:
                {
                    var m = inv.TargetMethod;
                    var shift = m.IsStatic ? 1 : 0;
                    input = m.IsStatic ? inv.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value : inv.Instance;
                    argument = inv.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == shift && Operations.IsExplicit(a))?.Value;
                    kind = m.Name switch
                    {
                        "argmax" => TorchReadoutKind.Argmax,
                        "round" => TorchReadoutKind.Round,
                        "eq" => TorchReadoutKind.Equality,
                        _ => TorchReadoutKind.Threshold,
                    };
                    if (kind == TorchReadoutKind.Round && inv.Arguments.Any(a => a.Parameter?.Ordinal >= shift && Operations.IsExplicit(a))) return null; // round(decimals)
                    break;
                }

                case IBinaryOperation binary:
                    input = binary.LeftOperand;
                    argument = binary.RightOperand;
                    kind = binary.OperatorKind == BinaryOperatorKind.Equals ? TorchReadoutKind.Equality : TorchReadoutKind.Threshold;
                    break;
                default:
                    return null;
            }

            if (input == null) return null;
            var flow = program.Member(operation);
            switch (kind)
            {
                case TorchReadoutKind.Argmax:
                {
                    var dim = argument == null ? null : flow.TraceNumber(argument, ct);
                    if (dim == null || dim.Value != System.Math.Floor(dim.Value)) return null;
                    var head = TrainingStepRecognizer.HeadOf(symbols, program, input, ct);
                    return new TorchReadout(TorchSharpAdapter.Library, kind, operation.Syntax, input.Syntax, head, (int)dim.Value, null, argument!.Syntax, null, null);
                }

                case TorchReadoutKind.Round:
                case TorchReadoutKind.Threshold:
                {
                    double? threshold = null;
                    if (kind == TorchReadoutKind.Threshold)
                    {
                        threshold = argument == null ? null : flow.TraceNumber(argument, ct);
                        if (threshold == null) return null;
                    }

                    var (comparison, compared) = ComparedIn(operation, flow, ct);
                    if (comparison == null) return null; // not an accuracy: thresholds also select, mask, report
                    var head = TrainingStepRecognizer.HeadOf(symbols, program, input, ct);
                    return new TorchReadout(TorchSharpAdapter.Library, kind, operation.Syntax, input.Syntax, head, null, threshold, null, comparison.Syntax, compared?.Syntax);
                }

                default:
                {
                    if (argument == null) return null;
                    // The operand whose head is known decides; shape changes (squeeze, view) keep the values.
                    var left = TrainingStepRecognizer.HeadOf(symbols, program, PeelShape(symbols, input), ct);
                    var right = TrainingStepRecognizer.HeadOf(symbols, program, PeelShape(symbols, argument), ct);
                    if (left.IsKnown == right.IsKnown) return null;
                    var (prediction, head, other) = left.IsKnown ? (input, left, argument) : (argument, right, input);
                    return new TorchReadout(TorchSharpAdapter.Library, kind, operation.Syntax, prediction.Syntax, head, null, null, null, operation.Syntax, other.Syntax);
                }
            }
        }

        /// <summary>The tensor under shape-only methods (<c>squeeze</c>, <c>view</c>, …): an equality compares the same values.</summary>
        private static IOperation PeelShape(TorchSharpSymbols symbols, IOperation op)
        {
            var current = Operations.Unwrap(op);
            while (current is IInvocationOperation inv && inv.Instance != null && symbols.IsValuePreserving(inv.TargetMethod))
            {
                current = Operations.Unwrap(inv.Instance);
            }

            return current;
        }

        /// <summary>
        /// The one equality the value is compared in, directly (<c>x.round().eq(y)</c>, <c>(x &gt; 0.5) == y</c>) or
        /// through a local it initialises; and the other operand. (null, null) when none or several.
        /// </summary>
        private static (IOperation? Comparison, IOperation? Other) ComparedIn(IOperation value, MemberFlow flow, CancellationToken ct)
        {
            var direct = Comparison(value);
            if (direct.Comparison != null) return direct;
            var parent = Operations.ParentSkippingWrappers(value);
            if (parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
            {
                var found = new List<(IOperation? Comparison, IOperation? Other)>();
                foreach (var read in flow.Reads(declarator.Symbol, ct))
                {
                    var c = Comparison(read);
                    if (c.Comparison != null) found.Add(c);
                }

                if (found.Count == 1) return found[0];
            }

            return (null, null);
        }

        private static (IOperation? Comparison, IOperation? Other) Comparison(IOperation value)
        {
            var self = value;
            while (self.Parent is IConversionOperation || self.Parent is IParenthesizedOperation) self = self.Parent;
            switch (self.Parent)
            {
                case IInvocationOperation inv when inv.TargetMethod.Name == "eq" && !inv.TargetMethod.IsStatic && inv.Instance == self:
                    return (inv, inv.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value);
                case IArgumentOperation { Parent: IInvocationOperation inv } arg when inv.TargetMethod.Name == "eq":
                    return (inv, inv.TargetMethod.IsStatic ? inv.Arguments.FirstOrDefault(a => a != arg)?.Value : inv.Instance);
                case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Equals && binary.OperatorMethod != null:
                    return (binary, binary.LeftOperand == self ? binary.RightOperand : binary.LeftOperand);
                default:
                    return (null, null);
            }
        }
    }
}
