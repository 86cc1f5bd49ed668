using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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
    /// setups in one method cost what they cost in 200 methods). One flow per body per compilation, obtained from
    /// the compilation's <see cref="ValueFlow.ProgramFlow"/> (<see cref="ValueFlow.ProgramFlow.Member"/>), which keys
    /// it weakly by the body's root operation: it lives as long as Roslyn keeps that operation tree.
    /// <para>
    /// Two views of the same index: constants through literals, const, single-assignment locals and readonly
    /// fields (<see cref="SingleValue"/>, <see cref="String"/>, <see cref="ArrayElements"/>), and reaching
    /// definitions of locals and parameters at a use (<see cref="ReachingValues"/>: the writes of each symbol in
    /// source order, a query walks back from the use by binary search, within <see cref="QueryBudget"/>).
    /// Anything else is "unknown" (null).
    /// </para>
    /// </summary>
    internal sealed class MemberFlow
    {
        /// <summary>The most write sites (or calls) one reaching-definitions query examines before it answers "unknown".</summary>
        public const int QueryBudget = 256;

        private readonly object gate = new object();
        private Index? index;

        internal MemberFlow(ValueFlow.ProgramFlow program, IOperation root)
        {
            Program = program;
            Root = root;
        }

        /// <summary>The whole-program flow of the compilation this body belongs to.</summary>
        public ValueFlow.ProgramFlow Program { get; }

        private readonly System.Collections.Concurrent.ConcurrentDictionary<object, object> memo = new System.Collections.Concurrent.ConcurrentDictionary<object, object>();

        /// <summary>
        /// Facts about this body that every call site in it shares (the add calls on a model, the fit calls after each
        /// compile), computed once per key: a member with thousands of compile calls costs linear time, not quadratic.
        /// </summary>
        public T Memo<T>(object key, System.Func<T> create)
            where T : class => (T)memo.GetOrAdd(key, _ => create());

        private int visited;

        /// <summary>Work done by the queries over this body (operations visited by the callers that count it, write sites examined); tests pin it, never time.</summary>
        public int Visited => Volatile.Read(ref visited);

        /// <summary>Counts work done over this body.</summary>
        public void Visit(int count = 1) => Interlocked.Add(ref visited, count);

        /// <summary>The outermost operation of the member body.</summary>
        public IOperation Root { get; }

        /// <summary>The flow of another body of the same compilation (<see cref="ValueFlow.ProgramFlow.Member"/>).</summary>
        public MemberFlow Of(IOperation anyOperationInBody) => Program.Member(anyOperationInBody);

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
        /// inside a loop, assignments later in the loop body. An assignment stores after its value is computed, so its
        /// own target does not reach a use inside its value (<c>p = f(p)</c> reads the previous p). A null entry is a
        /// write that cannot be followed, a use inside a lambda or local function, one reached from the member's start,
        /// or a query past <see cref="QueryBudget"/>. Cost: a binary search and the writes between the use and its
        /// nearest definite assignment, not every write of the symbol.
        /// </summary>
        /// <param name="followDeconstruction">A deconstruction (<c>var (p, _) = f(x)</c>) is a definite assignment whose value is the target reference itself (<see cref="ValueFlow.ProgramFlow.Deconstructed"/> projects the element); else its value is unknown.</param>
        public List<IOperation?> ReachingValues(IOperation use, ISymbol symbol, CancellationToken ct, bool followDeconstruction = false)
        {
            var values = new List<IOperation?>();
            var writes = Get(ct).WritesOf(symbol);
            var work = 0;
            try
            {
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

                    var isBlock = parent is IBlockOperation;
                    var parentStart = parent.Syntax.SpanStart;

                    // The writes before `current`, nearest first, grouped by the statement of this level that holds them.
                    var i = FirstAtOrAfter(writes, current.Syntax.SpanStart) - 1;
                    while (i >= 0 && writes[i].Syntax.SpanStart >= parentStart)
                    {
                        if (++work > QueryBudget)
                        {
                            values.Add(null);
                            return values;
                        }

                        var statement = ChildOf(parent, writes[i]);
                        if (statement == null || statement == current || parent is IAssignmentOperation assigned && statement == assigned.Target)
                        {
                            i--;
                            continue;
                        }

                        var before = isBlock ? statement.Syntax.SpanStart < current.Syntax.SpanStart : statement.Syntax.Span.End <= current.Syntax.SpanStart;
                        var first = i;
                        while (first > 0 && statement.Syntax.Span.Contains(writes[first - 1].Syntax.Span)) first--;
                        work += i - first;
                        if (before)
                        {
                            switch (Definition(statement, symbol, followDeconstruction, out var value))
                            {
                                case DefinitionKind.Assigned:
                                    values.Add(value);
                                    return values;
                                case DefinitionKind.Declared:
                                    return values;
                                default:
                                    for (var k = first; k <= i; k++) AddValue(writes[k], values, followDeconstruction);
                                    break;
                            }
                        }

                        i = first - 1;
                    }

                    if (parent is ILoopOperation loop && loop.Body != null)
                    {
                        var body = loop.Body.Syntax.Span;
                        for (var k = FirstAtOrAfter(writes, use.Syntax.SpanStart + 1); k < writes.Count && writes[k].Syntax.SpanStart < body.End; k++)
                        {
                            if (++work > QueryBudget)
                            {
                                values.Add(null);
                                return values;
                            }

                            if (body.Contains(writes[k].Syntax.Span)) AddValue(writes[k], values, followDeconstruction);
                        }
                    }

                    current = parent;
                }

                values.Add(null);
                return values;
            }
            finally
            {
                Visit(work);
            }
        }

        /// <summary>Whether the local is passed as an argument, outside lambdas, before <paramref name="position"/> to a call <paramref name="trusted"/> does not vouch for (past the budget: treated as passed).</summary>
        public bool PassedToCallBefore(ILocalSymbol local, int position, System.Func<IInvocationOperation, bool> trusted, CancellationToken ct)
        {
            var passed = Get(ct).PassedOf(local);
            var work = 0;
            try
            {
                foreach (var argument in passed)
                {
                    if (argument.Syntax.SpanStart >= position) break;
                    if (++work > QueryBudget) return true;
                    if (!(argument.Parent is IInvocationOperation invocation && trusted(invocation))) return true;
                }

                return false;
            }
            finally
            {
                Visit(work);
            }
        }

        /// <summary>
        /// The last call on the local (as its receiver, outside lambdas, as a statement of its own) before
        /// <paramref name="position"/> whose method <paramref name="match"/> accepts; null when none.
        /// <paramref name="unknown"/>: the query ran past its budget.
        /// </summary>
        public IInvocationOperation? LastStatementCallBefore(ILocalSymbol local, int position, System.Func<IMethodSymbol, bool> match, out bool unknown, CancellationToken ct)
        {
            unknown = false;
            var calls = Get(ct).StatementCallsOf(local);
            var work = 0;
            try
            {
                for (var i = FirstAtOrAfter(calls, position) - 1; i >= 0; i--)
                {
                    if (++work > QueryBudget)
                    {
                        unknown = true;
                        return null;
                    }

                    if (match(calls[i].TargetMethod)) return calls[i];
                }

                return null;
            }
            finally
            {
                Visit(work);
            }
        }

        private static int FirstAtOrAfter<T>(List<T> sorted, int position)
            where T : IOperation
        {
            int lo = 0, hi = sorted.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (sorted[mid].Syntax.SpanStart < position) lo = mid + 1;
                else hi = mid;
            }

            return lo;
        }

        /// <summary>The deconstruction whose target tuple holds the local reference directly (<c>var (p, _) = …</c>, <c>(p, q) = …</c>), or null.</summary>
        public static IDeconstructionAssignmentOperation? DeconstructionOf(IOperation reference)
        {
            if (!(reference is ILocalReferenceOperation)) return null;
            for (var p = reference.Parent; p != null; p = p.Parent)
            {
                if (p is IDeconstructionAssignmentOperation deconstruction) return deconstruction;
                if (!(p is ITupleOperation) && !(p is IDeclarationExpressionOperation) && !(p is IConversionOperation)) return null;
            }

            return null;
        }

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

        /// <summary>The value a write stores: a declarator's initializer (none without one), a plain assignment's value, a deconstruction target itself when followed; null for any other write.</summary>
        private static void AddValue(IOperation write, List<IOperation?> values, bool followDeconstruction)
        {
            if (followDeconstruction && DeconstructionOf(write) != null)
            {
                values.Add(write);
                return;
            }

            if (write is IVariableDeclaratorOperation declarator)
            {
                var init = declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer;
                if (init != null) values.Add(init.Value);
                return;
            }

            values.Add(write.Parent is ISimpleAssignmentOperation assignment && assignment.Target == write ? assignment.Value : null);
        }

        /// <summary>How a statement defines a local or parameter.</summary>
        private enum DefinitionKind
        {
            None,
            Assigned,
            Declared,
        }

        /// <summary>Whether <paramref name="statement"/> declares or assigns <paramref name="symbol"/> (a declarator, a simple assignment, a followed deconstruction), and the value.</summary>
        private static DefinitionKind Definition(IOperation statement, ISymbol symbol, bool followDeconstruction, out IOperation? value)
        {
            value = null;
            if (followDeconstruction && statement is IExpressionStatementOperation { Operation: IDeconstructionAssignmentOperation deconstruction })
            {
                foreach (var reference in deconstruction.Target.DescendantsAndSelf().OfType<ILocalReferenceOperation>())
                {
                    if (!SymbolEqualityComparer.Default.Equals(reference.Local, symbol) || DeconstructionOf(reference) != deconstruction) continue;
                    value = reference;
                    return DefinitionKind.Assigned;
                }
            }

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

        private string? ReadonlyFieldString(IFieldReferenceOperation fr, CancellationToken ct)
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

            // A field of another file (a constants class): its tree's model, from the compilation's flow.
            var model = declarator.SyntaxTree == fr.Syntax.SyntaxTree ? fr.SemanticModel : Program.Model(declarator.SyntaxTree);
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

                Invocations.Sort(BySpanStart);
                foreach (var list in Writes.Values) list.Sort(BySpanStart);
                foreach (var list in Passed.Values) list.Sort(BySpanStart);
                foreach (var list in StatementCalls.Values) list.Sort(BySpanStart);
            }

            private static readonly System.Comparison<IOperation> BySpanStart = (a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart);

            /// <summary>Arguments (outside lambdas) that pass a local or parameter, in source order.</summary>
            public Dictionary<ISymbol, List<IOperation>> Passed { get; } = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);

            /// <summary>Calls on a local or parameter as their receiver, outside lambdas, that are statements of their own, in source order.</summary>
            public Dictionary<ISymbol, List<IInvocationOperation>> StatementCalls { get; } = new Dictionary<ISymbol, List<IInvocationOperation>>(SymbolEqualityComparer.Default);

            public List<IOperation> WritesOf(ISymbol symbol) => Writes.TryGetValue(symbol, out var list) ? list : new List<IOperation>();

            public List<IOperation> PassedOf(ISymbol symbol) => Passed.TryGetValue(symbol, out var list) ? list : new List<IOperation>();

            public List<IInvocationOperation> StatementCallsOf(ISymbol symbol) => StatementCalls.TryGetValue(symbol, out var list) ? list : new List<IInvocationOperation>();

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
                if (isWrite || reference is IFieldReferenceOperation || InLambda(reference)) return;
                if (reference.Parent is IArgumentOperation { Parent: IOperation _ }) Add(Passed, symbol, reference.Parent);
                if (Operations.ParentSkippingWrappers(reference) is IInvocationOperation inv && inv.Instance != null && Operations.Unwrap(inv.Instance) == reference
                    && inv.Parent is IExpressionStatementOperation)
                {
                    Add(StatementCalls, symbol, inv);
                }
            }

            private static bool InLambda(IOperation op)
            {
                for (var p = op.Parent; p != null; p = p.Parent)
                {
                    if (p is IAnonymousFunctionOperation || p is ILocalFunctionOperation) return true;
                }

                return false;
            }

            private static void Add<T>(Dictionary<ISymbol, List<T>> map, ISymbol key, T value)
            {
                if (!map.TryGetValue(key, out var list)) map[key] = list = new List<T>();
                list.Add(value);
            }
        }
    }
}
