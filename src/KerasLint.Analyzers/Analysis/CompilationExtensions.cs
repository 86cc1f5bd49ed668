using Microsoft.CodeAnalysis;

namespace KerasLint.Analysis
{
    internal static class CompilationExtensions
    {
        /// <summary>
        /// The type of that metadata name the compilation binds to, also when several assemblies declare one
        /// (where <see cref="Compilation.GetTypeByMetadataName"/> gives null and would switch the analysis off): the
        /// only one, else the one in the compilation itself, else the only public one from a referenced assembly,
        /// else the one from the library's own assembly (<paramref name="libraryAssembly"/>).
        /// </summary>
        public static INamedTypeSymbol? GetBestTypeByMetadataName(this Compilation compilation, string metadataName, string? libraryAssembly = null)
        {
            var candidates = compilation.GetTypesByMetadataName(metadataName);
            if (candidates.Length == 0) return null;
            if (candidates.Length == 1) return candidates[0];
            INamedTypeSymbol? own = null, onlyPublic = null, library = null;
            var publicCount = 0;
            foreach (var type in candidates)
            {
                if (SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly)) own = type;
                if (type.DeclaredAccessibility == Accessibility.Public)
                {
                    publicCount++;
                    onlyPublic = type;
                }

                if (libraryAssembly != null && type.ContainingAssembly.Name == libraryAssembly) library = type;
            }

            return own ?? (publicCount == 1 ? onlyPublic : null) ?? library;
        }
    }
}
