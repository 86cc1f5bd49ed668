using Microsoft.CodeAnalysis;

namespace KerasLint.Analysis
{
    internal static class CompilationExtensions
    {
        /// <summary>
        /// A library type, looked up in the library's own referenced assembly only: other assemblies that declare the
        /// same name (where <see cref="Compilation.GetTypeByMetadataName"/> gives null and would switch the analysis off)
        /// do not matter, and the compilation's own source is never searched (on a compilation without the library
        /// this costs a scan of the reference names, not a bind of the source's namespaces). Null when the assembly
        /// is not referenced or lacks the type.
        /// </summary>
        public static INamedTypeSymbol? GetBestTypeByMetadataName(this Compilation compilation, string metadataName, string libraryAssembly) =>
            compilation.ReferencedAssembly(libraryAssembly)?.GetTypeByMetadataName(metadataName);

        /// <summary>The referenced assembly of that simple name, or null (checked by name before any symbol is made).</summary>
        public static IAssemblySymbol? ReferencedAssembly(this Compilation compilation, string name)
        {
            var referenced = false;
            foreach (var identity in compilation.ReferencedAssemblyNames)
            {
                if (identity.Name == name)
                {
                    referenced = true;
                    break;
                }
            }

            if (!referenced) return null;
            foreach (var reference in compilation.References)
            {
                if (compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly && assembly.Name == name) return assembly;
            }

            return null;
        }
    }
}
