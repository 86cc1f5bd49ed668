using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using KerasLint.Analysis;
using KerasLint.Knowledge;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KerasLint.Libraries.TfNet
{
    /// <summary>
    /// Recognises a TensorFlow.NET training setup around a <c>compile</c> call on <c>IModel</c>/<c>Model</c>, binding by
    /// symbol: the model's layers (<c>keras.Sequential</c> from a list, params or a collection expression, then
    /// <c>add</c> calls in source order; functional <c>keras.Model(inputs, outputs)</c> traced through
    /// <c>layer.Apply</c>; a user subclass of <c>Sequential</c> whose constructor adds its layers, or of <c>Model</c>
    /// whose <c>Call</c> override applies its layer fields in one chain; one hop into a helper method), the loss (object with <c>from_logits</c>,
    /// custom ILossFunc, or the all-string overload), the metrics, and the EarlyStopping callbacks and validation
    /// data that flow into <c>fit</c> on the same model. Whatever is not visible is left unknown.
    /// </summary>
    internal sealed class TfNetRecognizer
    {
        private const int MaxLayers = 256;

        private static readonly ImmutableDictionary<string, string> OptimizerFactories = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["adam"] = "Adam",
            ["rmsprop"] = "RMSprop",
            ["sgd"] = "SGD",
            ["adamw"] = "AdamW",
        }.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// The optimizer strings Keras itself resolves (class names lower-cased: keras-team/keras
        /// keras/src/optimizers/__init__.py, ALL_OBJECTS_DICT): a string among them names an optimizer even where
        /// TensorFlow.NET has no object for it (KL0015, not "what trains now").
        /// </summary>
        private static readonly ImmutableHashSet<string> KerasOptimizerNames = ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase,
            "adadelta", "adafactor", "adagrad", "adam", "adamax", "adamw", "ftrl", "lion", "nadam", "rmsprop", "sgd");

        private readonly TfNetSymbols s;
        private readonly LibraryApi api;
        private readonly KerasFamilyInfo family;
        private readonly Version version;
        private readonly CancellationToken ct;
        private readonly Func<IMethodSymbol, bool> readsOnly;

        public TfNetRecognizer(TfNetSymbols symbols, LibraryApi api, KerasFamilyInfo family, Version version, CancellationToken cancellationToken)
        {
            s = symbols;
            this.api = api;
            this.family = family;
            this.version = version;
            ct = cancellationToken;

            // compile, fit and the model builders only read the collections passed to them.
            readsOnly = m => Operations.IsOneOf(m, s.Compile) || Operations.IsOneOf(m, s.Fit)
                || TfNetSymbols.IsApi(m, "Sequential", s.KerasInterfaces) || TfNetSymbols.IsApi(m, "Model", s.KerasInterfaces);
        }

        /// <summary>The compilation's value flow (from the member's flow given to <see cref="Recognize"/>).</summary>
        private Analysis.ValueFlow.ProgramFlow program = null!;

        public TrainingSetup? Recognize(IInvocationOperation compile, MemberFlow flow)
        {
            program = flow.Program;
            HeadInfo? head = null;
            var callbacks = ImmutableArray<CallbackInfo>.Empty;
            var lookups = ImmutableArray<HistoryLookup>.Empty;
            bool? validation = null;
            if (compile.Instance is { } receiver)
            {
                var model = Operations.Unwrap(receiver);
                head = Head(Layers(model, flow, compile.Syntax.SpanStart, allowHelper: true, depth: 0));
                var holder = model switch
                {
                    ILocalReferenceOperation lr => (ISymbol)lr.Local,
                    IFieldReferenceOperation fr when fr.Instance == null || fr.Instance is IInstanceReferenceOperation => fr.Field,
                    _ => null,
                };
                if (holder != null) FitFacts(compile, holder, flow, out callbacks, out validation, out lookups);
            }

            var parameters = compile.TargetMethod.Parameters;
            var allStrings = parameters.Length >= 2 && parameters[0].Type.SpecialType == SpecialType.System_String && parameters[1].Type.SpecialType == SpecialType.System_String;
            LossInfo loss;
            StringCompileInfo? stringCompile = null;
            if (allStrings)
            {
                var lossArg = Operations.Argument(compile.Arguments, "loss");
                var site = lossArg == null ? new ValueSite(null, compile.Syntax.GetLocation(), null) : flow.String(lossArg.Value, ct);

                // What trains is not what the strings say (KL0011 reports it); the other loss rules stay silent.
                loss = new LossInfo(LossKind.Unknown, null, site);
                stringCompile = StringCompile(compile, flow, head);
            }
            else
            {
                loss = Loss(compile, flow);
            }

            return new TrainingSetup(api, family, loss, Metrics(compile, flow), head, callbacks, validation, stringCompile, lookups, KerasModels.Anchors(compile));
        }

        // ---- collections: arrays, List<T> initializers, collection expressions ----

        /// <summary>The elements of a collection passed to compile/fit/Sequential, or null when not visible.</summary>
        private ImmutableArray<IOperation>? Elements(IOperation use, MemberFlow flow, out bool removable, int depth = 0)
        {
            removable = false;
            var op = Operations.Unwrap(use);
            if ((CollectionExpression(use) ?? CollectionExpression(op)) is { } collection)
            {
                // An element of [a, b] can go; [a] would become [], which several overloads accept.
                removable = collection.Elements.Count > 1;
                return CollectionElements(collection, op);
            }

            if (op is ILocalReferenceOperation lr)
            {
                if (depth > 4 || flow.SingleValue(lr.Local, ct) is not { } value) return null;
                if (Operations.Unwrap(value) is IArrayCreationOperation) return flow.ArrayElements(use, out _, ct, readsOnly);
                foreach (var read in flow.Reads(lr.Local, ct))
                {
                    var parent = Operations.ParentSkippingWrappers(read);

                    // list.Add(...), list.Insert(...): elements change after the initializer.
                    if (parent is IInvocationOperation inv && inv.Instance != null && Operations.Unwrap(inv.Instance) == read) return null;
                    if (parent is IArgumentOperation { Parent: IInvocationOperation call } && !readsOnly(call.TargetMethod)) return null;
                }

                return Elements(value, flow, out _, depth + 1);
            }

            if (op is IArrayCreationOperation { Initializer: { } init })
            {
                removable = !(init.ElementValues.Length == 1 && op.Syntax is ImplicitArrayCreationExpressionSyntax) && !op.IsImplicit;
                return init.ElementValues;
            }

            if (op is IObjectCreationOperation { Initializer: { } initializer } creation && creation.Arguments.IsEmpty)
            {
                var list = ImmutableArray.CreateBuilder<IOperation>();
                foreach (var i in initializer.Initializers)
                {
                    switch (i)
                    {
                        case IInvocationOperation { Arguments: { Length: 1 } args }:
                            list.Add(args[0].Value);
                            break;
                        default:
                            return null;
                    }
                }

                return list.ToImmutable();
            }

            return null;
        }

        private static CollectionExpressionSyntax? CollectionExpression(IOperation op) => op.Syntax as CollectionExpressionSyntax;

        private ImmutableArray<IOperation>? CollectionElements(CollectionExpressionSyntax collection, IOperation op)
        {
            if (op.SemanticModel == null) return null;
            var list = ImmutableArray.CreateBuilder<IOperation>();
            foreach (var element in collection.Elements)
            {
                if (!(element is ExpressionElementSyntax e) || op.SemanticModel.GetOperation(e.Expression, ct) is not { } value) return null;
                list.Add(value);
            }

            return list.ToImmutable();
        }

        // ---- loss and metrics ----

        /// <summary>Whether the loss object's declaration may be edited by a fix (set by <see cref="Loss"/>).</summary>
        private bool declarationFixable = true;

        private LossInfo Loss(IInvocationOperation compile, MemberFlow flow)
        {
            var arg = Operations.Argument(compile.Arguments, "loss");
            if (!Operations.IsExplicit(arg)) return new LossInfo(LossKind.Unknown, null, new ValueSite(null, compile.Syntax.GetLocation(), null));
            var use = arg!.Value.Syntax.GetLocation();
            // A loss object in a field (or returned by a helper): its one value in the whole program. A fix may edit
            // its declaration only when the compile is its one use (else another compile would change with it).
            var traced = flow.Trace(arg.Value, ct);
            var value = KerasModels.Resolve(arg.Value, flow, ct);
            declarationFixable = value == traced || traced is IFieldReferenceOperation fr && traced.SemanticModel != null
                && program.Field(fr.Field, ct).Uses.Length == 1;
            switch (value)
            {
                case IObjectCreationOperation creation when creation.Type is INamedTypeSymbol type:
                    if (IsLibraryType(type) && type.ContainingNamespace.ToDisplayString() == "Tensorflow.Keras.Losses" && TfNetSemantics.LossObjects.ContainsKey(type.Name))
                    {
                        return LossObject(type.Name, creation.Arguments, creation, use);
                    }

                    break;
                case IInvocationOperation call when TfNetSymbols.IsOn(call.TargetMethod, s.LossesApis) && TfNetSemantics.LossObjects.ContainsKey(call.TargetMethod.Name):
                    return LossObject(call.TargetMethod.Name, call.Arguments, call, use);
            }

            // A user class implementing ILossFunc or deriving Loss / LossFunctionWrapper: a custom loss.
            if (value.Type is INamedTypeSymbol t && !IsLibraryType(t) && s.LossFuncs.Any(f => TfNetSymbols.IsA(t, f)))
            {
                return new LossInfo(LossKind.Custom, null, new ValueSite(t.Name, use, null, useIsValue: false), LossForm.Object);
            }

            return new LossInfo(LossKind.Unknown, null, new ValueSite(null, use, null, useIsValue: false), LossForm.Object);
        }

        private static bool IsLibraryType(INamedTypeSymbol type) =>
            type.ContainingAssembly?.Name is TfNetSymbols.KerasAssembly or TfNetSymbols.BindingAssembly;

        private LossInfo LossObject(string name, ImmutableArray<IArgumentOperation> arguments, IOperation creation, Location use)
        {
            var function = KerasCatalog.Get(TfNetSemantics.LossObjects[name]);
            BoolSite? fromLogits = null;
            var arg = Operations.Argument(arguments, "from_logits");
            var honoured = name != "SparseCategoricalCrossentropy" || TfNetSemantics.SparseCategoricalFromLogits(version) == TfNetSparseFromLogits.Honoured;
            if (arg != null && honoured)
            {
                if (!Operations.IsExplicit(arg))
                {
                    fromLogits = new BoolSite(arg.Parameter?.ExplicitDefaultValue as bool? ?? false, null, creation.Syntax.GetLocation());
                }
                else
                {
                    var v = Operations.Unwrap(arg.Value);
                    var constant = v.ConstantValue.HasValue ? v.ConstantValue.Value as bool? : null;
                    fromLogits = new BoolSite(constant, constant != null && v is ILiteralOperation && declarationFixable ? v.Syntax.GetLocation() : null, creation.Syntax.GetLocation());
                }
            }

            return new LossInfo(function == null ? LossKind.Unknown : LossKind.BuiltIn, function, new ValueSite(name, use, null, useIsValue: false), LossForm.Object, fromLogits);
        }

        private ImmutableArray<MetricInfo>? Metrics(IInvocationOperation compile, MemberFlow flow)
        {
            var arg = Operations.Argument(compile.Arguments, "metrics");
            if (!Operations.IsExplicit(arg) || Operations.IsNullConstant(arg!.Value)) return ImmutableArray<MetricInfo>.Empty;
            if (Operations.Unwrap(arg.Value) is IConditionalOperation { WhenFalse: { } whenFalse } conditional)
            {
                // Each branch a possibility: every metric of either, at its own site (a diagnostic names its branch).
                var both = ImmutableArray.CreateBuilder<MetricInfo>();
                foreach (var branch in new[] { conditional.WhenTrue, whenFalse })
                {
                    if (Operations.IsNullConstant(branch)) continue;
                    if (!(Elements(branch, flow, out var branchRemovable) is { } items) || Operations.Unwrap(branch) is ILocalReferenceOperation) return null;
                    for (var i = 0; i < items.Length; i++)
                    {
                        var site = items[i].Type?.SpecialType == SpecialType.System_String ? flow.String(items[i], ct) : new ValueSite(null, items[i].Syntax.GetLocation(), null);
                        both.Add(new MetricInfo(site, i, branchRemovable ? items[i].Syntax.GetLocation() : null));
                    }
                }

                return both.ToImmutable();
            }

            var elements = Elements(arg.Value, flow, out var removable);
            if (elements == null && KerasModels.FieldArray(program, arg.Value, ct) is { } inField)
            {
                // An array in a field this compile alone uses: each metric at its element in the declaration.
                return inField.Select((e, i) => new MetricInfo(e.Type?.SpecialType == SpecialType.System_String ? program.Member(e).String(e, ct) : new ValueSite(null, e.Syntax.GetLocation(), null),
                    i, inField.Length > 1 ? e.Syntax.GetLocation() : null)).ToImmutableArray();
            }

            if (elements == null) return null;
            var empty = Operations.EmptyStringArray(arg!);
            var list = ImmutableArray.CreateBuilder<MetricInfo>(elements.Value.Length);
            for (var i = 0; i < elements.Value.Length; i++)
            {
                var e = elements.Value[i];

                // IMetricFunc objects log under their own names: their text stays unknown.
                var site = e.Type?.SpecialType == SpecialType.System_String ? flow.String(e, ct) : new ValueSite(null, e.Syntax.GetLocation(), null);
                list.Add(new MetricInfo(site, i, removable ? e.Syntax.GetLocation() : null, empty));
            }

            return list.MoveToImmutable();
        }

        // ---- the all-string compile ----
        private StringCompileInfo? StringCompile(IInvocationOperation compile, MemberFlow flow, HeadInfo? head)
        {
            var optimizerArg = Operations.Argument(compile.Arguments, "optimizer");
            var lossArg = Operations.Argument(compile.Arguments, "loss");
            if (optimizerArg == null || lossArg == null) return null;
            var optimizer = flow.String(optimizerArg.Value, ct).Text;
            var loss = flow.String(lossArg.Value, ct).Text;
            var outcome = TfNetSemantics.StringCompile(version, optimizer, loss);
            if (!outcome.DiffersFromWhatWasWritten) return null;

            var replacements = ImmutableArray<Replacement>.Empty;
            var phrase = "";
            var prefix = KerasPrefix(compile);

            // Each string's own object; a string that names none (swapped, a metric, a typo) gets the object that trains
            // now in its place, when the version trains one whatever was written (0.10.5+: RMSprop, then MSE or MAE).
            // No edit is certainly right (KL0015) when a string is not a constant, names an optimizer or loss this
            // TensorFlow.Keras has no object for, or names nothing before 0.10.5 (where nothing trains in its place).
            var silent = outcome.Behaviour == TfNetStringCompile.SilentRmspropMse;
            var optimizerNamed = optimizer != null && OptimizerFactories.ContainsKey(optimizer);
            var optimizerName = optimizerNamed ? OptimizerFactories[optimizer!] : null;
            var lossNamed = LossFactory(loss, head);
            string? unfixable;
            if (optimizer == null || loss == null)
            {
                unfixable = (optimizer == null && loss == null ? "neither is constant" : optimizer == null ? "optimizer not constant" : "loss not constant") + ": pass objects";
            }
            else if (optimizerName != null && !HasFactory(s.OptimizerApis, optimizerName))
            {
                unfixable = $"pass an optimizer it has (no {optimizerName}())";
            }
            else if (!optimizerNamed && KerasOptimizerNames.Contains(optimizer))
            {
                unfixable = "pass an optimizer object it has";
            }
            else if (lossNamed == null && (KerasCatalog.ResolveLoss(KerasFamily.TfKeras2, loss) != null || KerasCatalog.FamiliesOf(loss, FunctionRoles.Loss) != FamilySet.None))
            {
                unfixable = "pass a loss object it has";
            }
            else if (!silent && (!optimizerNamed || lossNamed == null))
            {
                unfixable = (!optimizerNamed ? $"'{optimizer}' names no optimizer" : $"'{loss}' names no loss") + ": pass objects";
            }
            else
            {
                unfixable = null;
            }

            var lossSource = lossNamed ?? (silent ? LossFactory(outcome.Loss, head) : null);
            optimizerName ??= silent ? outcome.Optimizer : null;
            if (unfixable == null && optimizerName != null && HasFactory(s.OptimizerApis, optimizerName) && lossSource != null)
            {
                var optimizerSource = $"{prefix}optimizers.{optimizerName}()";
                var lossText = $"{prefix}losses.{lossSource}";
                replacements = ImmutableArray.Create(
                    new Replacement(optimizerArg.Value.Syntax.GetLocation(), optimizerSource),
                    new Replacement(lossArg.Value.Syntax.GetLocation(), lossText));
                var unnamed = new List<string>();
                if (!optimizerNamed) unnamed.Add($"'{optimizer}' names no optimizer");
                if (lossNamed == null) unnamed.Add($"'{loss}' names no loss");
                phrase = $"{optimizerSource} and {lossText}" + (unnamed.Count > 0 ? $", what trains now ({string.Join(", ", unnamed)})" : "");
            }
            else
            {
                unfixable ??= "pass objects it has";
            }

            return new StringCompileInfo(optimizer ?? "?", loss ?? "?", outcome.Brief, outcome.Error != null, compile.Syntax.GetLocation(), replacements, phrase, replacements.IsEmpty ? unfixable : null);
        }

        /// <summary><c>SparseCategoricalCrossentropy(from_logits: true)</c> for "sparse_categorical_crossentropy" on a linear head.</summary>
        private string? LossFactory(string? loss, HeadInfo? head)
        {
            if (loss == null) return null;
            var canonical = KerasCatalog.ResolveLoss(KerasFamily.TfKeras2, loss)?.CanonicalName;
            if (canonical == null) return null;
            foreach (var p in TfNetSemantics.LossObjects)
            {
                if (p.Value != canonical || !HasFactory(s.LossesApis, p.Key)) continue;
                var logits = head?.Activation == HeadActivation.Linear && TfNetSemantics.LossesWithFromLogits.Contains(p.Key);
                return p.Key + (logits ? "(from_logits: true)" : "()");
            }

            return null;
        }

        /// <summary>
        /// Whether one of the API types has a method <paramref name="name"/> callable without arguments (TensorFlow.Keras
        /// 0.7.0's <c>SGD(float learning_rate)</c> is not: <c>SGD()</c> would not compile).
        /// </summary>
        private static bool HasFactory(IEnumerable<INamedTypeSymbol> apis, string name) =>
            apis.Any(t => t.GetMembers(name).OfType<IMethodSymbol>().Any(m => m.Parameters.All(p => p.IsOptional || p.IsParams)));

        /// <summary>"keras." when <c>keras</c> binds at the call (using static Tensorflow.KerasApi), else the qualified form.</summary>
        private string KerasPrefix(IInvocationOperation compile)
        {
            var model = compile.SemanticModel;
            if (model != null)
            {
                foreach (var symbol in model.LookupSymbols(compile.Syntax.SpanStart, name: "keras"))
                {
                    var type = symbol switch
                    {
                        IPropertySymbol p => p.Type,
                        IFieldSymbol f => f.Type,
                        ILocalSymbol l => l.Type,
                        IParameterSymbol p => p.Type,
                        _ => null,
                    };
                    if (s.KerasInterfaces.Any(k => Operations.Is(type, k))) return "keras.";
                }
            }

            return "Tensorflow.KerasApi.keras.";
        }

        // ---- layers ----

        /// <summary>The model's layers in order (null entries: a layer not visible), or null when unknown.</summary>
        private List<IOperation?>? Layers(IOperation model, MemberFlow flow, int before, bool allowHelper, int depth)
        {
            ct.ThrowIfCancellationRequested();
            if (depth > 8) return null;
            model = Operations.Unwrap(model);
            if (model is ILocalReferenceOperation lr)
            {
                var value = flow.SingleValue(lr.Local, ct);
                if (value == null) return null;
                var baseLayers = Layers(value, flow, before, allowHelper, depth + 1);
                return baseLayers == null ? null : KerasModels.AddCalls(lr.Local, flow, before, baseLayers, s.Add, ct);
            }

            if (model is IFieldReferenceOperation field && (field.Instance == null || field.Instance is IInstanceReferenceOperation))
            {
                // A model in a field (keras.Sequential(...) in an initializer, a constructor or another method, of any file).
                return KerasModels.FieldLayers(field.Field, flow, before, s.Add, (v, f, at) => Layers(v, f, at, allowHelper, depth + 1), ct);
            }

            if (model is IObjectCreationOperation { Constructor: { } constructor } creation && creation.SemanticModel != null && !constructor.DeclaringSyntaxReferences.IsEmpty)
            {
                // A user subclass: of Sequential, whose constructor adds its layers; of Model, whose Call wires them.
                if (s.Sequential != null && TfNetSymbols.IsA(creation.Type, s.Sequential))
                {
                    return KerasModels.SubclassLayers(constructor, s.Sequential, s.Add, program, ct, BaseGivesNoLayers);
                }

                return TfNetSymbols.IsA(creation.Type, s.Model) ? SubclassCall(constructor.ContainingType) : null;
            }

            if (!(model is IInvocationOperation call)) return null;
            if (TfNetSymbols.IsApi(call.TargetMethod, "Sequential", s.KerasInterfaces))
            {
                var layersArg = call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0);
                if (layersArg == null || !Operations.IsExplicit(layersArg) || Operations.IsNullConstant(layersArg.Value)) return new List<IOperation?>();
                var elements = Elements(layersArg.Value, flow, out _);
                return elements?.Select(e => (IOperation?)KerasModels.Resolve(e, flow, ct)).ToList();
            }

            if (TfNetSymbols.IsApi(call.TargetMethod, "Model", s.KerasInterfaces))
            {
                var outputs = Operations.Argument(call.Arguments, "outputs");
                return outputs == null ? null : Functional(outputs.Value, flow);
            }

            return allowHelper ? Helper(call) : null;
        }

        /// <summary><c>: base(new SequentialArgs { Name = … })</c>: a base constructor call that gives Sequential no layers.</summary>
        private static bool BaseGivesNoLayers(IInvocationOperation baseCall) =>
            baseCall.Arguments.All(a => Operations.Unwrap(a.Value) is IObjectCreationOperation { Arguments.IsEmpty: true } args
                && (args.Initializer == null || args.Initializer.Initializers.All(i => i is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation p } && p.Property.Name != "Layers")));

        /// <summary>
        /// A user subclass of Model: the layers its <c>Call</c> override (its own or a user base's) applies on the way to
        /// its one returned value, traced as the functional API is (layers held in fields resolve through the
        /// whole-program flow); null when there is no such override or it returns more than one value.
        /// </summary>
        private List<IOperation?>? SubclassCall(INamedTypeSymbol type)
        {
            for (var t = type; t != null && !t.DeclaringSyntaxReferences.IsEmpty; t = t.BaseType)
            {
                var call = t.GetMembers("Call").OfType<IMethodSymbol>().FirstOrDefault(m => m.IsOverride);
                if (call == null) continue;
                if (call.DeclaringSyntaxReferences.Length != 1 || !(call.DeclaringSyntaxReferences[0].GetSyntax(ct) is MethodDeclarationSyntax declaration)) return null;
                if (!(program.Model(declaration.SyntaxTree).GetOperation(declaration, ct) is { } body)) return null;
                var returns = Operations.DescendantsOutsideLambdas(body).OfType<IReturnOperation>().Where(r => r.ReturnedValue != null).ToList();
                return returns.Count == 1 ? Functional(returns[0].ReturnedValue!, program.Member(body)) : null;
            }

            return null;
        }

        /// <summary>Functional API: traces <c>layer.Apply(input)</c> (and tf.nn activation functions) back from the output.</summary>
        private List<IOperation?>? Functional(IOperation output, MemberFlow flow)
        {
            var reversed = new List<IOperation?>();
            var current = flow.Trace(output, ct);
            while (reversed.Count < MaxLayers)
            {
                ct.ThrowIfCancellationRequested();
                if (current is IInvocationOperation inv && inv.TargetMethod.Name == "Apply" && inv.Instance != null
                    && (TfNetSymbols.IsA(inv.Instance.Type, s.ILayer) || TfNetSymbols.IsA(inv.Instance.Type, s.Layer)))
                {
                    reversed.Add(KerasModels.Resolve(inv.Instance, flow, ct));
                    var input = Operations.Argument(inv.Arguments, "inputs");
                    if (input == null) break;
                    current = flow.Trace(input.Value, ct);
                    continue;
                }

                if (current is IInvocationOperation fn && ActivationFunction(fn) != null && fn.Arguments.Length > 0)
                {
                    reversed.Add(fn);
                    current = flow.Trace(fn.Arguments[0].Value, ct);
                    continue;
                }

                reversed.Add(current);
                break;
            }

            reversed.Reverse();
            return reversed;
        }

        /// <summary>The activation a TensorFlow.NET function applies (<c>tf.nn.softmax</c>, <c>tf.nn.sigmoid</c>…), else null.</summary>
        private static string? ActivationFunction(IInvocationOperation call)
        {
            if (call.TargetMethod.ContainingAssembly?.Name != TfNetSymbols.BindingAssembly) return null;
            var name = call.TargetMethod.Name;
            return name is "softmax" or "sigmoid" or "log_softmax" or "relu" or "tanh" ? name : null;
        }

        /// <summary>One hop into a helper method declared in the same file that builds and returns the model.</summary>
        private List<IOperation?>? Helper(IInvocationOperation call) =>
            KerasModels.HelperReturn(program, call, ct) is { } h ? Layers(h.Returned, h.Flow, h.Position, allowHelper: false, depth: 1) : null;

        /// <summary>The output head, read from the end: Dropout/Flatten are transparent, Softmax and activation functions set the activation, Dense sets the units.</summary>
        private HeadInfo? Head(List<IOperation?>? layers)
        {
            if (layers == null || layers.Count == 0) return null;
            (HeadActivation Activation, string? Text, ActivationSource Source, ValueSite? Site, Location Layer, string Phrase)? act = null;
            for (var i = layers.Count - 1; i >= 0; i--)
            {
                if (!(layers[i] is IInvocationOperation layer)) return null;
                if (ActivationFunction(layer) is { } function)
                {
                    act ??= (Activations.Classify(function), function, ActivationSource.ActivationFunction, new ValueSite(function, layer.Syntax.GetLocation(), null), layer.Syntax.GetLocation(), $"tf.nn.{function}(...) after ");
                    continue;
                }

                if (!TfNetSymbols.IsOn(layer.TargetMethod, s.LayersApis)) return null;
                switch (layer.TargetMethod.Name)
                {
                    case "Dropout":
                    case "Flatten":
                        continue;
                    case "Softmax":
                        if (act == null)
                        {
                            var axis = Operations.Argument(layer.Arguments, "axis");
                            if (Operations.IsExplicit(axis) && MemberFlow.Number(axis!.Value) is not -1.0) return null;
                            act = (HeadActivation.Softmax, "softmax", ActivationSource.SoftmaxLayer, null, layer.Syntax.GetLocation(), "keras.layers.Softmax() after ");
                        }

                        continue;
                    case "Dense":
                        return Dense(layer, act);
                    default:
                        return null;
                }
            }

            return null;
        }

        private HeadInfo Dense(IInvocationOperation layer, (HeadActivation Activation, string? Text, ActivationSource Source, ValueSite? Site, Location Layer, string Phrase)? act)
        {
            var flow = program.Member(layer);
            var unitsArg = Operations.Argument(layer.Arguments, "units");
            var units = unitsArg == null ? null : flow.TraceNumber(unitsArg.Value, ct) ?? KerasModels.Number(program, unitsArg.Value, ct);
            int? u = units is { } d && d >= 1 && d == Math.Floor(d) ? (int)d : null;
            var dense = u is { } n ? $"Dense({n})" : "Dense";
            if (act is { } a)
            {
                return new HeadInfo(u, unitsArg?.Value.Syntax.GetLocation(), a.Activation, a.Text, a.Source, a.Site, a.Layer, layer.Syntax.GetLocation(), a.Phrase + dense);
            }

            var arg = Operations.Argument(layer.Arguments, "activation");
            HeadActivation activation;
            string? text;
            ActivationSource source;
            ValueSite? site = null;
            string phrase;
            if (!Operations.IsExplicit(arg) || Operations.IsNullConstant(arg!.Value))
            {
                (activation, text, source, phrase) = (HeadActivation.Linear, null, Operations.IsExplicit(arg) ? ActivationSource.DenseArgument : ActivationSource.DenseDefault, $"{dense} without an activation");
            }
            else if (arg.Parameter?.Type.SpecialType == SpecialType.System_String)
            {
                site = flow.String(arg.Value, ct);
                text = site.Text;
                activation = text == null ? HeadActivation.Unknown : Activations.Classify(text);
                source = ActivationSource.DenseArgument;
                phrase = u is { } m ? $"Dense({m}, activation: \"{text}\")" : $"Dense(activation: \"{text}\")";
            }
            else
            {
                // The Activation overload: keras.activations.Softmax, tf.nn.softmax (a method group), …
                var value = Operations.Unwrap(arg.Value);
                if (value is IDelegateCreationOperation creation) value = Operations.Unwrap(creation.Target);
                text = value switch
                {
                    IPropertyReferenceOperation p when TfNetSymbols.IsOn(p.Property, s.ActivationsApis) => p.Property.Name.ToLowerInvariant(),
                    IFieldReferenceOperation f when TfNetSymbols.IsOn(f.Field, s.ActivationsApis) => f.Field.Name.ToLowerInvariant(), // 0.7.0: fields
                    IMethodReferenceOperation m when m.Method.ContainingAssembly?.Name == TfNetSymbols.BindingAssembly => m.Method.Name.ToLowerInvariant(),
                    _ => null,
                };
                activation = text == null ? HeadActivation.Unknown : Activations.Classify(text);
                source = ActivationSource.DenseActivationObject;
                site = new ValueSite(text, arg.Value.Syntax.GetLocation(), null);
                phrase = $"{dense} with activation {arg.Value.Syntax}";
            }

            return new HeadInfo(u, unitsArg?.Value.Syntax.GetLocation(), activation, text, source, site, layer.Syntax.GetLocation(), layer.Syntax.GetLocation(), phrase);
        }

        // ---- fit: callbacks and validation ----

        /// <summary>The callbacks passed to fit: a collection here, a list's <c>ToArray()</c>, or what a helper returns.</summary>
        private ImmutableArray<IOperation>? CallbackElements(IOperation value)
        {
            var flow = program.Member(value);
            if (Elements(value, flow, out _) is { } here) return here;
            var resolved = KerasModels.Resolve(value, flow, ct);
            if (resolved != Operations.Unwrap(value) && Elements(resolved, program.Member(resolved), out _) is { } returned) return returned;
            return KerasModels.CollectionElements(value, flow, readsOnly, ct);
        }

        private void FitFacts(IInvocationOperation compile, ISymbol model, MemberFlow flow, out ImmutableArray<CallbackInfo> callbacks, out bool? validation, out ImmutableArray<HistoryLookup> lookups) =>
            KerasModels.FitFacts(compile, model, flow, s.Compile, s.Fit, v => CallbackElements(v), c => Operations.Is(c.Type, s.EarlyStopping) ? KerasModels.Callback(program, MonitorCallback.EarlyStopping, "EarlyStopping", c, ct) : null,
                p => p.Name == "history" && TfNetSymbols.IsA(p.ContainingType, s.ICallback), ct, out callbacks, out validation, out lookups);
    }
}
