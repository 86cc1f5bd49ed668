using System.Collections.Immutable;
using KerasLint.Libraries.TfNet;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Analyzers.Tests.TfNet
{
    /// <summary>Shared setup for the TensorFlow.NET rule tests: the stand-in assemblies, a method wrapper, the version key.</summary>
    public static class TfNetCode
    {
        public const string Usings = "using System;\nusing System.Collections.Generic;\nusing Tensorflow;\nusing Tensorflow.Keras;\nusing Tensorflow.Keras.Engine;\nusing Tensorflow.Keras.Losses;\nusing Tensorflow.Keras.Callbacks;\nusing Tensorflow.NumPy;\nusing static Tensorflow.KerasApi;\nusing static Tensorflow.Binding;\n\n";

        /// <summary>Tensorflow.Binding 0.150.0.0 and Tensorflow.Keras 0.15.0.0 (the stand-ins).</summary>
        public static ImmutableArray<MetadataReference> References => LibraryReferences.TfNet;

        /// <summary>The 2022 generation has no Tensorflow.Keras.Callbacks namespace.</summary>
        public static string Usings2022 => Usings.Replace("using Tensorflow.Keras.Callbacks;\n", "");

        /// <summary>Wraps statements in a class with a Train method taking x, y, xVal, yVal.</summary>
        public static string InMethod(string body, string members = "", string? usings = null) =>
            (usings ?? Usings) + "class C\n{\n" + members + "    void Train(NDArray x, NDArray y, NDArray xVal, NDArray yVal)\n    {\n" + body + "    }\n}\n";

        public static string GlobalConfig(string? version) => version == null ? "is_global = true\n" : $"is_global = true\n{TfNetAdapter.VersionOption} = {version}\n";

        internal static void Configure(SolutionState state, string? version)
        {
            state.AdditionalReferences.AddRange(References);
            state.AnalyzerConfigFiles.Add(("/.globalconfig", GlobalConfig(version)));
        }

        /// <summary>The 2022 generation (Tensorflow.Binding 0.70.1, Tensorflow.Keras 0.7.0) compiled from its stand-in sources.</summary>
        public static ImmutableArray<MetadataReference> Generation2022 { get; } = Build2022();

        private static ImmutableArray<MetadataReference> Build2022()
        {
            var root = RepoRoot.Combine("samples", "TfNetApi");
            var platform = Direct.PlatformReferences;
            var binding = Emit("Tensorflow.Binding", "0.70.1.0",
                Directory.GetFiles(Path.Combine(root, "Generation2022", "Binding"), "*.cs").Append(Path.Combine(root, "Binding", "Placeholders.cs")), platform);
            var keras = Emit("Tensorflow.Keras", "0.7.0.0", Directory.GetFiles(Path.Combine(root, "Generation2022", "Keras"), "*.cs"), platform.Add(binding));
            return ImmutableArray.Create(binding, keras);
        }

        private static MetadataReference Emit(string name, string version, IEnumerable<string> files, ImmutableArray<MetadataReference> references)
        {
            var trees = files.Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar))
                .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: f))
                .Append(CSharpSyntaxTree.ParseText($"[assembly: System.Reflection.AssemblyVersion(\"{version}\")]"));
            var compilation = CSharpCompilation.Create(name, trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10)));
            return MetadataReference.CreateFromImage(stream.ToArray());
        }

        /// <summary>Runs every analyzer over a source compiled against <paramref name="references"/> (default: 0.15) and returns the diagnostics.</summary>
        public static async Task<ImmutableArray<Diagnostic>> Analyze(string source, string? version = null, ImmutableArray<MetadataReference>? references = null)
        {
            var compilation = CSharpCompilation.Create("T", new[] { CSharpSyntaxTree.ParseText(source, path: "/0/Test0.cs") },
                Direct.PlatformReferences.AddRange(references ?? References), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new ConfigProvider(version, TfNetAdapter.VersionOption));
            var exceptions = new List<Exception>();
            var withAnalyzers = compilation.WithAnalyzers(KerasCode.EveryAnalyzer,
                new CompilationWithAnalyzersOptions(options, (ex, _, _) => exceptions.Add(ex), concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
            Assert.Empty(exceptions);
            return diagnostics;
        }

        /// <summary>The one diagnostic with <paramref name="id"/>.</summary>
        public static async Task<Diagnostic> Single(string source, string id, string? version = null, ImmutableArray<MetadataReference>? references = null)
        {
            var all = (await Analyze(source, version, references)).Where(d => d.Id == id).ToList();
            Assert.True(all.Count == 1, $"expected one {id}, got {all.Count}: {string.Join(" | ", all.Select(d => d.GetMessage()))}");
            return all[0];
        }
    }

    /// <summary>Runs every compile-based rule and KL0009 over TF.NET code: the expected diagnostics must be exactly those marked.</summary>
    public sealed class TfNetRulesTest : EnginesTest
    {
        public TfNetRulesTest(string source, string? version)
            : base(KerasCode.AllAnalyzers)
        {
            TestCode = source;
            TfNetCode.Configure(TestState, version);
        }

        public static Task Run(string source, string? version = null) => new TfNetRulesTest(source, version).RunAsync();
    }

    /// <summary>One rule and its fix over TF.NET code: diagnostics before, the fixed code (which must compile), Fix All.</summary>
    public sealed class TfNetFixTest<TRule, TFix> : RuleFixTest<TRule, TFix>
        where TRule : KerasLintRule, new()
        where TFix : CodeFixProvider, new()
    {
        public TfNetFixTest(string source, string fixedSource, string? equivalenceKey, string? version)
        {
            TestCode = source;
            FixedCode = fixedSource;
            TfNetCode.Configure(TestState, version);
            FixedState.AdditionalReferences.AddRange(TfNetCode.References);
            FixedState.AnalyzerConfigFiles.Add(("/.globalconfig", TfNetCode.GlobalConfig(version)));
            CodeActionEquivalenceKey = equivalenceKey;
        }

        /// <summary>With file paths, then in memory (<see cref="InMemoryHost"/>).</summary>
        public new Task RunAsync(CancellationToken cancellationToken = default) => InMemoryHost.WithAndWithoutPaths(this, base.RunAsync, GetDiagnosticAnalyzers(), GetCodeFixProviders(), cancellationToken);

        public static Task Run(string source, string fixedSource, string? equivalenceKey = null, string? version = null) =>
            new TfNetFixTest<TRule, TFix>(source, fixedSource, equivalenceKey, version).RunAsync();
    }
}
