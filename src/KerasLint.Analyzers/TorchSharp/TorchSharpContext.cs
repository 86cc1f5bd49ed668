using System;
using System.Collections.Concurrent;
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

        private readonly ConcurrentDictionary<SyntaxNode, TorchTrainingStep?> steps = new ConcurrentDictionary<SyntaxNode, TorchTrainingStep?>();

        private TorchSharpContext(TorchSharpSymbols symbols) => Symbols = symbols;

        public TorchSharpSymbols Symbols { get; }

        /// <summary>The context for a compilation, or null when it does not reference TorchSharp.</summary>
        public static TorchSharpContext? For(Compilation compilation) =>
            Cache.GetValue(compilation, c => new Holder(TorchSharpSymbols.TryCreate(c) is { } s ? new TorchSharpContext(s) : null)).Context;

        /// <summary>The training step of a loss call, recognised once per compilation; null when it is not one.</summary>
        public TorchTrainingStep? StepFor(IInvocationOperation invocation, CancellationToken cancellationToken)
        {
            if (!TrainingStepRecognizer.IsCandidate(Symbols, invocation)) return null;
            if (steps.TryGetValue(invocation.Syntax, out var cached)) return cached;
            var step = TrainingStepRecognizer.Recognize(Symbols, invocation, cancellationToken);
            return steps.GetOrAdd(invocation.Syntax, step);
        }

        private sealed class Holder
        {
            public Holder(TorchSharpContext? context) => Context = context;

            public TorchSharpContext? Context { get; }
        }
    }
}
