using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KerasLint.Analysis.ValueFlow
{
    /// <summary>
    /// Library-neutral flow through members (issue 17.3): auto-properties (their initializer and every write in the
    /// compilation), calls that add to a member's value (the last <c>append</c>/<c>Add</c> on a field or property, per
    /// body that makes them), and calls through a virtual or override method (each override present in the compilation
    /// a possibility). Each query answers "unknown" (null) when a path is not followed or its budget is spent.
    /// </summary>
    internal sealed partial class ProgramFlow
    {
        private IReadOnlyList<INamedTypeSymbol>? sourceTypes;

        // ---- auto-properties ----

        /// <summary>
        /// An auto-property's writes and reads in the whole compilation, as <see cref="Field"/> gives a field's: its
        /// initializer and every plain assignment (constructors, methods, object initializers, other types); not complete
        /// for a property with accessor bodies, a virtual, abstract or override property, an interface implementation,
        /// or one written in a way not followed.
        /// </summary>
        public SymbolFacts Property(IPropertySymbol property, CancellationToken ct) => facts.GetOrAdd(property.OriginalDefinition, _ => PropertyFacts(property.OriginalDefinition, ct));

        /// <summary>The writes of a field (<see cref="Field"/>) or property (<see cref="Property"/>); null for any other symbol.</summary>
        public SymbolFacts? Writes(ISymbol member, CancellationToken ct) => member switch
        {
            IFieldSymbol field => Field(field, ct),
            IPropertySymbol property => Property(property, ct),
            _ => null,
        };

        /// <summary>A property declared once, with accessors without bodies (<c>{ get; set; }</c>, <c>{ get; }</c>, <c>{ get; init; }</c>) and no indexer parameters.</summary>
        public static bool IsAutoProperty(IPropertySymbol property, CancellationToken ct) =>
            property.Parameters.IsEmpty && property.DeclaringSyntaxReferences.Length == 1
            && property.DeclaringSyntaxReferences[0].GetSyntax(ct) is PropertyDeclarationSyntax { ExpressionBody: null, AccessorList: { } accessors }
            && accessors.Accessors.All(a => a.Body == null && a.ExpressionBody == null);

        private SymbolFacts PropertyFacts(IPropertySymbol property, CancellationToken ct)
        {
            if (!IsAutoProperty(property, ct) || property.IsVirtual || property.IsAbstract || property.IsOverride || !property.ExplicitInterfaceImplementations.IsEmpty || ImplementsInterface(property))
            {
                return SymbolFacts.Unknown;
            }

            var values = ImmutableArray.CreateBuilder<IOperation>();
            var uses = ImmutableArray.CreateBuilder<IOperation>();
            if (property.DeclaringSyntaxReferences[0].GetSyntax(ct) is PropertyDeclarationSyntax { Initializer: { } init })
            {
                if (!(Operation(init, ct) is IPropertyInitializerOperation initializer)) return SymbolFacts.Unknown;
                values.Add(initializer.Value);
            }

            return ReferenceFacts<IPropertyReferenceOperation>(property, values, uses, ct);
        }

        // ---- calls that add to a member's value ----

        /// <summary>
        /// The calls that may be the last one <paramref name="adds"/> accepts on the value of a field or auto-property
        /// (<c>model.append(…)</c> in a constructor or a <c>Build()</c> method): the last such call of each body that
        /// makes one (any body may run last), and whether the value may have had none (some construction path makes
        /// none). Null (unknown): the member's writes are not all known, a write other than in its type's constructors
        /// and initializers, a write after such a call in the same body, such a call that is not a statement of its
        /// body's top block (inside a branch, a loop, a lambda, a chain), the value read in a way that may alias it (put
        /// in a local, returned, passed to a call <paramref name="trusted"/> does not vouch for), or the budget spent.
        /// </summary>
        public MemberCalls? LastCallsOn(ISymbol member, System.Func<IMethodSymbol, bool> adds, System.Func<IInvocationOperation, bool> trusted, FlowBudget budget, CancellationToken ct)
        {
            if (!(Writes(member, ct) is { Complete: true } writes)) return null;
            var first = new Dictionary<IOperation, int>();
            var last = new Dictionary<IOperation, IInvocationOperation>();
            foreach (var use in writes.Uses)
            {
                ct.ThrowIfCancellationRequested();
                if (!budget.Visit()) return null;
                switch (Operations.ParentSkippingWrappers(use))
                {
                    case IInvocationOperation call when call.Instance != null && Operations.Unwrap(call.Instance) == use:
                    {
                        if (!adds(call.TargetMethod)) break;
                        if (!(call.Parent is IExpressionStatementOperation { Parent: IBlockOperation { Parent: { } body } }) || !(body is IMethodBodyOperation || body is IConstructorBodyOperation))
                        {
                            return null;
                        }

                        var start = call.Syntax.SpanStart;
                        if (!last.TryGetValue(body, out var previous) || previous.Syntax.SpanStart < start) last[body] = call;
                        if (!first.TryGetValue(body, out var earliest) || start < earliest) first[body] = start;
                        break;
                    }

                    case IArgumentOperation { Parent: IInvocationOperation callee } when trusted(callee):
                    case IMemberReferenceOperation access when access.Instance != null && Operations.Unwrap(access.Instance) == use:
                    case IBinaryOperation _:
                    case IIsPatternOperation _:
                        break;
                    default:
                        return null; // may alias the value: an add through the alias would not be seen
                }
            }

            if (last.Count == 0) return new MemberCalls(ImmutableArray<IInvocationOperation>.Empty, mayHaveNone: true);
            foreach (var value in writes.Values)
            {
                var root = Operations.Root(value);
                if (root is IFieldInitializerOperation || root is IPropertyInitializerOperation) continue;
                if (!(root is IConstructorBodyOperation) || !(Model(root.Syntax.SyntaxTree).GetDeclaredSymbol(root.Syntax, ct) is IMethodSymbol constructor)
                    || !SymbolEqualityComparer.Default.Equals(constructor.ContainingType?.OriginalDefinition, member.ContainingType?.OriginalDefinition))
                {
                    return null; // a write that may come after the calls (a method, a derived type, an object initializer)
                }

                if (first.TryGetValue(root, out var earliest) && value.Syntax.SpanStart > earliest) return null;
            }

            // The value had no such call when some way to make the object runs no body that makes one.
            var type = member.ContainingType;
            var mayHaveNone = type == null;
            if (type != null)
            {
                var constructors = member.IsStatic ? type.StaticConstructors : type.InstanceConstructors;
                mayHaveNone = constructors.IsEmpty;
                foreach (var constructor in constructors)
                {
                    if (constructor.IsImplicitlyDeclared || constructor.DeclaringSyntaxReferences.Length != 1)
                    {
                        mayHaveNone = true;
                        break;
                    }

                    var syntax = constructor.DeclaringSyntaxReferences[0].GetSyntax(ct);
                    if (!last.Keys.Any(body => body.Syntax == syntax))
                    {
                        mayHaveNone = true;
                        break;
                    }
                }
            }

            return new MemberCalls(last.Values.OrderBy(c => c.Syntax.SyntaxTree.FilePath, System.StringComparer.Ordinal).ThenBy(c => c.Syntax.SpanStart).ToImmutableArray(), mayHaveNone);
        }

        // ---- calls through virtual and override methods ----

        /// <summary>
        /// The implementations a call of <paramref name="method"/> on <paramref name="receiver"/> may run: the method
        /// itself when it is not virtual or called on <c>base</c>; else, for each type the receiver may be created as (its values through this
        /// flow, all object creations), or for every non-abstract class of the compilation that is or derives from its
        /// static type (a type of the compilation: nothing outside can derive from it unseen), the override that type
        /// runs. Null: a possible implementation is not in the compilation (a library type), an interface or abstract
        /// member with none, or the call is not followed. Each implementation is a possibility; report only what holds on every one.
        /// </summary>
        public ImmutableArray<IMethodSymbol>? Implementations(IMethodSymbol method, IOperation? receiver, FlowBudget budget, CancellationToken ct) =>
            Implementations(method, receiver, budget, 0, ct);

        /// <summary><see cref="Implementations(IMethodSymbol, IOperation?, FlowBudget, CancellationToken)"/> within a query: the receiver's values one hop deeper (the budget's depth bounds the recursion).</summary>
        private ImmutableArray<IMethodSymbol>? Implementations(IMethodSymbol method, IOperation? receiver, FlowBudget budget, int depth, CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            method = method.OriginalDefinition;
            if (!IsDispatched(method)) return InSource(method) && !method.IsAbstract ? ImmutableArray.Create(method) : (ImmutableArray<IMethodSymbol>?)null;
            if (method.ContainingType == null || method.ContainingType.TypeKind == TypeKind.Interface) return null;
            IEnumerable<INamedTypeSymbol>? types = null;
            var unwrapped = receiver == null ? null : Operations.Unwrap(receiver);
            if (unwrapped?.Syntax is BaseExpressionSyntax) return InSource(method) && !method.IsAbstract ? ImmutableArray.Create(method) : (ImmutableArray<IMethodSymbol>?)null; // base.M(): not dispatched
            var created = ImmutableArray.CreateBuilder<IOperation>();
            if (unwrapped != null && !(unwrapped is IInstanceReferenceOperation) && Collect(unwrapped, budget, depth + 1, created, ct) && created.Count > 0
                && created.All(c => c is IObjectCreationOperation { Type: INamedTypeSymbol }))
            {
                types = created.Select(c => (INamedTypeSymbol)c.Type!).Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            }
            else
            {
                var declared = unwrapped?.Type as INamedTypeSymbol ?? method.ContainingType;
                if (!InSource(declared)) return null; // a library type: its library subclasses are not seen
                types = SourceTypes(ct).Where(t => t.TypeKind == TypeKind.Class && !t.IsAbstract && DerivesFrom(t, declared));
            }

            var implementations = ImmutableArray.CreateBuilder<IMethodSymbol>();
            foreach (var type in types)
            {
                if (!budget.Visit()) return null;
                var implementation = ImplementationIn(type, method);
                if (implementation == null || implementation.IsAbstract || !InSource(implementation)) return null;
                if (!implementations.Contains(implementation, SymbolEqualityComparer.Default)) implementations.Add(implementation);
            }

            return implementations.Count == 0 ? (ImmutableArray<IMethodSymbol>?)null : implementations.ToImmutable();
        }

        /// <summary>The values an implementation returns, virtual or override included (a call resolved by <see cref="Implementations"/>); null when it is not followed.</summary>
        public ImmutableArray<IOperation>? ReturnsOf(IMethodSymbol implementation, CancellationToken ct)
        {
            if (!(Body(implementation, ct, dispatched: true) is { } body)) return null;
            return Operations.DescendantsOutsideLambdas(body).OfType<IReturnOperation>().Where(r => r.ReturnedValue != null).Select(r => r.ReturnedValue!).ToImmutableArray();
        }

        /// <summary>Whether a call of the method is dispatched at run time (virtual, abstract or override).</summary>
        public static bool IsDispatched(IMethodSymbol method) => method.IsVirtual || method.IsAbstract || method.IsOverride;

        private static bool InSource(ISymbol symbol) => symbol.Locations.Any(l => l.IsInSource);

        private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol ancestor)
        {
            for (var t = type; t != null; t = t.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, ancestor.OriginalDefinition)) return true;
            }

            return false;
        }

        /// <summary>The member a type runs for a virtual method: the nearest declaration, from the type up, that is or overrides it.</summary>
        private static IMethodSymbol? ImplementationIn(INamedTypeSymbol type, IMethodSymbol method)
        {
            for (var t = type; t != null; t = t.BaseType)
            {
                foreach (var candidate in t.GetMembers(method.Name).OfType<IMethodSymbol>())
                {
                    for (var m = candidate; m != null; m = m.OverriddenMethod)
                    {
                        if (SymbolEqualityComparer.Default.Equals(m.OriginalDefinition, method)) return candidate;
                    }
                }
            }

            return null;
        }

        /// <summary>The named types declared in the compilation, nested ones included: one symbol walk, on the first query that resolves a virtual call on a type of the compilation.</summary>
        private IReadOnlyList<INamedTypeSymbol> SourceTypes(CancellationToken ct)
        {
            var built = Volatile.Read(ref sourceTypes);
            if (built != null) return built;
            lock (gate)
            {
                if (sourceTypes != null) return sourceTypes;
                var all = new List<INamedTypeSymbol>();
                var pending = new Stack<INamespaceOrTypeSymbol>();
                pending.Push(Compilation.Assembly.GlobalNamespace);
                while (pending.Count > 0)
                {
                    ct.ThrowIfCancellationRequested();
                    var current = pending.Pop();
                    if (current is INamespaceSymbol ns)
                    {
                        foreach (var child in ns.GetMembers()) pending.Push(child);
                    }
                    else if (current is INamedTypeSymbol type)
                    {
                        all.Add(type);
                        foreach (var nested in type.GetTypeMembers()) pending.Push(nested);
                    }
                }

                Volatile.Write(ref sourceTypes, all);
                return all;
            }
        }
    }

    /// <summary>The possible last calls that added to a member's value (<see cref="ProgramFlow.LastCallsOn"/>).</summary>
    internal sealed class MemberCalls
    {
        public MemberCalls(ImmutableArray<IInvocationOperation> lasts, bool mayHaveNone)
        {
            Lasts = lasts;
            MayHaveNone = mayHaveNone;
        }

        /// <summary>The last such call of each body that makes one: each a possibility.</summary>
        public ImmutableArray<IInvocationOperation> Lasts { get; }

        /// <summary>Whether the value may have had no such call (then its written values are a possibility too).</summary>
        public bool MayHaveNone { get; }
    }
}
