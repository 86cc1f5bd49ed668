using System.Collections.Immutable;
using KerasLint.Analysis;
using KerasLint.Libraries.KerasNet;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace KerasLint.Analyzers.Tests.Infrastructure
{
    /// <summary>Keras.NET test sources: usings, a method wrapper, the family config (the references are <see cref="LibraryReferences"/>'s).</summary>
    public static class KerasCode
    {
        public const string Usings = "using System;\nusing System.Collections.Generic;\nusing Keras;\nusing Keras.Models;\nusing Keras.Layers;\nusing Keras.Callbacks;\nusing Keras.Optimizers;\nusing Numpy;\n\n";

        /// <summary>The built Keras.NET stand-in (assembly Keras 3.8.5.0).</summary>
        public static MetadataReference KerasReference => LibraryReferences.Keras;

        /// <summary>.NET 8 reference assemblies from the local package cache (the mirror has 8.0.31).</summary>
        public static ReferenceAssemblies Net80 => LibraryReferences.Net80;

        /// <summary>Every engine analyzer of the analyzer assembly (Keras.NET, TF.NET and TorchSharp): the no-crash sweep runs them all.</summary>
        public static ImmutableArray<DiagnosticAnalyzer> EveryAnalyzer => Engines.All;

        /// <summary>The engines of the compile-based rules (Keras.NET's, TF.NET's) and of KL0009 (every library's Dropout).</summary>
        public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers { get; } = Engines.All.Where(a => a is not KerasLintTorchAnalyzer).ToImmutableArray();

        /// <summary>Wraps statements in a class with a Train method taking x, y, xVal, yVal.</summary>
        public static string InMethod(string body, string members = "") =>
            Usings + "class C\n{\n" + members + "    void Train(NDarray x, NDarray y, NDarray xVal, NDarray yVal)\n    {\n" + body + "    }\n}\n";

        public static string GlobalConfig(string family) => $"is_global = true\nkeraslint.keras_version = {family}\n";

        internal static void Configure(SolutionState state, string? family)
        {
            state.AdditionalReferences.Add(KerasReference);
            if (family != null) state.AnalyzerConfigFiles.Add(("/.globalconfig", GlobalConfig(family)));
        }
    }

    /// <summary>Runs every Keras.NET rule: the expected diagnostics must be exactly those listed.</summary>
    public sealed class AllRulesTest : EnginesTest
    {
        public AllRulesTest(string source, string? family = null)
            : base(KerasCode.AllAnalyzers)
        {
            TestCode = source;
            KerasCode.Configure(TestState, family);
        }

        public static Task Run(string source, string? family = null, params DiagnosticResult[] expected)
        {
            var test = new AllRulesTest(source, family);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }
    }

    /// <summary>One rule and its fix: diagnostics before, the fixed code (which must compile), Fix All.</summary>
    public sealed class FixTest<TRule, TFix> : RuleFixTest<TRule, TFix>
        where TRule : KerasLintRule, new()
        where TFix : CodeFixProvider, new()
    {
        public FixTest(string source, string fixedSource, string? family = null, string? equivalenceKey = null)
        {
            TestCode = source;
            FixedCode = fixedSource;
            KerasCode.Configure(TestState, family);
            if (family != null) FixedState.AnalyzerConfigFiles.Add(("/.globalconfig", KerasCode.GlobalConfig(family)));
            FixedState.AdditionalReferences.Add(KerasCode.KerasReference);
            CodeActionEquivalenceKey = equivalenceKey;
        }

        /// <summary>With file paths, then in memory (<see cref="InMemoryHost"/>).</summary>
        public new Task RunAsync(CancellationToken cancellationToken = default) => InMemoryHost.WithAndWithoutPaths(this, base.RunAsync, GetDiagnosticAnalyzers(), GetCodeFixProviders(), cancellationToken);

        public static Task Run(string source, string fixedSource, string? family = null, string? equivalenceKey = null) =>
            new FixTest<TRule, TFix>(source, fixedSource, family, equivalenceKey).RunAsync();
    }

    /// <summary>Runs analyzers directly (no test framework) to read messages and severities.</summary>
    public static class Direct
    {
        /// <summary>The running platform's System assemblies (for compilations made without the test framework).</summary>
        public static ImmutableArray<MetadataReference> PlatformReferences => Platform;

        internal static readonly ImmutableArray<MetadataReference> Platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();

        public static CSharpCompilation Compile(string source) =>
            CSharpCompilation.Create("T", new[] { CSharpSyntaxTree.ParseText(source, path: "/0/Test0.cs") }, Platform.Add(KerasCode.KerasReference),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        public static CSharpCompilation Compile(string source, MetadataReference keras) =>
            CSharpCompilation.Create("T", new[] { CSharpSyntaxTree.ParseText(source, path: "/0/Test0.cs") }, Platform.Add(keras),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        /// <summary>The Keras.NET stand-in's sources compiled as assembly "Keras" with another version (e.g. an old 3.7 release).</summary>
        public static MetadataReference KerasWithVersion(string version)
        {
            var files = Directory.GetFiles(RepoRoot.Combine("samples", "KerasNetApi"), "*.cs");
            var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: f))
                .Append(CSharpSyntaxTree.ParseText($"[assembly: System.Reflection.AssemblyVersion(\"{version}\")]"));
            var compilation = CSharpCompilation.Create("Keras", trees, Platform, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
            return MetadataReference.CreateFromImage(stream.ToArray());
        }

        public static async Task<ImmutableArray<Diagnostic>> Analyze(string source, string? family = null, Action<Exception>? onException = null, IEnumerable<DiagnosticAnalyzer>? analyzers = null, MetadataReference? keras = null)
        {
            var compilation = Compile(source, keras ?? KerasCode.KerasReference);
            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new ConfigProvider(family));
            var withAnalyzers = compilation.WithAnalyzers(
                (analyzers ?? KerasCode.EveryAnalyzer).ToImmutableArray(),
                new CompilationWithAnalyzersOptions(options, (ex, _, _) => onException?.Invoke(ex), concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            return await withAnalyzers.GetAllDiagnosticsAsync();
        }

        public static async Task<Diagnostic> Single(string source, string id, string? family = null)
        {
            var all = (await Analyze(source, family)).Where(d => d.Id == id).ToList();
            Assert.True(all.Count == 1, $"expected one {id}, got {all.Count}: {string.Join(" | ", all.Select(d => d.GetMessage()))}");
            return all[0];
        }

        /// <summary>Every diagnostic of one id, in source order.</summary>
        public static async Task<Diagnostic[]> All(string source, string id, string? family = null) =>
            (await Analyze(source, family)).Where(d => d.Id == id).OrderBy(d => d.Location.SourceSpan.Start).ToArray();

        /// <summary>Analyzer options that set the Keras family (null: detected from the Keras assembly).</summary>
        public static AnalyzerOptions OptionsFor(string? family) => new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new ConfigProvider(family));
    }

    /// <summary>Analyzer options holding one key (e.g. keraslint.keras_version) for compilations made without the test framework.</summary>
    public sealed class ConfigProvider : AnalyzerConfigOptionsProvider
    {
        private readonly Options options;

        public ConfigProvider(string? family, string key = KerasNetAdapter.VersionOption) => options = new Options(key, family);

        public override AnalyzerConfigOptions GlobalOptions => options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => options;

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly string key;
            private readonly string? value;

            public Options(string key, string? value)
            {
                this.key = key;
                this.value = value;
            }

            public override bool TryGetValue(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? result)
            {
                result = name == key ? value : null;
                return result != null;
            }
        }
    }
}
