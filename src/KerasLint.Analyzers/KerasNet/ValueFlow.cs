using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KerasLint.KerasNet
{
    /// <summary>
    /// Intra-method data flow on IOperation: constants through literals, const, single-assignment locals and
    /// readonly fields; arrays created inline or in a local. Anything else is "unknown" (null).
    /// </summary>
    internal sealed class ValueFlow
    {
        private readonly IOperation root;
        private readonly CancellationToken cancellationToken;
        private Dictionary<ILocalSymbol, List<IOperation>>? writes;
        private Dictionary<ILocalSymbol, List<ILocalReferenceOperation>>? reads;

        private readonly System.Func<IMethodSymbol, bool>? readsOnly;

        /// <param name="anyOperationInBody">Any operation of the member body to analyse.</param>
        /// <param name="cancellationToken">Honoured while indexing the body.</param>
        /// <param name="readsOnly">Methods known not to modify an array passed to them (Keras.NET's compile/fit).</param>
        public ValueFlow(IOperation anyOperationInBody, CancellationToken cancellationToken, System.Func<IMethodSymbol, bool>? readsOnly = null)
        {
            this.readsOnly = readsOnly;
            var r = anyOperationInBody;
            while (r.Parent != null) r = r.Parent;
            root = r;
            this.cancellationToken = cancellationToken;
        }

        /// <summary>The outermost operation of the member body (method, accessor, field initializer…).</summary>
        public IOperation Root => root;

        public static IOperation Unwrap(IOperation op)
        {
            while (true)
            {
                switch (op)
                {
                    case IConversionOperation c:
                        op = c.Operand;
                        continue;
                    case IParenthesizedOperation p:
                        op = p.Operand;
                        continue;
                    default:
                        return op;
                }
            }
        }

        /// <summary>All operations of the body in source order (cached lazily per call site by the caller).</summary>
        public IEnumerable<IOperation> All() => root.DescendantsAndSelf();

        /// <summary>The single value assigned to a local (declaration initializer or one assignment), else null.</summary>
        public IOperation? SingleValue(ILocalSymbol local)
        {
            Index();
            if (!writes!.TryGetValue(local, out var list) || list.Count != 1) return null;
            return list[0];
        }

        /// <summary>The block that declares a local (its lambda or local function body included), else the root.</summary>
        public IOperation DeclarationScope(ILocalSymbol local)
        {
            foreach (var op in root.DescendantsAndSelf())
            {
                if (op is IVariableDeclaratorOperation d && SymbolEqualityComparer.Default.Equals(d.Symbol, local))
                {
                    for (var p = op.Parent; p != null; p = p.Parent)
                    {
                        if (p is IBlockOperation) return p;
                    }

                    break;
                }
            }

            return root;
        }

        /// <summary>How many times a local is read.</summary>
        public int ReadCount(ILocalSymbol local)
        {
            Index();
            return reads!.TryGetValue(local, out var list) ? list.Count : 0;
        }

        public IReadOnlyList<ILocalReferenceOperation> Reads(ILocalSymbol local)
        {
            Index();
            return reads!.TryGetValue(local, out var list) ? list : (IReadOnlyList<ILocalReferenceOperation>)System.Array.Empty<ILocalReferenceOperation>();
        }

        /// <summary>Follows single-assignment locals to the operation that produced a value.</summary>
        public IOperation Trace(IOperation op, int depth = 0)
        {
            op = Unwrap(op);
            if (depth < 8 && op is ILocalReferenceOperation lr && SingleValue(lr.Local) is { } v)
            {
                return Trace(v, depth + 1);
            }

            return op;
        }

        /// <summary>A string value and the literal a fix may edit.</summary>
        public ValueSite String(IOperation use)
        {
            var useLocation = use.Syntax.GetLocation();
            var op = Unwrap(use);
            if (op.ConstantValue.HasValue)
            {
                var text = op.ConstantValue.Value as string;
                return new ValueSite(text, useLocation, op is ILiteralOperation && op.Syntax is LiteralExpressionSyntax ? op.Syntax.GetLocation() : null);
            }

            switch (op)
            {
                case ILocalReferenceOperation lr when SingleValue(lr.Local) is { } value:
                {
                    var inner = Unwrap(value);
                    if (!inner.ConstantValue.HasValue || !(inner.ConstantValue.Value is string s)) return new ValueSite(null, useLocation, null);
                    var literal = inner is ILiteralOperation && inner.Syntax is LiteralExpressionSyntax && ReadCount(lr.Local) == 1 ? inner.Syntax.GetLocation() : null;
                    return new ValueSite(s, useLocation, literal);
                }

                case IFieldReferenceOperation fr when fr.Field.IsReadOnly:
                    return new ValueSite(ReadonlyFieldString(fr), useLocation, null);
            }

            return new ValueSite(null, useLocation, null);
        }

        /// <summary>An int or double constant.</summary>
        public static double? Number(IOperation use)
        {
            var op = Unwrap(use);
            if (!op.ConstantValue.HasValue) op = use;
            if (!op.ConstantValue.HasValue) return null;
            switch (op.ConstantValue.Value)
            {
                case int i: return i;
                case long l: return l;
                case float f: return f;
                case double d: return d;
                case decimal m: return (double)m;
                default: return null;
            }
        }

        /// <summary>A number through constants and single-assignment locals.</summary>
        public double? TraceNumber(IOperation use)
        {
            var direct = Number(use);
            if (direct != null) return direct;
            var op = Unwrap(use);
            if (op is ILocalReferenceOperation lr && SingleValue(lr.Local) is { } v) return Number(v);
            return null;
        }

        /// <summary>The elements of an array created inline or in a single-assignment local; null when not visible.</summary>
        public ImmutableArray<IOperation>? ArrayElements(IOperation use, out bool inline)
        {
            inline = false;
            var op = Unwrap(use);
            if (op is ILocalReferenceOperation lr)
            {
                if (ElementWritten(lr.Local)) return null;
                if (SingleValue(lr.Local) is { } v) op = Unwrap(v);
                else return null;
            }
            else
            {
                inline = true;
            }

            if (op is IArrayCreationOperation { Initializer: { } init })
            {
                return init.ElementValues;
            }

            return null;
        }

        private bool ElementWritten(ILocalSymbol local)
        {
            foreach (var r in Reads(local))
            {
                if (r.Parent is IArrayElementReferenceOperation ae && IsWriteTarget(ae)) return true;
                if (r.Parent is IArgumentOperation { Parent: var call })
                {
                    if (readsOnly != null && call is IInvocationOperation inv && readsOnly(inv.TargetMethod)) continue;
                    return true;
                }
            }

            return false;
        }

        private static bool IsWriteTarget(IOperation op) =>
            op.Parent is IAssignmentOperation a && a.Target == op
            || op.Parent is IIncrementOrDecrementOperation
            || op.Parent is IArgumentOperation arg && arg.Parameter?.RefKind is RefKind.Ref or RefKind.Out;

        private string? ReadonlyFieldString(IFieldReferenceOperation fr)
        {
            var field = fr.Field;
            if (field.DeclaringSyntaxReferences.Length != 1) return null;
            var declarator = field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) as VariableDeclaratorSyntax;
            if (declarator?.Initializer == null || fr.SemanticModel == null || declarator.SyntaxTree != fr.Syntax.SyntaxTree) return null;

            // Single assignment: no assignment to the field anywhere in its type (constructors included).
            var type = declarator.FirstAncestorOrSelf<TypeDeclarationSyntax>();
            if (type != null)
            {
                foreach (var assignment in type.DescendantNodes().OfType<AssignmentExpressionSyntax>())
                {
                    var left = assignment.Left is MemberAccessExpressionSyntax ma ? ma.Name : assignment.Left as SimpleNameSyntax;
                    if (left?.Identifier.ValueText == field.Name) return null;
                }
            }

            var value = fr.SemanticModel.GetConstantValue(declarator.Initializer.Value, cancellationToken);
            return value.HasValue ? value.Value as string : null;
        }

        private void Index()
        {
            if (writes != null) return;
            var w = new Dictionary<ILocalSymbol, List<IOperation>>(SymbolEqualityComparer.Default);
            var r = new Dictionary<ILocalSymbol, List<ILocalReferenceOperation>>(SymbolEqualityComparer.Default);
            void AddWrite(ILocalSymbol local, IOperation value)
            {
                if (!w.TryGetValue(local, out var list)) w[local] = list = new List<IOperation>();
                list.Add(value);
            }

            foreach (var op in root.DescendantsAndSelf())
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (op)
                {
                    case IVariableDeclaratorOperation d when d.GetVariableInitializer() is { } init:
                        AddWrite(d.Symbol, init.Value);
                        break;
                    case ILocalReferenceOperation lr:
                        if (lr.IsDeclaration || IsWriteTarget(lr) || lr.Parent is ITupleOperation { Parent: IDeconstructionAssignmentOperation })
                        {
                            AddWrite(lr.Local, lr.Parent is ISimpleAssignmentOperation sa && sa.Target == lr ? sa.Value : lr);
                            if (!(lr.Parent is ISimpleAssignmentOperation s2 && s2.Target == lr)) AddWrite(lr.Local, lr); // compound/ref: unknown
                        }
                        else
                        {
                            if (!r.TryGetValue(lr.Local, out var list)) r[lr.Local] = list = new List<ILocalReferenceOperation>();
                            list.Add(lr);
                        }

                        break;
                }
            }

            // Locals declared without initializer in a foreach/using/pattern are never "single value".
            reads = r;
            writes = w;
        }
    }
}
