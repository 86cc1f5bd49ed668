using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using KerasLint.Analysis;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KerasLint.Libraries.TorchSharp
{
    /// <summary>
    /// TorchSharp (no compile: hand-written training steps): its symbols, resolved once per compilation; recognises
    /// loss calls into <see cref="TorchTrainingStep"/> and metric read-outs into <see cref="TorchReadout"/> (each once
    /// for every rule) and dropout into <see cref="DropoutInfo"/>. A step or read-out whose model lives in another
    /// file is decided at compilation end: the declarations its lookup follows there are bound then, on demand
    /// (<see cref="OperationAtEnd"/>); nothing of the other members' operation trees is kept meanwhile.
    /// </summary>
    internal sealed class TorchSharpAdapter : IDropoutAdapter, IStepAdapter
    {
        public const string Library = "TorchSharp";

        private readonly Compilation compilation;
        private readonly ConcurrentDictionary<SyntaxNode, (TorchTrainingStep? Step, bool Deferred)> steps = new ConcurrentDictionary<SyntaxNode, (TorchTrainingStep?, bool)>();
        private readonly ConcurrentDictionary<SyntaxNode, TorchTrainingStep?> endSteps = new ConcurrentDictionary<SyntaxNode, TorchTrainingStep?>();
        private readonly ConcurrentDictionary<SyntaxNode, (TorchReadout? Readout, bool Deferred)> readouts = new ConcurrentDictionary<SyntaxNode, (TorchReadout?, bool)>();
        private readonly ConcurrentDictionary<SyntaxNode, TorchReadout?> endReadouts = new ConcurrentDictionary<SyntaxNode, TorchReadout?>();

        /// <summary>Call sites (syntax only) of project methods that take a tensor, per method: a metric helper's callers decide what its parameter holds.</summary>
        private readonly ConcurrentDictionary<IMethodSymbol, ConcurrentDictionary<SyntaxNode, bool>> callers = new ConcurrentDictionary<IMethodSymbol, ConcurrentDictionary<SyntaxNode, bool>>(SymbolEqualityComparer.Default);

        /// <summary>Filled at compilation end only: the semantic model of each tree a deferred lookup enters, and the operations it asked for.</summary>
        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> endModels = new ConcurrentDictionary<SyntaxTree, SemanticModel>();
        private readonly ConcurrentDictionary<SyntaxNode, IOperation?> endOperations = new ConcurrentDictionary<SyntaxNode, IOperation?>();

        /// <summary>The constructor calls of the compilation, indexed on first use at compilation end.</summary>
        private readonly ConstructorCallSites constructorCalls;

        private TorchSharpAdapter(Compilation compilation, TorchSharpSymbols symbols)
        {
            this.compilation = compilation;
            constructorCalls = new ConstructorCallSites(compilation);
            Symbols = symbols;
        }

        public TorchSharpSymbols Symbols { get; }

        /// <summary>The adapter, or null when the compilation does not reference TorchSharp.</summary>
        public static TorchSharpAdapter? TryCreate(Compilation compilation) =>
            TorchSharpSymbols.TryCreate(compilation) is { } s ? new TorchSharpAdapter(compilation, s) : null;

        /// <summary>
        /// The training step of a loss call from the code of its own file, recognised once per compilation; null when
        /// it is not one or not decided. <paramref name="deferred"/>: the prediction (or the loss) depends on code in
        /// other files, so <see cref="StepAtEnd"/> decides it at compilation end.
        /// </summary>
        public TorchTrainingStep? StepFor(IInvocationOperation invocation, CancellationToken cancellationToken, out bool deferred)
        {
            deferred = false;
            if (!TrainingStepRecognizer.IsCandidate(Symbols, invocation)) return null;
            var result = RecognizeStepOnce(invocation, cancellationToken);
            deferred = result.Deferred;
            return result.Step;
        }

        // Apart from StepFor so that the closure is allocated for candidates only (StepFor runs on every invocation).
        private (TorchTrainingStep? Step, bool Deferred) RecognizeStepOnce(IInvocationOperation invocation, CancellationToken cancellationToken) =>
            steps.GetOrAdd(invocation.Syntax, _ =>
            {
                var step = TrainingStepRecognizer.Recognize(Symbols, invocation, null, null, out var needsOtherTrees, out var needsConstructorCalls, out var work, cancellationToken);
                return (step, (needsOtherTrees && (step == null || !step.Head.IsKnown)) || needsConstructorCalls);
            });

        /// <summary>
        /// The read-out a metric expression applies to a prediction (<see cref="TorchReadout"/>), recognised once per
        /// compilation from the code of its own file; null when it is not one. <paramref name="deferred"/>: the
        /// prediction depends on code in other files, so <see cref="ReadoutAtEnd"/> decides it at compilation end.
        /// </summary>
        public TorchReadout? ReadoutFor(IOperation operation, CancellationToken cancellationToken, out bool deferred)
        {
            deferred = false;
            if (!ReadoutRecognizer.IsCandidate(Symbols, operation)) return null;
            var result = RecognizeReadoutOnce(operation, cancellationToken);
            deferred = result.Deferred;
            return result.Readout;
        }

        // Apart from ReadoutFor so that the closure is allocated for candidates only (ReadoutFor runs on every invocation and binary operator).
        private (TorchReadout? Readout, bool Deferred) RecognizeReadoutOnce(IOperation operation, CancellationToken cancellationToken) =>
            readouts.GetOrAdd(operation.Syntax, _ =>
            {
                var readout = ReadoutRecognizer.Recognize(Symbols, operation, null, null, out var needsOtherTrees, cancellationToken);
                return (readout, needsOtherTrees && (readout == null || !readout.Head.IsKnown));
            });

        /// <summary>The read-out of a deferred operation, following code in every file (call at compilation end only).</summary>
        public TorchReadout? ReadoutAtEnd(IOperation operation, CancellationToken cancellationToken) =>
            endReadouts.GetOrAdd(operation.Syntax, key => ReadoutRecognizer.Recognize(
                Symbols, operation, node => OperationAtEnd(node, cancellationToken), method => CallersOf(method, cancellationToken), out _, cancellationToken));

        /// <summary>Notes a call of a project method that takes a tensor (a metric helper's callers decide what its parameter holds).</summary>
        public void NoteCall(IOperation operation)
        {
            if (!(operation is IInvocationOperation invocation)) return;
            var method = invocation.TargetMethod;
            if (method.MethodKind != MethodKind.Ordinary || !TakesTensor(method) || !IsInSource(method)) return;
            callers.GetOrAdd(method.OriginalDefinition, _ => new ConcurrentDictionary<SyntaxNode, bool>()).TryAdd(invocation.Syntax, true);
        }

        private bool TakesTensor(IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                if (Symbols.IsTensor(parameter.Type)) return true;
            }

            return false;
        }

        private static bool IsInSource(ISymbol symbol)
        {
            foreach (var location in symbol.Locations)
            {
                if (location.IsInSource) return true;
            }

            return false;
        }

        /// <summary>Every noted call site of the method, bound again (call at compilation end only, when the list is complete).</summary>
        private IReadOnlyList<IInvocationOperation> CallersOf(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (!callers.TryGetValue(method.OriginalDefinition, out var sites)) return System.Array.Empty<IInvocationOperation>();
            var result = new List<IInvocationOperation>();
            foreach (var site in sites.Keys.OrderBy(n => n.SyntaxTree.FilePath, System.StringComparer.Ordinal).ThenBy(n => n.SpanStart))
            {
                if (OperationAtEnd(site, cancellationToken) is IInvocationOperation call) result.Add(call);
            }

            return result;
        }

        /// <summary>
        /// The operation of a declaration or call in any file, bound at compilation end for a deferred lookup (once per
        /// node; one semantic model per tree it enters). Only what deferred steps and read-outs follow is bound again.
        /// </summary>
        private IOperation? OperationAtEnd(SyntaxNode node, CancellationToken cancellationToken) =>
            endOperations.GetOrAdd(node, n =>
            {
#pragma warning disable RS1030 // Compilation end: no semantic model of the driver's is at hand, and only the few declarations a deferred lookup follows are bound.
                var model = endModels.GetOrAdd(n.SyntaxTree, tree => compilation.GetSemanticModel(tree));
#pragma warning restore RS1030
                return model.GetOperation(n, cancellationToken);
            });

        /// <summary>The training step of a deferred loss call, following code in every file (call at compilation end only).</summary>
        public TorchTrainingStep? StepAtEnd(IInvocationOperation invocation, CancellationToken cancellationToken) =>
            endSteps.GetOrAdd(invocation.Syntax, key => TrainingStepRecognizer.Recognize(
                Symbols, invocation, node => OperationAtEnd(node, cancellationToken), constructor => ConstructorCallsOf(constructor, cancellationToken), out _, out _, out _, cancellationToken));

        /// <summary>Every call of a source constructor in the compilation, bound (call at compilation end only); null when a caller may be hidden.</summary>
        private IReadOnlyList<IOperation>? ConstructorCallsOf(IMethodSymbol constructor, CancellationToken cancellationToken) =>
            constructorCalls.CallsOf(constructor, node => OperationAtEnd(node, cancellationToken), cancellationToken);

        public DropoutInfo? Dropout(IOperation operation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            if (!(operation is IInvocationOperation invocation) || !invocation.TargetMethod.IsStatic || !Symbols.IsDropout(invocation.TargetMethod)) return null;
            var argument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "p");
            if (!Operations.IsExplicit(argument)) return null;
            var rate = MemberFlow.For(invocation).TraceNumber(argument!.Value, cancellationToken);
            if (rate == null) return null;
            var p = rate.Value;
            string? behaviour = double.IsNaN(p) || (p >= 0 && p < 1) ? null
                : p == 1 ? "TorchSharp zeroes every activation in training, so it cannot learn"
                : "TorchSharp throws ExternalException at the first forward";
            return new DropoutInfo(p, argument.Value.Syntax.GetLocation(), behaviour);
        }
    }
}
