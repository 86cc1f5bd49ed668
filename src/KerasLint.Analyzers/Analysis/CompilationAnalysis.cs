using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using KerasLint.Libraries.KerasNet;
using KerasLint.Libraries.TfNet;
using KerasLint.Libraries.TorchSharp;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KerasLint.Analysis
{
    /// <summary>
    /// The analysis of one compilation, shared by every rule: the adapters of the libraries it references (each
    /// resolved once; absent libraries cost one type lookup), and the training setups recognised per member body.
    /// Rules get neutral models from here and never see a library's symbols.
    /// </summary>
    internal sealed class CompilationAnalysis
    {
        private static readonly ConditionalWeakTable<Compilation, Holder> Cache = new ConditionalWeakTable<Compilation, Holder>();

        private readonly ConditionalWeakTable<IOperation, MemberSetups> members = new ConditionalWeakTable<IOperation, MemberSetups>();

        private CompilationAnalysis(ImmutableArray<ISetupAdapter> setupAdapters, ImmutableArray<IDropoutAdapter> dropoutAdapters, TorchSharpAdapter? torchSharp)
        {
            SetupAdapters = setupAdapters;
            DropoutAdapters = dropoutAdapters;
            TorchSharp = torchSharp;
        }

        /// <summary>Libraries whose training is configured by a compile call (Keras.NET, TensorFlow.NET).</summary>
        public ImmutableArray<ISetupAdapter> SetupAdapters { get; }

        /// <summary>Libraries with a Dropout whose rate KL0009 checks.</summary>
        public ImmutableArray<IDropoutAdapter> DropoutAdapters { get; }

        /// <summary>TorchSharp (hand-written training steps), or null when not referenced.</summary>
        public TorchSharpAdapter? TorchSharp { get; }

        /// <summary>The analysis of a compilation, or null when it references none of the supported libraries.</summary>
        public static CompilationAnalysis? For(Compilation compilation) => Cache.GetValue(compilation, Create).Analysis;

        private static Holder Create(Compilation compilation)
        {
            var kerasNet = KerasNetAdapter.TryCreate(compilation);
            var torchSharp = TorchSharpAdapter.TryCreate(compilation);
            var tfNet = TfNetAdapter.TryCreate(compilation);
            if (kerasNet == null && torchSharp == null && tfNet == null) return new Holder(null);
            var setups = ImmutableArray.CreateBuilder<ISetupAdapter>();
            var dropouts = ImmutableArray.CreateBuilder<IDropoutAdapter>();
            if (kerasNet != null)
            {
                setups.Add(kerasNet);
                dropouts.Add(kerasNet);
            }

            if (tfNet != null)
            {
                setups.Add(tfNet);
                dropouts.Add(tfNet);
            }

            if (torchSharp != null) dropouts.Add(torchSharp);
            return new Holder(new CompilationAnalysis(setups.ToImmutable(), dropouts.ToImmutable(), torchSharp));
        }

        /// <summary>
        /// The training setups of the member body that contains <paramref name="invocation"/>: every compile call in it
        /// is recognised once (for every rule), over one shared data-flow index.
        /// </summary>
        public ImmutableArray<TrainingSetup> SetupsOfMember(IOperation invocation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var flow = MemberFlow.For(invocation);
            return members.GetValue(flow.Root, _ => Recognize(flow, options, cancellationToken)).Setups;
        }

        /// <summary>
        /// Whether a member's code names a compile method at all (<c>Compile</c> or <c>compile</c>: the Keras API's name in
        /// every compile-based library); a character scan of the block's source, cached per block syntax for every rule.
        /// </summary>
        public bool MayHoldSetup(SyntaxNode block, CancellationToken cancellationToken)
        {
            if (mentions.TryGetValue(block, out var known)) return known;

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

            mentions.TryAdd(block, found);
            return found;
        }

        /// <summary>Per block syntax (held by the compilation anyway; no GC handle per entry as a weak table would cost).</summary>
        private readonly System.Collections.Concurrent.ConcurrentDictionary<SyntaxNode, bool> mentions = new System.Collections.Concurrent.ConcurrentDictionary<SyntaxNode, bool>();

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

        /// <summary>The Dropout layer an operation creates, from whichever library it belongs to; null when it is none.</summary>
        public DropoutInfo? DropoutAt(IOperation operation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            foreach (var adapter in DropoutAdapters)
            {
                if (adapter.Dropout(operation, options, cancellationToken) is { } dropout) return dropout;
            }

            return null;
        }

        private sealed class Holder
        {
            public Holder(CompilationAnalysis? analysis) => Analysis = analysis;

            public CompilationAnalysis? Analysis { get; }
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
        /// <summary>The dropout an object creation or invocation makes, with a constant rate; null otherwise.</summary>
        DropoutInfo? Dropout(IOperation operation, AnalyzerOptions options, CancellationToken cancellationToken);
    }
}
