using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using KerasLint.Analysis;
using KerasLint.Analysis.ValueFlow;
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
    /// member or file is decided at once, while the loss call's document is analysed: the compilation's
    /// <see cref="ProgramFlow"/> (created by the engine at compilation start) binds the declarations and call sites
    /// the lookup follows on demand, once per compilation, within its budgets.
    /// </summary>
    internal sealed class TorchSharpAdapter : IDropoutAdapter, IStepAdapter
    {
        public const string Library = "TorchSharp";

        private readonly ProgramFlow program;
        private readonly ConcurrentDictionary<SyntaxNode, TorchTrainingStep?> steps = new ConcurrentDictionary<SyntaxNode, TorchTrainingStep?>();
        private readonly ConcurrentDictionary<SyntaxNode, TorchReadout?> readouts = new ConcurrentDictionary<SyntaxNode, TorchReadout?>();

        private TorchSharpAdapter(ProgramFlow program, TorchSharpSymbols symbols)
        {
            this.program = program;
            Symbols = symbols;
        }

        public TorchSharpSymbols Symbols { get; }

        /// <summary>The adapter, or null when the compilation does not reference TorchSharp.</summary>
        public static TorchSharpAdapter? TryCreate(Compilation compilation, ProgramFlow program) =>
            TorchSharpSymbols.TryCreate(compilation) is { } s ? new TorchSharpAdapter(program, s) : null;

        /// <summary>TorchSharp as the engines see it (<see cref="LibraryRegistration"/>): training steps, read-outs and dropout; no options.</summary>
        internal static RegisteredLibrary Registration { get; } = RegisteredLibrary.Of<TorchSharpAdapter>(TryCreate);

        /// <summary>The training step of a loss call, recognised once per compilation; null when it is not one.</summary>
        public TorchTrainingStep? StepFor(IInvocationOperation invocation, CancellationToken cancellationToken) =>
            TrainingStepRecognizer.IsCandidate(Symbols, invocation) ? RecognizeStepOnce(invocation, cancellationToken) : null;

        // Apart from StepFor so that the closure is allocated for candidates only (StepFor runs on every invocation).
        private TorchTrainingStep? RecognizeStepOnce(IInvocationOperation invocation, CancellationToken cancellationToken) =>
            steps.GetOrAdd(invocation.Syntax, node => TrainingStepRecognizer.Recognize(Symbols, program, invocation, out _, cancellationToken));

        /// <summary>The read-out a metric expression applies to a prediction (<see cref="TorchReadout"/>), recognised once per compilation; null when it is not one.</summary>
        public TorchReadout? ReadoutFor(IOperation operation, CancellationToken cancellationToken) =>
            ReadoutRecognizer.IsCandidate(Symbols, operation) ? RecognizeReadoutOnce(operation, cancellationToken) : null;

        // Apart from ReadoutFor so that the closure is allocated for candidates only (ReadoutFor runs on every invocation and binary operator).
        private TorchReadout? RecognizeReadoutOnce(IOperation operation, CancellationToken cancellationToken) =>
            readouts.GetOrAdd(operation.Syntax, _ => ReadoutRecognizer.Recognize(Symbols, program, operation, cancellationToken));

        public DropoutInfo? Dropout(IOperation operation, Analysis.ValueFlow.ProgramFlow program, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            if (!(operation is IInvocationOperation invocation) || !invocation.TargetMethod.IsStatic || !Symbols.IsDropout(invocation.TargetMethod)) return null;
            var argument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "p");
            if (!Operations.IsExplicit(argument)) return null;
            var rate = program.Member(invocation).TraceNumber(argument!.Value, cancellationToken);
            if (rate == null) return null;
            var p = rate.Value;
            string? behaviour = double.IsNaN(p) || (p >= 0 && p < 1) ? null
                : p == 1 ? "TorchSharp zeroes every activation in training, so it cannot learn"
                : "TorchSharp throws ExternalException at the first forward";
            return new DropoutInfo(p, argument.Value.Syntax.GetLocation(), behaviour);
        }
    }
}
