using System.Collections.Immutable;
using System.Reflection;
using KerasLint.Analysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace KerasLint.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// The one verifier over Microsoft.CodeAnalysis.Testing: the engine analyzers of the assembly (found by reflection),
    /// a rule's ids, and the reference set of each library. A per-rule test runs every engine with every other id
    /// disabled (<see cref="AnalyzerTest{TVerifier}.DisabledDiagnostics"/>), so it sees that rule only, as a user who
    /// turned the others off would.
    /// </summary>
    public static class Engines
    {
        /// <summary>Every engine analyzer of the analyzer assembly (each a [DiagnosticAnalyzer] type).</summary>
        public static ImmutableArray<DiagnosticAnalyzer> All { get; } = typeof(KerasLintRule).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
            .OrderBy(t => t.Name)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        /// <summary>Every id the engines report.</summary>
        public static ImmutableArray<string> AllIds { get; } = All.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(id => id).ToImmutableArray();

        /// <summary>The ids one rule reports.</summary>
        public static ImmutableHashSet<string> IdsOf<TRule>()
            where TRule : KerasLintRule, new() =>
            new TRule().SupportedDiagnostics.Select(d => d.Id).ToImmutableHashSet();

        /// <summary>Every id but those of <typeparamref name="TRule"/>: what a per-rule test disables.</summary>
        public static IEnumerable<string> OtherIds<TRule>()
            where TRule : KerasLintRule, new()
        {
            var own = IdsOf<TRule>();
            return AllIds.Where(id => !own.Contains(id));
        }

        /// <summary>Compilation options with every id but <typeparamref name="TRule"/>'s suppressed (for compilations made without the test framework).</summary>
        public static TOptions Only<TRule, TOptions>(TOptions options)
            where TRule : KerasLintRule, new()
            where TOptions : CompilationOptions =>
            (TOptions)options.WithSpecificDiagnosticOptions(options.SpecificDiagnosticOptions.SetItems(OtherIds<TRule>().Select(id => new KeyValuePair<string, ReportDiagnostic>(id, ReportDiagnostic.Suppress))));
    }

    /// <summary>The reference sets of the libraries (compile-time stand-ins for Keras.NET and TF.NET, the real TorchSharp).</summary>
    public static class LibraryReferences
    {
        /// <summary>.NET 8 reference assemblies from the local package cache (the mirror has 8.0.31).</summary>
        public static ReferenceAssemblies Net80 { get; } = new ReferenceAssemblies(
            "net8.0", new PackageIdentity("Microsoft.NETCore.App.Ref", "8.0.31"), Path.Combine("ref", "net8.0"));

        /// <summary>The built Keras.NET stand-in (assembly Keras 3.8.5.0).</summary>
        public static MetadataReference Keras { get; } = MetadataReference.CreateFromFile(typeof(global::Keras.Models.Sequential).Assembly.Location);

        /// <summary>Tensorflow.Binding 0.150.0.0 and Tensorflow.Keras 0.15.0.0 (the stand-ins).</summary>
        public static ImmutableArray<MetadataReference> TfNet { get; } = ImmutableArray.Create<MetadataReference>(
            MetadataReference.CreateFromFile(typeof(global::Tensorflow.KerasApi).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(global::Tensorflow.Binding).Assembly.Location));

        /// <summary>The real TorchSharp 0.107 assembly (metadata only).</summary>
        public static MetadataReference TorchSharp { get; } = MetadataReference.CreateFromFile(typeof(global::TorchSharp.torch).Assembly.Location);
    }

    /// <summary>The repository root: the nearest directory above the test binaries that holds KerasLint.sln.</summary>
    public static class RepoRoot
    {
        public static string Path { get; } = Find();

        /// <summary>A path under the root.</summary>
        public static string Combine(params string[] parts) => System.IO.Path.Combine(new[] { Path }.Concat(parts).ToArray());

        private static string Find()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(System.IO.Path.Combine(dir.FullName, "KerasLint.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("KerasLint.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Runs one rule (every engine, every other id disabled): the expected diagnostics must be exactly those listed.</summary>
    public class RuleTest<TRule> : CSharpAnalyzerTest<KerasLintSetupAnalyzer, DefaultVerifier>
        where TRule : KerasLintRule, new()
    {
        public RuleTest()
        {
            ReferenceAssemblies = LibraryReferences.Net80;
            DisabledDiagnostics.AddRange(Engines.OtherIds<TRule>());

            // A rule of every library (KL0002, KL0004-KL0007) is run by the setup and the TorchSharp engines, so its descriptor is listed once per engine.
            MarkupOptions = MarkupOptions.UseFirstDescriptor;
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => Engines.All;
    }

    /// <summary>One rule and a fix (every engine, every other id disabled): diagnostics before, the fixed code (which must compile), Fix All.</summary>
    public class RuleFixTest<TRule, TFix> : CSharpCodeFixTest<KerasLintSetupAnalyzer, TFix, DefaultVerifier>
        where TRule : KerasLintRule, new()
        where TFix : CodeFixProvider, new()
    {
        public RuleFixTest()
        {
            ReferenceAssemblies = LibraryReferences.Net80;
            DisabledDiagnostics.AddRange(Engines.OtherIds<TRule>());

            // A rule of every library (KL0002, KL0004-KL0007) is run by the setup and the TorchSharp engines, so its descriptor is listed once per engine.
            MarkupOptions = MarkupOptions.UseFirstDescriptor;
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => Engines.All;
    }

    /// <summary>Every rule of a set of engines (by type): the expected diagnostics must be exactly those listed.</summary>
    public class EnginesTest : CSharpAnalyzerTest<KerasLintSetupAnalyzer, DefaultVerifier>
    {
        private readonly ImmutableArray<DiagnosticAnalyzer> engines;

        public EnginesTest(ImmutableArray<DiagnosticAnalyzer> engines)
        {
            this.engines = engines;
            ReferenceAssemblies = LibraryReferences.Net80;
            MarkupOptions = MarkupOptions.UseFirstDescriptor;
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => engines;
    }
}
