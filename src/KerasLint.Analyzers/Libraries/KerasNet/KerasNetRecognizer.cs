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

namespace KerasLint.Libraries.KerasNet
{
    /// <summary>
    /// Recognises a Keras.NET training setup around a <c>BaseModel.Compile</c> call, binding by symbol:
    /// the model's layers (Sequential + Add in source order, Sequential(BaseLayer[]), functional Model traced
    /// through Set, or one hop into a helper method in the same file), the loss and metrics, and the callbacks
    /// and validation data that flow into Fit on the same model. Whatever is not visible is left unknown.
    /// </summary>
    internal sealed class KerasNetRecognizer
    {
        private const int MaxLayers = 256;

        private readonly KerasNetSymbols s;
        private readonly KerasFamilyInfo family;
        private readonly CancellationToken ct;
        private readonly System.Func<IMethodSymbol, bool> readsOnly;

        public KerasNetRecognizer(KerasNetSymbols symbols, KerasFamilyInfo family, CancellationToken cancellationToken)
        {
            s = symbols;
            this.family = family;
            ct = cancellationToken;

            // Compile and Fit only read the arrays passed to them.
            readsOnly = m => Operations.IsOneOf(m, s.Compile) || Operations.IsOneOf(m, s.Fit);
        }

        /// <summary>The compilation's value flow (from the member's flow given to <see cref="Recognize"/>).</summary>
        private Analysis.ValueFlow.ProgramFlow program = null!;

        public TrainingSetup? Recognize(IInvocationOperation compile, MemberFlow flow)
        {
            program = flow.Program;
            var loss = Loss(compile, flow);
            var metrics = Metrics(compile, flow);

            HeadInfo? head = null;
            var callbacks = ImmutableArray<CallbackInfo>.Empty;
            var lookups = ImmutableArray<HistoryLookup>.Empty;
            bool? validation = null;
            if (compile.Instance is { } receiver)
            {
                var model = Operations.Unwrap(receiver);
                head = Head(Layers(model, flow, compile.Syntax.SpanStart, allowHelper: true));
                var holder = model switch
                {
                    ILocalReferenceOperation lr => (ISymbol)lr.Local,
                    IFieldReferenceOperation fr when fr.Instance == null || fr.Instance is IInstanceReferenceOperation => fr.Field,
                    _ => null,
                };
                if (holder != null)
                {
                    KerasModels.FitFacts(compile, holder, flow, s.Compile, s.Fit, v => CallbackElements(v), c => Callback(c),
                        p => p.Name == "HistoryLogs" && Operations.Is(p.ContainingType, s.History), ct, out callbacks, out validation, out lookups);
                }
            }

            return new TrainingSetup(KerasNetAdapter.Api, family, loss, metrics, head, callbacks, validation, historyLookups: lookups, anchors: KerasModels.Anchors(compile));
        }

        // ---- loss and metrics ----
        private LossInfo Loss(IInvocationOperation compile, MemberFlow flow)
        {
            var arg = Operations.Argument(compile.Arguments, "loss");
            if (arg == null) return new LossInfo(LossKind.Unknown, null, new ValueSite(null, compile.Syntax.GetLocation(), null, useIsValue: false));
            ValueSite site;
            if (arg.Parameter!.Type is IArrayTypeSymbol)
            {
                var elements = flow.ArrayElements(arg.Value, out _, ct, readsOnly);
                if (elements is not { Length: 1 } one) return new LossInfo(LossKind.Unknown, null, new ValueSite(null, arg.Value.Syntax.GetLocation(), null));
                site = flow.String(one[0], ct);
            }
            else
            {
                site = flow.String(arg.Value, ct);
            }

            var text = site.Text;
            if (text == null) return new LossInfo(LossKind.Unknown, null, site);
            var f = KerasCatalog.ResolveLoss(family.Family, text);
            if (f != null) return new LossInfo(LossKind.BuiltIn, f, site);
            if (SpecialStrings.Classify(family.Family, text) == SpecialStringKind.Crossentropy) return new LossInfo(LossKind.Unknown, null, site);
            if (KerasCatalog.FamiliesOf(text, FunctionRoles.Loss) != FamilySet.None
                || KerasCatalog.ClosestName(family.Family, FunctionRoles.Loss, text) != null)
            {
                return new LossInfo(LossKind.NotInFamily, null, site);
            }

            return new LossInfo(LossKind.Custom, null, site);
        }

