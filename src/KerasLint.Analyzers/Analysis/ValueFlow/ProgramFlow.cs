using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KerasLint.Analysis.ValueFlow
{
    /// <summary>
    /// Whole-program value flow, library-neutral: "what values can this expression hold?" across members and files.
    /// Follows locals (through <see cref="MemberFlow"/>), fields (their initializers and every plain assignment in the
    /// compilation), parameters (the arguments of every call site in the compilation), calls of source methods (their
    /// returns) and both branches of a conditional. A field or method is looked up on demand, from its declarations
    /// (<see cref="ISymbol.DeclaringSyntaxReferences"/>) and the identifiers that name it, bound with the compilation's
    /// semantic model of their tree; what is learnt about a symbol is immutable and cached here, once per compilation.
    /// Anything not followed (a ref write, a method group, a virtual method, a budget spent) is "unknown" (null).
    /// </summary>
    internal sealed class ProgramFlow
    {
        private static readonly ConditionalWeakTable<Compilation, ProgramFlow> Cache = new ConditionalWeakTable<Compilation, ProgramFlow>();

        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> models = new ConcurrentDictionary<SyntaxTree, SemanticModel>();
        private readonly ConcurrentDictionary<ISymbol, SymbolFacts> facts = new ConcurrentDictionary<ISymbol, SymbolFacts>(SymbolEqualityComparer.Default);
        private readonly object gate = new object();
        private Dictionary<string, List<IdentifierNameSyntax>>? names;

        private ProgramFlow(Compilation compilation) => Compilation = compilation;

        public Compilation Compilation { get; }

        /// <summary>The flow of a compilation (one per compilation, weakly held).</summary>
        public static ProgramFlow For(Compilation compilation) => Cache.GetValue(compilation, c => new ProgramFlow(c));

        /// <summary>The semantic model of a tree of the compilation (one per tree).</summary>
        public SemanticModel Model(SyntaxTree tree) => models.GetOrAdd(tree, t => Compilation.GetSemanticModel(t));

        /// <summary>
        /// The values an expression may hold, as leaves (creations, invocations of library methods, constants…): null when
        /// a path cannot be followed or the budget is spent. Locals go through their reaching definitions, fields through
        /// their writes, parameters through their callers, calls of source methods through their returns.
        /// </summary>
        public ImmutableArray<IOperation>? Values(IOperation expression, FlowBudget budget, CancellationToken ct)
        {
            var leaves = ImmutableArray.CreateBuilder<IOperation>();
            return Collect(expression, budget, 0, leaves, ct) ? leaves.ToImmutable() : (ImmutableArray<IOperation>?)null;
        }

        /// <summary>The one value an expression holds on every path, or null (unknown, or several).</summary>
        public IOperation? Single(IOperation expression, FlowBudget budget, CancellationToken ct) =>
            Values(expression, budget, ct) is { Length: 1 } one ? one[0] : null;

        /// <summary>A number an expression holds on every path (constants through locals, fields, parameters' callers), else null.</summary>
        public double? Number(IOperation expression, FlowBudget budget, CancellationToken ct)
        {
            if (!(Values(expression, budget, ct) is { Length: > 0 } values)) return null;
            double? number = null;
            foreach (var v in values)
            {
                var n = MemberFlow.Number(v);
                if (n == null || (number != null && number != n)) return null;
                number = n;
            }

            return number;
        }

        private bool Collect(IOperation expression, FlowBudget budget, int depth, ImmutableArray<IOperation>.Builder leaves, CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            if (!budget.Visit() || depth > budget.MaxDepth) return false;
            var op = Operations.Unwrap(expression);
            if (op.ConstantValue.HasValue)
            {
                leaves.Add(op);
                return true;
            }

            switch (op)
            {
                case ILocalReferenceOperation local:
                {
                    foreach (var value in MemberFlow.For(op).ReachingValues(op, local.Local, ct))
                    {
                        if (value == null || !Collect(value, budget, depth, leaves, ct)) return false;
                    }

                    return true;
                }

                case IParameterReferenceOperation parameter:
                {
                    if (MemberFlow.For(op).HasWrites(parameter.Parameter, ct) || !(Arguments(parameter.Parameter, ct) is { Length: > 0 } arguments)) return false;
                    return arguments.All(a => Collect(a, budget, depth + 1, leaves, ct));
                }

                case IFieldReferenceOperation field:
                {
                    var f = Field(field.Field, ct);
                    if (!f.Complete || f.Values.IsEmpty) return false;
                    return f.Values.All(v => Collect(v, budget, depth + 1, leaves, ct));
                }

                case IConditionalOperation conditional when conditional.WhenFalse != null:
                    return Collect(conditional.WhenTrue, budget, depth, leaves, ct) && Collect(conditional.WhenFalse, budget, depth, leaves, ct);

                case IInvocationOperation call when Returns(call.TargetMethod, ct) is { } returns:
                    return !returns.IsEmpty && returns.All(r => Collect(r, budget, depth + 1, leaves, ct));

                default:
                    leaves.Add(op);
                    return true;
            }
        }

        // ---- symbols, looked up on demand ----

        /// <summary>
        /// A field's writes and reads in the whole compilation: <see cref="SymbolFacts.Values"/> are its initializer and the
        /// values of plain assignments; <see cref="SymbolFacts.Uses"/> the references that read it; not complete when
        /// it is written in a way not followed (compound, ref/out, deconstruction) or declared outside the compilation.
        /// </summary>
        public SymbolFacts Field(IFieldSymbol field, CancellationToken ct) => facts.GetOrAdd(field.OriginalDefinition, _ => FieldFacts(field.OriginalDefinition, ct));

        /// <summary>The values of every call site's argument for a parameter, or null when a caller cannot be seen (virtual, method group, outside the compilation).</summary>
        public ImmutableArray<IOperation>? Arguments(IParameterSymbol parameter, CancellationToken ct)
        {
            if (!(parameter.ContainingSymbol is IMethodSymbol method) || parameter.IsParams || parameter.RefKind != RefKind.None) return null;
            var calls = CallSites(method, ct);
            if (!calls.Complete || calls.Uses.IsEmpty) return null;
            var values = ImmutableArray.CreateBuilder<IOperation>();
            foreach (var call in calls.Uses)
            {
                var args = call is IInvocationOperation inv ? inv.Arguments : ImmutableArray<IArgumentOperation>.Empty;
                var arg = args.FirstOrDefault(a => a.Parameter?.Ordinal == parameter.Ordinal);
                if (arg == null || arg.ArgumentKind == ArgumentKind.ParamArray) return null;
                values.Add(arg.Value);
            }

            return values.ToImmutable();
        }

        /// <summary>The invocations of a method in the whole compilation (<see cref="SymbolFacts.Uses"/>); not complete when it may be called unseen.</summary>
        public SymbolFacts CallSites(IMethodSymbol method, CancellationToken ct) => facts.GetOrAdd(method.OriginalDefinition, _ => MethodFacts(method.OriginalDefinition, ct));

        /// <summary>The values a source method returns (outside lambdas), or null when it is not followed (library, virtual, extern, several declarations).</summary>
        public ImmutableArray<IOperation>? Returns(IMethodSymbol method, CancellationToken ct)
        {
            if (!(Body(method, ct) is { } body)) return null;
            return Operations.DescendantsOutsideLambdas(body).OfType<IReturnOperation>().Where(r => r.ReturnedValue != null).Select(r => r.ReturnedValue!).ToImmutableArray();
        }

        /// <summary>The body operation of a source method or constructor with one declaration, not virtual; else null.</summary>
        public IOperation? Body(IMethodSymbol method, CancellationToken ct)
        {
            method = method.OriginalDefinition;
            if (method.IsVirtual || method.IsAbstract || method.IsOverride || method.IsExtern || method.DeclaringSyntaxReferences.Length != 1) return null;
            var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(ct);
            if (!(syntax is BaseMethodDeclarationSyntax || syntax is LocalFunctionStatementSyntax)) return null;
            var model = Model(syntax.SyntaxTree);
            if (syntax is LocalFunctionStatementSyntax local)
            {
                SyntaxNode? b = (SyntaxNode?)local.Body ?? local.ExpressionBody;
                return b == null ? null : model.GetOperation(b, ct);
            }

            return model.GetOperation(syntax, ct);
        }

        private SymbolFacts FieldFacts(IFieldSymbol field, CancellationToken ct)
        {
            if (field.DeclaringSyntaxReferences.IsEmpty) return SymbolFacts.Unknown;
            var values = ImmutableArray.CreateBuilder<IOperation>();
            var uses = ImmutableArray.CreateBuilder<IOperation>();
            foreach (var reference in field.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(ct) is VariableDeclaratorSyntax { Initializer: { } init } declarator)
                {
                    // Through the initializer: `T[] f = { ... }` is an implicit array creation around the braces.
                    var model = Model(declarator.SyntaxTree);
                    var value = model.GetOperation(init, ct) is IFieldInitializerOperation fi ? fi.Value : model.GetOperation(init.Value, ct);
                    if (value == null) return SymbolFacts.Unknown;
                    values.Add(value);
                }
            }

            foreach (var (node, model) in References(field, ct))
            {
                if (!(model.GetOperation(node, ct) is IFieldReferenceOperation reference)) continue;
                switch (Classify(reference, out var assigned))
                {
                    case Access.Write:
                        values.Add(assigned!);
                        break;
                    case Access.Other:
                        return SymbolFacts.Unknown;
                    default:
                        uses.Add(reference);
                        break;
                }
            }

            return new SymbolFacts(values.ToImmutable(), uses.ToImmutable(), complete: true);
        }

        private SymbolFacts MethodFacts(IMethodSymbol method, CancellationToken ct)
        {
            if (method.IsVirtual || method.IsAbstract || method.IsOverride || method.MethodKind != MethodKind.Ordinary && method.MethodKind != MethodKind.LocalFunction
                || method.DeclaringSyntaxReferences.IsEmpty || method.ExplicitInterfaceImplementations.Length > 0 || ImplementsInterface(method))
            {
                return SymbolFacts.Unknown;
            }

            var uses = ImmutableArray.CreateBuilder<IOperation>();
            foreach (var (node, model) in References(method, ct))
            {
                if (!(node.Parent is InvocationExpressionSyntax call && call.Expression == node) || !(model.GetOperation(call, ct) is IInvocationOperation invocation))
                {
                    // A method group, nameof, a delegate: a caller not seen.
                    return SymbolFacts.Unknown;
                }

                uses.Add(invocation);
            }

            return new SymbolFacts(ImmutableArray<IOperation>.Empty, uses.ToImmutable(), complete: true);
        }

        private static bool ImplementsInterface(IMethodSymbol method)
        {
            var type = method.ContainingType;
            if (type == null || method.DeclaredAccessibility != Accessibility.Public) return false;
            foreach (var i in type.AllInterfaces)
            {
                foreach (var m in i.GetMembers(method.Name))
                {
                    if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(m), method)) return true;
                }
            }

            return false;
        }

        /// <summary>The expressions that name a symbol (the member access for <c>this.x</c>), each with its tree's model.</summary>
        private IEnumerable<(SyntaxNode Node, SemanticModel Model)> References(ISymbol symbol, CancellationToken ct)
        {
            foreach (var id in Candidates(symbol, ct))
            {
                ct.ThrowIfCancellationRequested();
                var model = Model(id.SyntaxTree);
                var bound = model.GetSymbolInfo(id, ct).Symbol;
                if (bound == null || !SymbolEqualityComparer.Default.Equals(bound.OriginalDefinition, symbol)) continue;
                SyntaxNode node = id.Parent is MemberAccessExpressionSyntax ma && ma.Name == id ? ma
                    : id.Parent is MemberBindingExpressionSyntax mb && mb.Name == id ? mb
                    : id;
                yield return (node, model);
            }
        }

        /// <summary>Identifiers spelling a symbol's name: in its type's declarations when private, else anywhere (one name index per compilation).</summary>
        private IEnumerable<IdentifierNameSyntax> Candidates(ISymbol symbol, CancellationToken ct)
        {
            if (symbol.DeclaredAccessibility == Accessibility.Private && symbol.ContainingType is { } type && !type.DeclaringSyntaxReferences.IsEmpty)
            {
                return type.DeclaringSyntaxReferences.SelectMany(r => r.GetSyntax(ct).DescendantNodes().OfType<IdentifierNameSyntax>()).Where(i => i.Identifier.ValueText == symbol.Name);
            }

            return Names(ct).TryGetValue(symbol.Name, out var list) ? list : Enumerable.Empty<IdentifierNameSyntax>();
        }

        private Dictionary<string, List<IdentifierNameSyntax>> Names(CancellationToken ct)
        {
            var built = Volatile.Read(ref names);
            if (built != null) return built;
            lock (gate)
            {
                if (names != null) return names;
                var index = new Dictionary<string, List<IdentifierNameSyntax>>();
                foreach (var tree in Compilation.SyntaxTrees)
                {
                    foreach (var id in tree.GetRoot(ct).DescendantNodes().OfType<IdentifierNameSyntax>())
                    {
                        ct.ThrowIfCancellationRequested();
                        var name = id.Identifier.ValueText;
                        if (!index.TryGetValue(name, out var list)) index[name] = list = new List<IdentifierNameSyntax>();
                        list.Add(id);
                    }
                }

                return names = index;
            }
        }

        private enum Access
        {
            Read,
            Write,
            Other,
        }

        /// <summary>How a reference accesses its symbol: read, plain assignment (with the value), or another write.</summary>
        private static Access Classify(IOperation reference, out IOperation? value)
        {
            value = null;
            var parent = reference.Parent;
            if (parent is ISimpleAssignmentOperation assignment && assignment.Target == reference)
            {
                value = assignment.Value;
                return Access.Write;
            }

            switch (parent)
            {
                case ICompoundAssignmentOperation compound when compound.Target == reference:
                case ICoalesceAssignmentOperation coalesce when coalesce.Target == reference:
                case IIncrementOrDecrementOperation _:
                case ITupleOperation _:
                    return Access.Other;
                case IArgumentOperation argument when argument.Parameter != null && argument.Parameter.RefKind != RefKind.None && argument.Parameter.RefKind != RefKind.In:
                    return Access.Other;
                case ISimpleAssignmentOperation { IsRef: true }:
                    return Access.Other;
            }

            return Access.Read;
        }
    }

    /// <summary>What the whole compilation says about a symbol: the values written to it and the references that use it.</summary>
    internal sealed class SymbolFacts
    {
        public static readonly SymbolFacts Unknown = new SymbolFacts(ImmutableArray<IOperation>.Empty, ImmutableArray<IOperation>.Empty, complete: false);

        public SymbolFacts(ImmutableArray<IOperation> values, ImmutableArray<IOperation> uses, bool complete)
        {
            Values = values;
            Uses = uses;
            Complete = complete;
        }

        /// <summary>Values written (a field's initializer and plain assignments).</summary>
        public ImmutableArray<IOperation> Values { get; }

        /// <summary>The other references: a field's reads, a method's invocations.</summary>
        public ImmutableArray<IOperation> Uses { get; }

        /// <summary>Whether every write and use in the compilation is listed (false: treat the symbol as unknown).</summary>
        public bool Complete { get; }
    }
}
