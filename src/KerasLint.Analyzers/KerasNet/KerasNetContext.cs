using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using KerasLint.Knowledge;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KerasLint.KerasNet
{
    /// <summary>
    /// Per-compilation state shared by every Keras.NET rule: the resolved symbols, the Keras version family
    /// and a cache of recognised training setups (each compile call is recognised once for all rules).
    /// </summary>
    internal sealed class KerasNetContext
    {
        public const string Library = "Keras.NET";
        public const string VersionOption = "keraslint.keras_version";

        /// <summary>The first Keras.NET release that imports tf.keras by default (keras-net.md §1.1).</summary>
        private static readonly Version TfKerasFrom = new Version(3, 8, 5);

        private static readonly ConditionalWeakTable<Compilation, Holder> Cache = new ConditionalWeakTable<Compilation, Holder>();

        private readonly ConcurrentDictionary<SyntaxNode, Lazy<TrainingSetup?>> setups = new ConcurrentDictionary<SyntaxNode, Lazy<TrainingSetup?>>();
        private readonly KerasFamilyInfo assemblyFamily;

        private KerasNetContext(KerasNetSymbols symbols)
        {
            Symbols = symbols;
            var version = symbols.BaseModel.ContainingAssembly.Identity.Version;
            var v = new Version(version.Major, version.Minor, Math.Max(version.Build, 0));
            var family = v < TfKerasFrom ? KerasFamily.Keras22 : KerasFamily.TfKeras2;
            var imports = family == KerasFamily.Keras22 ? "standalone Keras" : "tf.keras";
            assemblyFamily = new KerasFamilyInfo(family, $"{Library} {v} (imports {imports})");
        }

        public KerasNetSymbols Symbols { get; }

        /// <summary>The context for a compilation, or null when it does not reference Keras.NET.</summary>
        public static KerasNetContext? For(Compilation compilation) =>
            Cache.GetValue(compilation, c => new Holder(KerasNetSymbols.TryCreate(c) is { } s ? new KerasNetContext(s) : null)).Context;

        /// <summary>The family for a file: <c>keraslint.keras_version</c> if configured, else the Keras.NET version's.</summary>
        public KerasFamilyInfo FamilyFor(AnalyzerOptions options, SyntaxTree tree)
        {
            var provider = options.AnalyzerConfigOptionsProvider;
            if ((provider.GetOptions(tree).TryGetValue(VersionOption, out var text) || provider.GlobalOptions.TryGetValue(VersionOption, out text))
                && KerasFamilies.TryParse(text, out var family))
            {
                return new KerasFamilyInfo(family, $"{Library} ({VersionOption} = {text.Trim()})");
            }

            return assemblyFamily;
        }

        public bool IsCompile(IInvocationOperation invocation) => KerasNetSymbols.IsOneOf(invocation.TargetMethod, Symbols.Compile);

        /// <summary>The training setup around a compile call (recognised once per call), or null when it is not one.</summary>
        public TrainingSetup? SetupFor(IInvocationOperation compile, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var lazy = setups.GetOrAdd(compile.Syntax, _ => new Lazy<TrainingSetup?>(
                    () => new KerasNetRecognizer(this, FamilyFor(options, compile.Syntax.SyntaxTree), cancellationToken).Recognize(compile),
                    LazyThreadSafetyMode.ExecutionAndPublication));
                try
                {
                    return lazy.Value;
                }
                catch (OperationCanceledException)
                {
                    // A cancelled recognition is not cached; a caller whose own token is live recognises again.
                    ((ICollection<KeyValuePair<SyntaxNode, Lazy<TrainingSetup?>>>)setups).Remove(new KeyValuePair<SyntaxNode, Lazy<TrainingSetup?>>(compile.Syntax, lazy));
                    if (cancellationToken.IsCancellationRequested) throw;
                }
            }
        }

        public DropoutInfo? DropoutFor(IObjectCreationOperation creation, AnalyzerOptions options, CancellationToken cancellationToken) =>
            KerasNetSymbols.Is(creation.Type, Symbols.Dropout)
                ? new KerasNetRecognizer(this, FamilyFor(options, creation.Syntax.SyntaxTree), cancellationToken).RecognizeDropout(creation)
                : null;

        private sealed class Holder
        {
            public Holder(KerasNetContext? context) => Context = context;

            public KerasNetContext? Context { get; }
        }
    }
}