        private ImmutableArray<MetricInfo>? Metrics(IInvocationOperation compile, MemberFlow flow)
        {
            var arg = Operations.Argument(compile.Arguments, "metrics");
            if (!Operations.IsExplicit(arg)) return ImmutableArray<MetricInfo>.Empty;
            var value = Operations.Unwrap(arg!.Value);
            if (value.ConstantValue.HasValue && value.ConstantValue.Value == null) return ImmutableArray<MetricInfo>.Empty;
            if (value is IConditionalOperation { WhenFalse: { } whenFalse } conditional)
            {
                // Each branch a possibility: every metric of either, at its own site (a diagnostic names its branch).
                var both = ImmutableArray.CreateBuilder<MetricInfo>();
                foreach (var branch in new[] { conditional.WhenTrue, whenFalse })
                {
                    var b = Operations.Unwrap(branch);
                    if (Operations.IsNullConstant(b)) continue;
                    if (!(b is IArrayCreationOperation) || !(flow.ArrayElements(b, out _, ct, readsOnly) is { } items)) return null;
                    for (var i = 0; i < items.Length; i++)
                    {
                        var removable = !(items.Length == 1 && b.Syntax is ImplicitArrayCreationExpressionSyntax);
                        both.Add(new MetricInfo(flow.String(items[i], ct), i, removable ? items[i].Syntax.GetLocation() : null));
                    }
                }

                return both.ToImmutable();
            }

            var elements = flow.ArrayElements(value, out var inline, ct, readsOnly);
            if (elements == null && KerasModels.FieldArray(program, value, ct) is { } inField)
            {
                // An array in a field this compile alone uses: each metric at its element in the declaration.
                return inField.Select((e, i) => new MetricInfo(program.Member(e).String(e, ct), i, inField.Length > 1 ? e.Syntax.GetLocation() : null)).ToImmutableArray();
            }

            if (elements == null) return null;
            var list = ImmutableArray.CreateBuilder<MetricInfo>(elements.Value.Length);
            var empty = inline ? Operations.EmptyStringArray(arg!) : null;
            for (var i = 0; i < elements.Value.Length; i++)
            {
                var e = elements.Value[i];
                // Removing the only element of `new[] { ... }` would leave an array whose type cannot be inferred.
                var removable = inline && !(elements.Value.Length == 1 && value.Syntax is ImplicitArrayCreationExpressionSyntax);
                list.Add(new MetricInfo(flow.String(e, ct), i, removable ? e.Syntax.GetLocation() : null, empty));
            }

            return list.MoveToImmutable();
        }

        // ---- layers ----

