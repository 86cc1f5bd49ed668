using System.Collections.Concurrent;
using System.Globalization;
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
    /// loss calls into <see cref="TorchTrainingStep"/> (each once for every rule) and dropout into <see cref="DropoutInfo"/>.
    /// A step whose model lives in another file is decided at compilation end from the bodies collected by
    /// <see cref="AddBlocks"/>, which keeps only what that lookup can need: members of Module subclasses and of types
    /// that hold modules or tensors, and methods that return one.
    /// </summary>
    internal sealed class TorchSharpAdapter : IDropoutAdapter
    {
        public const string Library = "TorchSharp";

        private readonly ConcurrentDictionary<SyntaxNode, (TorchTrainingStep? Step, bool Deferred)> steps = new ConcurrentDictionary<SyntaxNode, (TorchTrainingStep?, bool)>();
        private readonly ConcurrentDictionary<SyntaxNode, TorchTrainingStep?> endSteps = new ConcurrentDictionary<SyntaxNode, TorchTrainingStep?>();
        private readonly ConcurrentDictionary<SyntaxNode, (TorchReadout? Readout, bool Deferred)> readouts = new ConcurrentDictionary<SyntaxNode, (TorchReadout?, bool)>();
        private readonly ConcurrentDictionary<IMethodSymbol, ConcurrentDictionary<SyntaxNode, IInvocationOperation>> callers = new ConcurrentDictionary<IMethodSymbol, ConcurrentDictionary<SyntaxNode, IInvocationOperation>>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<SyntaxNode, TorchReadout?> endReadouts = new ConcurrentDictionary<SyntaxNode, TorchReadout?>();
        private readonly ConcurrentDictionary<SyntaxNode, IOperation> blocks = new ConcurrentDictionary<SyntaxNode, IOperation>();
        private readonly ConcurrentDictionary<INamedTypeSymbol, bool> typesHoldingModels = new ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ITypeSymbol, bool> modelTypes = new ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, bool> owners = new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);

        private TorchSharpAdapter(TorchSharpSymbols symbols) => Symbols = symbols;

        public TorchSharpSymbols Symbols { get; }

        /// <summary>The adapter, or null when the compilation does not reference TorchSharp.</summary>
        public static TorchSharpAdapter? TryCreate(Compilation compilation) =>
            TorchSharpSymbols.TryCreate(compilation) is { } s ? new TorchSharpAdapter(s) : null;

        /// <summary>
        /// The training step of a loss call from the code of its own file, recognised once per compilation; null when
        /// it is not one or not decided. <paramref name="deferred"/>: the prediction (or the loss) depends on code in
        /// other files, so <see cref="StepAtEnd"/> decides it at compilation end.
        /// </summary>
        public TorchTrainingStep? StepFor(IInvocationOperation invocation, CancellationToken cancellationToken, out bool deferred)
        {
            deferred = false;
            if (!TrainingStepRecognizer.IsCandidate(Symbols, invocation)) return null;
            var result = steps.GetOrAdd(invocation.Syntax, _ =>
            {
                var step = TrainingStepRecognizer.Recognize(Symbols, invocation, null, out var needsOtherTrees, cancellationToken);
                return (step, needsOtherTrees && (step == null || !step.Head.IsKnown));
            });
            deferred = result.Deferred;
            return result.Step;
        }

        /// <summary>
        /// The read-out a metric expression applies to a prediction (<see cref="TorchReadout"/>), recognised once per
        /// compilation from the code of its own file; null when it is not one. <paramref name="deferred"/>: the
        /// prediction depends on code in other files, so <see cref="ReadoutAtEnd"/> decides it at compilation end.
        /// </summary>
        public TorchReadout? ReadoutFor(IOperation operation, CancellationToken cancellationToken, out bool deferred)
        {
            deferred = false;
            if (!ReadoutRecognizer.IsCandidate(Symbols, operation)) return null;
            var result = readouts.GetOrAdd(operation.Syntax, _ =>
            {
                var readout = ReadoutRecognizer.Recognize(Symbols, operation, null, null, out var needsOtherTrees, cancellationToken);
                return (readout, needsOtherTrees && (readout == null || !readout.Head.IsKnown));
            });
            deferred = result.Deferred;
            return result.Readout;
        }

        /// <summary>The read-out of a deferred operation, following code in every file (call at compilation end only).</summary>
        public TorchReadout? ReadoutAtEnd(IOperation operation, CancellationToken cancellationToken) =>
            endReadouts.GetOrAdd(operation.Syntax, key => ReadoutRecognizer.Recognize(
                Symbols, operation, node => blocks.TryGetValue(node, out var op) ? op : null, CallersOf, out _, cancellationToken));

        /// <summary>Notes a call of a project method that takes a tensor (a metric helper's callers decide what its parameter holds).</summary>
        public void NoteCall(IOperation operation)
        {
            if (!(operation is IInvocationOperation invocation)) return;
            var method = invocation.TargetMethod;
            if (method.MethodKind != MethodKind.Ordinary || !method.Parameters.Any(p => Symbols.IsTensor(p.Type)) || !method.Locations.Any(l => l.IsInSource)) return;
            callers.GetOrAdd(method.OriginalDefinition, _ => new ConcurrentDictionary<SyntaxNode, IInvocationOperation>()).TryAdd(invocation.Syntax, invocation);
        }

        /// <summary>Every noted call site of the method (complete at compilation end).</summary>
        private System.Collections.Generic.IReadOnlyList<IInvocationOperation> CallersOf(IMethodSymbol method) =>
            callers.TryGetValue(method.OriginalDefinition, out var sites) ? sites.Values.ToList() : (System.Collections.Generic.IReadOnlyList<IInvocationOperation>)System.Array.Empty<IInvocationOperation>();

        /// <summary>Keeps the blocks a cross-file lookup may follow (see the class summary); drops the rest.</summary>
        public void AddBlocks(ISymbol owner, System.Collections.Immutable.ImmutableArray<IOperation> operationBlocks)
        {
            // Every TorchSharp rule offers the blocks; the decision is made once per member.
            if (!owners.GetOrAdd(owner, MayHoldModel)) return;
            foreach (var block in operationBlocks)
            {
                var root = Operations.Root(block);
                blocks.TryAdd(root.Syntax, root);
                blocks.TryAdd(block.Syntax, block);
            }
        }

        private bool MayHoldModel(ISymbol owner)
        {
            if (owner is IMethodSymbol method && IsModelType(method.ReturnType))
            {
                return true;
            }

            var type = owner.ContainingType;
            return type != null && typesHoldingModels.GetOrAdd(type, HoldsModel);
        }

        /// <summary>A module or tensor type (cached: the check walks base types and interfaces, and every member's type is asked).</summary>
        private bool IsModelType(ITypeSymbol type) =>
            type.SpecialType == SpecialType.None && type.TypeKind is TypeKind.Class or TypeKind.Interface
            && modelTypes.GetOrAdd(type, t => Symbols.IsModule(t, 1) || Symbols.IsModule(t, 2) || Symbols.IsTensor(t));

        /// <summary>A Module subclass, or a type with a field or property of a module or tensor type.</summary>
        private bool HoldsModel(INamedTypeSymbol type)
        {
            if (Symbols.IsModule(type, 1) || Symbols.IsModule(type, 2)) return true;
            foreach (var member in type.GetMembers())
            {
                var memberType = member switch
                {
                    IFieldSymbol f => f.Type,
                    IPropertySymbol p => p.Type,
                    _ => null,
                };
                if (memberType != null && IsModelType(memberType)) return true;
            }

            return false;
        }

        /// <summary>The training step of a deferred loss call, following code in every file (call at compilation end only).</summary>
        public TorchTrainingStep? StepAtEnd(IInvocationOperation invocation, CancellationToken cancellationToken) =>
            endSteps.GetOrAdd(invocation.Syntax, key => TrainingStepRecognizer.Recognize(
                Symbols, invocation, node => blocks.TryGetValue(node, out var op) ? op : null, out _, cancellationToken));

        /// <summary>The loss as the user wrote it: the class for modules, the function for functional calls.</summary>
        public static string LossName(TorchLossKind loss, TorchLossForm form) => (loss, form) switch
        {
            (TorchLossKind.CrossEntropy, TorchLossForm.Module) => "CrossEntropyLoss",
            (TorchLossKind.CrossEntropy, _) => "functional.cross_entropy",
            (TorchLossKind.NllLoss, TorchLossForm.Module) => "NLLLoss",
            (TorchLossKind.NllLoss, _) => "functional.nll_loss",
            (TorchLossKind.Bce, TorchLossForm.Module) => "BCELoss",
            (TorchLossKind.Bce, _) => "functional.binary_cross_entropy",
            (TorchLossKind.BceWithLogits, TorchLossForm.Module) => "BCEWithLogitsLoss",
            (TorchLossKind.BceWithLogits, _) => "functional.binary_cross_entropy_with_logits",
            (TorchLossKind.Mse, TorchLossForm.Module) => "MSELoss",
            (TorchLossKind.Mse, _) => "functional.mse_loss",
            (TorchLossKind.L1, TorchLossForm.Module) => "L1Loss",
            (TorchLossKind.L1, _) => "functional.l1_loss",
            (TorchLossKind.Huber, TorchLossForm.Module) => "HuberLoss",
            (TorchLossKind.Huber, _) => "functional.huber_loss",
            (TorchLossKind.SmoothL1, TorchLossForm.Module) => "SmoothL1Loss",
            _ => "functional.smooth_l1_loss",
        };

        public DropoutInfo? Dropout(IOperation operation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            if (!(operation is IInvocationOperation invocation) || !invocation.TargetMethod.IsStatic || !Symbols.IsDropout(invocation.TargetMethod)) return null;
            var argument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "p");
            if (!Operations.IsExplicit(argument)) return null;
            var rate = MemberFlow.For(invocation).TraceNumber(argument!.Value, cancellationToken);
            if (rate == null) return null;
            var p = rate.Value;
            string? behaviour = double.IsNaN(p) || (p >= 0 && p < 1) ? null
                : p == 1 ? "TorchSharp zeroes every activation while training (verified with TorchSharp 0.107), so nothing reaches the next layer and it cannot learn"
                : "TorchSharp accepts it at construction and throws ExternalException at the first forward (p must lie in [0, 1])";
            return new DropoutInfo(p, argument.Value.Syntax.GetLocation(), behaviour);
        }
    }
}
