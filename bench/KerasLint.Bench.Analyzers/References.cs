using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KerasLint.Bench.Analyzers
{
    /// <summary>The metadata references and compilation options every generated solution compiles with.</summary>
    public static class References
    {
        /// <summary>.NET reference assemblies of the running runtime's targeting pack, else the runtime's own assemblies.</summary>
        public static ImmutableArray<MetadataReference> Platform { get; } = LoadPlatform();

        /// <summary>The Keras.NET API stand-in (samples/KerasNetApi, assembly Keras 3.8.5.0).</summary>
        public static MetadataReference Keras { get; } = MetadataReference.CreateFromFile(typeof(global::Keras.Models.Sequential).Assembly.Location);

        /// <summary>The real TorchSharp 0.107 assembly (metadata only).</summary>
        public static MetadataReference TorchSharp { get; } = MetadataReference.CreateFromFile(typeof(global::TorchSharp.torch).Assembly.Location);

        /// <summary>One thread: the compiler binds sequentially, as the analyzer driver is asked to.</summary>
        public static CSharpCompilationOptions Options { get; } = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary, concurrentBuild: false, nullableContextOptions: NullableContextOptions.Disable);

        public static CSharpParseOptions ParseOptions { get; } = new CSharpParseOptions(LanguageVersion.Latest);

        private static ImmutableArray<MetadataReference> LoadPlatform()
        {
            var version = Environment.Version;
            var packs = Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", "..", "packs", "Microsoft.NETCore.App.Ref");
            var tfm = $"net{version.Major}.{version.Minor}";
            var refDir = Directory.Exists(packs)
                ? Directory.GetDirectories(packs)
                    .Select(d => Path.Combine(d, "ref", tfm))
                    .Where(Directory.Exists)
                    .OrderByDescending(d => d, StringComparer.Ordinal)
                    .FirstOrDefault()
                : null;
            var files = refDir != null
                ? Directory.GetFiles(refDir, "*.dll")
                : ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                    .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll");
            return files.OrderBy(f => f, StringComparer.Ordinal).Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToImmutableArray();
        }
    }
}
