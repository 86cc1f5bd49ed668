using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using KerasLint.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KerasLint.Libraries.TorchSharp
{
    /// <summary>
    /// Where the values of a local or parameter come from at a use, inside one member body: the answers of
    /// <see cref="MemberFlow.ReachingValues"/> (nearest preceding definite assignment in the enclosing statement lists,
    /// every assignment in statements in between that may or may not run, later assignments in an enclosing loop) at
    /// a cost that does not grow with the number of writes, and without counting an assignment's own target as a
    /// value that reaches a use inside the assigned value (<c>p = softmax(p, 1)</c> reads the previous p): the writes of each symbol are indexed once per body in
    /// source order, and a query walks back from the use by binary search and stops at the first definite
    /// assignment. Every query has a budget (<see cref="QueryBudget"/> write sites examined); past it the answer is
    /// "unknown" (a null entry), never a guess.
    /// <para>
    /// Library-neutral on purpose (nothing here knows TorchSharp): kept apart from the recognisers so that a shared
    /// value flow can replace it. <see cref="Visited"/> counts the write sites and calls examined, for tests that pin
    /// the work done on generated input.
    /// </para>
    /// </summary>
    internal sealed class TorchValueSources
    {
        /// <summary>The most write sites one query examines before it answers "unknown".</summary>
        public const int QueryBudget = 256;

        private static readonly ConditionalWeakTable<IOperation, TorchValueSources> Cache = new ConditionalWeakTable<IOperation, TorchValueSources>();

        private readonly object gate = new object();
        private readonly IOperation root;
        private Index? index;
        private long visited;

        private TorchValueSources(IOperation root) => this.root = root;

        /// <summary>The value sources of the member body that contains <paramref name="anyOperationInBody"/>.</summary>
        public static TorchValueSources For(IOperation anyOperationInBody) =>
            Cache.GetValue(Operations.Root(anyOperationInBody), r => new TorchValueSources(r));

        /// <summary>Write sites and calls examined by every query on this body so far (the index walk not included).</summary>
        public long Visited => Interlocked.Read(ref visited);

        /// <summary>
        /// The values a local or parameter may hold at <paramref name="use"/>; a null entry is a write that cannot be
        /// followed, a use inside a lambda or local function, one reached from the member's start, or a query past its budget.
        /// </summary>
        /// <param name="followDeconstruction">A deconstruction (<c>var (p, _) = f(x)</c>) is a definite assignment whose value is the target reference itself (the caller projects the element); else its value is unknown.</param>
        public List<IOperation?> ReachingValues(IOperation use, ISymbol symbol, CancellationToken ct, bool followDeconstruction = false)
        {
            var values = new List<IOperation?>();
            var writes = Get(ct).WritesOf(symbol);
            var budget = QueryBudget;
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
                        if (++work > budget)
                        {
                            values.Add(null);
                            return values;
                        }

                        var statement = ChildOf(parent, writes[i]);

                        // An assignment stores after its value is computed: its own target does not reach a use in its value.
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
                                case MemberFlow.DefinitionKind.Assigned:
                                    values.Add(value);
                                    return values;
                                case MemberFlow.DefinitionKind.Declared:
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
                            if (++work > budget)
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
                Interlocked.Add(ref visited, work);
            }
        }

        /// <summary>Whether the local is passed as an argument, outside lambdas, before <paramref name="position"/> to a call <paramref name="trusted"/> does not vouch for.</summary>
        public bool PassedToCallBefore(ILocalSymbol local, int position, System.Func<IInvocationOperation, bool> trusted, CancellationToken ct)
        {
            var passed = Get(ct).PassedOf(local);
            var work = 0;
            try
            {
                foreach (var argument in passed)
                {
                    if (argument.Syntax.SpanStart >= position) break;
                    if (++work > QueryBudget) return true; // unknown: treated as escaping
                    if (!(argument.Parent is IInvocationOperation invocation && trusted(invocation))) return true;
                }

                return false;
            }
            finally
            {
                Interlocked.Add(ref visited, work);
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
                Interlocked.Add(ref visited, work);
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

        /// <summary>The child of <paramref name="parent"/> that contains <paramref name="op"/>, or null.</summary>
        private static IOperation? ChildOf(IOperation parent, IOperation op)
        {
            for (var p = op; p != null; p = p.Parent)
            {
                if (p.Parent == parent) return p;
            }

            return null;
        }

        /// <summary>The value a write stores: a declarator's initializer (none without one), a plain assignment's value; null for any other write.</summary>
        private static void AddValue(IOperation write, List<IOperation?> values, bool followDeconstruction)
        {
            if (followDeconstruction && IsDeconstructionTarget(write))
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


        /// <summary>Whether a local reference is an element of a deconstruction's target tuple (<c>var (p, _) = …</c>, <c>(p, q) = …</c>).</summary>
        public static bool IsDeconstructionTarget(IOperation reference) => DeconstructionOf(reference) != null;

        /// <summary>The deconstruction whose target tuple holds the reference directly, or null.</summary>
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

        private static MemberFlow.DefinitionKind Definition(IOperation statement, ISymbol symbol, bool followDeconstruction, out IOperation? value)
        {
            value = null;
            if (followDeconstruction && statement is IExpressionStatementOperation { Operation: IDeconstructionAssignmentOperation deconstruction })
            {
                foreach (var reference in deconstruction.Target.DescendantsAndSelf().OfType<ILocalReferenceOperation>())
                {
                    if (!SymbolEqualityComparer.Default.Equals(reference.Local, symbol) || DeconstructionOf(reference) != deconstruction) continue;
                    value = reference;
                    return MemberFlow.DefinitionKind.Assigned;
                }
            }

            return MemberFlow.Definition(statement, symbol, out value);
        }

        private Index Get(CancellationToken ct)
        {
            var built = Volatile.Read(ref index);
            if (built != null) return built;
            lock (gate)
            {
                return index ??= new Index(root, ct);
            }
        }

        /// <summary>One walk of the body: per symbol, its write sites, the calls it is passed to and the statement calls made on it, each in source order.</summary>
        private sealed class Index
        {
            private static readonly List<IOperation> NoWrites = new List<IOperation>();
            private static readonly List<IOperation> NoArguments = new List<IOperation>();
            private static readonly List<IInvocationOperation> NoCalls = new List<IInvocationOperation>();

            private readonly Dictionary<ISymbol, List<IOperation>> writes = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);
            private readonly Dictionary<ISymbol, List<IOperation>> passed = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);
            private readonly Dictionary<ISymbol, List<IInvocationOperation>> statementCalls = new Dictionary<ISymbol, List<IInvocationOperation>>(SymbolEqualityComparer.Default);

            public Index(IOperation root, CancellationToken ct)
            {
                foreach (var op in root.DescendantsAndSelf())
                {
                    ct.ThrowIfCancellationRequested();
                    switch (op)
                    {
                        case IVariableDeclaratorOperation d:
                            Add(writes, d.Symbol, d);
                            break;
                        case ILocalReferenceOperation lr:
                            Reference(lr, lr.Local);
                            break;
                        case IParameterReferenceOperation pr:
                            Reference(pr, pr.Parameter);
                            break;
                    }
                }

                foreach (var list in writes.Values) list.Sort(BySpanStart);
                foreach (var list in passed.Values) list.Sort(BySpanStart);
                foreach (var list in statementCalls.Values) list.Sort(BySpanStart);
            }

            public List<IOperation> WritesOf(ISymbol symbol) => writes.TryGetValue(symbol, out var list) ? list : NoWrites;

            public List<IOperation> PassedOf(ISymbol symbol) => passed.TryGetValue(symbol, out var list) ? list : NoArguments;

            public List<IInvocationOperation> StatementCallsOf(ISymbol symbol) => statementCalls.TryGetValue(symbol, out var list) ? list : NoCalls;

            private static int BySpanStart(IOperation a, IOperation b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart);

            private void Reference(IOperation reference, ISymbol symbol)
            {
                if (IsWrite(reference))
                {
                    Add(writes, symbol, reference);
                    return;
                }

                if (InsideLambda(reference)) return;
                if (reference.Parent is IArgumentOperation { Parent: IOperation call }) Add(passed, symbol, reference.Parent);
                if (Operations.ParentSkippingWrappers(reference) is IInvocationOperation inv && inv.Instance != null && Operations.Unwrap(inv.Instance) == reference
                    && inv.Parent is IExpressionStatementOperation)
                {
                    if (!statementCalls.TryGetValue(symbol, out var calls)) statementCalls[symbol] = calls = new List<IInvocationOperation>();
                    calls.Add(inv);
                }
            }

            /// <summary>A plain assignment's target, a declaration, a compound or ??= assignment, ++/--, a ref or out argument, a deconstruction target.</summary>
            private static bool IsWrite(IOperation reference)
            {
                if (reference is ILocalReferenceOperation { IsDeclaration: true }) return true;
                switch (reference.Parent)
                {
                    case IAssignmentOperation assignment when assignment.Target == reference:
                    case ICoalesceAssignmentOperation coalesce when coalesce.Target == reference:
                    case IIncrementOrDecrementOperation _:
                        return true;
                    case IArgumentOperation argument when argument.Parameter != null && argument.Parameter.RefKind != RefKind.None && argument.Parameter.RefKind != RefKind.In:
                        return true;
                }

                for (IOperation? p = reference.Parent; p != null; p = p.Parent)
                {
                    if (p is IDeconstructionAssignmentOperation deconstruction) return deconstruction.Target.DescendantsAndSelf().Contains(reference);
                    if (!(p is ITupleOperation) && !(p is IConversionOperation)) break;
                }

                return false;
            }

            private static bool InsideLambda(IOperation op)
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
