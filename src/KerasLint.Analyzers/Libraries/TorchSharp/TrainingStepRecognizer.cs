using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using KerasLint.Analysis;
using KerasLint.Analysis.ValueFlow;
using KerasLint.Knowledge;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KerasLint.Libraries.TorchSharp
{
    /// <summary>
    /// Recognises a TorchSharp loss call and follows its prediction back to what produced it: activation functions,
    /// module calls, Sequential factories and appends, custom modules' <c>forward</c> returns, locals (last
    /// definition before the use; several reaching definitions must agree), fields and properties, and parameters of
    /// a known module type. All value flow is the compilation's library-neutral <see cref="ProgramFlow"/> (reaching
    /// definitions, members' writes and last appends, constructor arguments through every creation, virtual calls
    /// resolved to every override of the compilation, tuples and records, declarations in other files bound on
    /// demand); this class keeps only TorchSharp's knowledge (which call is a module, a loss, an activation) and how
    /// heads combine (every possibility must agree). Anything else is <see cref="HeadActivation.Unknown"/>, and rules
    /// stay silent on it.
    /// </summary>
    internal sealed class TrainingStepRecognizer
    {
        private const int MaxDepth = 24;

        private readonly TorchSharpSymbols symbols;
        private readonly ProgramFlow program;
        private readonly CancellationToken cancellationToken;

        /// <summary>Whether a tensor parameter of a helper is what every caller passes (metric read-outs); else its reaching assignments only.</summary>
        private bool followCallers;

        private readonly HashSet<object> visiting = new HashSet<object>();
        internal const int Budget = 4000;
        private int budget = Budget;
        private int depth;

        /// <summary>The budget of the shared flow's queries made for this recognition (members' writes and adds, dispatched calls).</summary>
        private readonly FlowBudget flow = new FlowBudget(FlowBudget.DefaultDepth, Budget);

        private TrainingStepRecognizer(TorchSharpSymbols symbols, ProgramFlow program, CancellationToken cancellationToken)
        {
            this.symbols = symbols;
            this.program = program;
            this.cancellationToken = cancellationToken;
        }

        /// <summary>Whether the invocation may be a loss call (cheap: no data flow).</summary>
        public static bool IsCandidate(TorchSharpSymbols symbols, IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (TorchSharpSymbols.Is(method.ContainingType, symbols.Functional)) return symbols.LossKindOfMethod(method) != null;
            return (method.Name == "forward" || method.Name == "call") && method.Parameters.Length == 2 && invocation.Instance != null
                && symbols.IsModule(invocation.Instance.Type, 2);
        }

        /// <summary>
        /// The training step of a loss call, or null when it is not one of the recognised losses; declarations in other
        /// files and every caller of a constructor are followed through <paramref name="program"/>, on demand.
        /// <paramref name="work"/>: the operations visited (bounded by the recogniser's budget).
        /// </summary>
        public static TorchTrainingStep? Recognize(TorchSharpSymbols symbols, ProgramFlow program, IInvocationOperation invocation, out int work, CancellationToken cancellationToken)
        {
            work = 0;
            if (invocation.SemanticModel == null) return null;
            var r = new TrainingStepRecognizer(symbols, program, cancellationToken);
            var step = r.RecognizeCore(invocation);
            work = Budget - System.Math.Max(r.budget, 0) + r.flow.Visits;
            return step;
        }

        private TorchTrainingStep? RecognizeCore(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            TorchLossKind? kind;
            TorchLossForm form;
            SyntaxNode? construction;
            if (TorchSharpSymbols.Is(method.ContainingType, symbols.Functional))
            {
                kind = symbols.LossKindOfMethod(method);
                form = TorchLossForm.Functional;
                construction = invocation.Syntax;
            }
            else if (IsCandidate(symbols, invocation))
            {
                form = TorchLossForm.Module;
                var typed = symbols.LossKindOfType(invocation.Instance!.Type);
                var created = LossObject(invocation.Instance!);
                if (typed != null && created.Kind != null && created.Kind != typed) return null;
                kind = typed ?? created.Kind;
                construction = created.Node;
            }
            else
            {
                return null;
            }

            if (kind == null) return null;
            var input = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0);
            if (input == null || input.Value == null) return null;
            var head = TensorHead(input.Value);
            var target = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 1);
            var targetKind = target?.Value == null ? TorchTargetKind.Unknown : TargetKind(target.Value);
            return new TorchTrainingStep(TorchSharpAdapter.Library, kind.Value, form, invocation.Syntax, construction, input.Value.Syntax, head, targetKind);
        }

        /// <summary>
        /// What a tensor operation (any tensor, not only a loss's prediction) holds: the activation and width; a tensor
        /// parameter of a helper (a metric such as <c>Accuracy(Tensor pred, Tensor y)</c>) is what every caller passes.
        /// </summary>
        public static TorchHead HeadOf(TorchSharpSymbols symbols, ProgramFlow program, IOperation tensor, CancellationToken cancellationToken)
        {
            if (tensor.SemanticModel == null) return TorchHead.Unknown;
            var r = new TrainingStepRecognizer(symbols, program, cancellationToken) { followCallers = true };
            return r.TensorHead(tensor);
        }

        // ---------------------------------------------------------------- targets

        /// <summary>What a loss target holds: one-hot rows from <c>functional.one_hot</c> (through dtype conversions and locals); else unknown.</summary>
        private TorchTargetKind TargetKind(IOperation operation)
        {
            if (!Enter()) return TorchTargetKind.Unknown;
            try
            {
                var op = Operations.UnwrapOrNull(operation) ?? operation;
                switch (op)
                {
                    case IInvocationOperation inv when inv.TargetMethod.IsStatic && TorchSharpSymbols.Is(inv.TargetMethod.ContainingType, symbols.Functional) && inv.TargetMethod.Name == "one_hot":
                        return TorchTargetKind.OneHot;
                    case IInvocationOperation inv when !inv.TargetMethod.IsStatic && inv.Instance != null && symbols.IsTensor(inv.TargetMethod.ContainingType) && IsConversion(inv.TargetMethod.Name):
                        return TargetKind(inv.Instance);
                    case ILocalReferenceOperation local:
                    {
                        var values = ReachingValues(local, local.Local);
                        if (values.Count == 0 || values.Any(v => v == null)) return TorchTargetKind.Unknown;
                        // One kind for every value, or unknown (a loop, not Distinct: no hash set of the enum to compile).
                        TorchTargetKind? kind = null;
                        var agree = true;
                        foreach (var value in values)
                        {
                            var next = TargetKind(value!);
                            agree &= kind == null || kind == next;
                            kind = next;
                        }

                        return agree && kind is { } only ? only : TorchTargetKind.Unknown;
                    }

                    default:
                        return TorchTargetKind.Unknown;
                }
            }
            finally
            {
                depth--;
            }
        }

        private static bool IsConversion(string name) =>
            name == "to" || name == "to_type" || name == "@float" || name == "float" || name == "@double" || name == "double" || name == "type"
            || name == "cpu" || name == "cuda" || name == "contiguous" || name == "clone";

        // ---------------------------------------------------------------- loss objects

        private (TorchLossKind? Kind, SyntaxNode? Node) LossObject(IOperation operation)
        {
            if (!Enter()) return (null, null);
            try
            {
                var op = Operations.UnwrapOrNull(operation) ?? operation;
                switch (op)
                {
                    case IInvocationOperation inv when inv.TargetMethod.IsStatic && TorchSharpSymbols.Is(inv.TargetMethod.ContainingType, symbols.Nn):
                        return (symbols.LossKindOfMethod(inv.TargetMethod), inv.Syntax);
                    case IObjectCreationOperation creation:
                        return (symbols.LossKindOfType(creation.Type), creation.Syntax);
                    case ILocalReferenceOperation local:
                        return Agree(ReachingValues(local, local.Local), LossObject);
                    case IParameterReferenceOperation parameter:
                        return Agree(ConstructorArguments(parameter), LossObject);
                    case IFieldReferenceOperation field:
                        return Agree(MemberValues(field.Field), LossObject);
                    case IPropertyReferenceOperation property when property.Arguments.Length == 0:
                        return Agree(MemberValues(property.Property), LossObject);
                    default:
                        return (null, null);
                }
            }
            finally
            {
                depth--;
            }
        }

        private static (TorchLossKind? Kind, SyntaxNode? Node) Agree(List<IOperation?> values, System.Func<IOperation, (TorchLossKind? Kind, SyntaxNode? Node)> resolve)
        {
            (TorchLossKind? Kind, SyntaxNode? Node) result = (null, null);
            foreach (var value in values)
            {
                if (value == null) return (null, null);
                var r = resolve(value);
                if (r.Kind == null) return (null, null);
                if (result.Kind != null && result.Kind != r.Kind) return (null, null);
                result = result.Kind == null ? r : (result.Kind, null); // several constructions: kind known, no single site
            }

            return result;
        }

        // ---------------------------------------------------------------- tensors

        /// <summary>What a tensor-valued operation holds.</summary>
        private TorchHead TensorHead(IOperation operation)
        {
            if (!Enter()) return TorchHead.Unknown;
            try
            {
                var op = Operations.UnwrapOrNull(operation) ?? operation;
                switch (op)
                {
                    case IInvocationOperation inv:
                        return InvocationHead(inv);
                    case ILocalReferenceOperation local when ProgramFlow.Deconstructed(local) is { } source:
                        return ProjectedHead(source.Value, source.Index, null);
                    case ILocalReferenceOperation local:
                        return Merge(ReachingValues(local, local.Local, followDeconstruction: true), TensorHead);
                    case IFieldReferenceOperation field when field.Instance != null && ProgramFlow.TupleIndex(field.Field) is { } index:
                        return ProjectedHead(field.Instance, index, null);
                    case IFieldReferenceOperation field when field.Instance != null && IsValueMember(field.Field):
                        return ProjectedHead(field.Instance, null, field.Field);
                    case IPropertyReferenceOperation property when property.Instance != null && property.Arguments.Length == 0 && IsValueMember(property.Property):
                        return ProjectedHead(property.Instance, null, property.Property);
                    case IParameterReferenceOperation parameter:
                        return ParameterHead(parameter);
                    case IConditionalOperation conditional when conditional.WhenFalse != null:
                        return Merge(TensorHead(conditional.WhenTrue), TensorHead(conditional.WhenFalse));
                    case ICoalesceOperation coalesce:
                        return Merge(TensorHead(coalesce.Value), TensorHead(coalesce.WhenNull));
                    default:
                        return TorchHead.Unknown;
                }
            }
            finally
            {
                depth--;
            }
        }

        private TorchHead InvocationHead(IInvocationOperation inv)
        {
            var method = inv.TargetMethod;
            var tensorInput = TensorInput(inv);
            var activation = symbols.ActivationOfFunction(method);
            if (activation != null)
            {
                if (tensorInput == null) return TorchHead.Unknown;
                var site = new ActivationSite(ActivationSiteKind.Function, inv.Syntax, tensorInput.Syntax, inv.Syntax, SoftmaxDim(inv, activation.Value));
                var input = TensorHead(tensorInput); // element-wise: the width is the input's
                return new TorchHead(activation.Value, ImmutableArray.Create(site), input.Units, input.UnitsNode);
            }

            if (symbols.IsValuePreserving(method))
            {
                if (inv.Instance == null) return TorchHead.Unknown;
                var kept = TensorHead(inv.Instance);
                return TorchSharpSymbols.KeepsShape(method) ? kept : kept.WithUnits(null, null);
            }

            if (inv.Instance != null && (method.Name == "forward" || method.Name == "call") && method.Parameters.Length == 1
                && symbols.IsTensor(method.Parameters[0].Type) && symbols.IsTensor(method.ReturnType) && symbols.IsModule(inv.Instance.Type, 1))
            {
                var head = ModuleHead(inv.Instance);
                if (!head.IsKnown) return head;
                var argument = inv.Arguments.Length == 1 ? inv.Arguments[0].Value : null;
                var sites = head.Sites.Select(s => s.Kind == ActivationSiteKind.Factory && argument != null
                    ? s.With(ActivationSiteKind.ModuleCall, inv.Syntax, argument.Syntax)
                    : s).ToImmutableArray();
                if (head.Units == null && argument != null && IsElementwise(head))
                {
                    var input = TensorHead(argument); // an activation module: the width is its input's
                    return new TorchHead(head.Activation, sites, input.Units, input.UnitsNode);
                }

                return new TorchHead(head.Activation, sites, head.Units, head.UnitsNode);
            }

            return IsUserHelper(method) ? ReturnsHead(method, inv.Instance, TensorHead) : TorchHead.Unknown;
        }

        /// <summary>
        /// A tensor parameter: its reaching assignments; one never assigned in a helper of the project (a metric
        /// such as <c>Accuracy(Tensor pred, Tensor y)</c>) is what every call site in the compilation passes
        /// (<see cref="ProgramFlow.Arguments"/>), for metric read-outs; all call sites must agree.
        /// </summary>
        private TorchHead ParameterHead(IParameterReferenceOperation reference)
        {
            var parameter = reference.Parameter;
            if (!followCallers || !(parameter.ContainingSymbol is IMethodSymbol method) || !IsUserHelper(method) || parameter.RefKind != RefKind.None
                || program.Member(reference).HasWrites(parameter, cancellationToken) || InsideLambda(reference))
            {
                return Merge(ReachingValues(reference, parameter), TensorHead);
            }

            if (!visiting.Add(parameter)) return TorchHead.Unknown;
            try
            {
                if (!(program.Arguments(parameter, cancellationToken) is { Length: > 0 } arguments)) return TorchHead.Unknown;
                return Merge(arguments.Select(a => (IOperation?)a).ToList(), TensorHead);
            }
            finally
            {
                visiting.Remove(parameter);
            }
        }

        private static bool InsideLambda(IOperation op)
        {
            for (var p = op.Parent; p != null; p = p.Parent)
            {
                if (p is IAnonymousFunctionOperation || p is ILocalFunctionOperation) return true;
            }

            return false;
        }

        /// <summary>The tensor an activation function is applied to: the receiver of a Tensor method, else the first argument.</summary>
        private static IOperation? TensorInput(IInvocationOperation inv)
        {
            if (!inv.TargetMethod.IsStatic) return inv.Instance;
            var first = inv.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0);
            return first?.Value;
        }

        // ---------------------------------------------------------------- modules

        /// <summary>What a module-valued operation's <c>forward</c> returns.</summary>
        private TorchHead ModuleHead(IOperation operation)
        {
            if (!Enter()) return TorchHead.Unknown;
            try
            {
                var op = Operations.UnwrapOrNull(operation) ?? operation;
                var head = ModuleHeadCore(op);
                if (!head.IsKnown && op.Type is INamedTypeSymbol type && IsSourceModule(type) && !(op is IObjectCreationOperation))
                {
                    head = ForwardHead(op, type); // its static type: every override of the compilation a possibility
                }

                return head;
            }
            finally
            {
                depth--;
            }
        }

        private TorchHead ModuleHeadCore(IOperation op)
        {
            switch (op)
            {
                case IInvocationOperation inv:
                {
                    var method = inv.TargetMethod;
                    if (symbols.IsSequentialFactory(method)) return SequentialHead(inv);
                    if (symbols.IsSequentialAppend(method)) return AppendHead(inv);
                    var activation = symbols.ActivationOfModuleFactory(method);
                    if (activation != null)
                    {
                        var factory = new TorchHead(activation.Value, ImmutableArray.Create(new ActivationSite(ActivationSiteKind.Factory, inv.Syntax, null, inv.Syntax, SoftmaxDim(inv, activation.Value))));
                        return symbols.IsLinearFactory(method) ? LinearUnits(inv, factory) : factory;
                    }

                    return IsUserHelper(method) ? ReturnsHead(method, inv.Instance, ModuleHead) : TorchHead.Unknown;
                }

                case IObjectCreationOperation creation when creation.Type is INamedTypeSymbol created && IsCustomModule(created):
                    return ForwardHead(creation, created);
                case ILocalReferenceOperation local:
                {
                    if (EscapesBefore(local)) return TorchHead.Unknown;
                    var append = LastAppendBefore(local, out var unknownAppends);
                    if (unknownAppends) return TorchHead.Unknown;
                    if (append != null) return AppendHead(append);
                    return Merge(ReachingValues(local, local.Local), ModuleHead);
                }

                case IParameterReferenceOperation parameter:
                    return Merge(ConstructorArguments(parameter), ModuleHead);
                case IFieldReferenceOperation field:
                    return MemberModuleHead(field.Field);
                case IPropertyReferenceOperation property when property.Arguments.Length == 0:
                    return MemberModuleHead(property.Property);
                default:
                    return TorchHead.Unknown;
            }
        }

        /// <summary>
        /// A module in a field or property: the last <c>append</c> on it of each body that makes one (the shared flow's
        /// <see cref="ProgramFlow.LastCallsOn"/>: each a possibility), and, when some construction makes none, its
        /// written values. An empty <c>Sequential()</c> beside appends is no head of its own (it is the container they fill).
        /// </summary>
        private TorchHead MemberModuleHead(ISymbol member)
        {
            if (!(program.LastCallsOn(member, symbols.IsSequentialAppend, IsTorchSharpCall, flow, cancellationToken) is { } calls)) return TorchHead.Unknown;
            TorchHead? head = null;
            foreach (var append in calls.Lasts)
            {
                var appended = AppendHead(append);
                head = head == null ? appended : Merge(head.Value, appended);
                if (!head.Value.IsKnown) return TorchHead.Unknown;
            }

            if (!calls.MayHaveNone) return head ?? TorchHead.Unknown;
            var values = MemberValues(member);
            if (head != null) values = values.Where(v => v == null || !IsEmptySequential(v)).ToList();
            if (values.Count == 0) return head ?? TorchHead.Unknown;
            var written = Merge(values, ModuleHead);
            return head == null ? written : Merge(head.Value, written);
        }

        private bool IsEmptySequential(IOperation value) =>
            Operations.UnwrapOrNull(value) is IInvocationOperation factory && symbols.IsSequentialFactory(factory.TargetMethod)
            && factory.Arguments.All(a => a.ArgumentKind == ArgumentKind.ParamArray && Operations.UnwrapOrNull(a.Value) is IArrayCreationOperation { Initializer: { ElementValues: { IsEmpty: true } } });

        /// <summary>A call into TorchSharp itself: it adds nothing to a module it is passed (<c>optim.Adam(model.parameters())</c>).</summary>
        private bool IsTorchSharpCall(IInvocationOperation invocation) =>
            SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingAssembly, symbols.Torch.ContainingAssembly);

        private TorchHead SequentialHead(IInvocationOperation inv)
        {
            if (inv.Arguments.Length != 1) return TorchHead.Unknown;
            var argument = inv.Arguments[0];
            if (argument.ArgumentKind != ArgumentKind.ParamArray || !(Operations.UnwrapOrNull(argument.Value) is IArrayCreationOperation array) || array.Initializer == null)
            {
                return TorchHead.Unknown;
            }

            var elements = array.Initializer.ElementValues;
            for (var i = elements.Length - 1; i >= 0; i--)
            {
                var element = elements[i];
                var module = ElementModule(element);
                if (module == null) return TorchHead.Unknown;
                if (Operations.UnwrapOrNull(module) is IInvocationOperation factory && symbols.IsTransparentModuleFactory(factory.TargetMethod)) continue;
                var head = ModuleHead(module);
                if (!head.IsKnown) return head;
                var sites = head.Sites.Select(s => s.Kind == ActivationSiteKind.Factory
                    ? s.With(ActivationSiteKind.SequentialElement, element.Syntax, null)
                    : s).ToImmutableArray();
                var width = head.Units == null && IsElementwise(head) ? UnitsBefore(elements, i) : head;
                return new TorchHead(head.Activation, sites, width.Units, width.UnitsNode);
            }

            return TorchHead.Unknown;
        }

        /// <summary>The width of the Sequential elements before index <paramref name="end"/>: the nearest module that sets one, across element-wise activations and transparent modules.</summary>
        private TorchHead UnitsBefore(ImmutableArray<IOperation> elements, int end)
        {
            for (var j = end - 1; j >= 0; j--)
            {
                var module = ElementModule(elements[j]);
                if (module == null) return TorchHead.Unknown;
                if (Operations.UnwrapOrNull(module) is IInvocationOperation factory && symbols.IsTransparentModuleFactory(factory.TargetMethod)) continue;
                var head = ModuleHead(module);
                if (!head.IsKnown) return TorchHead.Unknown;
                if (head.Units != null) return head;
                if (!IsElementwise(head)) return TorchHead.Unknown;
            }

            return TorchHead.Unknown;
        }

        /// <summary>A head made by activation modules only (not a Linear, not a custom module): it keeps its input's width.</summary>
        private static bool IsElementwise(TorchHead head) =>
            head.Activation != HeadActivation.Linear && head.Sites.Length > 0 && head.Sites.All(s => s.Kind == ActivationSiteKind.Factory);

        /// <summary>The constant <c>dim</c> argument of a softmax or log_softmax (function, tensor method or module factory); null otherwise.</summary>
        private int? SoftmaxDim(IInvocationOperation inv, HeadActivation activation)
        {
            if (activation != HeadActivation.Softmax && activation != HeadActivation.LogSoftmax) return null;
            var argument = inv.Arguments.FirstOrDefault(a => a.Parameter?.Name == "dim");
            if (argument?.Value == null || argument.ArgumentKind == ArgumentKind.DefaultValue) return null;
            var value = program.Member(inv).TraceNumber(argument.Value, cancellationToken);
            return value != null && value.Value == System.Math.Floor(value.Value) && System.Math.Abs(value.Value) < 64 ? (int)value.Value : (int?)null;
        }

        /// <summary>A <c>Linear(in, out)</c> factory's head with its constant output size.</summary>
        private TorchHead LinearUnits(IInvocationOperation factory, TorchHead head)
        {
            var argument = factory.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 1);
            if (argument?.Value == null) return head;
            var value = program.Member(factory).TraceNumber(argument.Value, cancellationToken) ?? program.Number(argument.Value, flow, cancellationToken); // a constructor's or helper's parameter: what every caller passes
            if (value == null || value.Value < 1 || value.Value != System.Math.Floor(value.Value) || value.Value > int.MaxValue) return head;
            var literal = Operations.UnwrapOrNull(argument.Value) is ILiteralOperation ? argument.Value.Syntax : null;
            return head.WithUnits((int)value.Value, literal);
        }

        /// <summary>The module of a Sequential element: a module, or the second element of a ("name", module) tuple.</summary>
        private static IOperation? ElementModule(IOperation element)
        {
            var op = Operations.UnwrapOrNull(element) ?? element;
            if (op is ITupleOperation tuple) return tuple.Elements.Length == 2 ? tuple.Elements[1] : null;
            if (op is IObjectCreationOperation creation && creation.Arguments.Length == 2 && creation.Type is INamedTypeSymbol t && t.Name.StartsWith("Tuple", System.StringComparison.Ordinal))
            {
                return creation.Arguments[1].Value;
            }

            if (op is IInvocationOperation call && call.TargetMethod.Name == "Create" && call.TargetMethod.ContainingType?.Name == "Tuple" && call.Arguments.Length == 2)
            {
                return call.Arguments[1].Value;
            }

            return op.Type != null && op.Type.IsTupleType ? null : op;
        }

        private TorchHead AppendHead(IInvocationOperation append)
        {
            var module = append.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0).LastOrDefault()?.Value;
            if (module == null) return TorchHead.Unknown;
            var head = ModuleHead(module);
            if (!head.IsKnown) return head;
            var sites = head.Sites.Select(s => s.Kind == ActivationSiteKind.Factory
                ? s.With(ActivationSiteKind.Append, append.Syntax, append.Instance?.Syntax)
                : s).ToImmutableArray();
            return new TorchHead(head.Activation, sites, head.Units, head.UnitsNode);
        }

        private bool IsCustomModule(INamedTypeSymbol type) => !type.IsAbstract && IsSourceModule(type);

        /// <summary>A module class of the compilation (abstract ones included: a value of that static type runs an override).</summary>
        private bool IsSourceModule(INamedTypeSymbol type) =>
            type.TypeKind == TypeKind.Class && type.Locations.Any(l => l.IsInSource) && symbols.IsModule(type, 1);

        /// <summary>
        /// What a custom module's <c>forward</c> returns, for a module value of <paramref name="type"/>: the forward the
        /// type declares or inherits from a base of the compilation, run through the shared flow's dispatch
        /// (<see cref="ProgramFlow.Implementations"/>: the override of each type the value may be, every return must agree).
        /// </summary>
        private TorchHead ForwardHead(IOperation module, INamedTypeSymbol type)
        {
            IMethodSymbol? forward = null;
            for (var t = type; t != null && forward == null && t.Locations.Any(l => l.IsInSource); t = t.BaseType)
            {
                forward = t.GetMembers("forward").OfType<IMethodSymbol>()
                    .FirstOrDefault(m => !m.IsStatic && m.Parameters.Length == 1 && symbols.IsTensor(m.Parameters[0].Type));
            }

            return forward == null ? TorchHead.Unknown : ReturnsHead(forward, module, TensorHead);
        }

        /// <summary>A method written in this compilation (a model factory such as <c>BuildModel()</c>, a <c>Predict(x)</c> helper), not a TorchSharp API.</summary>
        private static bool IsUserHelper(IMethodSymbol method) =>
            method.MethodKind == MethodKind.Ordinary && method.Locations.Any(l => l.IsInSource);

        /// <summary>
        /// What a call of a method on <paramref name="receiver"/> returns: each implementation it may run (the shared
        /// flow's <see cref="ProgramFlow.Implementations"/>: the method itself, or every override of the compilation the
        /// receiver may run), and every return statement of each, must agree (lambdas and local functions are not its returns).
        /// </summary>
        private TorchHead ReturnsHead(IMethodSymbol method, IOperation? receiver, System.Func<IOperation, TorchHead> resolve)
        {
            if (!visiting.Add(method)) return TorchHead.Unknown;
            try
            {
                if (!(program.Implementations(method, receiver, flow, cancellationToken) is { Length: > 0 } implementations)) return TorchHead.Unknown;
                var returns = new List<IOperation?>();
                foreach (var implementation in implementations)
                {
                    if (!(program.ReturnsOf(implementation, cancellationToken) is { Length: > 0 } returned)) return TorchHead.Unknown;
                    returns.AddRange(returned);
                }

                return Merge(returns, resolve);
            }
            finally
            {
                visiting.Remove(method);
            }
        }

        // ---------------------------------------------------------------- values across members

        /// <summary>
        /// What every caller passes for a constructor parameter (<c>new Trainer(model, CrossEntropyLoss())</c>,
        /// <c>new Net(classes: 1)</c>), through every creation of the compilation (<see cref="ProgramFlow.Arguments"/>):
        /// the parameter must not be written, read in a lambda, or belong to a primary constructor. A null entry: unknown.
        /// </summary>
        private List<IOperation?> ConstructorArguments(IParameterReferenceOperation reference)
        {
            var unknown = new List<IOperation?> { null };
            var parameter = reference.Parameter;
            if (!(parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor) || parameter.RefKind != RefKind.None || parameter.IsParams
                || !constructor.DeclaringSyntaxReferences.Any() || !constructor.DeclaringSyntaxReferences.All(r => r.GetSyntax(cancellationToken) is ConstructorDeclarationSyntax)
                || InsideLambda(reference) || program.Member(reference).HasWrites(parameter, cancellationToken))
            {
                return unknown;
            }

            if (!visiting.Add(parameter)) return unknown;
            try
            {
                return program.Arguments(parameter, cancellationToken) is { Length: > 0 } values ? values.Select(v => (IOperation?)v).ToList() : unknown;
            }
            finally
            {
                visiting.Remove(parameter);
            }
        }

        /// <summary>A tensor member of a type of the project that is set only while the object is made: a readonly field, a getter-only or init-only property (a record's positional property).</summary>
        private bool IsValueMember(ISymbol member) =>
            ProgramFlow.IsValueMember(member, cancellationToken) && member.ContainingType != null && !symbols.IsModule(member.ContainingType, 1)
            && symbols.IsTensor(member is IFieldSymbol field ? field.Type : ((IPropertySymbol)member).Type);

        /// <summary>
        /// What an element (<paramref name="index"/>) or member (<paramref name="member"/>) of a composite value holds:
        /// a tuple literal's element, a record's or class's member as the creation sets it, through a module's
        /// <c>forward</c>, a helper's returns and locals (<c>return (logits, softmax(logits, 1))</c>, <c>new Output(probs)</c>).
        /// </summary>
        private TorchHead ProjectedHead(IOperation container, int? index, ISymbol? member)
        {
            if (!Enter()) return TorchHead.Unknown;
            try
            {
                var op = Operations.UnwrapOrNull(container) ?? container;
                switch (op)
                {
                    case ITupleOperation tuple when index != null:
                        return index.Value < tuple.Elements.Length ? TensorHead(tuple.Elements[index.Value]) : TorchHead.Unknown;
                    case IObjectCreationOperation creation when index != null && creation.Type != null && creation.Type.IsTupleType:
                        return creation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == index.Value)?.Value is { } element ? TensorHead(element) : TorchHead.Unknown;
                    case IObjectCreationOperation creation when member != null:
                        return Merge(CreationMemberValues(creation, member), TensorHead);
                    case IInvocationOperation inv when inv.Instance != null && (inv.TargetMethod.Name == "forward" || inv.TargetMethod.Name == "call") && inv.Arguments.Length == 1
                        && symbols.IsModule(inv.Instance.Type, 1) && !symbols.IsTensor(inv.TargetMethod.ReturnType):
                        return ReturnsHead(inv.TargetMethod, inv.Instance, v => ProjectedHead(v, index, member));
                    case IInvocationOperation inv when IsUserHelper(inv.TargetMethod):
                        return ReturnsHead(inv.TargetMethod, inv.Instance, v => ProjectedHead(v, index, member));
                    case ILocalReferenceOperation local when ProgramFlow.Deconstructed(local) == null:
                        return Merge(ReachingValues(local, local.Local), v => ProjectedHead(v, index, member));
                    default:
                        return TorchHead.Unknown;
                }
            }
            finally
            {
                depth--;
            }
        }

        /// <summary>The values one creation gives a member (<see cref="ProgramFlow.CreationMemberValues"/>); a null entry: unknown.</summary>
        private List<IOperation?> CreationMemberValues(IObjectCreationOperation creation, ISymbol member) =>
            program.CreationMemberValues(creation, member, cancellationToken) is { } values ? values.Select(v => (IOperation?)v).ToList() : new List<IOperation?> { null };

        // ---------------------------------------------------------------- data flow

        /// <summary>The values a local or parameter may hold at a use (the member's shared reaching definitions).</summary>
        private List<IOperation?> ReachingValues(IOperation use, ISymbol symbol, bool followDeconstruction = false)
        {
            if (!visiting.Add(use)) return new List<IOperation?> { null };
            try
            {
                return program.Member(use).ReachingValues(use, symbol, cancellationToken, followDeconstruction);
            }
            finally
            {
                visiting.Remove(use);
            }
        }

        /// <summary>Whether the module local is handed to code outside TorchSharp before the use (a helper may append to it).</summary>
        private bool EscapesBefore(ILocalReferenceOperation use) =>
            program.Member(use).PassedToCallBefore(use.Local, use.Syntax.SpanStart,
                invocation => SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingAssembly, symbols.Torch.ContainingAssembly), cancellationToken);

        /// <summary>The last <c>append</c> on the local before the use; null when there is none. <paramref name="unknown"/>: the lookup ran past its budget.</summary>
        private IInvocationOperation? LastAppendBefore(ILocalReferenceOperation use, out bool unknown) =>
            program.Member(use).LastStatementCallBefore(use.Local, use.Syntax.SpanStart, symbols.IsSequentialAppend, out unknown, cancellationToken);

        /// <summary>
        /// A field's or auto-property's values: its initializer and every write in the compilation (the shared flow's
        /// <see cref="ProgramFlow.Writes"/>: constructors, initializers, other methods and types); a null entry when one
        /// is not a plain assignment or the member is not followed (a property with accessor bodies, a virtual one).
        /// </summary>
        private List<IOperation?> MemberValues(ISymbol member)
        {
            if (!visiting.Add(member)) return new List<IOperation?> { null };
            try
            {
                return program.Writes(member, cancellationToken) is { Complete: true } writes
                    ? writes.Values.Select(v => (IOperation?)v).ToList()
                    : new List<IOperation?> { null };
            }
            finally
            {
                visiting.Remove(member);
            }
        }

        // ---------------------------------------------------------------- helpers

        private bool Enter()
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (depth >= MaxDepth || --budget < 0) return false;
            depth++;
            return true;
        }

        private static TorchHead Merge(TorchHead a, TorchHead b)
        {
            if (!a.IsKnown || !b.IsKnown || a.Activation != b.Activation) return TorchHead.Unknown;
            var units = a.Units == b.Units ? a.Units : null;
            var unitsNode = a.UnitsNode == b.UnitsNode ? a.UnitsNode : null;
            return new TorchHead(a.Activation, a.Sites.AddRange(b.Sites.Where(s => !a.Sites.Any(x => x.Node == s.Node))), units, unitsNode);
        }

        private static TorchHead Merge(List<IOperation?> values, System.Func<IOperation, TorchHead> resolve)
        {
            if (values.Count == 0) return TorchHead.Unknown;
            TorchHead? result = null;
            foreach (var value in values)
            {
                if (value == null) return TorchHead.Unknown;
                var head = resolve(value);
                if (!head.IsKnown) return TorchHead.Unknown;
                result = result == null ? head : Merge(result.Value, head);
                if (!result.Value.IsKnown) return TorchHead.Unknown;
            }

            return result ?? TorchHead.Unknown;
        }
    }
}
