using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Bench.Analyzers
{
    /// <summary>A named set of analyzers; <see cref="Create"/> makes fresh instances so no run sees another's state.</summary>
    public sealed class AnalyzerSet
    {
        private readonly Type[] types;

        public AnalyzerSet(string name, IEnumerable<Type> types)
        {
            Name = name;
            this.types = types.OrderBy(t => t.FullName, StringComparer.Ordinal).ToArray();
        }

        public string Name { get; }

        public int Count => types.Length;

        public IReadOnlyList<Type> Types => types;

        public ImmutableArray<DiagnosticAnalyzer> Create() =>
            types.Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();
    }

    /// <summary>KerasLint (by reflection), the empty baseline and the peer package.</summary>
    public static class AnalyzerSets
    {
        /// <summary>Every non-abstract C# DiagnosticAnalyzer in KerasLint.Analyzers, whatever the classes are called.</summary>
        public static AnalyzerSet KerasLint { get; } = new("KerasLint", AnalyzerTypes(Assembly.Load("KerasLint.Analyzers")));

        public static AnalyzerSet Empty { get; } = new("empty analyzer", new[] { typeof(EmptyAnalyzer) });

        /// <summary>Meziantou.Analyzer, loaded from the package folder (the variant built for the newest Roslyn not newer than ours).</summary>
        public static AnalyzerSet LoadPeer()
        {
            var root = typeof(AnalyzerSets).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "PeerPackageRoot").Value;
            if (string.IsNullOrEmpty(root) || !Directory.Exists(root))
                throw new InvalidOperationException($"The peer analyzer package is not restored (PeerPackageRoot = '{root}').");
            var roslyn = typeof(Compilation).Assembly.GetName().Version!;
            var variant = Directory.GetDirectories(Path.Combine(root, "analyzers", "dotnet"), "roslyn*")
                .Select(d => (Dir: d, Version: Version.Parse(Path.GetFileName(d)["roslyn".Length..])))
                .Where(v => v.Version.Major < roslyn.Major || (v.Version.Major == roslyn.Major && v.Version.Minor <= roslyn.Minor))
                .OrderByDescending(v => v.Version)
                .First();
            var dll = Path.Combine(variant.Dir, "cs", "Meziantou.Analyzer.dll");
            var assembly = Assembly.LoadFrom(dll);
            return new AnalyzerSet($"Meziantou.Analyzer {PackageVersion(root)} ({Path.GetFileName(variant.Dir)})", AnalyzerTypes(assembly));
        }

        private static string PackageVersion(string root) => Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));

        private static IEnumerable<Type> AnalyzerTypes(Assembly assembly)
        {
            Type[] all;
            try
            {
                all = assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException e)
            {
                all = e.Types.OfType<Type>().ToArray();
            }

            return all.Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)
                && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is { } attribute && attribute.Languages.Contains(LanguageNames.CSharp)
                && t.GetConstructor(Type.EmptyTypes) != null);
        }
    }

    /// <summary>The baseline: an analyzer that registers one compilation-start action that does nothing.</summary>
#pragma warning disable RS1036, RS1041, RS2008, RS1012 // a measurement stand-in, never shipped or loaded by a compiler
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EmptyAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("BENCH0000", "Empty", "Never reported", "Benchmark", DiagnosticSeverity.Info, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(_ => { });
        }
    }
#pragma warning restore RS1036, RS1041, RS2008, RS1012
}
