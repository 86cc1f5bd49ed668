using System.Collections.Immutable;
using System.Linq;
using KerasLint.Analysis;
using Microsoft.CodeAnalysis;

namespace KerasLint.Libraries.TfNet
{
    /// <summary>
    /// The TensorFlow.NET / TensorFlow.Keras types and methods the recogniser binds to, resolved once per compilation.
    /// Both generations: 0.150.0 / 0.15.0 (interfaces in <c>Tensorflow.Binding</c>) and 0.70 / 0.7.0 (most types in
    /// <c>Tensorflow.Keras</c>); every type but <c>Model</c> may be absent.
    /// </summary>
    internal sealed class TfNetSymbols
    {
        /// <summary>TensorFlow.Keras's assembly name.</summary>
        public const string KerasAssembly = "Tensorflow.Keras";

        /// <summary>TensorFlow.NET's assembly name.</summary>
        public const string BindingAssembly = "Tensorflow.Binding";

        private TfNetSymbols(Compilation compilation, INamedTypeSymbol model)
        {
            Model = model;
            IModel = Type(compilation, "Tensorflow.Keras.Engine.IModel");
            Sequential = Type(compilation, "Tensorflow.Keras.Engine.Sequential");
            ILayer = Type(compilation, "Tensorflow.Keras.ILayer");
            Layer = Type(compilation, "Tensorflow.Keras.Engine.Layer");
            KerasApi = Type(compilation, "Tensorflow.KerasApi");
            KerasInterfaces = Types(compilation, "Tensorflow.Keras.KerasInterface", "Tensorflow.Keras.IKerasApi");
            LayersApis = Types(compilation, "Tensorflow.Keras.Layers.ILayersApi", "Tensorflow.Keras.Layers.LayersApi");
            LossesApis = Types(compilation, "Tensorflow.Keras.Losses.ILossesApi", "Tensorflow.Keras.Losses.LossesApi");
            ActivationsApis = Types(compilation, "Tensorflow.Keras.IActivationsApi", "Tensorflow.Keras.Activations");
            OptimizerApis = Types(compilation, "Tensorflow.Keras.IOptimizerApi", "Tensorflow.Keras.Optimizers.OptimizerApi");
            LossFuncs = Types(compilation, "Tensorflow.Keras.Losses.ILossFunc", "Tensorflow.Keras.ILossFunc");
            EarlyStopping = Type(compilation, "Tensorflow.Keras.Callbacks.EarlyStopping");
            ICallback = Type(compilation, "Tensorflow.Keras.Engine.ICallback");
            Compile = Methods(model, "compile").AddRange(IModel == null ? ImmutableArray<IMethodSymbol>.Empty : Methods(IModel, "compile"));
            Fit = Methods(model, "fit").AddRange(IModel == null ? ImmutableArray<IMethodSymbol>.Empty : Methods(IModel, "fit"));
            Add = Sequential == null ? ImmutableArray<IMethodSymbol>.Empty : Methods(Sequential, "add");
        }

        public INamedTypeSymbol Model { get; }

        public INamedTypeSymbol? IModel { get; }

        public INamedTypeSymbol? Sequential { get; }

        public INamedTypeSymbol? ILayer { get; }

        public INamedTypeSymbol? Layer { get; }

        /// <summary><c>Tensorflow.KerasApi</c> (the static <c>keras</c> property).</summary>
        public INamedTypeSymbol? KerasApi { get; }

        /// <summary><c>keras</c> (<c>KerasInterface</c>) and <c>tf.keras</c> (<c>IKerasApi</c>): Sequential, Model, Input.</summary>
        public ImmutableArray<INamedTypeSymbol> KerasInterfaces { get; }

        /// <summary><c>keras.layers</c>: Dense, Dropout, Softmax, Flatten, …</summary>
        public ImmutableArray<INamedTypeSymbol> LayersApis { get; }

        /// <summary><c>keras.losses</c> factories.</summary>
        public ImmutableArray<INamedTypeSymbol> LossesApis { get; }

        /// <summary><c>keras.activations</c> (Softmax, Sigmoid, …).</summary>
        public ImmutableArray<INamedTypeSymbol> ActivationsApis { get; }

        /// <summary><c>keras.optimizers</c> factories.</summary>
        public ImmutableArray<INamedTypeSymbol> OptimizerApis { get; }

        /// <summary><c>ILossFunc</c> (Tensorflow.Keras.Losses at 0.15; Tensorflow.Keras in some 0.7 builds).</summary>
        public ImmutableArray<INamedTypeSymbol> LossFuncs { get; }

        public INamedTypeSymbol? EarlyStopping { get; }

        /// <summary>What fit returns (a History); its <c>history</c> holds the per-epoch logs by key.</summary>
        public INamedTypeSymbol? ICallback { get; }

        public ImmutableArray<IMethodSymbol> Compile { get; }

        public ImmutableArray<IMethodSymbol> Fit { get; }

        public ImmutableArray<IMethodSymbol> Add { get; }

        /// <summary>Null when the compilation does not reference TensorFlow.Keras (then the TF.NET adapter does nothing).</summary>
        public static TfNetSymbols? TryCreate(Compilation compilation)
        {
            var model = compilation.GetBestTypeByMetadataName("Tensorflow.Keras.Engine.Model", KerasAssembly);
            return model == null || model.ContainingAssembly.Name != KerasAssembly ? null : new TfNetSymbols(compilation, model);
        }

        /// <summary>Whether <paramref name="method"/> is <paramref name="name"/> declared on one of <paramref name="types"/>.</summary>
        public static bool IsApi(IMethodSymbol method, string name, ImmutableArray<INamedTypeSymbol> types) =>
            method.Name == name && types.Any(t => Operations.Is(method.ContainingType, t));

        /// <summary>Whether a method or property belongs to one of <paramref name="types"/> (any name).</summary>
        public static bool IsOn(ISymbol member, ImmutableArray<INamedTypeSymbol> types) => types.Any(t => Operations.Is(member.ContainingType, t));

        /// <summary>Whether <paramref name="type"/> is, derives from or implements <paramref name="target"/>.</summary>
        public static bool IsA(ITypeSymbol? type, INamedTypeSymbol? target)
        {
            if (type == null || target == null) return false;
            for (var t = type; t != null; t = t.BaseType)
            {
                if (Operations.Is(t, target)) return true;
            }

            return type.AllInterfaces.Any(i => Operations.Is(i, target));
        }

        private static INamedTypeSymbol? Type(Compilation compilation, string name) =>
            compilation.GetBestTypeByMetadataName(name, KerasAssembly) ?? compilation.GetBestTypeByMetadataName(name, BindingAssembly);

        private static ImmutableArray<INamedTypeSymbol> Types(Compilation compilation, params string[] names) =>
            names.Select(n => Type(compilation, n)).Where(t => t != null).Select(t => t!).ToImmutableArray();

        private static ImmutableArray<IMethodSymbol> Methods(INamedTypeSymbol type, string name) =>
            type.GetMembers(name).OfType<IMethodSymbol>().ToImmutableArray();
    }
}
