using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KerasLint.TorchSharp
{
    /// <summary>
    /// Per-compilation state shared by every TorchSharp rule: the resolved symbols and a cache of recognised
    /// training steps (each loss call is recognised once for all rules).
    /// </summary>
    internal sealed class TorchSharpContext
    {
        public const string Library = "TorchSharp";

        private static readonly ConditionalWeakTable<Compilation, Holder> Cache = new ConditionalWeakTable<Compilation, Holder>();

        private readonly ConcurrentDictionary<SyntaxNode, (TorchTrainingStep? Step, bool Deferred)> steps = new ConcurrentDictionary<SyntaxNode, (TorchTrainingStep?, bool)>();
        private readonly ConcurrentDictionary<SyntaxNode, TorchTrainingStep?> endSteps = new ConcurrentDictionary<SyntaxNode, TorchTrainingStep?>();
        private readonly ConcurrentDictionary<SyntaxNode, IOperation> blocks = new ConcurrentDictionary<SyntaxNode, IOperation>();

        private TorchSharpContext(TorchSharpSymbols symbols) => Symbols = symbols;

        public TorchSharpSymbols Symbols { get; }

        /// <summary>The context for a compilation, or null when it does not reference TorchSharp.</summary>
        public static TorchSharpContext? For(Compilation compilation) =>
            Cache.GetValue(compilation, c => new Holder(TorchSharpSymbols.TryCreate(c) is { } s ? new TorchSharpContext(s) : null)).Context;

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

        /// <summary>Collects the operation blocks of the compilation (methods, constructors, initializers) for <see cref="StepAtEnd"/>.</summary>
        public void AddBlocks(ImmutableArray<IOperation> operationBlocks)
        {
            foreach (var block in operationBlocks)
            {
                var root = block;
                while (root.Parent != null) root = root.Parent;
                blocks.TryAdd(root.Syntax, root);
                blocks.TryAdd(block.Syntax, block);
            }
        }

        /// <summary>The training step of a deferred loss call, following code in every file (call at compilation end only).</summary>
        public TorchTrainingStep? StepAtEnd(IInvocationOperation invocation, CancellationToken cancellationToken) =>
            endSteps.GetOrAdd(invocation.Syntax, key => TrainingStepRecognizer.Recognize(
                Symbols, invocation, node => blocks.TryGetValue(node, out var op) ? op : null, out _, cancellationToken));

        private sealed class Holder
        {
            public Holder(TorchSharpContext? context) => Context = context;

            public TorchSharpContext? Context { get; }
        }
    }
}
