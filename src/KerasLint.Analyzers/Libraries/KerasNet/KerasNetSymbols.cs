using System.Collections.Immutable;
using System.Linq;
using KerasLint.Analysis;
using Microsoft.CodeAnalysis;

namespace KerasLint.Libraries.KerasNet
{
    /// <summary>The Keras.NET types and methods the recogniser binds to, resolved once per compilation.</summary>
    internal sealed class KerasNetSymbols
    {
        private KerasNetSymbols(Compilation compilation, INamedTypeSymbol baseModel)
        {
            BaseModel = baseModel;
            Sequential = compilation.GetBestTypeByMetadataName("Keras.Models.Sequential", Assembly);
            Model = compilation.GetBestTypeByMetadataName("Keras.Models.Model", Assembly);
            BaseLayer = compilation.GetBestTypeByMetadataName("Keras.Layers.BaseLayer", Assembly);
            Dense = compilation.GetBestTypeByMetadataName("Keras.Layers.Dense", Assembly);
            Activation = compilation.GetBestTypeByMetadataName("Keras.Layers.Activation", Assembly);
            Softmax = compilation.GetBestTypeByMetadataName("Keras.Layers.Softmax", Assembly);
            Dropout = compilation.GetBestTypeByMetadataName("Keras.Layers.Dropout", Assembly);
            EarlyStopping = compilation.GetBestTypeByMetadataName("Keras.Callbacks.EarlyStopping", Assembly);
            ModelCheckpoint = compilation.GetBestTypeByMetadataName("Keras.Callbacks.ModelCheckpoint", Assembly);
            ReduceLROnPlateau = compilation.GetBestTypeByMetadataName("Keras.Callbacks.ReduceLROnPlateau", Assembly);
            History = compilation.GetBestTypeByMetadataName("Keras.Callbacks.History", Assembly);
            Compile = Methods(baseModel, "Compile");
            Fit = Methods(baseModel, "Fit");
            Add = Sequential == null ? ImmutableArray<IMethodSymbol>.Empty : Methods(Sequential, "Add");
            Set = BaseLayer == null ? ImmutableArray<IMethodSymbol>.Empty : Methods(BaseLayer, "Set");
        }

        /// <summary>The Keras.NET assembly's name.</summary>
        public const string Assembly = "Keras";

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

        /// <summary>What Fit returns; its <c>HistoryLogs</c> holds the per-epoch logs by key.</summary>
        public INamedTypeSymbol? History { get; }

        public ImmutableArray<IMethodSymbol> Compile { get; }

        public ImmutableArray<IMethodSymbol> Fit { get; }

        public ImmutableArray<IMethodSymbol> Add { get; }

        public ImmutableArray<IMethodSymbol> Set { get; }

        /// <summary>Null when the compilation does not reference Keras.NET (then the analyzers do nothing).</summary>
        public static KerasNetSymbols? TryCreate(Compilation compilation)
        {
            var baseModel = compilation.GetBestTypeByMetadataName("Keras.Models.BaseModel", Assembly);
            return baseModel == null ? null : new KerasNetSymbols(compilation, baseModel);
        }

        private static ImmutableArray<IMethodSymbol> Methods(INamedTypeSymbol type, string name) =>
            type.GetMembers(name).OfType<IMethodSymbol>().ToImmutableArray();
    }
}
