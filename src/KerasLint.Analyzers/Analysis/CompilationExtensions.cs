using Microsoft.CodeAnalysis;

namespace KerasLint.Analysis
{
    internal static class CompilationExtensions
    {
        /// <summary>
        /// The type of that metadata name the library's code binds to, also when several assemblies declare one (where
        /// <see cref="Compilation.GetTypeByMetadataName"/> gives null and would switch the analysis off): the only one,
        /// else the one in the library's own assembly (<paramref name="libraryAssembly"/>), else the only public one
        /// from a referenced assembly.
        /// </summary>
        public static INamedTypeSymbol? GetBestTypeByMetadataName(this Compilation compilation, string metadataName, string libraryAssembly)
        {
            var candidates = compilation.GetTypesByMetadataName(metadataName);
            if (candidates.Length == 0) return null;
            if (candidates.Length == 1) return candidates[0];
            INamedTypeSymbol? onlyPublic = null;
            var publicCount = 0;
            foreach (var type in candidates)
            {
                if (type.ContainingAssembly.Name == libraryAssembly) return type;
                if (type.DeclaredAccessibility == Accessibility.Public && !SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly))
                {
                    publicCount++;
                    onlyPublic = type;
                }
            }

            return publicCount == 1 ? onlyPublic : null;
        }
    }
}
