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

        public TrainingSetup? Recognize(IInvocationOperation compile, MemberFlow flow)
        {
            var loss = Loss(compile, flow);
            var metrics = Metrics(compile, flow);

            HeadInfo? head = null;
            var callbacks = ImmutableArray<CallbackInfo>.Empty;
            bool? validation = null;
            if (compile.Instance is { } receiver)
            {
                var model = Operations.Unwrap(receiver);
                head = Head(Layers(model, flow, compile.Syntax.SpanStart, allowHelper: true));
                if (model is ILocalReferenceOperation lr)
                {
                    FitFacts(lr.Local, flow, out callbacks, out validation);
                }
            }

            return new TrainingSetup(KerasNetAdapter.Api, family, loss, metrics, head, callbacks, validation);
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
            var elements = flow.ArrayElements(value, out var inline, ct, readsOnly);
            if (elements == null) return null;
            var list = ImmutableArray.CreateBuilder<MetricInfo>(elements.Value.Length);
            for (var i = 0; i < elements.Value.Length; i++)
            {
                var e = elements.Value[i];
                // Removing the only element of `new[] { ... }` would leave an array whose type cannot be inferred.
                var removable = inline && !(elements.Value.Length == 1 && value.Syntax is ImplicitArrayCreationExpressionSyntax);
                list.Add(new MetricInfo(flow.String(e, ct), i, removable ? e.Syntax.GetLocation() : null));
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
                return AddCalls(lr.Local, flow, before, baseLayers);
            }

            if (model is IObjectCreationOperation creation)
            {
                if (Operations.Is(creation.Type, s.Sequential))
                {
                    if (creation.Arguments.Length == 0) return new List<IOperation?>();
                    var elements = flow.ArrayElements(creation.Arguments[0].Value, out _, ct, readsOnly);
                    return elements?.Select(e => (IOperation?)Operations.Unwrap(e)).ToList();
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

        /// <summary>Appends the Add calls on a Sequential local made before <paramref name="before"/>, in source order.</summary>
        private List<IOperation?>? AddCalls(ILocalSymbol local, MemberFlow flow, int before, List<IOperation?> layers)
        {
            var adds = new List<(int Position, IOperation? Layer, bool Conditional)>();
            var scope = flow.DeclarationScope(local, ct);
            foreach (var read in flow.Reads(local, ct))
            {
                if (read.Syntax.SpanStart >= before) continue;
                var parent = read.Parent;
                while (parent is IConversionOperation || parent is IParenthesizedOperation) parent = parent.Parent;
                if (parent is IInvocationOperation inv && inv.Instance != null && Operations.Unwrap(inv.Instance) == read)
                {
                    if (Operations.IsOneOf(inv.TargetMethod, s.Add))
                    {
                        var arg = inv.Arguments.Length == 1 ? flow.Trace(inv.Arguments[0].Value, ct) : null;
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
        private List<IOperation?>? Functional(IOperation output, MemberFlow flow)
        {
            var reversed = new List<IOperation?>();
            var current = flow.Trace(output, ct);
            while (reversed.Count < MaxLayers)
            {
                ct.ThrowIfCancellationRequested();
                if (current is IInvocationOperation inv && Operations.IsOneOf(inv.TargetMethod, s.Set) && inv.Instance != null)
                {
                    reversed.Add(flow.Trace(inv.Instance, ct));
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
            var helperFlow = MemberFlow.For(bodyOp);
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
                if (Operations.Is(type, s.Dropout)) continue;
                if (Operations.Is(type, s.Activation))
                {
                    if (act == null)
                    {
                        var a = Operations.Argument(layer.Arguments, "act");
                        if (a == null) return null;
                        var site = MemberFlow.For(layer).String(a.Value, ct);
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
                    var flow = MemberFlow.For(layer);
                    var unitsArg = Operations.Argument(layer.Arguments, "units");
                    var units = unitsArg == null ? null : flow.TraceNumber(unitsArg.Value, ct);
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
        private void FitFacts(ILocalSymbol model, MemberFlow flow, out ImmutableArray<CallbackInfo> callbacks, out bool? validation)
        {
            var list = ImmutableArray.CreateBuilder<CallbackInfo>();
            validation = null;
            var fits = 0;
            var disagree = false;
            foreach (var read in flow.Reads(model, ct))
            {
                ct.ThrowIfCancellationRequested();
                var parent = read.Parent;
                while (parent is IConversionOperation) parent = parent.Parent;
                if (!(parent is IInvocationOperation fit) || !Operations.IsOneOf(fit.TargetMethod, s.Fit)) continue;
                var v = Validation(fit);
                if (fits == 0) validation = v;
                else if (validation != v) disagree = true;
                fits++;

                var cb = Operations.Argument(fit.Arguments, "callbacks");
                if (!Operations.IsExplicit(cb)) continue;
                var elements = flow.ArrayElements(cb!.Value, out _, ct, readsOnly);
                if (elements == null) continue;
                foreach (var e in elements.Value)
                {
                    if (flow.Trace(e, ct) is IObjectCreationOperation creation && Callback(creation, flow) is { } info) list.Add(info);
                }
            }

            if (disagree) validation = null;
            callbacks = list.ToImmutable();
        }

        private static bool? Validation(IInvocationOperation fit)
        {
            var data = Operations.Argument(fit.Arguments, "validation_data");
            var split = Operations.Argument(fit.Arguments, "validation_split");
            bool? hasData = false, hasSplit = false;
            if (Operations.IsExplicit(data))
            {
                var v = Operations.Unwrap(data!.Value);
                hasData = v.ConstantValue.HasValue && v.ConstantValue.Value == null ? false : true;
            }

            if (Operations.IsExplicit(split))
            {
                var n = MemberFlow.Number(split!.Value);
                hasSplit = n == null ? (bool?)null : n > 0;
            }

            if (hasData == true || hasSplit == true) return true;
            if (hasData == null || hasSplit == null) return null;
            return false;
        }

        private CallbackInfo? Callback(IObjectCreationOperation creation, MemberFlow flow)
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

            var creationFlow = MemberFlow.For(creation);
            var monitorArg = Operations.Argument(creation.Arguments, "monitor");
            ValueSite monitor;
            if (Operations.IsExplicit(monitorArg))
            {
                monitor = creationFlow.String(monitorArg!.Value, ct);
            }
            else
            {
                var def = monitorArg?.Parameter?.HasExplicitDefaultValue == true ? monitorArg.Parameter.ExplicitDefaultValue as string : null;
                monitor = new ValueSite(def, creation.Syntax.GetLocation(), null, useIsValue: false);
            }

            var modeArg = Operations.Argument(creation.Arguments, "mode");
            var mode = Operations.IsExplicit(modeArg) ? creationFlow.String(modeArg!.Value, ct) : null;
            return new CallbackInfo(kind, name, monitor, !Operations.IsExplicit(monitorArg), mode, creation.Syntax.GetLocation());
        }
    }
}
