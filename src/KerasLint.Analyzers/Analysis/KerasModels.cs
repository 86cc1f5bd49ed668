using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using KerasLint.Knowledge;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KerasLint.Analysis
{
    /// <summary>
    /// What the Keras-style adapters (Keras.NET, TensorFlow.NET) share about how code builds and trains a model: layers
    /// added to a Sequential local, a model returned by a helper method, the fit calls on a model local (callbacks and
    /// validation data) and a monitoring callback's monitor/mode arguments. Library specifics come in as symbols and delegates.
    /// </summary>
    internal static class KerasModels
    {
        /// <summary>How deep the add calls are followed into helpers that receive the model.</summary>
        private const int MaxHelperDepth = 3;

        /// <summary>
        /// Appends the <paramref name="add"/> calls on a model held by a local, parameter or field, made in this member
        /// after <paramref name="after"/> and before <paramref name="before"/>, in source order, and the add calls of the
        /// helpers it is passed to (a source method whose parameter receives it); null when the layers may change elsewhere.
        /// </summary>
        public static List<IOperation?>? AddCalls(ISymbol holder, MemberFlow flow, int before, List<IOperation?> layers, ImmutableArray<IMethodSymbol> add, CancellationToken ct, int after = -1, int depth = 0)
        {
            var adds = new List<(IOperation? Layer, bool Conditional)>();
            foreach (var e in Entries(holder, flow, add, ct))
            {
                flow.Visit();
                if (e.Position >= before) break;
                if (e.Position <= after) continue;
                if (e.Escapes) return null;
                if (e.Helper != null)
                {
                    if (!(HelperAdds(flow.Program, e.Helper, e.Ordinal, add, ct, depth) is { } inner)) return null;
                    adds.AddRange(inner.Select(l => (l, e.Conditional)));
                    continue;
                }

                adds.Add((e.Layer, e.Conditional));
            }

            // A branch or loop that may add the last layer makes the head unknown.
            if (adds.Count > 0 && adds[adds.Count - 1].Conditional) return null;
            layers.AddRange(adds.Where(a => !a.Conditional).Select(a => a.Layer));
            if (adds.Any(a => a.Conditional)) layers.Insert(0, null);
            return layers;
        }

        /// <summary>The add calls a helper makes on the parameter that receives the model (whole body), or null when not followed.</summary>
        private static List<IOperation?>? HelperAdds(ValueFlow.ProgramFlow program, IInvocationOperation call, int ordinal, ImmutableArray<IMethodSymbol> add, CancellationToken ct, int depth)
        {
            var method = call.TargetMethod.OriginalDefinition;
            if (depth >= MaxHelperDepth || call.SemanticModel == null || ordinal < 0 || ordinal >= method.Parameters.Length) return null;
            if (!(program.Body(method, ct) is { } body)) return null;
            var flow = program.Member(body);
            var parameter = method.Parameters[ordinal];

            // A stub that never reads the model (or reassigns it) says nothing about what the real code does.
            if (parameter.RefKind != RefKind.None || flow.HasWrites(parameter, ct) || flow.Reads(parameter, ct).Count == 0) return null;
            return AddCalls(parameter, flow, int.MaxValue, new List<IOperation?>(), add, ct, depth: depth + 1);
        }

        private sealed class AddEntry
        {
            public int Position;
            public IOperation? Layer;
            public bool Conditional;
            public bool Escapes;
            public IInvocationOperation? Helper;
            public int Ordinal;
        }

        /// <summary>The add calls, helper calls and escapes of a model holder in one member, in source order (once per member).</summary>
        private static List<AddEntry> Entries(ISymbol holder, MemberFlow flow, ImmutableArray<IMethodSymbol> add, CancellationToken ct) =>
            flow.Memo(("keras.adds", holder), () =>
            {
                var list = new List<AddEntry>();
                var scope = holder is ILocalSymbol local ? flow.DeclarationScope(local, ct) : flow.Root;
                foreach (var read in flow.Reads(holder, ct))
                {
                    ct.ThrowIfCancellationRequested();
                    flow.Visit();
                    var parent = Operations.ParentSkippingWrappers(read);
                    if (parent is IInvocationOperation inv && inv.Instance != null && Operations.Unwrap(inv.Instance) == read)
                    {
                        if (Operations.IsOneOf(inv.TargetMethod, add))
                        {
                            // A layer in a field (built in an initializer or a constructor) too.
                            var arg = inv.Arguments.Length == 1 ? Resolve(inv.Arguments[0].Value, flow, ct) : null;
                            list.Add(new AddEntry { Position = inv.Syntax.SpanStart, Layer = arg, Conditional = Operations.IsConditional(inv, scope) });
                        }

                        // Other member calls (Summary, Fit, ...) do not change the layers.
                        continue;
                    }

                    if (parent is IMemberReferenceOperation || parent is IExpressionStatementOperation) continue;

                    // Passed to a source method: its add calls on the parameter (followed at the query); else the model escapes.
                    if (parent is IArgumentOperation { Parameter: { } p, Parent: IInvocationOperation helper } && Operations.Unwrap(((IArgumentOperation)parent).Value) == read)
                    {
                        list.Add(new AddEntry { Position = helper.Syntax.SpanStart, Helper = helper, Ordinal = p.Ordinal, Conditional = Operations.IsConditional(helper, scope) });
                        continue;
                    }

                    // Stored, captured: layers may be added elsewhere.
                    list.Add(new AddEntry { Position = read.Syntax.SpanStart, Escapes = true });
                }

                list.Sort((a, b) => a.Position.CompareTo(b.Position));
                return list;
            });

        /// <summary>
        /// The layers of a model held by a field: its one written value (in an initializer, a constructor or a method,
        /// of any file), the add calls in the member that wrote it (after the write) or, for an initializer, in the
        /// constructors, then those in the compiling member before <paramref name="before"/>. Null when another member
        /// adds layers or the model escapes (its order against the compile is not known), or the field has several values.
        /// </summary>
        public static List<IOperation?>? FieldLayers(IFieldSymbol field, MemberFlow flow, int before, ImmutableArray<IMethodSymbol> add,
            System.Func<IOperation, MemberFlow, int, List<IOperation?>?> layersOf, CancellationToken ct)
        {
            if (flow.Root.SemanticModel == null) return null;
            var program = flow.Program;
            var facts = program.Field(field, ct);
            if (!facts.Complete || facts.Values.Length != 1) return null;
            var value = facts.Values[0];
            var valueFlow = program.Member(value);
            var valueMember = valueFlow.Root.Syntax;
            var compileMember = flow.Root.Syntax;
            var sameMember = valueMember.SyntaxTree == compileMember.SyntaxTree && valueMember.Span == compileMember.Span;
            var fromInitializer = valueFlow.Root is IFieldInitializerOperation;

            // The members (other than the writer and the compiling one) whose code may add layers.
            SyntaxNode? builder = null;
            foreach (var use in facts.Uses)
            {
                var member = Operations.Root(use).Syntax;
                if (member.SyntaxTree == compileMember.SyntaxTree && member.Span == compileMember.Span) continue;
                if (member.SyntaxTree == valueMember.SyntaxTree && member.Span == valueMember.Span) continue;
                var parent = Operations.ParentSkippingWrappers(use);
                var changes = !(parent is IInvocationOperation inv && inv.Instance != null && Operations.Unwrap(inv.Instance) == use && !Operations.IsOneOf(inv.TargetMethod, add)
                    || parent is IMemberReferenceOperation);
                if (!changes) continue;
                if (!fromInitializer || !(Operations.Root(use) is IConstructorBodyOperation) || builder != null && builder != member) return null;
                builder = member;
            }

            var layers = layersOf(value, valueFlow, value.Syntax.SpanStart);
            if (layers == null) return null;
            if (sameMember) return AddCalls(field, flow, before, layers, add, ct, after: value.Syntax.SpanStart);
            if (!fromInitializer && AddCalls(field, valueFlow, int.MaxValue, layers, add, ct, after: value.Syntax.SpanStart) == null) return null;
            if (builder != null)
            {
                var ctor = program.Model(builder.SyntaxTree).GetOperation(builder, ct);
                if (ctor == null || AddCalls(field, program.Member(ctor), int.MaxValue, layers, add, ct) == null) return null;
            }

            // Adds in the compiling member run after the constructor; after a method's build, their order is not known.
            if (!fromInitializer && !(valueFlow.Root is IConstructorBodyOperation) && Entries(field, flow, add, ct).Any(e => e.Position < before)) return null;
            return AddCalls(field, flow, before, layers, add, ct);
        }

        /// <summary>
        /// The layers a user subclass of the library's Sequential adds to itself in its constructor (<c>Add(...)</c>
        /// without a receiver, or <c>this.Add</c>), and in the methods of its own the constructor calls; null when
        /// another member adds layers, the constructor chains to another, or the subclass derives from another user type.
        /// A base constructor call is followed when <paramref name="baseGivesNoLayers"/> says it passes no layers
        /// (default: it takes no arguments; TF.NET's <c>base(new SequentialArgs { Name = … })</c>).
        /// </summary>
        public static List<IOperation?>? SubclassLayers(IMethodSymbol constructor, INamedTypeSymbol librarySequential, ImmutableArray<IMethodSymbol> add, ValueFlow.ProgramFlow program, CancellationToken ct,
            System.Func<IInvocationOperation, bool>? baseGivesNoLayers = null)
        {
            var type = constructor.ContainingType;
            if (type == null || !SymbolEqualityComparer.Default.Equals(type.BaseType?.OriginalDefinition, librarySequential)) return null;
            if (!(program.Body(constructor, ct) is IConstructorBodyOperation body)) return null;
            if (body.Initializer != null)
            {
                // `: this(...)` or a base constructor given layers: not followed.
                var init = body.Initializer is IExpressionStatementOperation statement ? statement.Operation : body.Initializer;
                if (!(init is IInvocationOperation baseCall)
                    || !SymbolEqualityComparer.Default.Equals(baseCall.TargetMethod.ContainingType.OriginalDefinition, librarySequential)
                    || !(baseGivesNoLayers?.Invoke(baseCall) ?? baseCall.TargetMethod.Parameters.Length == 0)) return null;
            }

            var layers = new List<IOperation?>();
            var reached = new HashSet<SyntaxNode>();
            if (!SelfAdds(body, layers, reached, add, program, ct, 0)) return null;

            // Any other code of the subclass that adds to itself (another member, an accessor, a lambda): its order
            // against the compile is not known.
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                var declaration = reference.GetSyntax(ct);
                var model = program.Model(declaration.SyntaxTree);
                foreach (var invocation in declaration.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    if (!SelfCall(invocation, model, add, ct)) continue;
                    var member = invocation.FirstAncestorOrSelf<BaseMethodDeclarationSyntax>();
                    if (member == null || !reached.Contains(member) || invocation.Ancestors().Any(a => a is AnonymousFunctionExpressionSyntax || a is LocalFunctionStatementSyntax)) return null;
                }
            }

            return layers;
        }

        private static bool SelfCall(InvocationExpressionSyntax invocation, SemanticModel model, ImmutableArray<IMethodSymbol> add, CancellationToken ct) =>
            (invocation.Expression is IdentifierNameSyntax || invocation.Expression is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or BaseExpressionSyntax })
            && model.GetSymbolInfo(invocation, ct).Symbol is IMethodSymbol m && Operations.IsOneOf(m, add);

        private static bool SelfAdds(IOperation body, List<IOperation?> layers, HashSet<SyntaxNode> reached, ImmutableArray<IMethodSymbol> add, ValueFlow.ProgramFlow program, CancellationToken ct, int depth)
        {
            reached.Add(body.Syntax);
            foreach (var op in Operations.DescendantsOutsideLambdas(body).OfType<IInstanceReferenceOperation>().OrderBy(o => o.Syntax.SpanStart))
            {
                var parent = Operations.ParentSkippingWrappers(op);
                if (parent is IMemberReferenceOperation) continue;
                if (!(parent is IInvocationOperation call) || call.Instance == null || Operations.Unwrap(call.Instance) != op) return false;
                if (Operations.IsConditional(call, body)) return false;
                if (Operations.IsOneOf(call.TargetMethod, add))
                {
                    layers.Add(call.Arguments.Length == 1 ? Resolve(call.Arguments[0].Value, program.Member(call), ct) : null);
                    continue;
                }

                // A method of the subclass itself (Build()): its self-adds at this point; a library method changes nothing.
                if (call.TargetMethod.DeclaringSyntaxReferences.IsEmpty) continue;
                if (depth >= MaxHelperDepth || !(program.Body(call.TargetMethod, ct) is { } inner) || !SelfAdds(inner, layers, reached, add, program, ct, depth + 1)) return false;
            }

            return true;
        }

        /// <summary>
        /// What a layer, loss or callback expression is: through single-assignment locals, then (when that ends at a
        /// field, a parameter or a call of a source method) the whole-program flow, when it gives one value on every path.
        /// </summary>
        public static IOperation Resolve(IOperation op, MemberFlow flow, CancellationToken ct)
        {
            var traced = flow.Trace(op, ct);
            if (!(traced is IFieldReferenceOperation || traced is IParameterReferenceOperation || traced is IInvocationOperation { TargetMethod.DeclaringSyntaxReferences.IsEmpty: false })
                || traced.SemanticModel == null) return traced;
            var value = flow.Program.Single(traced, new ValueFlow.FlowBudget(), ct);
            return value == null ? traced : flow.Of(value).Trace(value, ct);
        }

        /// <summary>One hop into a helper method (of any file) with one return: the value it returns, its body's flow and the return's position.</summary>
        public static (IOperation Returned, MemberFlow Flow, int Position)? HelperReturn(ValueFlow.ProgramFlow program, IInvocationOperation call, CancellationToken ct)
        {
            if (!(program.Body(call.TargetMethod, ct) is { } body)) return null;
            var returns = Operations.DescendantsOutsideLambdas(body).OfType<IReturnOperation>().Where(r => r.ReturnedValue != null).ToList();
            return returns.Count == 1 ? (returns[0].ReturnedValue!, program.Member(body), returns[0].Syntax.SpanStart) : ((IOperation, MemberFlow, int)?)null;
        }

        /// <summary>A number an expression holds on every path of the whole program (a parameter every caller passes the same constant), else null.</summary>
        public static double? Number(ValueFlow.ProgramFlow program, IOperation use, CancellationToken ct) =>
            program.Number(use, new ValueFlow.FlowBudget(), ct);

        /// <summary>
        /// The elements of a collection built in code other than an inline array: a <c>List</c> local or its <c>ToArray()</c>
        /// (its initializer, then its unconditional <c>Add</c> calls before the use), or the array (or list's
        /// <c>ToArray()</c>) a helper returns. Null when not visible.
        /// </summary>
        public static ImmutableArray<IOperation>? CollectionElements(IOperation value, MemberFlow flow, System.Func<IMethodSymbol, bool> readsOnly, CancellationToken ct, int depth = 0)
        {
            var op = Operations.Unwrap(value);
            if (op is IInvocationOperation { TargetMethod.Name: "ToArray", Arguments.Length: 0, Instance: { } instance } && Operations.Unwrap(instance) is ILocalReferenceOperation list)
            {
                return ListElements(list.Local, flow, op.Syntax.SpanStart, readsOnly, ct);
            }

            // The list itself (TensorFlow.NET's fit takes a List<ICallback>).
            if (op is ILocalReferenceOperation local && local.Local.Type is INamedTypeSymbol { Name: "List", Arity: 1 } listType
                && listType.ContainingNamespace?.ToDisplayString() == "System.Collections.Generic")
            {
                return ListElements(local.Local, flow, op.Syntax.SpanStart, readsOnly, ct);
            }

            if (depth > 2) return null;
            var resolved = Resolve(value, flow, ct);
            if (resolved == op) return null;
            var inner = flow.Of(resolved);
            return inner.ArrayElements(resolved, out _, ct, readsOnly) ?? CollectionElements(resolved, inner, readsOnly, ct, depth + 1);
        }

        private static ImmutableArray<IOperation>? ListElements(ILocalSymbol list, MemberFlow flow, int before, System.Func<IMethodSymbol, bool> readsOnly, CancellationToken ct)
        {
            if (!(flow.SingleValue(list, ct) is { } v) || !(Operations.Unwrap(v) is IObjectCreationOperation { Arguments.Length: 0 } creation)) return null;
            var elements = ImmutableArray.CreateBuilder<IOperation>();
            if (creation.Initializer != null)
            {
                foreach (var i in creation.Initializer.Initializers)
                {
                    if (!(i is IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1 } init)) return null;
                    elements.Add(init.Arguments[0].Value);
                }
            }

            var scope = flow.DeclarationScope(list, ct);
            var adds = new List<IInvocationOperation>();
            foreach (var read in flow.Reads(list, ct))
            {
                var parent = Operations.ParentSkippingWrappers(read);
                if (parent is IMemberReferenceOperation) continue;

                // Passed to a method that only reads it (fit).
                if (parent is IArgumentOperation { Parent: IInvocationOperation reader } && readsOnly(reader.TargetMethod)) continue;
                if (!(parent is IInvocationOperation call) || call.Instance == null || Operations.Unwrap(call.Instance) != read) return null;
                if (call.TargetMethod.Name is "ToArray" or "Contains" or "IndexOf") continue;
                if (call.TargetMethod.Name != "Add" || call.Arguments.Length != 1 || Operations.IsConditional(call, scope)) return null;
                if (call.Syntax.SpanStart < before) adds.Add(call);
            }

            elements.AddRange(adds.OrderBy(a => a.Syntax.SpanStart).Select(a => a.Arguments[0].Value));
            return elements.ToImmutable();
        }

        /// <summary>How many fit calls one compile call gathers (past it, validation is unknown).</summary>
        private const int MaxFitsPerCompile = 256;

        private sealed class TrainEvent
        {
            public int Position;
            public bool IsCompile;
            public bool Conditional;
            public IInvocationOperation Call = null!;
            public ImmutableArray<CallbackInfo> Callbacks;
            public bool? Validation;
            public ImmutableArray<HistoryLookup> Lookups;
        }

        /// <summary>
        /// The fit calls on a model (a local, parameter or field of this member) that train with the setup of
        /// <paramref name="compile"/>: those after it up to the next compile on the model that runs every time (fits before
        /// the first compile go with the first): the callbacks recognised in their callbacks argument, whether they get
        /// validation data (null when not visible, when there is no fit, or when the fit calls disagree), and the keys
        /// read from the logs of the History they return (<paramref name="isHistoryLogs"/>: the History's logs
        /// dictionary property). Each fit is recognised once per member, whatever the number of compiles.
        /// </summary>
        public static void FitFacts(IInvocationOperation compile, ISymbol model, MemberFlow flow, ImmutableArray<IMethodSymbol> compileMethods, ImmutableArray<IMethodSymbol> fitMethods,
            System.Func<IOperation, ImmutableArray<IOperation>?> elements, System.Func<IObjectCreationOperation, CallbackInfo?> callback,
            System.Func<IPropertySymbol, bool> isHistoryLogs,
            CancellationToken ct, out ImmutableArray<CallbackInfo> callbacks, out bool? validation, out ImmutableArray<HistoryLookup> lookups)
        {
            var events = flow.Memo(("keras.fits", model), () =>
            {
                var list = new List<TrainEvent>();
                var scope = model is ILocalSymbol local ? flow.DeclarationScope(local, ct) : flow.Root;
                foreach (var read in flow.Reads(model, ct))
                {
                    ct.ThrowIfCancellationRequested();
                    flow.Visit();
                    if (!(Operations.ParentSkippingWrappers(read) is IInvocationOperation call) || call.Instance == null || Operations.Unwrap(call.Instance) != read) continue;
                    if (Operations.IsOneOf(call.TargetMethod, compileMethods))
                    {
                        list.Add(new TrainEvent { Position = call.Syntax.SpanStart, IsCompile = true, Conditional = Operations.IsConditional(call, scope), Call = call });
                    }
                    else if (Operations.IsOneOf(call.TargetMethod, fitMethods))
                    {
                        var keys = ImmutableArray.CreateBuilder<HistoryLookup>();
                        HistoryLookups(call, flow, isHistoryLogs, keys, ct);
                        var found = ImmutableArray.CreateBuilder<CallbackInfo>();
                        var cb = Operations.Argument(call.Arguments, "callbacks");
                        if (Operations.IsExplicit(cb) && elements(cb!.Value) is { } values)
                        {
                            foreach (var e in values)
                            {
                                if (Resolve(e, flow.Of(e), ct) is IObjectCreationOperation creation && callback(creation) is { } info) found.Add(info.Via(!Exclusive(creation, call, flow.Program, ct), e.Syntax.GetLocation(), cb.Value.Syntax.GetLocation()));
                            }
                        }

                        list.Add(new TrainEvent { Position = call.Syntax.SpanStart, Call = call, Callbacks = found.ToImmutable(), Validation = Operations.FitValidation(call), Lookups = keys.ToImmutable() });
                    }
                }

                list.Sort((a, b) => a.Position.CompareTo(b.Position));
                return list;
            });

            var cbs = ImmutableArray.CreateBuilder<CallbackInfo>();
            var keysFound = ImmutableArray.CreateBuilder<HistoryLookup>();
            validation = null;
            var fits = 0;
            var disagree = false;
            // Binary search by position: a member with thousands of compile calls stays linear.
            int lo = 0, hi = events.Count - 1, at = -1;
            while (lo <= hi)
            {
                var mid = (lo + hi) / 2;
                if (events[mid].Position < compile.Syntax.SpanStart) lo = mid + 1;
                else hi = mid - 1;
            }

            for (var i = lo; i < events.Count && events[i].Position == compile.Syntax.SpanStart; i++)
            {
                if (events[i].Call == compile) at = i;
            }

            if (at >= 0)
            {
                var first = events.FindIndex(e => e.IsCompile) == at;
                for (var i = first ? 0 : at + 1; i < events.Count; i++)
                {
                    ct.ThrowIfCancellationRequested();
                    flow.Visit();
                    var e = events[i];
                    if (i == at) continue;
                    if (e.IsCompile)
                    {
                        if (i > at && !e.Conditional) break;
                        continue;
                    }

                    if (++fits > MaxFitsPerCompile)
                    {
                        disagree = true;
                        break;
                    }

                    if (fits == 1) validation = e.Validation;
                    else if (validation != e.Validation) disagree = true;
                    cbs.AddRange(e.Callbacks);
                    keysFound.AddRange(e.Lookups);
                }
            }

            // A model in a field compiled once in the whole program: every fit on it, in any member or file, trains with this setup.
            if (model is IFieldSymbol field && at >= 0 && compile.SemanticModel != null && !disagree)
            {
                foreach (var fit in FitsElsewhere(field, compile, flow, compileMethods, fitMethods, ct))
                {
                    var fitFlow = flow.Of(fit);
                    if (++fits > MaxFitsPerCompile)
                    {
                        disagree = true;
                        break;
                    }

                    var v = Operations.FitValidation(fit);
                    if (fits == 1) validation = v;
                    else if (validation != v) disagree = true;
                    HistoryLookups(fit, fitFlow, isHistoryLogs, keysFound, ct);
                    var cb = Operations.Argument(fit.Arguments, "callbacks");
                    if (!Operations.IsExplicit(cb) || !(elements(cb!.Value) is { } values)) continue;
                    foreach (var e in values)
                    {
                        if (Resolve(e, flow.Of(e), ct) is IObjectCreationOperation creation && callback(creation) is { } info) cbs.Add(info.Via(!Exclusive(creation, fit, flow.Program, ct), e.Syntax.GetLocation(), cb.Value.Syntax.GetLocation()));
                    }
                }
            }

            if (disagree) validation = null;
            callbacks = cbs.ToImmutable();
            lookups = keysFound.ToImmutable();
        }

        /// <summary>The fit calls on a field outside the compiling member, when that compile is the only one on the field in the whole program; else none.</summary>
        private static List<IInvocationOperation> FitsElsewhere(IFieldSymbol field, IInvocationOperation compile, MemberFlow flow, ImmutableArray<IMethodSymbol> compileMethods, ImmutableArray<IMethodSymbol> fitMethods, CancellationToken ct)
        {
            var fits = new List<IInvocationOperation>();
            var facts = flow.Program.Field(field, ct);
            if (!facts.Complete) return fits;
            var member = flow.Root.Syntax;
            foreach (var use in facts.Uses)
            {
                if (!(Operations.ParentSkippingWrappers(use) is IInvocationOperation call) || call.Instance == null || Operations.Unwrap(call.Instance) != use) continue;
                if (Operations.IsOneOf(call.TargetMethod, compileMethods))
                {
                    // Another compile on the field: which setup a fit elsewhere trains with is not known.
                    if (call.Syntax.SyntaxTree != compile.Syntax.SyntaxTree || call.Syntax.Span != compile.Syntax.Span) return new List<IInvocationOperation>();
                    continue;
                }

                if (Operations.IsOneOf(call.TargetMethod, fitMethods) && !(call.Syntax.SyntaxTree == member.SyntaxTree && member.Span.Contains(call.Syntax.Span))) fits.Add(call);
            }

            return fits;
        }

        /// <summary>
        /// The elements of an array held by a field (<c>static readonly string[] Metrics = { ... }</c>, in any file) whose one
        /// use is <paramref name="use"/>: a fix may edit the declaration only then. Null otherwise.
        /// </summary>
        public static ImmutableArray<IOperation>? FieldArray(ValueFlow.ProgramFlow program, IOperation use, CancellationToken ct)
        {
            if (!(Operations.Unwrap(use) is IFieldReferenceOperation field)) return null;
            var facts = program.Field(field.Field, ct);
            if (!facts.Complete || facts.Values.Length != 1 || facts.Uses.Length != 1) return null;
            return Operations.Unwrap(facts.Values[0]) is IArrayCreationOperation { Initializer: { } init } ? init.ElementValues : (ImmutableArray<IOperation>?)null;
        }

        /// <summary>
        /// The keys read from the logs of the History a fit call returns, in this member: <c>fit(...).logs[key]</c>, or
        /// through a single-assignment local holding the History or its logs; indexers, <c>TryGetValue</c> and
        /// <c>ContainsKey</c>. A key that is not a visible constant is kept with unknown text, except the loop variable of
        /// <c>foreach (var k in logs.Keys)</c>, which only ever reads logged keys.
        /// </summary>
        private static void HistoryLookups(IInvocationOperation fit, MemberFlow flow, System.Func<IPropertySymbol, bool> isLogs, ImmutableArray<HistoryLookup>.Builder keys, CancellationToken ct)
        {
            foreach (var history in Uses(fit, flow, ct))
            {
                if (!(Operations.ParentSkippingWrappers(history) is IPropertyReferenceOperation logs) || logs.Instance == null
                    || Operations.Unwrap(logs.Instance) != history || !isLogs(logs.Property)) continue;
                foreach (var dictionary in Uses(logs, flow, ct))
                {
                    ct.ThrowIfCancellationRequested();
                    var key = Operations.ParentSkippingWrappers(dictionary) switch
                    {
                        IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer when indexer.Instance != null && Operations.Unwrap(indexer.Instance) == dictionary
                            => indexer.Arguments[0],
                        IInvocationOperation { TargetMethod.Name: "TryGetValue" or "ContainsKey" } call when call.Instance != null && Operations.Unwrap(call.Instance) == dictionary
                            => call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0),
                        _ => null,
                    };
                    if (key?.Parameter?.Type.SpecialType != SpecialType.System_String || EnumeratesLoggedKeys(key.Value, flow, isLogs, ct)) continue;
                    keys.Add(new HistoryLookup(flow.String(key.Value, ct)));
                }
            }
        }

        /// <summary>A value and, when it is the single value of a local, every read of that local.</summary>
        private static IEnumerable<IOperation> Uses(IOperation value, MemberFlow flow, CancellationToken ct)
        {
            yield return value;
            var local = Operations.ParentSkippingWrappers(value) switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when Operations.Unwrap(assignment.Value) == value => target.Local,
                _ => null,
            };
            if (local == null || !(flow.SingleValue(local, ct) is { } single) || Operations.Unwrap(single) != value) yield break;
            foreach (var read in flow.Reads(local, ct)) yield return read;
        }

        /// <summary>Whether a key is the variable of a <c>foreach</c> over the <c>Keys</c> of a History's logs.</summary>
        private static bool EnumeratesLoggedKeys(IOperation key, MemberFlow flow, System.Func<IPropertySymbol, bool> isLogs, CancellationToken ct)
        {
            if (!(Operations.Unwrap(key) is ILocalReferenceOperation variable)) return false;
            for (var p = key.Parent; p != null; p = p.Parent)
            {
                if (!(p is IForEachLoopOperation loop) || !loop.Locals.Contains(variable.Local, SymbolEqualityComparer.Default)) continue;
                if (!(Operations.Unwrap(loop.Collection) is IPropertyReferenceOperation { Property.Name: "Keys", Instance: { } owner })) return false;
                var logs = Operations.Unwrap(owner) is ILocalReferenceOperation local && flow.SingleValue(local.Local, ct) is { } value ? Operations.Unwrap(value) : Operations.Unwrap(owner);
                return logs is IPropertyReferenceOperation property && isLogs(property.Property);
            }

            return false;
        }

        /// <summary>
        /// Whether a callback reaches fit calls only through <paramref name="fit"/>: made in the fit's member, or outside it
        /// in a helper with one call site or in a field (initializer or assignment) read once, possibly inside an array or
        /// collection initializer. Any other route (a local of a helper, a list filled by <c>Add</c>) counts as shared.
        /// </summary>
        private static bool Exclusive(IObjectCreationOperation creation, IInvocationOperation fit, ValueFlow.ProgramFlow program, CancellationToken ct)
        {
            if (Operations.Root(creation) == Operations.Root(fit)) return true;
            bool OneUse(IFieldSymbol f) => program.Field(f, ct) is { Complete: true, Uses.Length: 1 };
            IOperation op = creation;
            for (var p = op.Parent; p != null; op = p, p = p.Parent)
            {
                switch (p)
                {
                    case IConversionOperation _:
                    case IParenthesizedOperation _:
                    case IArrayInitializerOperation _:
                    case IArrayCreationOperation _:
                    case IObjectOrCollectionInitializerOperation _:
                    case IArgumentOperation { IsImplicit: true, Parent: IInvocationOperation { IsImplicit: true, Parent: IObjectOrCollectionInitializerOperation _ } } _:
                    case IInvocationOperation { IsImplicit: true, Parent: IObjectOrCollectionInitializerOperation _ } _:
                    case IObjectCreationOperation c when c.Initializer == op:
                        continue;
                    case IReturnOperation _:
                        return program.Model(creation.Syntax.SyntaxTree).GetEnclosingSymbol(creation.Syntax.SpanStart, ct) is IMethodSymbol { MethodKind: MethodKind.Ordinary } method
                            && program.CallSites(method, ct) is { Complete: true, Uses.Length: 1 };
                    case IFieldInitializerOperation initializer:
                        return initializer.InitializedFields.Length == 1 && OneUse(initializer.InitializedFields[0]);
                    case ISimpleAssignmentOperation { Target: IFieldReferenceOperation field } assignment when assignment.Value == op:
                        return OneUse(field.Field);
                    default:
                        return false;
                }
            }

            return false;
        }

        /// <summary>
        /// Where a setup's problems at sites in other members are reported: the compile call's method name, and its
        /// metrics argument when one is written.
        /// </summary>
        public static SetupAnchors Anchors(IInvocationOperation compile)
        {
            var name = compile.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax { Expression: Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax access }
                ? access.Name.GetLocation()
                : compile.Syntax.GetLocation();
            var metrics = Operations.Argument(compile.Arguments, "metrics");
            return new SetupAnchors(name, Operations.IsExplicit(metrics) ? metrics!.Value.Syntax.GetLocation() : null);
        }

        /// <summary>A monitoring callback's monitor (its parameter default when omitted) and mode arguments.</summary>
        public static CallbackInfo Callback(ValueFlow.ProgramFlow program, MonitorCallback kind, string name, IObjectCreationOperation creation, CancellationToken ct)
        {
            var flow = program.Member(creation);
            var monitorArg = Operations.Argument(creation.Arguments, "monitor");
            ValueSite monitor;
            if (Operations.IsExplicit(monitorArg))
            {
                monitor = flow.String(monitorArg!.Value, ct);
            }
            else
            {
                var def = monitorArg?.Parameter?.HasExplicitDefaultValue == true ? monitorArg.Parameter.ExplicitDefaultValue as string : null;
                monitor = new ValueSite(def, creation.Syntax.GetLocation(), null, useIsValue: false);
            }

            var modeArg = Operations.Argument(creation.Arguments, "mode");
            var mode = Operations.IsExplicit(modeArg) ? flow.String(modeArg!.Value, ct) : null;
            return new CallbackInfo(kind, name, monitor, !Operations.IsExplicit(monitorArg), mode, creation.Syntax.GetLocation());
        }
    }
}
