using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using KerasLint.Knowledge;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KerasLint.KerasNet
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

        private readonly KerasNetContext context;
        private readonly KerasNetSymbols s;
        private readonly KerasFamilyInfo family;
        private readonly CancellationToken ct;

        public KerasNetRecognizer(KerasNetContext context, KerasFamilyInfo family, CancellationToken cancellationToken)
        {
            this.context = context;
            s = context.Symbols;
            this.family = family;
            ct = cancellationToken;
        }

        public TrainingSetup? Recognize(IInvocationOperation compile)
        {
            var flow = new ValueFlow(compile, ct, m => KerasNetSymbols.IsOneOf(m, s.Compile) || KerasNetSymbols.IsOneOf(m, s.Fit));
            var loss = Loss(compile, flow);
            var metrics = Metrics(compile, flow);

            HeadInfo? head = null;
            var callbacks = ImmutableArray<CallbackInfo>.Empty;
            bool? validation = null;
            if (compile.Instance is { } receiver)
            {
                var model = ValueFlow.Unwrap(receiver);
                head = Head(Layers(model, flow, compile.Syntax.SpanStart, allowHelper: true));
                if (model is ILocalReferenceOperation lr)
                {
                    FitFacts(lr.Local, flow, out callbacks, out validation);
                }
            }

            return new TrainingSetup(KerasNetContext.Library, family, loss, metrics, head, callbacks, validation);
        }

        public DropoutInfo? RecognizeDropout(IObjectCreationOperation creation)
        {
            var arg = Argument(creation.Arguments, "rate");
            if (arg == null || arg.ArgumentKind == ArgumentKind.DefaultValue) return null;
            var rate = new ValueFlow(creation, ct).TraceNumber(arg.Value);
            return rate == null ? null : new DropoutInfo(KerasNetContext.Library, family, rate.Value, arg.Value.Syntax.GetLocation());
        }

        private static IArgumentOperation? Argument(ImmutableArray<IArgumentOperation> args, string parameter)
        {
            foreach (var a in args)
            {
                if (a.Parameter?.Name == parameter) return a;
            }

            return null;
        }

        private static bool Explicit(IArgumentOperation? a) => a != null && a.ArgumentKind != ArgumentKind.DefaultValue;

        // ---- loss and metrics ----
        private LossInfo Loss(IInvocationOperation compile, ValueFlow flow)
        {
            var arg = Argument(compile.Arguments, "loss");
            if (arg == null) return new LossInfo(LossKind.Unknown, null, new ValueSite(null, compile.Syntax.GetLocation(), null));
            ValueSite site;
            if (arg.Parameter!.Type is IArrayTypeSymbol)
            {
                var elements = flow.ArrayElements(arg.Value, out _);
                if (elements is not { Length: 1 } one) return new LossInfo(LossKind.Unknown, null, new ValueSite(null, arg.Value.Syntax.GetLocation(), null));
                site = flow.String(one[0]);
            }
            else
            {
                site = flow.String(arg.Value);
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

        private ImmutableArray<MetricInfo>? Metrics(IInvocationOperation compile, ValueFlow flow)
        {
            var arg = Argument(compile.Arguments, "metrics");
            if (!Explicit(arg)) return ImmutableArray<MetricInfo>.Empty;
            var value = ValueFlow.Unwrap(arg!.Value);
            if (value.ConstantValue.HasValue && value.ConstantValue.Value == null) return ImmutableArray<MetricInfo>.Empty;
            var elements = flow.ArrayElements(value, out var inline);
            if (elements == null) return null;
            var list = ImmutableArray.CreateBuilder<MetricInfo>(elements.Value.Length);
            for (var i = 0; i < elements.Value.Length; i++)
            {
                var e = elements.Value[i];
                // Removing the only element of `new[] { ... }` would leave an array whose type cannot be inferred.
                var removable = inline && !(elements.Value.Length == 1 && value.Syntax is ImplicitArrayCreationExpressionSyntax);
                list.Add(new MetricInfo(flow.String(e), i, removable ? e.Syntax.GetLocation() : null));
            }

            return list.MoveToImmutable();
        }

        // ---- layers ----

        /// <summary>The model's layers in order (null entries: a layer not visible), or null when unknown.</summary>
        private List<IOperation?>? Layers(IOperation model, ValueFlow flow, int before, bool allowHelper)
        {
            ct.ThrowIfCancellationRequested();
            model = ValueFlow.Unwrap(model);
            if (model is ILocalReferenceOperation lr)
            {
                var value = flow.SingleValue(lr.Local);
                if (value == null) return null;
                var baseLayers = Layers(value, flow, before, allowHelper);
                if (baseLayers == null) return null;
                return AddCalls(lr.Local, flow, before, baseLayers);
            }

            if (model is IObjectCreationOperation creation)
            {
                if (KerasNetSymbols.Is(creation.Type, s.Sequential))
                {
                    if (creation.Arguments.Length == 0) return new List<IOperation?>();
                    var elements = flow.ArrayElements(creation.Arguments[0].Value, out _);
                    return elements?.Select(e => (IOperation?)ValueFlow.Unwrap(e)).ToList();
                }

                if (KerasNetSymbols.Is(creation.Type, s.Model) && creation.Arguments.Length == 2)
                {
                    var outputs = flow.ArrayElements(creation.Arguments[1].Value, out _);
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

        /// <summary>Appends the Add calls on a Sequential local made before <paramref name="before"/>, in source order.</summary>
        private List<IOperation?>? AddCalls(ILocalSymbol local, ValueFlow flow, int before, List<IOperation?> layers)
        {
            var adds = new List<(int Position, IOperation? Layer, bool Conditional)>();
            var scope = flow.DeclarationScope(local);
            foreach (var read in flow.Reads(local))
            {
                if (read.Syntax.SpanStart >= before) continue;
                var parent = read.Parent;
                while (parent is IConversionOperation || parent is IParenthesizedOperation) parent = parent.Parent;
                if (parent is IInvocationOperation inv && inv.Instance != null && ValueFlow.Unwrap(inv.Instance) == read)
                {
                    if (KerasNetSymbols.IsOneOf(inv.TargetMethod, s.Add))
                    {
                        var arg = inv.Arguments.Length == 1 ? flow.Trace(inv.Arguments[0].Value) : null;
                        adds.Add((inv.Syntax.SpanStart, arg, IsConditional(inv, scope)));
                    }

                    // Other member calls (Summary, Fit, ...) do not change the layers.
                    continue;
                }

                if (parent is IMemberReferenceOperation || parent is IExpressionStatementOperation) continue;

                // Passed to a method, stored, captured: layers may be added elsewhere.
                return null;
            }

            adds.Sort((a, b) => a.Position.CompareTo(b.Position));
            // A branch or loop that may add the last layer makes the head unknown.
            var lastUnconditional = adds.FindLastIndex(a => !a.Conditional);
            if (adds.Count > 0 && lastUnconditional != adds.Count - 1) return null;
            foreach (var a in adds)
            {
                if (a.Conditional) continue;
                layers.Add(a.Layer);
            }

            if (adds.Any(a => a.Conditional)) layers.Insert(0, null);
            return layers;
        }

        private static bool IsConditional(IOperation op, IOperation root)
        {
            for (var p = op.Parent; p != null && p != root; p = p.Parent)
            {
                switch (p)
                {
                    case IConditionalOperation:
                    case ILoopOperation:
                    case ISwitchOperation:
                    case ISwitchCaseOperation:
                    case ICatchClauseOperation:
                    case IAnonymousFunctionOperation:
                    case ILocalFunctionOperation:
                    case ICoalesceOperation:
                    case IConditionalAccessOperation:
                        return true;
                }
            }

            return false;
        }

        /// <summary>Functional API: traces <c>layer.Set(input)</c> back from the output.</summary>
        private List<IOperation?>? Functional(IOperation output, ValueFlow flow)
        {
            var reversed = new List<IOperation?>();
            var current = flow.Trace(output);
            while (reversed.Count < MaxLayers)
            {
                ct.ThrowIfCancellationRequested();
                if (current is IInvocationOperation inv && KerasNetSymbols.IsOneOf(inv.TargetMethod, s.Set) && inv.Instance != null)
                {
                    reversed.Add(flow.Trace(inv.Instance));
                    var args = inv.Arguments.Length == 1 ? flow.ArrayElements(inv.Arguments[0].Value, out _) : null;
                    if (args is not { Length: 1 } a)
                    {
                        reversed.Add(null);
                        break;
                    }

                    current = flow.Trace(a[0]);
                    continue;
                }

                reversed.Add(current);
                break;
            }

            reversed.Reverse();
            return reversed;
        }

        /// <summary>One hop into a helper method declared in the same file that builds and returns the model.</summary>
        private List<IOperation?>? Helper(IInvocationOperation call)
        {
            var method = call.TargetMethod;
            if (method.IsVirtual || method.IsAbstract || method.IsOverride || method.DeclaringSyntaxReferences.Length != 1 || call.SemanticModel == null) return null;
            var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(ct);
            if (syntax.SyntaxTree != call.Syntax.SyntaxTree) return null;
            var body = syntax switch
            {
                MethodDeclarationSyntax m => (SyntaxNode?)m.Body ?? m.ExpressionBody?.Expression,
                LocalFunctionStatementSyntax l => (SyntaxNode?)l.Body ?? l.ExpressionBody?.Expression,
                _ => null,
            };
            if (body == null) return null;
            var bodyOp = call.SemanticModel.GetOperation(body, ct);
            if (bodyOp == null) return null;
            var helperFlow = new ValueFlow(bodyOp, ct);
            IOperation? returned;
            int position;
            if (body is ExpressionSyntax)
            {
                returned = bodyOp;
                position = body.Span.End;
            }
            else
            {
                var returns = bodyOp.DescendantsAndSelf().OfType<IReturnOperation>().Where(r => r.ReturnedValue != null).ToList();
                if (returns.Count != 1) return null;
                returned = returns[0].ReturnedValue;
                position = returns[0].Syntax.SpanStart;
            }

            return returned == null ? null : Layers(returned, helperFlow, position, allowHelper: false);
        }

        /// <summary>The output head from the layers, read from the end: activation layers, then the last Dense.</summary>
        private HeadInfo? Head(List<IOperation?>? layers)
        {
            if (layers == null || layers.Count == 0) return null;
            (HeadActivation Activation, string? Text, ActivationSource Source, ValueSite? Site, Location Layer)? act = null;
            for (var i = layers.Count - 1; i >= 0; i--)
            {
                if (!(layers[i] is IObjectCreationOperation layer)) return null;
                var type = layer.Type;
                if (KerasNetSymbols.Is(type, s.Dropout)) continue;
                if (KerasNetSymbols.Is(type, s.Activation))
                {
                    if (act == null)
                    {
                        var a = Argument(layer.Arguments, "act");
                        if (a == null) return null;
                        var site = new ValueFlow(layer, ct).String(a.Value);
                        act = (site.Text == null ? HeadActivation.Unknown : Activations.Classify(site.Text), site.Text, ActivationSource.ActivationLayer, site, layer.Syntax.GetLocation());
                    }

                    continue;
                }

                if (KerasNetSymbols.Is(type, s.Softmax))
                {
                    if (act == null)
                    {
                        var axis = Argument(layer.Arguments, "axis");
                        if (Explicit(axis) && ValueFlow.Number(axis!.Value) is not -1.0) return null;
                        act = (HeadActivation.Softmax, "softmax", ActivationSource.SoftmaxLayer, null, layer.Syntax.GetLocation());
                    }

                    continue;
                }

                if (KerasNetSymbols.Is(type, s.Dense))
                {
                    var flow = new ValueFlow(layer, ct);
                    var unitsArg = Argument(layer.Arguments, "units");
                    var units = unitsArg == null ? null : flow.TraceNumber(unitsArg.Value);
                    int? u = units is { } d && d >= 1 && d == System.Math.Floor(d) ? (int)d : null;
                    if (act == null)
                    {
                        var a = Argument(layer.Arguments, "activation");
                        if (!Explicit(a))
                        {
                            act = (HeadActivation.Linear, null, ActivationSource.DenseDefault, null, layer.Syntax.GetLocation());
                        }
                        else
                        {
                            var site = flow.String(a!.Value);
                            var v = ValueFlow.Unwrap(a.Value);
                            var isNull = v.ConstantValue.HasValue && v.ConstantValue.Value == null;
                            act = (isNull ? HeadActivation.Linear : site.Text == null ? HeadActivation.Unknown : Activations.Classify(site.Text), site.Text, ActivationSource.DenseArgument, site, layer.Syntax.GetLocation());
                        }
                    }

                    var x = act.Value;
                    return new HeadInfo(u, unitsArg?.Value.Syntax.GetLocation(), x.Activation, x.Text, x.Source, x.Site, x.Layer, layer.Syntax.GetLocation());
                }

                return null;
            }

            return null;
        }

        // ---- fit: callbacks and validation ----
        private void FitFacts(ILocalSymbol model, ValueFlow flow, out ImmutableArray<CallbackInfo> callbacks, out bool? validation)
        {
            var list = ImmutableArray.CreateBuilder<CallbackInfo>();
            validation = null;
            var fits = 0;
            var disagree = false;
            foreach (var read in flow.Reads(model))
            {
                ct.ThrowIfCancellationRequested();
                var parent = read.Parent;
                while (parent is IConversionOperation) parent = parent.Parent;
                if (!(parent is IInvocationOperation fit) || !KerasNetSymbols.IsOneOf(fit.TargetMethod, s.Fit)) continue;
                var v = Validation(fit);
                if (fits == 0) validation = v;
                else if (validation != v) disagree = true;
                fits++;

                var cb = Argument(fit.Arguments, "callbacks");
                if (!Explicit(cb)) continue;
                var elements = flow.ArrayElements(cb!.Value, out _);
                if (elements == null) continue;
                foreach (var e in elements.Value)
                {
                    if (flow.Trace(e) is IObjectCreationOperation creation && Callback(creation, flow) is { } info) list.Add(info);
                }
            }

            if (disagree) validation = null;
            callbacks = list.ToImmutable();
        }

        private static bool? Validation(IInvocationOperation fit)
        {
            var data = Argument(fit.Arguments, "validation_data");
            var split = Argument(fit.Arguments, "validation_split");
            bool? hasData = false, hasSplit = false;
            if (Explicit(data))
            {
                var v = ValueFlow.Unwrap(data!.Value);
                hasData = v.ConstantValue.HasValue && v.ConstantValue.Value == null ? false : true;
            }

            if (Explicit(split))
            {
                var n = ValueFlow.Number(split!.Value);
                hasSplit = n == null ? (bool?)null : n > 0;
            }

            if (hasData == true || hasSplit == true) return true;
            if (hasData == null || hasSplit == null) return null;
            return false;
        }

        private CallbackInfo? Callback(IObjectCreationOperation creation, ValueFlow flow)
        {
            MonitorCallback kind;
            string name;
            if (KerasNetSymbols.Is(creation.Type, s.EarlyStopping))
            {
                kind = MonitorCallback.EarlyStopping;
                name = "EarlyStopping";
            }
            else if (KerasNetSymbols.Is(creation.Type, s.ModelCheckpoint))
            {
                kind = MonitorCallback.ModelCheckpoint;
                name = "ModelCheckpoint";
            }
            else if (KerasNetSymbols.Is(creation.Type, s.ReduceLROnPlateau))
            {
                kind = MonitorCallback.ReduceLROnPlateau;
                name = "ReduceLROnPlateau";
            }
            else
            {
                return null;
            }

            var creationFlow = new ValueFlow(creation, ct);
            var monitorArg = Argument(creation.Arguments, "monitor");
            ValueSite monitor;
            if (Explicit(monitorArg))
            {
                monitor = creationFlow.String(monitorArg!.Value);
            }
            else
            {
                var def = monitorArg?.Parameter?.HasExplicitDefaultValue == true ? monitorArg.Parameter.ExplicitDefaultValue as string : null;
                monitor = new ValueSite(def, creation.Syntax.GetLocation(), null);
            }

            var modeArg = Argument(creation.Arguments, "mode");
            var mode = Explicit(modeArg) ? creationFlow.String(modeArg!.Value) : null;
            return new CallbackInfo(kind, name, monitor, !Explicit(monitorArg), mode, creation.Syntax.GetLocation());
        }
    }
}
