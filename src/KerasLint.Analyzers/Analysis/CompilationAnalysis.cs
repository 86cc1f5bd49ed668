using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KerasLint.Analysis
{
    /// <summary>
    /// The setup engine's context for one compilation (<see cref="KerasLintSetupAnalyzer"/>, created at compilation
    /// start, dropped with it): the adapters of the compile-based libraries it references, the compilation's value
    /// flow (<see cref="Program"/>), and per-compilation caches of immutable facts (the training setups recognised per
    /// member body).
    /// Rules get neutral models from here and never see a library's symbols.
    /// </summary>
    internal sealed class CompilationAnalysis
    {
        private readonly ConditionalWeakTable<IOperation, MemberSetups> members = new ConditionalWeakTable<IOperation, MemberSetups>();

        private CompilationAnalysis(ImmutableArray<ISetupAdapter> setupAdapters, ValueFlow.ProgramFlow program)
        {
            SetupAdapters = setupAdapters;
            Program = program;
        }

        /// <summary>The compilation's value flow (member bodies and whole program), shared by every adapter of this engine.</summary>
        public ValueFlow.ProgramFlow Program { get; }

        /// <summary>Libraries whose training is configured by a compile call (Keras.NET, TensorFlow.NET).</summary>
        public ImmutableArray<ISetupAdapter> SetupAdapters { get; }

        /// <summary>The analysis of a compilation (created by the setup engine at compilation start), or null when it references no compile-based library.</summary>
        public static CompilationAnalysis? ForSetups(Compilation compilation)
        {
            var program = new ValueFlow.ProgramFlow(compilation);
            var adapters = LibraryRegistration.Adapters<ISetupAdapter>(compilation, program);
            return adapters.IsEmpty ? null : new CompilationAnalysis(adapters, program);
        }

        /// <summary>
        /// The training setups of the member body that contains <paramref name="invocation"/>: every compile call in it
        /// is recognised once (for every rule), over one shared data-flow index.
        /// </summary>
        public ImmutableArray<TrainingSetup> SetupsOfMember(IOperation invocation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var flow = Program.Member(invocation);
            return members.GetValue(flow.Root, _ => Recognize(flow, options, cancellationToken)).Setups;
        }

        /// <summary>
        /// Whether a member's code names a compile method at all (<c>Compile</c> or <c>compile</c>: the Keras API's name in
        /// every compile-based library); a character scan of the block's source. Not cached: the engine asks once per
        /// block (its operation-block action runs once per member), and a cache keyed by syntax node cost a concurrent
        /// dictionary whose code a fresh compiler process had to JIT for it alone.
        /// </summary>
        public static bool MayHoldSetup(SyntaxNode block, CancellationToken cancellationToken)
        {
            // A scan of the block's characters for "compile" (either case of the c); a match in a comment or a string
            // only costs a recognition that finds nothing, a miss is impossible for a call written in the code.
            var text = block.SyntaxTree.GetText(cancellationToken);
            var span = block.Span;
            var found = false;
            for (var i = span.Start; i + 7 <= span.End; i++)
            {
                if (text[i + 1] != 'o') continue;
                var c = text[i];
                if ((c == 'c' || c == 'C') && text[i + 2] == 'm' && text[i + 3] == 'p' && text[i + 4] == 'i' && text[i + 5] == 'l' && text[i + 6] == 'e')
                {
                    found = true;
                    break;
                }
            }

            return found;
        }

        private MemberSetups Recognize(MemberFlow flow, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var setups = ImmutableArray.CreateBuilder<TrainingSetup>();
            foreach (var call in flow.Invocations(cancellationToken))
            {
                foreach (var adapter in SetupAdapters)
                {
                    if (!adapter.IsCompile(call)) continue;
                    if (adapter.Recognize(call, flow, options, cancellationToken) is { } setup) setups.Add(setup);
                    break;
                }
            }

            return new MemberSetups(setups.ToImmutable());
        }
    }

    /// <summary>The training setups of one member body, in source order.</summary>
    internal sealed class MemberSetups
    {
        public MemberSetups(ImmutableArray<TrainingSetup> setups) => Setups = setups;

        public ImmutableArray<TrainingSetup> Setups { get; }
    }

    /// <summary>A library whose training is configured by a compile call: it recognises the setup around one.</summary>
    internal interface ISetupAdapter
    {
        /// <summary>Cheap: whether the invocation is this library's compile (a symbol comparison).</summary>
        bool IsCompile(IInvocationOperation invocation);

        /// <summary>The setup around a compile call, using the member's shared flow; null when it is not one.</summary>
        TrainingSetup? Recognize(IInvocationOperation compile, MemberFlow flow, AnalyzerOptions options, CancellationToken cancellationToken);
    }

    /// <summary>A library with a Dropout layer or function.</summary>
    internal interface IDropoutAdapter
    {
        /// <summary>The dropout an object creation or invocation makes, with a constant rate (through <paramref name="program"/>'s flow); null otherwise.</summary>
        DropoutInfo? Dropout(IOperation operation, ValueFlow.ProgramFlow program, AnalyzerOptions options, CancellationToken cancellationToken);
    }
}
