using System;
using System.Collections.Immutable;
using System.Linq;
using KerasLint.Analysis;
using Microsoft.CodeAnalysis;

namespace KerasLint.Libraries.KerasNet
{
    /// <summary>The Keras.NET types and methods the recogniser binds to, resolved once per compilation (most on first use).</summary>
    internal sealed class KerasNetSymbols
    {
        private KerasNetSymbols(Compilation compilation, INamedTypeSymbol baseModel)
        {
            // Only what every compile call needs is resolved at compilation start; the other types on first use (each
            // lookup searches every referenced assembly, and an IDE starts a compilation per keystroke: a document
            // without Keras code should not pay for them).
            BaseModel = baseModel;
            Compile = Methods(baseModel, "Compile");
            Fit = Methods(baseModel, "Fit");
            sequential = Type(compilation, "Keras.Models.Sequential");
            model = Type(compilation, "Keras.Models.Model");
            baseLayer = Type(compilation, "Keras.Layers.BaseLayer");
            dense = Type(compilation, "Keras.Layers.Dense");
            activation = Type(compilation, "Keras.Layers.Activation");
            softmax = Type(compilation, "Keras.Layers.Softmax");
            dropout = Type(compilation, "Keras.Layers.Dropout");
            earlyStopping = Type(compilation, "Keras.Callbacks.EarlyStopping");
            modelCheckpoint = Type(compilation, "Keras.Callbacks.ModelCheckpoint");
            reduceLROnPlateau = Type(compilation, "Keras.Callbacks.ReduceLROnPlateau");
            history = Type(compilation, "Keras.Callbacks.History");
            add = new Lazy<ImmutableArray<IMethodSymbol>>(() => Sequential == null ? ImmutableArray<IMethodSymbol>.Empty : Methods(Sequential, "Add"));
            set = new Lazy<ImmutableArray<IMethodSymbol>>(() => BaseLayer == null ? ImmutableArray<IMethodSymbol>.Empty : Methods(BaseLayer, "Set"));
        }

        private readonly Lazy<INamedTypeSymbol?> sequential;
        private readonly Lazy<INamedTypeSymbol?> model;
        private readonly Lazy<INamedTypeSymbol?> baseLayer;
        private readonly Lazy<INamedTypeSymbol?> dense;
        private readonly Lazy<INamedTypeSymbol?> activation;
        private readonly Lazy<INamedTypeSymbol?> softmax;
        private readonly Lazy<INamedTypeSymbol?> dropout;
        private readonly Lazy<INamedTypeSymbol?> earlyStopping;
        private readonly Lazy<INamedTypeSymbol?> modelCheckpoint;
        private readonly Lazy<INamedTypeSymbol?> reduceLROnPlateau;
        private readonly Lazy<INamedTypeSymbol?> history;
        private readonly Lazy<ImmutableArray<IMethodSymbol>> add;
        private readonly Lazy<ImmutableArray<IMethodSymbol>> set;

        /// <summary>The Keras.NET assembly's name.</summary>
        public const string Assembly = "Keras";

        public INamedTypeSymbol BaseModel { get; }

        public INamedTypeSymbol? Sequential => sequential.Value;

        public INamedTypeSymbol? Model => model.Value;

        public INamedTypeSymbol? BaseLayer => baseLayer.Value;

        public INamedTypeSymbol? Dense => dense.Value;

        public INamedTypeSymbol? Activation => activation.Value;

        public INamedTypeSymbol? Softmax => softmax.Value;

        public INamedTypeSymbol? Dropout => dropout.Value;

        public INamedTypeSymbol? EarlyStopping => earlyStopping.Value;

        public INamedTypeSymbol? ModelCheckpoint => modelCheckpoint.Value;

        public INamedTypeSymbol? ReduceLROnPlateau => reduceLROnPlateau.Value;

        /// <summary>What Fit returns; its <c>HistoryLogs</c> holds the per-epoch logs by key.</summary>
        public INamedTypeSymbol? History => history.Value;

        public ImmutableArray<IMethodSymbol> Compile { get; }

        public ImmutableArray<IMethodSymbol> Fit { get; }

        public ImmutableArray<IMethodSymbol> Add => add.Value;

        public ImmutableArray<IMethodSymbol> Set => set.Value;

        /// <summary>Null when the compilation does not reference Keras.NET (then the analyzers do nothing).</summary>
        public static KerasNetSymbols? TryCreate(Compilation compilation)
        {
            var baseModel = compilation.GetBestTypeByMetadataName("Keras.Models.BaseModel", Assembly);
            return baseModel == null ? null : new KerasNetSymbols(compilation, baseModel);
        }

        private static Lazy<INamedTypeSymbol?> Type(Compilation compilation, string metadataName) =>
            new Lazy<INamedTypeSymbol?>(() => compilation.GetBestTypeByMetadataName(metadataName, Assembly));

        private static ImmutableArray<IMethodSymbol> Methods(INamedTypeSymbol type, string name) =>
            type.GetMembers(name).OfType<IMethodSymbol>().ToImmutableArray();
    }
}