        /// <summary>The model's layers in order (null entries: a layer not visible), or null when unknown.</summary>
        private List<IOperation?>? Layers(IOperation model, MemberFlow flow, int before, bool allowHelper)
        {
            ct.ThrowIfCancellationRequested();
            model = Operations.Unwrap(model);
            if (model is ILocalReferenceOperation lr)
            {
                var value = flow.SingleValue(lr.Local, ct);
                if (value == null) return null;
                var baseLayers = Layers(value, flow, before, allowHelper);
                if (baseLayers == null) return null;
                return KerasModels.AddCalls(lr.Local, flow, before, baseLayers, s.Add, ct);
            }

            if (model is IFieldReferenceOperation field && (field.Instance == null || field.Instance is IInstanceReferenceOperation))
            {
                // A model in a field, built in a constructor, an initializer or another method, of any file.
                return KerasModels.FieldLayers(field.Field, flow, before, s.Add, (v, f, at) => Layers(v, f, at, allowHelper), ct);
            }

            if (model is IObjectCreationOperation creation)
            {
                if (Operations.Is(creation.Type, s.Sequential))
                {
                    if (creation.Arguments.Length == 0) return new List<IOperation?>();
                    var elements = flow.ArrayElements(creation.Arguments[0].Value, out _, ct, readsOnly);
                    return elements?.Select(e => (IOperation?)KerasModels.Resolve(e, flow, ct)).ToList();
                }

                // A subclass of Sequential whose constructor adds its layers (widths from its arguments: the whole-program flow).
                if (creation.Constructor != null && s.Sequential != null && creation.SemanticModel != null
                    && SymbolEqualityComparer.Default.Equals(creation.Type?.BaseType?.OriginalDefinition, s.Sequential))
                {
                    return KerasModels.SubclassLayers(creation.Constructor, s.Sequential, s.Add, program, ct);
                }

                if (Operations.Is(creation.Type, s.Model) && creation.Arguments.Length == 2)
                {
                    var outputs = flow.ArrayElements(creation.Arguments[1].Value, out _, ct, readsOnly);
                    return outputs is { Length: 1 } o ? Functional(o[0], flow) : null;
                }

                return null;
            }

            if (allowHelper && model is IInvocationOperation call)
            {
                return Helper(call);
            }

            return null;
        }

        /// <summary>Functional API: traces <c>layer.Set(input)</c> back from the output.</summary>
        private List<IOperation?>? Functional(IOperation output, MemberFlow flow)
        {
            var reversed = new List<IOperation?>();
            var current = flow.Trace(output, ct);
            while (reversed.Count < MaxLayers)
            {
                ct.ThrowIfCancellationRequested();
                if (current is IInvocationOperation inv && Operations.IsOneOf(inv.TargetMethod, s.Set) && inv.Instance != null)
                {
                    reversed.Add(KerasModels.Resolve(inv.Instance, flow, ct));
                    var args = inv.Arguments.Length == 1 ? flow.ArrayElements(inv.Arguments[0].Value, out _, ct, readsOnly) : null;
                    if (args is not { Length: 1 } a)
                    {
                        reversed.Add(null);
                        break;
                    }

                    current = flow.Trace(a[0], ct);
                    continue;
                }

                reversed.Add(current);
                break;
            }

            reversed.Reverse();
            return reversed;
        }

        /// <summary>One hop into a helper method declared in the same file that builds and returns the model.</summary>
        private List<IOperation?>? Helper(IInvocationOperation call) =>
            KerasModels.HelperReturn(program, call, ct) is { } h ? Layers(h.Returned, h.Flow, h.Position, allowHelper: false) : null;

