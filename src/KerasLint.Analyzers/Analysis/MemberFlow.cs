using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KerasLint.Analysis
{
    /// <summary>
    /// Intra-method data flow for every library adapter, over one index per member body. The index is built by a
    /// single walk of the body the first time anything asks, and shared by every call site in that body (so 200
    /// setups in one method cost what they cost in 200 methods). It is keyed weakly by the body's root operation:
    /// it lives exactly as long as Roslyn keeps that operation tree, and holds nothing past the analysis.
    /// <para>
    /// Two views of the same index: constants through literals, const, single-assignment locals and readonly
    /// fields (<see cref="SingleValue"/>, <see cref="String"/>, <see cref="ArrayElements"/>), and reaching
    /// definitions of locals and parameters at a use (<see cref="ReachingValues"/>).
    /// Anything else is "unknown" (null).
    /// </para>
    /// </summary>
    internal sealed class MemberFlow
    {
        private static readonly ConditionalWeakTable<IOperation, MemberFlow> Cache = new ConditionalWeakTable<IOperation, MemberFlow>();

        private readonly object gate = new object();
        private Index? index;

        private MemberFlow(IOperation root) => Root = root;

        private readonly System.Collections.Concurrent.ConcurrentDictionary<object, object> memo = new System.Collections.Concurrent.ConcurrentDictionary<object, object>();

        /// <summary>
        /// Facts about this body that every call site in it shares (the add calls on a model, the fit calls after each
        /// compile), computed once per key: a member with thousands of compile calls costs linear time, not quadratic.
        /// </summary>
        public T Memo<T>(object key, System.Func<T> create)
            where T : class => (T)memo.GetOrAdd(key, _ => create());

        private int visited;

        /// <summary>Work done by the queries over this body (operations visited by the callers that count it); tests pin it, never time.</summary>
        public int Visited => Volatile.Read(ref visited);

        /// <summary>Counts work done over this body.</summary>
        public void Visit(int count = 1) => Interlocked.Add(ref visited, count);

        /// <summary>The outermost operation of the member body.</summary>
        public IOperation Root { get; }

        /// <summary>The flow of the member body that contains <paramref name="anyOperationInBody"/>.</summary>
        public static MemberFlow For(IOperation anyOperationInBody) =>
            Cache.GetValue(Operations.Root(anyOperationInBody), root => new MemberFlow(root));

        /// <summary>Every invocation in the body (lambdas included), in source order.</summary>
        public IReadOnlyList<IInvocationOperation> Invocations(CancellationToken ct) => Get(ct).Invocations;

        /// <summary>The single value assigned to a local (declaration initializer or one assignment), else null.</summary>
        public IOperation? SingleValue(ILocalSymbol local, CancellationToken ct) =>
            Get(ct).LocalValues.TryGetValue(local, out var list) && list.Count == 1 ? list[0] : null;

        /// <summary>The block that declares a local (its lambda or local function body included), else the root.</summary>
        public IOperation DeclarationScope(ILocalSymbol local, CancellationToken ct)
        {
            if (Get(ct).Declarators.TryGetValue(local, out var d))
            {
                for (var p = d.Parent; p != null; p = p.Parent)
                {
                    if (p is IBlockOperation) return p;
                }
            }

            return Root;
        }

        /// <summary>The reads of a local or parameter (not its writes), in source order, lambdas included.</summary>
        public bool HasWrites(ISymbol symbol, CancellationToken ct) => Get(ct).Writes.ContainsKey(symbol);

        public IReadOnlyList<IOperation> Reads(ISymbol symbol, CancellationToken ct) =>
            Get(ct).Reads.TryGetValue(symbol, out var list) ? list : (IReadOnlyList<IOperation>)System.Array.Empty<IOperation>();

        /// <summary>Follows single-assignment locals to the operation that produced a value.</summary>
        public IOperation Trace(IOperation op, CancellationToken ct, int depth = 0)
        {
            op = Operations.Unwrap(op);
            if (depth < 8 && op is ILocalReferenceOperation lr && SingleValue(lr.Local, ct) is { } v)
            {
                return Trace(v, ct, depth + 1);
            }

            return op;
        }

        /// <summary>A string value and the literal a fix may edit.</summary>
        public ValueSite String(IOperation use, CancellationToken ct)
        {
            var useLocation = use.Syntax.GetLocation();
            var op = Operations.Unwrap(use);
            if (op.ConstantValue.HasValue)
            {
                var text = op.ConstantValue.Value as string;
                return new ValueSite(text, useLocation, op is ILiteralOperation && op.Syntax is LiteralExpressionSyntax l && l.IsKind(SyntaxKind.StringLiteralExpression) ? op.Syntax.GetLocation() : null);
            }

            switch (op)
            {
                case ILocalReferenceOperation lr when SingleValue(lr.Local, ct) is { } value:
                {
                    var inner = Operations.Unwrap(value);
                    if (!inner.ConstantValue.HasValue || !(inner.ConstantValue.Value is string s)) return new ValueSite(null, useLocation, null);
                    var literal = inner is ILiteralOperation && inner.Syntax is LiteralExpressionSyntax sl && sl.IsKind(SyntaxKind.StringLiteralExpression) && Reads(lr.Local, ct).Count == 1 ? inner.Syntax.GetLocation() : null;
                    return new ValueSite(s, useLocation, literal);
                }

                case IFieldReferenceOperation fr when fr.Field.IsReadOnly:
                    return new ValueSite(ReadonlyFieldString(fr, ct), useLocation, null);
            }

            return new ValueSite(null, useLocation, null);
        }

        /// <summary>An int or double constant.</summary>
        public static double? Number(IOperation use)
        {
            var op = Operations.Unwrap(use);
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
        public double? TraceNumber(IOperation use, CancellationToken ct)
        {
            var direct = Number(use);
            if (direct != null) return direct;
            var op = Operations.Unwrap(use);
            if (op is ILocalReferenceOperation lr && SingleValue(lr.Local, ct) is { } v) return Number(v);
            return null;
        }

        /// <summary>
        /// The elements of an array created inline or in a single-assignment local; null when not visible.
        /// <paramref name="readsOnly"/>: methods known not to modify an array passed to them (compile, fit).
        /// </summary>
        public ImmutableArray<IOperation>? ArrayElements(IOperation use, out bool inline, CancellationToken ct, System.Func<IMethodSymbol, bool>? readsOnly = null)
        {
            inline = false;
            var op = Operations.Unwrap(use);
            if (op is ILocalReferenceOperation lr)
            {
                if (ElementWritten(lr.Local, readsOnly, ct)) return null;
                if (SingleValue(lr.Local, ct) is { } v) op = Operations.Unwrap(v);
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

        /// <summary>
        /// The values a local or parameter may hold at a use: the nearest preceding definite assignment in the enclosing
        /// statement lists, plus every assignment in statements in between that may or may not run (branches, loops) and,
        /// inside a loop, assignments later in the loop body. A null entry is a write that cannot be followed (and a use
        /// inside a lambda or local function, or one reached from the member's start, gets a null entry too).
        /// </summary>
        public List<IOperation?> ReachingValues(IOperation use, ISymbol symbol, CancellationToken ct)
        {
            var values = new List<IOperation?>();
            Get(ct).Writes.TryGetValue(symbol, out var writes);
            writes ??= new List<IOperation>();
            IOperation current = use;
            while (current.Parent != null)
            {
                ct.ThrowIfCancellationRequested();
                var parent = current.Parent;
                if (parent is IAnonymousFunctionOperation || parent is ILocalFunctionOperation)
                {
                    values.Add(null);
                    return values;
                }

                // The statements of this level before `current` that write the symbol, nearest first.
                var isBlock = parent is IBlockOperation;
                var statements = new List<IOperation>();
                foreach (var write in writes)
                {
                    var statement = ChildOf(parent, write);
                    if (statement == null || statement == current || statements.Contains(statement)) continue;
                    var before = isBlock ? statement.Syntax.SpanStart < current.Syntax.SpanStart : statement.Syntax.Span.End <= current.Syntax.SpanStart;
                    if (before) statements.Add(statement);
                }

                statements.Sort((a, b) => b.Syntax.SpanStart.CompareTo(a.Syntax.SpanStart));
                foreach (var statement in statements)
                {
                    switch (Definition(statement, symbol, out var value))
                    {
                        case DefinitionKind.Assigned:
                            values.Add(value);
                            return values;
                        case DefinitionKind.Declared:
                            return values;
                        default:
                            AddWrites(writes, statement.Syntax.Span, after: -1, values);
                            break;
                    }
                }

                if (parent is ILoopOperation loop && loop.Body != null)
                {
                    AddWrites(writes, loop.Body.Syntax.Span, after: use.Syntax.SpanStart, values);
                }

                current = parent;
            }

            values.Add(null);
            return values;
        }

        /// <summary>Whether the local is passed as an argument, outside lambdas, before <paramref name="position"/> to a method <paramref name="trusted"/> does not vouch for.</summary>
        public bool PassedToCallBefore(ILocalSymbol local, int position, System.Func<IInvocationOperation, bool> trusted, CancellationToken ct) =>
            Get(ct).Reads.TryGetValue(local, out var reads) && reads.Any(r =>
                r.Syntax.SpanStart < position && !InsideLambda(r)
                && r.Parent is IArgumentOperation { Parent: var call }
                && !(call is IInvocationOperation invocation && trusted(invocation)));

        /// <summary>The member calls on a local (the local is the receiver, outside lambdas), in source order.</summary>
        public IEnumerable<IInvocationOperation> CallsOn(ILocalSymbol local, CancellationToken ct)
        {
            if (!Get(ct).Reads.TryGetValue(local, out var reads)) yield break;
            foreach (var r in reads)
            {
                if (InsideLambda(r)) continue;
                if (Operations.ParentSkippingWrappers(r) is IInvocationOperation inv && inv.Instance != null && Operations.Unwrap(inv.Instance) == r) yield return inv;
            }
        }

        private bool InsideLambda(IOperation op)
        {
            for (var p = op.Parent; p != null && p != Root; p = p.Parent)
            {
                if (p is IAnonymousFunctionOperation || p is ILocalFunctionOperation) return true;
            }

            return false;
        }

        /// <summary>The child of <paramref name="parent"/> that contains <paramref name="op"/>, or null.</summary>
        private static IOperation? ChildOf(IOperation parent, IOperation op)
        {
            for (var p = op; p != null; p = p.Parent)
            {
                if (p.Parent == parent) return p;
            }

            return null;
        }

        private static void AddWrites(List<IOperation> writes, Microsoft.CodeAnalysis.Text.TextSpan within, int after, List<IOperation?> values)
        {
            foreach (var write in writes)
            {
                if (write.Syntax.SpanStart <= after || !within.Contains(write.Syntax.Span)) continue;
                switch (write)
                {
                    case IVariableDeclaratorOperation declarator:
                        var init = declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer;
                        if (init != null) values.Add(init.Value);
                        break;
                    default:
                        values.Add(write.Parent is ISimpleAssignmentOperation assignment && assignment.Target == write ? assignment.Value : null);
                        break;
                }
            }
        }

        /// <summary>How a statement defines a local or parameter (shared with the TorchSharp value sources).</summary>
        internal enum DefinitionKind
        {
            None,
            Assigned,
            Declared,
        }

        /// <summary>Whether <paramref name="statement"/> declares or assigns <paramref name="symbol"/> (a declarator or a simple assignment), and the value.</summary>
        internal static DefinitionKind Definition(IOperation statement, ISymbol symbol, out IOperation? value)
        {
            value = null;
            var op = statement is IUsingDeclarationOperation usingDeclaration ? usingDeclaration.DeclarationGroup : statement;
            if (op is IVariableDeclarationGroupOperation group)
            {
                foreach (var declaration in group.Declarations)
                {
                    foreach (var declarator in declaration.Declarators)
                    {
                        if (!SymbolEqualityComparer.Default.Equals(declarator.Symbol, symbol)) continue;
                        var init = declarator.Initializer ?? declaration.Initializer;
                        if (init == null) return DefinitionKind.Declared;
                        value = init.Value;
                        return DefinitionKind.Assigned;
                    }
                }
            }

            if (op is IExpressionStatementOperation expression && expression.Operation is ISimpleAssignmentOperation assignment
                && RefersTo(assignment.Target, symbol))
            {
                value = assignment.Value;
                return DefinitionKind.Assigned;
            }

            return DefinitionKind.None;
        }

        private static bool RefersTo(IOperation? op, ISymbol symbol) => op switch
        {
            ILocalReferenceOperation l => SymbolEqualityComparer.Default.Equals(l.Local, symbol),
            IParameterReferenceOperation p => SymbolEqualityComparer.Default.Equals(p.Parameter, symbol),
            _ => false,
        };

        private bool ElementWritten(ILocalSymbol local, System.Func<IMethodSymbol, bool>? readsOnly, CancellationToken ct)
        {
            foreach (var r in Reads(local, ct))
            {
                if (r.Parent is IArrayElementReferenceOperation ae && IsAssignedOrRef(ae)) return true;
                if (r.Parent is IArgumentOperation { Parent: var call })
                {
                    if (readsOnly != null && call is IInvocationOperation inv && readsOnly(inv.TargetMethod)) continue;
                    return true;
                }
            }

            return false;
        }

        private static bool IsAssignedOrRef(IOperation op) =>
            op.Parent is IAssignmentOperation a && a.Target == op
            || op.Parent is IIncrementOrDecrementOperation
            || op.Parent is IArgumentOperation arg && arg.Parameter?.RefKind is RefKind.Ref or RefKind.Out;

        /// <summary>A write that is not a plain assignment: compound, ??=, ++, ref/out argument, deconstruction, declaration pattern.</summary>
        private static bool IsOtherWrite(IOperation reference)
        {
            if (reference is ILocalReferenceOperation { IsDeclaration: true }) return true;
            switch (reference.Parent)
            {
                case ICompoundAssignmentOperation compound when compound.Target == reference:
                case ICoalesceAssignmentOperation coalesce when coalesce.Target == reference:
                case IIncrementOrDecrementOperation _:
                    return true;
                case IArgumentOperation argument when argument.Parameter != null && argument.Parameter.RefKind != RefKind.None && argument.Parameter.RefKind != RefKind.In:
                    return true;
            }

            for (IOperation? p = reference.Parent; p != null; p = p.Parent)
            {
                if (p is IDeconstructionAssignmentOperation deconstruction)
                {
                    return deconstruction.Target.DescendantsAndSelf().Contains(reference);
                }

                if (!(p is ITupleOperation) && !(p is IConversionOperation)) break;
            }

            return false;
        }

        private static string? ReadonlyFieldString(IFieldReferenceOperation fr, CancellationToken ct)
        {
            var field = fr.Field;
            if (field.DeclaringSyntaxReferences.Length != 1) return null;
            var declarator = field.DeclaringSyntaxReferences[0].GetSyntax(ct) as VariableDeclaratorSyntax;
            if (declarator?.Initializer == null || fr.SemanticModel == null) return null;

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

            // A field of another file (a constants class): its tree's model, from the compilation's cache.
            var model = declarator.SyntaxTree == fr.Syntax.SyntaxTree ? fr.SemanticModel : ValueFlow.ProgramFlow.For(fr.SemanticModel.Compilation).Model(declarator.SyntaxTree);
            var value = model.GetConstantValue(declarator.Initializer.Value, ct);
            return value.HasValue ? value.Value as string : null;
        }

        private Index Get(CancellationToken ct)
        {
            var built = Volatile.Read(ref index);
            if (built != null) return built;
            lock (gate)
            {
                // A cancelled build leaves nothing behind; the next caller builds again.
                return index ??= new Index(Root, ct);
            }
        }

        /// <summary>What one walk of the body learns.</summary>
        private sealed class Index
        {
            public Index(IOperation root, CancellationToken ct)
            {
                foreach (var op in root.DescendantsAndSelf())
                {
                    ct.ThrowIfCancellationRequested();
                    switch (op)
                    {
                        case IInvocationOperation invocation:
                            Invocations.Add(invocation);
                            break;
                        case IVariableDeclaratorOperation d:
                            Declarators[d.Symbol] = d;
                            Add(Writes, d.Symbol, d);
                            if (d.GetVariableInitializer() is { } init) Add(LocalValues, d.Symbol, init.Value);
                            break;
                        case ILocalReferenceOperation lr:
                            Reference(lr, lr.Local);
                            if (lr.IsDeclaration || IsAssignedOrRef(lr) || lr.Parent is ITupleOperation { Parent: IDeconstructionAssignmentOperation })
                            {
                                // A plain assignment gives its value; any other write (compound, ref, deconstruction) an unknown one.
                                Add(LocalValues, lr.Local, lr.Parent is ISimpleAssignmentOperation sa && sa.Target == lr ? sa.Value : lr);
                                if (!(lr.Parent is ISimpleAssignmentOperation s2 && s2.Target == lr)) Add(LocalValues, lr.Local, lr);
                            }

                            break;
                        case IParameterReferenceOperation pr:
                            Reference(pr, pr.Parameter);
                            break;
                        case IFieldReferenceOperation fr when !fr.Field.IsConst:
                            // Fields too: the whole-program flow (ValueFlow/) asks a member for the calls on a field.
                            Reference(fr, fr.Field);
                            break;
                    }
                }

                Invocations.Sort((a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
            }

            public List<IInvocationOperation> Invocations { get; } = new List<IInvocationOperation>();

            /// <summary>Values written to locals (Keras.NET's single-assignment view; a non-plain write adds the reference itself).</summary>
            public Dictionary<ISymbol, List<IOperation>> LocalValues { get; } = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);

            /// <summary>Write sites of locals and parameters: declarators and references that are written (reaching-definitions view).</summary>
            public Dictionary<ISymbol, List<IOperation>> Writes { get; } = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);

            public Dictionary<ISymbol, List<IOperation>> Reads { get; } = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);

            public Dictionary<ISymbol, IVariableDeclaratorOperation> Declarators { get; } = new Dictionary<ISymbol, IVariableDeclaratorOperation>(SymbolEqualityComparer.Default);

            private void Reference(IOperation reference, ISymbol symbol)
            {
                var isWrite = reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference || IsOtherWrite(reference);
                if (isWrite) Add(Writes, symbol, reference);
                else if (!(reference is ILocalReferenceOperation { IsDeclaration: true }) && !IsAssignedOrRef(reference)) Add(Reads, symbol, reference);
            }

            private static void Add(Dictionary<ISymbol, List<IOperation>> map, ISymbol key, IOperation value)
            {
                if (!map.TryGetValue(key, out var list)) map[key] = list = new List<IOperation>();
                list.Add(value);
            }
        }
    }
}
