using KerasLint.Analysis;
using KerasLint.Knowledge;
using KerasLint.Model;
using Microsoft.CodeAnalysis;

namespace KerasLint.Libraries.TorchSharp
{
    /// <summary>The TorchSharp symbols the rules recognise, resolved once per compilation.</summary>
    internal sealed class TorchSharpSymbols
    {
        private TorchSharpSymbols(Compilation c, INamedTypeSymbol torch, INamedTypeSymbol nn, INamedTypeSymbol functional, INamedTypeSymbol tensor)
        {
            Torch = torch;
            Nn = nn;
            Functional = functional;
            Tensor = tensor;
            Special = c.GetBestTypeByMetadataName("TorchSharp.torch+special", Assembly);
            Module1 = c.GetBestTypeByMetadataName("TorchSharp.torch+nn+Module`2", Assembly);
            IModule1 = c.GetBestTypeByMetadataName("TorchSharp.torch+nn+IModule`2", Assembly);
            Module2 = c.GetBestTypeByMetadataName("TorchSharp.torch+nn+Module`3", Assembly);
            IModule2 = c.GetBestTypeByMetadataName("TorchSharp.torch+nn+IModule`3", Assembly);
            Sequential = c.GetBestTypeByMetadataName("TorchSharp.Modules.Sequential", Assembly);
            CrossEntropyLoss = c.GetBestTypeByMetadataName("TorchSharp.Modules.CrossEntropyLoss", Assembly);
            NllLoss = c.GetBestTypeByMetadataName("TorchSharp.Modules.NLLLoss", Assembly);
            BceLoss = c.GetBestTypeByMetadataName("TorchSharp.Modules.BCELoss", Assembly);
            BceWithLogitsLoss = c.GetBestTypeByMetadataName("TorchSharp.Modules.BCEWithLogitsLoss", Assembly);
            MseLoss = c.GetBestTypeByMetadataName("TorchSharp.Modules.MSELoss", Assembly);
            L1Loss = c.GetBestTypeByMetadataName("TorchSharp.Modules.L1Loss", Assembly);
            HuberLoss = c.GetBestTypeByMetadataName("TorchSharp.Modules.HuberLoss", Assembly);
            SmoothL1Loss = c.GetBestTypeByMetadataName("TorchSharp.Modules.SmoothL1Loss", Assembly);
        }

        /// <summary>The TorchSharp assembly's name.</summary>
        public const string Assembly = "TorchSharp";

        public INamedTypeSymbol Torch { get; }
        public INamedTypeSymbol Nn { get; }
        public INamedTypeSymbol Functional { get; }
        public INamedTypeSymbol Tensor { get; }
        public INamedTypeSymbol? Special { get; }
        public INamedTypeSymbol? Module1 { get; }
        public INamedTypeSymbol? IModule1 { get; }
        public INamedTypeSymbol? Module2 { get; }
        public INamedTypeSymbol? IModule2 { get; }
        public INamedTypeSymbol? Sequential { get; }
        public INamedTypeSymbol? CrossEntropyLoss { get; }
        public INamedTypeSymbol? NllLoss { get; }
        public INamedTypeSymbol? BceLoss { get; }
        public INamedTypeSymbol? BceWithLogitsLoss { get; }
        public INamedTypeSymbol? MseLoss { get; }
        public INamedTypeSymbol? L1Loss { get; }
        public INamedTypeSymbol? HuberLoss { get; }
        public INamedTypeSymbol? SmoothL1Loss { get; }

        /// <summary>The symbols, or null when the compilation does not reference TorchSharp (≥ 0.98, generic modules).</summary>
        public static TorchSharpSymbols? TryCreate(Compilation compilation)
        {
            var torch = compilation.GetBestTypeByMetadataName("TorchSharp.torch", Assembly);
            if (torch == null) return null;
            var nn = compilation.GetBestTypeByMetadataName("TorchSharp.torch+nn", Assembly);
            var functional = compilation.GetBestTypeByMetadataName("TorchSharp.torch+nn+functional", Assembly);
            var tensor = compilation.GetBestTypeByMetadataName("TorchSharp.torch+Tensor", Assembly);
            if (nn == null || functional == null || tensor == null) return null;
            return new TorchSharpSymbols(compilation, torch, nn, functional, tensor);
        }

        public bool IsTensor(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, Tensor);

        /// <summary>The loss a concrete TorchSharp loss class (or a subclass of one) computes.</summary>
        public TorchLossKind? LossKindOfType(ITypeSymbol? type)
        {
            for (var t = type as INamedTypeSymbol; t != null; t = t.BaseType)
            {
                if (Is(t, CrossEntropyLoss)) return TorchLossKind.CrossEntropy;
                if (Is(t, NllLoss)) return TorchLossKind.NllLoss;
                if (Is(t, BceLoss)) return TorchLossKind.Bce;
                if (Is(t, BceWithLogitsLoss)) return TorchLossKind.BceWithLogits;
                if (Is(t, MseLoss)) return TorchLossKind.Mse;
                if (Is(t, L1Loss)) return TorchLossKind.L1;
                if (Is(t, HuberLoss)) return TorchLossKind.Huber;
                if (Is(t, SmoothL1Loss)) return TorchLossKind.SmoothL1;
            }

            return null;
        }

