using System.Collections.Immutable;
using KerasLint.Libraries.KerasNet;
using KerasLint.Libraries.TfNet;
using KerasLint.Libraries.TorchSharp;
using Microsoft.CodeAnalysis;

namespace KerasLint.Analysis
{
    /// <summary>
    /// The one place where the engines meet the libraries: which adapters exist, per kind of model. Each is created
    /// per compilation (in an engine's compilation-start action); a library the compilation does not reference costs
    /// one type lookup. Nothing else under Analysis/ names a library type (ArchitectureTests pins it).
    /// </summary>
    internal static class LibraryRegistration
    {
        /// <summary>Libraries whose training is configured by a compile call (Keras.NET, TensorFlow.NET).</summary>
        public static ImmutableArray<ISetupAdapter> SetupAdapters(Compilation compilation) =>
            NonNull<ISetupAdapter>(KerasNetAdapter.TryCreate(compilation), TfNetAdapter.TryCreate(compilation));

        /// <summary>Libraries with a Dropout whose rate KL0009 checks.</summary>
        public static ImmutableArray<IDropoutAdapter> DropoutAdapters(Compilation compilation, ValueFlow.ProgramFlow program) =>
            NonNull<IDropoutAdapter>(KerasNetAdapter.TryCreate(compilation), TfNetAdapter.TryCreate(compilation), TorchSharpAdapter.TryCreate(compilation, program));

        /// <summary>The library of hand-written training steps and read-outs (TorchSharp), or null when not referenced; it follows values through <paramref name="program"/>.</summary>
        public static IStepAdapter? StepAdapter(Compilation compilation, ValueFlow.ProgramFlow program) => TorchSharpAdapter.TryCreate(compilation, program);

        private static ImmutableArray<T> NonNull<T>(params T?[] adapters)
            where T : class
        {
            var builder = ImmutableArray.CreateBuilder<T>();
            foreach (var adapter in adapters)
            {
                if (adapter != null) builder.Add(adapter);
            }

            return builder.ToImmutable();
        }
    }
}
