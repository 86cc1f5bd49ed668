using System;
using System.Threading;
using KerasLint.Analysis;
using KerasLint.Knowledge;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KerasLint.Libraries.KerasNet
{
    /// <summary>
    /// Keras.NET (a wrapper over Python Keras): its symbols, resolved once per compilation, and the Keras version
    /// family its version imports (or <c>keraslint.keras_version</c>). Recognises compile calls into
    /// <see cref="TrainingSetup"/> and Dropout layers into <see cref="DropoutInfo"/>.
    /// </summary>
    internal sealed class KerasNetAdapter : ISetupAdapter, IDropoutAdapter
    {
        public const string Library = "Keras.NET";
        public const string VersionOption = "keraslint.keras_version";

        /// <summary>The first Keras.NET release that imports tf.keras by default (docs/keras-semantics.md, Keras.NET).</summary>
        private static readonly Version TfKerasFrom = new Version(3, 8, 5);

        public static readonly LibraryApi Api = new LibraryApi("Fit has no validation data", ActivationLayerSource,
            unknownNameOutcome: "Keras.NET hands it to Python Keras, which fails on it at Compile or at the first batch (Python.Runtime.PythonException)");

        private readonly KerasFamilyInfo assemblyFamily;

        private KerasNetAdapter(KerasNetSymbols symbols)
        {
            Symbols = symbols;
            var version = symbols.BaseModel.ContainingAssembly.Identity.Version;
            var v = new Version(version.Major, version.Minor, Math.Max(version.Build, 0));
            var family = v < TfKerasFrom ? KerasFamily.Keras22 : KerasFamily.TfKeras2;
            var imports = family == KerasFamily.Keras22 ? "standalone Keras" : "tf.keras";
            assemblyFamily = new KerasFamilyInfo(family, $"{Library} {v} (imports {imports})", $"{Library}, {family.ShortName()}");
        }

        public KerasNetSymbols Symbols { get; }

        /// <summary>The adapter, or null when the compilation does not reference Keras.NET.</summary>
        public static KerasNetAdapter? TryCreate(Compilation compilation) =>
            KerasNetSymbols.TryCreate(compilation) is { } s ? new KerasNetAdapter(s) : null;

        /// <summary>Keras.NET as the engines see it (<see cref="LibraryRegistration"/>): compile setups and Dropout, and <see cref="VersionOption"/>.</summary>
        internal static RegisteredLibrary Registration { get; } = RegisteredLibrary.Of(
            (compilation, _) => TryCreate(compilation),
            new LibrarySetting(VersionOption, Library, text => KerasFamilies.TryParse(text, out _), "2.2, 2.3, tf2, 3 or a version (2.3.1)",
                (compilation, tree) => TryCreate(compilation)?.FamilyFor(NoOptions.None, tree).Source));

        /// <summary>The family for a file: <c>keraslint.keras_version</c> if configured, else the Keras.NET version's.</summary>
        public KerasFamilyInfo FamilyFor(AnalyzerOptions options, SyntaxTree tree)
        {
            var provider = options.AnalyzerConfigOptionsProvider;
            if ((provider.GetOptions(tree).TryGetValue(VersionOption, out var text) || provider.GlobalOptions.TryGetValue(VersionOption, out text))
                && KerasVersion.TryParse(text, out var version))
            {
                return new KerasFamilyInfo(version.Family, $"{Library} ({VersionOption} = {text.Trim()})", $"{Library}, {KerasFamilyInfo.Name(version)}", version);
            }

            return assemblyFamily;
        }

        public bool IsCompile(IInvocationOperation invocation) => Operations.IsOneOf(invocation.TargetMethod, Symbols.Compile);

        public TrainingSetup? Recognize(IInvocationOperation compile, MemberFlow flow, AnalyzerOptions options, CancellationToken cancellationToken) =>
            new KerasNetRecognizer(Symbols, FamilyFor(options, compile.Syntax.SyntaxTree), cancellationToken).Recognize(compile, flow);

        /// <summary><c>new Activation("sigmoid")</c> for a <c>new Softmax()</c> layer, qualified the way the Softmax type was.</summary>
        private static string? ActivationLayerSource(string softmaxCreation, string activation)
        {
            var text = softmaxCreation.Trim();
            var open = text.IndexOf('(');
            var type = (open < 0 ? text : text.Substring(0, open)).Trim();
            if (type.StartsWith("new ", StringComparison.Ordinal)) type = type.Substring(4).Trim();
            if (!type.EndsWith("Softmax", StringComparison.Ordinal)) return null;
            var prefix = type.Substring(0, type.Length - "Softmax".Length);
            return $"new {prefix}Activation(\"{activation}\")";
        }

        public DropoutInfo? Dropout(IOperation operation, Analysis.ValueFlow.ProgramFlow program, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            if (!(operation is IObjectCreationOperation creation) || !Operations.Is(creation.Type, Symbols.Dropout)) return null;
            var arg = Operations.Argument(creation.Arguments, "rate");
            if (!Operations.IsExplicit(arg)) return null;
            var rate = program.Member(creation).TraceNumber(arg!.Value, cancellationToken);
            if (rate == null) return null;
            var family = FamilyFor(options, creation.Syntax.SyntaxTree);
            var behaviour = DropoutBehaviour.OutOfRange(family.Family, rate.Value);
            return new DropoutInfo(rate.Value, arg.Value.Syntax.GetLocation(), behaviour == null ? null : behaviour + " (" + family.Phrase + ")");
        }
    }
}
