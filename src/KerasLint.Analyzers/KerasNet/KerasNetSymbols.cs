using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace KerasLint.KerasNet
{
    /// <summary>The Keras.NET types and methods the recogniser binds to, resolved once per compilation.</summary>
    internal sealed class KerasNetSymbols
    {
        private KerasNetSymbols(Compilation compilation, INamedTypeSymbol baseModel)
        {
            BaseModel = baseModel;
            Sequential = compilation.GetTypeByMetadataName("Keras.Models.Sequential");
            Model = compilation.GetTypeByMetadataName("Keras.Models.Model");
            BaseLayer = compilation.GetTypeByMetadataName("Keras.Layers.BaseLayer");
            Dense = compilation.GetTypeByMetadataName("Keras.Layers.Dense");
            Activation = compilation.GetTypeByMetadataName("Keras.Layers.Activation");
            Softmax = compilation.GetTypeByMetadataName("Keras.Layers.Softmax");
            Dropout = compilation.GetTypeByMetadataName("Keras.Layers.Dropout");
            EarlyStopping = compilation.GetTypeByMetadataName("Keras.Callbacks.EarlyStopping");
            ModelCheckpoint = compilation.GetTypeByMetadataName("Keras.Callbacks.ModelCheckpoint");
            ReduceLROnPlateau = compilation.GetTypeByMetadataName("Keras.Callbacks.ReduceLROnPlateau");
            Compile = Methods(baseModel, "Compile");
            Fit = Methods(baseModel, "Fit");
            Add = Sequential == null ? ImmutableArray<IMethodSymbol>.Empty : Methods(Sequential, "Add");
            Set = BaseLayer == null ? ImmutableArray<IMethodSymbol>.Empty : Methods(BaseLayer, "Set");
        }

        public INamedTypeSymbol BaseModel { get; }

        public INamedTypeSymbol? Sequential { get; }

        public INamedTypeSymbol? Model { get; }

        public INamedTypeSymbol? BaseLayer { get; }

        public INamedTypeSymbol? Dense { get; }

        public INamedTypeSymbol? Activation { get; }

        public INamedTypeSymbol? Softmax { get; }

        public INamedTypeSymbol? Dropout { get; }

        public INamedTypeSymbol? EarlyStopping { get; }

        public INamedTypeSymbol? ModelCheckpoint { get; }

        public INamedTypeSymbol? ReduceLROnPlateau { get; }

        public ImmutableArray<IMethodSymbol> Compile { get; }

        public ImmutableArray<IMethodSymbol> Fit { get; }

        public ImmutableArray<IMethodSymbol> Add { get; }

        public ImmutableArray<IMethodSymbol> Set { get; }

        /// <summary>Null when the compilation does not reference Keras.NET (then the analyzers do nothing).</summary>
        public static KerasNetSymbols? TryCreate(Compilation compilation)
        {
            var baseModel = compilation.GetTypeByMetadataName("Keras.Models.BaseModel");
            return baseModel == null ? null : new KerasNetSymbols(compilation, baseModel);
        }

        public static bool IsOneOf(IMethodSymbol method, ImmutableArray<IMethodSymbol> set)
        {
            var def = method.OriginalDefinition;
            foreach (var m in set)
            {
                if (SymbolEqualityComparer.Default.Equals(def, m)) return true;
            }

            return false;
        }

        public static bool Is(ITypeSymbol? type, INamedTypeSymbol? target) =>
            type != null && target != null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, target);

        private static ImmutableArray<IMethodSymbol> Methods(INamedTypeSymbol type, string name) =>
            type.GetMembers(name).OfType<IMethodSymbol>().ToImmutableArray();
    }
}
