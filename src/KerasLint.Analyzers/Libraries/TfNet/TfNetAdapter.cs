using System;
using System.Linq;
using System.Threading;
using KerasLint.Analysis;
using KerasLint.Knowledge;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KerasLint.Libraries.TfNet
{
    /// <summary>
    /// TensorFlow.NET's Keras (assemblies <c>Tensorflow.Binding</c> + <c>Tensorflow.Keras</c>, a C# re-implementation):
    /// its symbols, resolved once per compilation, and the TensorFlow.Keras version (the referenced assembly's, or
    /// <c>keraslint.tfnet_version</c>). Recognises compile calls into <see cref="TrainingSetup"/> (family
    /// <see cref="KerasFamily.TfNet"/>) and <c>keras.layers.Dropout(rate)</c> calls into <see cref="DropoutInfo"/>.
    /// </summary>
    internal sealed class TfNetAdapter : ISetupAdapter, IDropoutAdapter
    {
        public const string Library = "TensorFlow.NET";
        public const string VersionOption = "keraslint.tfnet_version";

        /// <summary>keras.activations' properties (the Activation overload of Dense).</summary>
        private static readonly string[] ActivationProperties = { "Linear", "Relu", "Relu6", "Sigmoid", "Softmax", "Tanh", "Mish" };


        private readonly Version assemblyVersion;

        private TfNetAdapter(TfNetSymbols symbols)
        {
            Symbols = symbols;
            var v = symbols.Model.ContainingAssembly.Identity.Version;
            assemblyVersion = new Version(v.Major, v.Minor, Math.Max(v.Build, 0));
            Api = new LibraryApi(
                "fit has no validation data",
                (_, _) => null, // keras.layers has no Activation layer to put in place of a Softmax layer.
                " (EarlyStopping throws)",
                ActivationExpression,
                LossObject,
                $"TensorFlow.NET's Keras accepts only the metric strings {string.Join(", ", TfNetSemantics.MetricStrings)} and throws NotImplementedException at the first training step");
        }

        /// <summary>What messages and fixes say in TensorFlow.NET's API (loss objects checked against this compilation's TensorFlow.Keras).</summary>
        public LibraryApi Api { get; }

        public TfNetSymbols Symbols { get; }

        /// <summary>The adapter, or null when the compilation does not reference TensorFlow.Keras.</summary>
        public static TfNetAdapter? TryCreate(Compilation compilation) =>
            TfNetSymbols.TryCreate(compilation) is { } s ? new TfNetAdapter(s) : null;

        /// <summary>TensorFlow.NET as the engines see it (<see cref="LibraryRegistration"/>): compile setups and Dropout, and <see cref="VersionOption"/>.</summary>
        internal static RegisteredLibrary Registration { get; } = RegisteredLibrary.Of(
            (compilation, _) => TryCreate(compilation),
            new LibrarySetting(VersionOption, KerasFamily.TfNet.ShortName(), text => TfNetSemantics.TryParseVersion(text, out _), "a TensorFlow.Keras version (0.15.0)",
                (compilation, tree) => TryCreate(compilation)?.FamilyFor(NoOptions.None, tree).Family.Phrase));

        /// <summary>The TensorFlow.Keras version for a file: <c>keraslint.tfnet_version</c> if configured, else the referenced assembly's.</summary>
        public (KerasFamilyInfo Family, Version Version) FamilyFor(AnalyzerOptions options, SyntaxTree tree)
        {
            var provider = options.AnalyzerConfigOptionsProvider;
            if ((provider.GetOptions(tree).TryGetValue(VersionOption, out var text) || provider.GlobalOptions.TryGetValue(VersionOption, out text))
                && TfNetSemantics.TryParseVersion(text, out var configured))
            {
                return (new KerasFamilyInfo(KerasFamily.TfNet, $"{VersionOption} = {text.Trim()}", TfNetSemantics.ShortName(configured), libraryVersion: configured), configured);
            }

            return (new KerasFamilyInfo(KerasFamily.TfNet, $"TensorFlow.Keras {assemblyVersion}", TfNetSemantics.ShortName(assemblyVersion), libraryVersion: assemblyVersion), assemblyVersion);
        }

        public bool IsCompile(IInvocationOperation invocation) => Operations.IsOneOf(invocation.TargetMethod, Symbols.Compile);

        public TrainingSetup? Recognize(IInvocationOperation compile, MemberFlow flow, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var (family, version) = FamilyFor(options, compile.Syntax.SyntaxTree);
            return new TfNetRecognizer(Symbols, Api, family, version, cancellationToken).Recognize(compile, flow);
        }

        public DropoutInfo? Dropout(IOperation operation, Analysis.ValueFlow.ProgramFlow program, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            if (!(operation is IInvocationOperation call) || !TfNetSymbols.IsApi(call.TargetMethod, "Dropout", Symbols.LayersApis)) return null;
            var arg = Operations.Argument(call.Arguments, "rate");
            if (!Operations.IsExplicit(arg)) return null;
            var rate = program.Member(call).TraceNumber(arg!.Value, cancellationToken);
            if (rate == null) return null;
            var family = FamilyFor(options, call.Syntax.SyntaxTree).Family;
            var behaviour = DropoutBehaviour.OutOfRange(KerasFamily.TfNet, rate.Value);
            return new DropoutInfo(rate.Value, arg.Value.Syntax.GetLocation(), behaviour == null ? null : behaviour + " (" + family.Phrase + ")");
        }

        /// <summary>
        /// <c>keras.losses.CategoricalCrossentropy()</c> in place of <c>keras.losses.BinaryCrossentropy(...)</c>, or
        /// <c>new CategoricalCrossentropy()</c> in place of <c>new BinaryCrossentropy(...)</c> (same qualification, default
        /// arguments: the parameter lists differ), when this TensorFlow.Keras has that factory or class.
        /// </summary>
        private string? LossObject(string current, string canonical)
        {
            var name = TfNetSemantics.LossObjects.Where(p => p.Value == canonical).Select(p => p.Key).FirstOrDefault();
            // A creation written without its argument list (a token deleted: "new MeanSquaredError") is replaced whole.
            var open = current.IndexOf('(');
            if (name == null || open == 0 || (open > 0 && !current.TrimEnd().EndsWith(")", StringComparison.Ordinal))) return null;
            var head = (open > 0 ? current.Substring(0, open) : current).Trim();
            var cut = Math.Max(head.LastIndexOf('.'), head.LastIndexOf(' '));
            if (cut < 0) return null;
            var isClass = head.StartsWith("new ", StringComparison.Ordinal);
            var exists = isClass
                ? Symbols.Model.ContainingAssembly.GetTypeByMetadataName("Tensorflow.Keras.Losses." + name) != null
                : Symbols.LossesApis.Any(t => t.GetMembers(name).OfType<IMethodSymbol>().Any());
            return exists ? head.Substring(0, cut + 1) + name + "()" : null;
        }

        /// <summary>
        /// <c>keras.activations.Sigmoid</c> in place of <c>keras.activations.Softmax</c> (same receiver); <c>tf.nn.sigmoid(x)</c>
        /// in place of the function call <c>tf.nn.softmax(x)</c> (same receiver and arguments; offered only if it binds).
        /// </summary>
        private static string? ActivationExpression(string current, string activation)
        {
            var text = current.Trim();
            var open = text.IndexOf('(');
            if (open >= 0)
            {
                var callee = text.Substring(0, open).TrimEnd();
                var cut = callee.LastIndexOf('.');
                var function = activation.ToLowerInvariant();
                return cut > 0 && text.EndsWith(")", StringComparison.Ordinal) && callee.Substring(0, cut).TrimEnd().EndsWith("nn", StringComparison.Ordinal)
                    && function is "softmax" or "sigmoid" or "relu" or "tanh"
                    ? callee.Substring(0, cut + 1) + function + text.Substring(open)
                    : null;
            }

            var dot = text.LastIndexOf('.');
            if (dot <= 0 || !text.Substring(0, dot).TrimEnd().EndsWith("activations", StringComparison.Ordinal)) return null;
            foreach (var p in ActivationProperties)
            {
                if (string.Equals(p, activation, StringComparison.OrdinalIgnoreCase)) return text.Substring(0, dot + 1) + p;
            }

            return null;
        }
    }
}
