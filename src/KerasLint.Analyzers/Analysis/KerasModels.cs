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
        /// <summary>Appends the <paramref name="add"/> calls on a Sequential local made before <paramref name="before"/>, in source order; null when the layers may change elsewhere.</summary>
        public static List<IOperation?>? AddCalls(ILocalSymbol local, MemberFlow flow, int before, List<IOperation?> layers, ImmutableArray<IMethodSymbol> add, CancellationToken ct)
        {
            var adds = new List<(int Position, IOperation? Layer, bool Conditional)>();
            var scope = flow.DeclarationScope(local, ct);
            foreach (var read in flow.Reads(local, ct))
            {
                if (read.Syntax.SpanStart >= before) continue;
                var parent = Operations.ParentSkippingWrappers(read);
                if (parent is IInvocationOperation inv && inv.Instance != null && Operations.Unwrap(inv.Instance) == read)
                {
                    if (Operations.IsOneOf(inv.TargetMethod, add))
                    {
                        var arg = inv.Arguments.Length == 1 ? flow.Trace(inv.Arguments[0].Value, ct) : null;
                        adds.Add((inv.Syntax.SpanStart, arg, Operations.IsConditional(inv, scope)));
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
            if (adds.Count > 0 && adds[adds.Count - 1].Conditional) return null;
            layers.AddRange(adds.Where(a => !a.Conditional).Select(a => a.Layer));
            if (adds.Any(a => a.Conditional)) layers.Insert(0, null);
            return layers;
        }

        /// <summary>One hop into a helper method declared in the same file: the value it returns, its body's flow and the return's position.</summary>
        public static (IOperation Returned, MemberFlow Flow, int Position)? HelperReturn(IInvocationOperation call, CancellationToken ct)
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
            if (body == null || call.SemanticModel.GetOperation(body, ct) is not { } bodyOp) return null;
            var flow = MemberFlow.For(bodyOp);
            if (body is ExpressionSyntax) return (bodyOp, flow, body.Span.End);
            var returns = Operations.DescendantsOutsideLambdas(bodyOp).OfType<IReturnOperation>().Where(r => r.ReturnedValue != null).ToList();
            return returns.Count == 1 ? (returns[0].ReturnedValue!, flow, returns[0].Syntax.SpanStart) : ((IOperation, MemberFlow, int)?)null;
        }

        /// <summary>
        /// The fit calls on a model local: the callbacks recognised in their callbacks argument, whether they get
        /// validation data (null when not visible or when the fit calls disagree), and the keys read from the logs of
        /// the History they return (<paramref name="isHistoryLogs"/>: the History's logs dictionary property).
        /// </summary>
        public static void FitFacts(ILocalSymbol model, MemberFlow flow, ImmutableArray<IMethodSymbol> fitMethods,
            System.Func<IOperation, ImmutableArray<IOperation>?> elements, System.Func<IObjectCreationOperation, CallbackInfo?> callback,
            System.Func<IPropertySymbol, bool> isHistoryLogs,
            CancellationToken ct, out ImmutableArray<CallbackInfo> callbacks, out bool? validation, out ImmutableArray<HistoryLookup> lookups)
        {
            var list = ImmutableArray.CreateBuilder<CallbackInfo>();
            var keys = ImmutableArray.CreateBuilder<HistoryLookup>();
            validation = null;
            var fits = 0;
            var disagree = false;
            foreach (var read in flow.Reads(model, ct))
            {
                ct.ThrowIfCancellationRequested();
                if (!(Operations.ParentSkippingWrappers(read) is IInvocationOperation fit) || !Operations.IsOneOf(fit.TargetMethod, fitMethods)) continue;
                var v = Operations.FitValidation(fit);
                if (fits == 0) validation = v;
                else if (validation != v) disagree = true;
                fits++;
                HistoryLookups(fit, flow, isHistoryLogs, keys, ct);

                var cb = Operations.Argument(fit.Arguments, "callbacks");
                if (!Operations.IsExplicit(cb) || elements(cb!.Value) is not { } values) continue;
                foreach (var e in values)
                {
                    if (flow.Trace(e, ct) is IObjectCreationOperation creation && callback(creation) is { } info) list.Add(info);
                }
            }

            if (disagree) validation = null;
            callbacks = list.ToImmutable();
            lookups = keys.ToImmutable();
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

        /// <summary>A monitoring callback's monitor (its parameter default when omitted) and mode arguments.</summary>
        public static CallbackInfo Callback(MonitorCallback kind, string name, IObjectCreationOperation creation, CancellationToken ct)
        {
            var flow = MemberFlow.For(creation);
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