        /// <summary>The output head from the layers, read from the end: activation layers, then the last Dense.</summary>
        private HeadInfo? Head(List<IOperation?>? layers)
        {
            if (layers == null || layers.Count == 0) return null;
            (HeadActivation Activation, string? Text, ActivationSource Source, ValueSite? Site, Location Layer)? act = null;
            for (var i = layers.Count - 1; i >= 0; i--)
            {
                if (!(layers[i] is IObjectCreationOperation layer)) return null;
                var type = layer.Type;
                if (Operations.Is(type, s.Dropout)) continue;
                if (Operations.Is(type, s.Activation))
                {
                    if (act == null)
                    {
                        var a = Operations.Argument(layer.Arguments, "act");
                        if (a == null) return null;
                        var site = program.Member(layer).String(a.Value, ct);
                        act = (site.Text == null ? HeadActivation.Unknown : Activations.Classify(site.Text), site.Text, ActivationSource.ActivationLayer, site, layer.Syntax.GetLocation());
                    }

                    continue;
                }

                if (Operations.Is(type, s.Softmax))
                {
                    if (act == null)
                    {
                        var axis = Operations.Argument(layer.Arguments, "axis");
                        if (Operations.IsExplicit(axis) && MemberFlow.Number(axis!.Value) is not -1.0) return null;
                        act = (HeadActivation.Softmax, "softmax", ActivationSource.SoftmaxLayer, null, layer.Syntax.GetLocation());
                    }

                    continue;
                }

                if (Operations.Is(type, s.Dense))
                {
                    var flow = program.Member(layer);
                    var unitsArg = Operations.Argument(layer.Arguments, "units");
                    var units = unitsArg == null ? null : flow.TraceNumber(unitsArg.Value, ct) ?? KerasModels.Number(program, unitsArg.Value, ct);
                    int? u = units is { } d && d >= 1 && d == System.Math.Floor(d) ? (int)d : null;
                    if (act == null)
                    {
                        var a = Operations.Argument(layer.Arguments, "activation");
                        if (!Operations.IsExplicit(a))
                        {
                            act = (HeadActivation.Linear, null, ActivationSource.DenseDefault, null, layer.Syntax.GetLocation());
                        }
                        else
                        {
                            var site = flow.String(a!.Value, ct);
                            var v = Operations.Unwrap(a.Value);
                            var isNull = v.ConstantValue.HasValue && v.ConstantValue.Value == null;
                            act = (isNull ? HeadActivation.Linear : site.Text == null ? HeadActivation.Unknown : Activations.Classify(site.Text), site.Text, ActivationSource.DenseArgument, site, layer.Syntax.GetLocation());
                        }
                    }

                    var x = act.Value;
                    return new HeadInfo(u, unitsArg?.Value.Syntax.GetLocation(), x.Activation, x.Text, x.Source, x.Site, x.Layer, layer.Syntax.GetLocation(),
                        HeadPhrase(x.Source, x.Text, u));
                }

                return null;
            }

            return null;
        }

        /// <summary>How the code sets the head's activation, in Keras.NET's API.</summary>
        private static string HeadPhrase(ActivationSource source, string? activation, int? units)
        {
            var dense = units is { } n ? $"Dense({n})" : "Dense";
            return source switch
            {
                ActivationSource.SoftmaxLayer => $"a Softmax layer after {dense}",
                ActivationSource.ActivationLayer => $"an Activation(\"{activation}\") layer after {dense}",
                ActivationSource.DenseArgument => units is { } m ? $"Dense({m}, activation: \"{activation}\")" : $"Dense(activation: \"{activation}\")",
                _ => $"{dense} without an activation",
            };
        }

        // ---- fit: callbacks and validation ----

        /// <summary>The callbacks passed to Fit: an array, a list's <c>ToArray()</c>, or what a helper returns.</summary>
        private ImmutableArray<IOperation>? CallbackElements(IOperation value)
        {
            var flow = program.Member(value);
            return flow.ArrayElements(value, out _, ct, readsOnly) ?? KerasModels.CollectionElements(value, flow, readsOnly, ct);
        }

        private CallbackInfo? Callback(IObjectCreationOperation creation)
        {
            MonitorCallback kind;
            string name;
            if (Operations.Is(creation.Type, s.EarlyStopping))
            {
                kind = MonitorCallback.EarlyStopping;
                name = "EarlyStopping";
            }
            else if (Operations.Is(creation.Type, s.ModelCheckpoint))
            {
                kind = MonitorCallback.ModelCheckpoint;
                name = "ModelCheckpoint";
            }
            else if (Operations.Is(creation.Type, s.ReduceLROnPlateau))
            {
                kind = MonitorCallback.ReduceLROnPlateau;
                name = "ReduceLROnPlateau";
            }
            else
            {
                return null;
            }

            return KerasModels.Callback(program, kind, name, creation, ct);
        }
    }
}
