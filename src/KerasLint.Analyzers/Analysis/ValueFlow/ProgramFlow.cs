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
    /// compilation), parameters (the arguments of every call site in the compilation, constructors included: every
    /// <c>new T(…)</c>, <c>: base(…)</c>, <c>: this(…)</c>), calls of source methods (their returns), both branches of
    /// a conditional, and values wrapped in tuples and records (a deconstruction, <c>.Item2</c> or a named element, a
    /// positional record's property, a readonly field set from a constructor argument). A symbol is looked up on
    /// demand, from its declarations (<see cref="ISymbol.DeclaringSyntaxReferences"/>) and the identifiers that name it,
    /// bound with the compilation's semantic model of their tree; what is learnt about a symbol is immutable and cached
    /// here. Auto-properties, calls that add to a member and virtual calls (each override in the compilation a possibility) are in ProgramFlow.Members.cs. Anything not followed (a ref write, a method group, a budget spent) is "unknown" (null).
    /// <para>
    /// One per compilation and engine: created in the engine's compilation-start action and passed down (no static
    /// state); it also owns the per-body <see cref="MemberFlow"/>s (<see cref="Member"/>).
    /// </para>
    /// </summary>
    internal sealed partial class ProgramFlow
    {
        private readonly ConditionalWeakTable<IOperation, MemberFlow> members = new ConditionalWeakTable<IOperation, MemberFlow>();
        private readonly ConditionalWeakTable<IOperation, MemberFlow>.CreateValueCallback newMember;
        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> models = new ConcurrentDictionary<SyntaxTree, SemanticModel>();
        private readonly ConcurrentDictionary<ISymbol, SymbolFacts> facts = new ConcurrentDictionary<ISymbol, SymbolFacts>(SymbolEqualityComparer.Default);
        private readonly object gate = new object();
        private Dictionary<string, List<IdentifierNameSyntax>>? names;
        private ConstructorIndex? constructors;

        /// <summary>The flow of a compilation: create one per compilation (an engine's compilation-start action) and pass it down.</summary>
        public ProgramFlow(Compilation compilation)
        {
            Compilation = compilation;
            newMember = root => new MemberFlow(this, root);
        }

        public Compilation Compilation { get; }

        /// <summary>The flow of the member body that contains <paramref name="anyOperationInBody"/> (one per body, weakly keyed by its root operation).</summary>
        public MemberFlow Member(IOperation anyOperationInBody) => members.GetValue(Operations.Root(anyOperationInBody), newMember);

        /// <summary>The semantic model of a tree of the compilation (one per tree).</summary>
#pragma warning disable RS1030 // Declarations in other trees are bound on demand, once per tree, for the few symbols a query follows.
        public SemanticModel Model(SyntaxTree tree) => models.GetOrAdd(tree, t => Compilation.GetSemanticModel(t));
#pragma warning restore RS1030

        /// <summary>The operation of a node of any tree of the compilation (a declaration, an initializer, a call site).</summary>
        public IOperation? Operation(SyntaxNode node, CancellationToken ct) => Model(node.SyntaxTree).GetOperation(node, ct);

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
                case ILocalReferenceOperation local when Deconstructed(local) is { } source:
                    return Project(source.Value, source.Index, null, budget, depth, leaves, ct);

                case ILocalReferenceOperation local:
                {
                    foreach (var value in Member(op).ReachingValues(op, local.Local, ct, followDeconstruction: true))
                    {
                        if (value == null || !Collect(value, budget, depth, leaves, ct)) return false;
                    }

                    return true;
                }

                case IParameterReferenceOperation parameter:
                {
                    if (Member(op).HasWrites(parameter.Parameter, ct) || !(Arguments(parameter.Parameter, ct) is { Length: > 0 } arguments)) return false;
                    return arguments.All(a => Collect(a, budget, depth + 1, leaves, ct));
                }

                case IFieldReferenceOperation field when field.Instance != null && TupleIndex(field.Field) is { } element:
                    return Project(field.Instance, element, null, budget, depth, leaves, ct);

                case IFieldReferenceOperation field when field.Instance != null && IsValueMember(field.Field, ct) && ProjectedOrNull(field.Instance, field.Field, budget, depth, ct) is { } projected:
                    leaves.AddRange(projected);
                    return true;

                case IPropertyReferenceOperation property when property.Instance != null && property.Arguments.IsEmpty && IsValueMember(property.Property, ct)
                    && ProjectedOrNull(property.Instance, property.Property, budget, depth, ct) is { } projected:
                    leaves.AddRange(projected);
                    return true;

                case IFieldReferenceOperation field:
                {
                    var f = Field(field.Field, ct);
                    if (!f.Complete || f.Values.IsEmpty) return false;
                    return f.Values.All(v => Collect(v, budget, depth + 1, leaves, ct));
                }

                case IPropertyReferenceOperation property when property.Arguments.IsEmpty && IsAutoProperty(property.Property.OriginalDefinition, ct):
                {
                    var p = Property(property.Property, ct);
                    if (!p.Complete || p.Values.IsEmpty) return false;
                    return p.Values.All(v => Collect(v, budget, depth + 1, leaves, ct));
                }

                case IConditionalOperation conditional when conditional.WhenFalse != null:
                    return Collect(conditional.WhenTrue, budget, depth, leaves, ct) && Collect(conditional.WhenFalse, budget, depth, leaves, ct);

                case IInvocationOperation call when Returns(call.TargetMethod, ct) is { } returns:
                    return !returns.IsEmpty && returns.All(r => Collect(r, budget, depth + 1, leaves, ct));

                case IInvocationOperation call when IsDispatched(call.TargetMethod):
                {
                    // Each override present in the compilation is a possibility; none resolved: the call is an opaque leaf.
                    var implementations = Implementations(call.TargetMethod, call.Instance, budget, depth, ct);
                    if (budget.Spent) return false;
                    if (implementations == null)
                    {
                        leaves.Add(op);
                        return true;
                    }

                    foreach (var implementation in implementations)
                    {
                        if (!(ReturnsOf(implementation, ct) is { Length: > 0 } returned) || !returned.All(r => Collect(r, budget, depth + 1, leaves, ct))) return false;
                    }

                    return true;
                }

                default:
                    leaves.Add(op);
                    return true;
            }
        }

        // ---- values wrapped in tuples and records ----

        /// <summary>
        /// What element <paramref name="index"/> (of a tuple) or member <paramref name="member"/> (of a record or class,
        /// see <see cref="IsValueMember"/>) of a composite value holds: a tuple literal's element, a member as the
        /// creation sets it (<see cref="CreationMemberValues"/>), through locals, parameters' callers, fields' writes,
        /// source methods' returns and conditionals (<c>return (logits, probs)</c>, <c>new Output(probs)</c>).
        /// </summary>
        private bool Project(IOperation container, int? index, ISymbol? member, FlowBudget budget, int depth, ImmutableArray<IOperation>.Builder leaves, CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            if (!budget.Visit() || depth > budget.MaxDepth) return false;
            var op = Operations.Unwrap(container);
            switch (op)
            {
                case ITupleOperation tuple when index != null:
                    return index.Value < tuple.Elements.Length && Collect(tuple.Elements[index.Value], budget, depth, leaves, ct);
                case IObjectCreationOperation creation when index != null && creation.Type != null && creation.Type.IsTupleType:
                    return creation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == index.Value)?.Value is { } element && Collect(element, budget, depth, leaves, ct);
                case IObjectCreationOperation creation when member != null:
                    return CreationMemberValues(creation, member, ct) is { Length: > 0 } values && values.All(v => Collect(v, budget, depth + 1, leaves, ct));
                case ILocalReferenceOperation local when Deconstructed(local) == null:
                {
                    foreach (var value in Member(op).ReachingValues(op, local.Local, ct))
                    {
                        if (value == null || !Project(value, index, member, budget, depth, leaves, ct)) return false;
                    }

                    return true;
                }

                case IParameterReferenceOperation parameter:
                    return !Member(op).HasWrites(parameter.Parameter, ct) && Arguments(parameter.Parameter, ct) is { Length: > 0 } arguments
                        && arguments.All(a => Project(a, index, member, budget, depth + 1, leaves, ct));
                case IFieldReferenceOperation field when !(field.Instance != null && (TupleIndex(field.Field) != null || IsValueMember(field.Field, ct))):
                {
                    var f = Field(field.Field, ct);
                    return f.Complete && !f.Values.IsEmpty && f.Values.All(v => Project(v, index, member, budget, depth + 1, leaves, ct));
                }

                case IConditionalOperation conditional when conditional.WhenFalse != null:
                    return Project(conditional.WhenTrue, index, member, budget, depth, leaves, ct) && Project(conditional.WhenFalse, index, member, budget, depth, leaves, ct);
                case IInvocationOperation call when Returns(call.TargetMethod, ct) is { } returns:
                    return !returns.IsEmpty && returns.All(r => Project(r, index, member, budget, depth + 1, leaves, ct));
                case IInvocationOperation call when IsDispatched(call.TargetMethod) && Implementations(call.TargetMethod, call.Instance, budget, depth, ct) is { } implementations:
                    return implementations.All(i => ReturnsOf(i, ct) is { Length: > 0 } returned && returned.All(r => Project(r, index, member, budget, depth + 1, leaves, ct)));
                default:
                    return false;
            }
        }

        private ImmutableArray<IOperation>? ProjectedOrNull(IOperation container, ISymbol member, FlowBudget budget, int depth, CancellationToken ct)
        {
            var leaves = ImmutableArray.CreateBuilder<IOperation>();
            return Project(container, null, member, budget, depth, leaves, ct) ? leaves.ToImmutable() : (ImmutableArray<IOperation>?)null;
        }

        /// <summary>The element a deconstructed local comes from (<c>var (p, _) = f(x)</c>, <c>(a, b) = t</c>): the deconstructed value and the index; null unless one level deep.</summary>
        public static (IOperation Value, int Index)? Deconstructed(ILocalReferenceOperation local)
        {
            var deconstruction = MemberFlow.DeconstructionOf(local);
            if (deconstruction == null) return null;
            IOperation child = local;
            for (var p = local.Parent; p != null && p != deconstruction; child = p, p = p.Parent)
            {
                if (!(p is ITupleOperation tuple)) continue;
                var index = tuple.Elements.IndexOf(child);
                var outer = p.Parent;
                while (outer is IDeclarationExpressionOperation || outer is IConversionOperation) outer = outer.Parent;
                return outer == deconstruction && index >= 0 ? (deconstruction.Value, index) : ((IOperation, int)?)null;
            }

            return null;
        }

        /// <summary>The position of a tuple element field (<c>Item2</c>, or a named element); null when not a tuple's.</summary>
        public static int? TupleIndex(IFieldSymbol field)
        {
            if (!field.ContainingType.IsTupleType) return null;
            var elements = field.ContainingType.TupleElements;
            var target = field.CorrespondingTupleField ?? field;
            for (var i = 0; i < elements.Length; i++)
            {
                if (SymbolEqualityComparer.Default.Equals(elements[i].CorrespondingTupleField ?? elements[i], target)) return i;
            }

            return null;
        }

        /// <summary>
        /// An instance member of a source type that is set only while the object is made, so a creation decides it: a
        /// readonly field, or a property without a setter or with an init accessor, declared as a positional record
        /// parameter or as an auto-property.
        /// </summary>
        public static bool IsValueMember(ISymbol member, CancellationToken ct)
        {
            if (member.IsStatic || member.ContainingType == null || member.DeclaringSyntaxReferences.IsEmpty) return false;
            return member switch
            {
                IFieldSymbol field => field.IsReadOnly && !field.IsConst && field.CorrespondingTupleField == null && !field.ContainingType.IsTupleType,
                IPropertySymbol property => (property.SetMethod == null || property.SetMethod.IsInitOnly) && property.Parameters.IsEmpty
                    && property.DeclaringSyntaxReferences.All(r => r.GetSyntax(ct) is ParameterSyntax || r.GetSyntax(ct) is PropertyDeclarationSyntax { ExpressionBody: null } p && p.AccessorList != null && p.AccessorList.Accessors.All(a => a.Body == null && a.ExpressionBody == null)),
                _ => false,
            };
        }

        /// <summary>
        /// The values one creation gives a member: its object initializer, the member's initializer, a positional record
        /// parameter's argument, and the assignments of the constructor it calls (a constructor parameter: this
        /// creation's argument). Null: unknown (an initializer that is not a plain assignment, a constructor that chains
        /// with <c>this(…)</c>, a body that cannot be bound).
        /// </summary>
        public ImmutableArray<IOperation>? CreationMemberValues(IObjectCreationOperation creation, ISymbol member, CancellationToken ct)
        {
            var values = ImmutableArray.CreateBuilder<IOperation>();
            if (creation.Initializer != null)
            {
                foreach (var initializer in creation.Initializer.Initializers)
                {
                    if (!(initializer is ISimpleAssignmentOperation assignment)) return null;
                    if (IsMemberReference(assignment.Target, member)) values.Add(assignment.Value);
                }
            }

            var constructor = creation.Constructor;
            if (constructor == null) return null;
            var positional = false;
            foreach (var syntaxRef in member.DeclaringSyntaxReferences)
            {
                var node = syntaxRef.GetSyntax(ct);
                if (node is ParameterSyntax parameterSyntax)
                {
                    // A record's positional property: the primary constructor's argument of the same parameter.
                    positional = true;
                    var argument = creation.Arguments.FirstOrDefault(a => a.Parameter != null && a.Parameter.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == parameterSyntax.SyntaxTree && r.Span == parameterSyntax.Span));
                    if (argument == null) return null;
                    values.Add(argument.Value);
                    continue;
                }

                var init = node is VariableDeclaratorSyntax v ? v.Initializer : node is PropertyDeclarationSyntax p ? p.Initializer : null;
                if (init == null) continue;
                switch (Operation(init, ct))
                {
                    case IFieldInitializerOperation f: values.Add(f.Value); break;
                    case IPropertyInitializerOperation pi: values.Add(pi.Value); break;
                    default: return null;
                }
            }

            if (!constructor.IsImplicitlyDeclared && !positional)
            {
                foreach (var syntaxRef in constructor.DeclaringSyntaxReferences)
                {
                    var node = syntaxRef.GetSyntax(ct);
                    if (node is ConstructorDeclarationSyntax { Initializer: { } chained } && chained.ThisOrBaseKeyword.Text == "this") return null;
                    var body = Operation(node, ct);
                    if (body == null) return null;
                    foreach (var assignment in body.DescendantsAndSelf().OfType<ISimpleAssignmentOperation>())
                    {
                        if (!IsMemberReference(assignment.Target, member)) continue;
                        if (Operations.UnwrapOrNull(assignment.Value) is IParameterReferenceOperation parameter && SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol.OriginalDefinition, constructor.OriginalDefinition))
                        {
                            var argument = creation.Arguments.FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.Parameter?.OriginalDefinition, parameter.Parameter.OriginalDefinition));
                            if (argument == null) return null;
                            values.Add(argument.Value);
                        }
                        else
                        {
                            values.Add(assignment.Value);
                        }
                    }
                }
            }

            return values.ToImmutable();
        }

        private static bool IsMemberReference(IOperation? op, ISymbol member) => Operations.UnwrapOrNull(op) switch
        {
            IFieldReferenceOperation f => SymbolEqualityComparer.Default.Equals(f.Field.OriginalDefinition, member.OriginalDefinition),
            IPropertyReferenceOperation p => SymbolEqualityComparer.Default.Equals(p.Property.OriginalDefinition, member.OriginalDefinition),
            _ => false,
        };

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
                var args = call is IInvocationOperation inv ? inv.Arguments : call is IObjectCreationOperation creation ? creation.Arguments : ImmutableArray<IArgumentOperation>.Empty;
                var arg = args.FirstOrDefault(a => a.Parameter?.Ordinal == parameter.Ordinal);
                if (arg == null || arg.ArgumentKind == ArgumentKind.ParamArray) return null;
                values.Add(arg.Value);
            }

            return values.ToImmutable();
        }

        /// <summary>
        /// The invocations of a method in the whole compilation (<see cref="SymbolFacts.Uses"/>); for a constructor, every
        /// object creation and constructor initializer that calls it. Not complete when it may be called unseen (a method
        /// group, a virtual method, a using alias naming a type, an implicit <c>base()</c> call passing defaults).
        /// </summary>
        public SymbolFacts CallSites(IMethodSymbol method, CancellationToken ct) => facts.GetOrAdd(method.OriginalDefinition, _ => MethodFacts(method.OriginalDefinition, ct));

        /// <summary>The values a source method returns (outside lambdas), or null when it is not followed (library, virtual, extern, several declarations).</summary>
        public ImmutableArray<IOperation>? Returns(IMethodSymbol method, CancellationToken ct)
        {
            if (!(Body(method, ct) is { } body)) return null;
            return Operations.DescendantsOutsideLambdas(body).OfType<IReturnOperation>().Where(r => r.ReturnedValue != null).Select(r => r.ReturnedValue!).ToImmutableArray();
        }

        /// <summary>The body operation of a source method or constructor with one declaration, not virtual; else null.</summary>
        public IOperation? Body(IMethodSymbol method, CancellationToken ct) => Body(method, ct, dispatched: false);

        /// <summary>The body of a source method with one declaration; <paramref name="dispatched"/>: a virtual or override implementation too (one that <see cref="Implementations"/> resolved).</summary>
        private IOperation? Body(IMethodSymbol method, CancellationToken ct, bool dispatched)
        {
            method = method.OriginalDefinition;
            if ((!dispatched && (method.IsVirtual || method.IsOverride)) || method.IsAbstract || method.IsExtern || method.DeclaringSyntaxReferences.Length != 1) return null;
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

            return ReferenceFacts<IFieldReferenceOperation>(field, values, uses, ct);
        }

        /// <summary>
        /// The facts of a field or property from its references in the compilation, after its initializer's value (already
        /// in <paramref name="values"/>): each write adds a value, each read a use, anything else (ref, increment, a write
        /// not followed) makes it unknown.
        /// </summary>
        private SymbolFacts ReferenceFacts<TReference>(ISymbol member, ImmutableArray<IOperation>.Builder values, ImmutableArray<IOperation>.Builder uses, CancellationToken ct)
            where TReference : class, IMemberReferenceOperation
        {
            foreach (var (node, model) in References(member, ct))
            {
                if (!(model.GetOperation(node, ct) is TReference reference)) continue;
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
            if (method.MethodKind == MethodKind.Constructor) return ConstructorFacts(method, ct);
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

        private static bool ImplementsInterface(ISymbol method)
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

        private SymbolFacts ConstructorFacts(IMethodSymbol constructor, CancellationToken ct)
        {
            var type = constructor.ContainingType;
            if (type == null || constructor.DeclaringSyntaxReferences.IsEmpty) return SymbolFacts.Unknown;
            var syntax = Constructors(ct);
            if (syntax.HasAliases) return SymbolFacts.Unknown;
            if (constructor.Parameters.Any(p => p.IsOptional || p.IsParams) && syntax.DerivedNames.Contains(type.Name)) return SymbolFacts.Unknown; // an implicit base() call passes the defaults
            var candidates = new List<SyntaxNode>(syntax.Unnamed);
            if (syntax.Creations.TryGetValue(type.Name, out var named)) candidates.AddRange(named);
            var uses = ImmutableArray.CreateBuilder<IOperation>();
            foreach (var node in candidates.OrderBy(n => n.SyntaxTree.FilePath, System.StringComparer.Ordinal).ThenBy(n => n.SpanStart))
            {
                ct.ThrowIfCancellationRequested();
                var operation = Operation(node, ct);
                if (operation is IExpressionStatementOperation statement) operation = statement.Operation;
                if (operation == null) return SymbolFacts.Unknown; // a possible caller that cannot be read
                var target = operation switch
                {
                    IObjectCreationOperation creation => creation.Constructor,
                    IInvocationOperation invocation => invocation.TargetMethod,
                    _ => null,
                };
                if (target != null && SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, constructor)) uses.Add(operation);
            }

            return new SymbolFacts(ImmutableArray<IOperation>.Empty, uses.ToImmutable(), complete: true);
        }

        /// <summary>Every identifier of the compilation by name: one syntax walk, on the first query that looks for a symbol's references.</summary>
        private Dictionary<string, List<IdentifierNameSyntax>> Names(CancellationToken ct)
        {
            var built = Volatile.Read(ref names);
            if (built != null) return built;
            lock (gate)
            {
                if (names != null) return names;
                var index = new Dictionary<string, List<IdentifierNameSyntax>>(System.StringComparer.Ordinal);
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

        /// <summary>The nodes that may call a constructor: one syntax walk, on the first query for a constructor's callers (apart from <see cref="Names"/>, which it does not need).</summary>
        private ConstructorIndex Constructors(CancellationToken ct)
        {
            var built = Volatile.Read(ref constructors);
            if (built != null) return built;
            lock (gate)
            {
                return constructors ??= new ConstructorIndex(Compilation, ct);
            }
        }

        private sealed class ConstructorIndex
        {
            public ConstructorIndex(Compilation compilation, CancellationToken ct)
            {
                foreach (var tree in compilation.SyntaxTrees)
                {
                    foreach (var node in tree.GetRoot(ct).DescendantNodes())
                    {
                        ct.ThrowIfCancellationRequested();
                        switch (node)
                        {
                            case ObjectCreationExpressionSyntax creation:
                                if (SimpleName(creation.Type) is { } name) Add(Creations, name, creation);
                                else Unnamed.Add(creation);
                                break;
                            case ImplicitObjectCreationExpressionSyntax _:
                            case ConstructorInitializerSyntax _:
                            case PrimaryConstructorBaseTypeSyntax _:
                                Unnamed.Add(node);
                                break;
                            case UsingDirectiveSyntax usingDirective when usingDirective.Alias != null:
                                HasAliases = true;
                                break;
                            case BaseListSyntax baseList:
                                foreach (var baseType in baseList.Types)
                                {
                                    if (SimpleName(baseType.Type) is { } baseName) DerivedNames.Add(baseName);
                                }

                                break;
                        }
                    }
                }
            }

            /// <summary>Object creations by the simple name of the type they name.</summary>
            public Dictionary<string, List<SyntaxNode>> Creations { get; } = new Dictionary<string, List<SyntaxNode>>(System.StringComparer.Ordinal);

            /// <summary>Calls of a constructor that do not name the type: <c>new(…)</c>, <c>: base(…)</c>, <c>: this(…)</c>, a primary base.</summary>
            public List<SyntaxNode> Unnamed { get; } = new List<SyntaxNode>();

            /// <summary>Simple names of the types some type derives from (an implicit <c>base()</c> call may pass defaults).</summary>
            public HashSet<string> DerivedNames { get; } = new HashSet<string>(System.StringComparer.Ordinal);

            /// <summary>Whether a using alias may name a type under another name.</summary>
            public bool HasAliases { get; }

            private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
            {
                if (!map.TryGetValue(key, out var list)) map[key] = list = new List<T>();
                list.Add(value);
            }

            private static string? SimpleName(TypeSyntax type) => type switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                GenericNameSyntax generic => generic.Identifier.ValueText,
                QualifiedNameSyntax qualified => SimpleName(qualified.Right),
                AliasQualifiedNameSyntax aliasQualified => SimpleName(aliasQualified.Name),
                _ => null,
            };
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