        /// <summary>The loss a <c>torch.nn</c> factory or a <c>functional</c> loss function computes.</summary>
        public TorchLossKind? LossKindOfMethod(IMethodSymbol method)
        {
            var type = method.ContainingType;
            if (Is(type, Nn))
            {
                switch (method.Name)
                {
                    case "CrossEntropyLoss": return TorchLossKind.CrossEntropy;
                    case "NLLLoss": return TorchLossKind.NllLoss;
                    case "BCELoss": return TorchLossKind.Bce;
                    case "BCEWithLogitsLoss": return TorchLossKind.BceWithLogits;
                    case "MSELoss": return TorchLossKind.Mse;
                    case "L1Loss": return TorchLossKind.L1;
                    case "HuberLoss": return TorchLossKind.Huber;
                    case "SmoothL1Loss": return TorchLossKind.SmoothL1;
                }
            }
            else if (Is(type, Functional))
            {
                switch (method.Name)
                {
                    case "cross_entropy": return TorchLossKind.CrossEntropy;
                    case "nll_loss": return TorchLossKind.NllLoss;
                    case "binary_cross_entropy": return TorchLossKind.Bce;
                    case "binary_cross_entropy_with_logits": return TorchLossKind.BceWithLogits;
                    case "mse_loss": return TorchLossKind.Mse;
                    case "l1_loss": return TorchLossKind.L1;
                    case "huber_loss": return TorchLossKind.Huber;
                    case "smooth_l1_loss": return TorchLossKind.SmoothL1;
                }
            }

            return null;
        }

        /// <summary>Whether the type is (or derives from / implements) a TorchSharp module with one or two inputs.</summary>
        public bool IsModule(ITypeSymbol? type, int inputs)
        {
            var cls = inputs == 1 ? Module1 : Module2;
            var itf = inputs == 1 ? IModule1 : IModule2;
            if (type == null) return false;
            for (var t = type as INamedTypeSymbol; t != null; t = t.BaseType)
            {
                if (Is(t.OriginalDefinition, cls)) return true;
            }

            // The original definition implements the same interface definitions as every construction of it, and keeps
            // its interface list; a constructed type (List<Foo>, Dictionary<K, V>) would substitute its list anew each time.
            foreach (var i in type.OriginalDefinition.AllInterfaces)
            {
                if (Is(i.OriginalDefinition, itf)) return true;
            }

            return type is INamedTypeSymbol named && Is(named.OriginalDefinition, itf);
        }

        /// <summary>What a tensor function (<c>functional.softmax</c>, <c>torch.sigmoid</c>, <c>x.log_softmax(1)</c>, …) produces; null when it is not one.</summary>
        public HeadActivation? ActivationOfFunction(IMethodSymbol method)
        {
            var type = method.ContainingType;
            var isStaticHost = method.IsStatic && (Is(type, Functional) || Is(type, Torch) || Is(type, Special));
            var isTensorMethod = !method.IsStatic && Is(type, Tensor);
            if (!isStaticHost && !isTensorMethod) return null;
            return Activations.ClassifyTorchFunction(method.Name);
        }

        /// <summary>Tensor methods among <see cref="IsValuePreserving"/> that keep the shape too (the width of the last axis).</summary>
        public static bool KeepsShape(IMethodSymbol method) =>
            method.Name == "contiguous" || method.Name == "clone" || method.Name == "to" || method.Name == "cpu" || method.Name == "cuda";

        /// <summary>A <c>torch.nn.Linear</c> factory (its output size is the width of its output).</summary>
        public bool IsLinearFactory(IMethodSymbol method) => method.IsStatic && Is(method.ContainingType, Nn) && method.Name == "Linear";

        /// <summary>A Tensor method or a <c>torch</c> / <c>functional</c> function of this name (<c>x.argmax(1)</c>, <c>torch.argmax(x, 1)</c>).</summary>
        public bool IsTensorFunction(IMethodSymbol method, string name) =>
            method.Name == name && (method.IsStatic ? Is(method.ContainingType, Torch) || Is(method.ContainingType, Functional) : Is(method.ContainingType, Tensor));

        /// <summary>Tensor methods that change the shape or device but not the kind of values.</summary>
        public bool IsValuePreserving(IMethodSymbol method)
        {
            if (method.IsStatic || !Is(method.ContainingType, Tensor)) return false;
            switch (method.Name)
            {
                case "squeeze":
                case "unsqueeze":
                case "view":
                case "reshape":
                case "flatten":
                case "contiguous":
                case "clone":
                case "to":
                case "cpu":
                case "cuda":
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>What a <c>torch.nn</c> module factory's module outputs; null when the factory is not a known one.</summary>
        public HeadActivation? ActivationOfModuleFactory(IMethodSymbol method)
        {
            if (!method.IsStatic || !Is(method.ContainingType, Nn)) return null;
            return Activations.ClassifyTorchModule(method.Name);
        }

        /// <summary>Modules that pass the previous module's kind of values through (a Sequential ending in them is decided by the module before).</summary>
        public bool IsTransparentModuleFactory(IMethodSymbol method) =>
            method.IsStatic && Is(method.ContainingType, Nn)
            && (method.Name == "Dropout" || method.Name == "Identity" || method.Name == "Flatten" || method.Name == "Unflatten");

        /// <summary><c>torch.nn.Dropout*</c> factories and <c>functional.dropout*</c>.</summary>
        public bool IsDropout(IMethodSymbol method)
        {
            if (Is(method.ContainingType, Nn))
            {
                return method.Name == "Dropout" || method.Name == "Dropout1d" || method.Name == "Dropout2d" || method.Name == "Dropout3d";
            }

            return Is(method.ContainingType, Functional)
                && (method.Name == "dropout" || method.Name == "dropout1d" || method.Name == "dropout2d" || method.Name == "dropout3d");
        }

        public bool IsSequentialFactory(IMethodSymbol method) => method.IsStatic && Is(method.ContainingType, Nn) && method.Name == "Sequential";

        public bool IsSequentialAppend(IMethodSymbol method) => !method.IsStatic && Is(method.ContainingType, Sequential) && method.Name == "append";

        public static bool Is(ITypeSymbol? a, ITypeSymbol? b) => Operations.Is(a, b);
    }
}
