using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace KerasLint.Analysis
{
    /// <summary>
    /// The one place where the engines meet the libraries: one line per library, its <see cref="RegisteredLibrary"/>. Each engine
    /// asks for the adapters of its kind (<see cref="ISetupAdapter"/>, <see cref="IStepAdapter"/>,
    /// <see cref="IDropoutAdapter"/>); only the factories whose adapter type is of that kind run, once per compilation
    /// (in the engine's compilation-start action), so a library the compilation does not reference costs one type
    /// lookup per engine of its kind. Nothing else outside <c>Libraries/&lt;Name&gt;/</c> names a library's code
    /// (ArchitectureTests pins it, and compiles the analyzer's sources without each library's folder and line).
    /// </summary>
    internal static class LibraryRegistration
    {
        /// <summary>Every library, one line each (its <see cref="RegisteredLibrary"/> is declared in its own folder).</summary>
        private static readonly ImmutableArray<RegisteredLibrary> All = ImmutableArray.Create(new[]
        {
            KerasLint.Libraries.KerasNet.KerasNetAdapter.Registration,
            KerasLint.Libraries.TfNet.TfNetAdapter.Registration,
            KerasLint.Libraries.TorchSharp.TorchSharpAdapter.Registration,
        });

        /// <summary>Every library's <c>keraslint.*</c> options, in registration order.</summary>
        public static ImmutableArray<LibrarySetting> Settings { get; } = All.SelectMany(l => l.Settings).ToImmutableArray();

        /// <summary>
        /// The adapters of kind <typeparamref name="TKind"/> of the libraries <paramref name="compilation"/> references,
        /// in registration order; those that follow values across members use <paramref name="program"/>.
        /// </summary>
        public static ImmutableArray<TKind> Adapters<TKind>(Compilation compilation, ValueFlow.ProgramFlow program)
            where TKind : class
        {
            var builder = ImmutableArray.CreateBuilder<TKind>();
            foreach (var library in All)
            {
                if (typeof(TKind).IsAssignableFrom(library.AdapterType) && library.Create(compilation, program) is TKind adapter) builder.Add(adapter);
            }

            return builder.ToImmutable();
        }
    }
}
