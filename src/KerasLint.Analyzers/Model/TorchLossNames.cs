
namespace KerasLint.Model
{
    /// <summary>TorchSharp's loss names, for messages and advice.</summary>
    internal static class TorchLossNames
    {
        /// <summary>The loss as the user wrote it: the class for modules, the function for functional calls.</summary>
        public static string Of(TorchLossKind loss, TorchLossForm form) => (loss, form) switch
        {
            (TorchLossKind.CrossEntropy, TorchLossForm.Module) => "CrossEntropyLoss",
            (TorchLossKind.CrossEntropy, _) => "functional.cross_entropy",
            (TorchLossKind.NllLoss, TorchLossForm.Module) => "NLLLoss",
            (TorchLossKind.NllLoss, _) => "functional.nll_loss",
            (TorchLossKind.Bce, TorchLossForm.Module) => "BCELoss",
            (TorchLossKind.Bce, _) => "functional.binary_cross_entropy",
            (TorchLossKind.BceWithLogits, TorchLossForm.Module) => "BCEWithLogitsLoss",
            (TorchLossKind.BceWithLogits, _) => "functional.binary_cross_entropy_with_logits",
            (TorchLossKind.Mse, TorchLossForm.Module) => "MSELoss",
            (TorchLossKind.Mse, _) => "functional.mse_loss",
            (TorchLossKind.L1, TorchLossForm.Module) => "L1Loss",
            (TorchLossKind.L1, _) => "functional.l1_loss",
            (TorchLossKind.Huber, TorchLossForm.Module) => "HuberLoss",
            (TorchLossKind.Huber, _) => "functional.huber_loss",
            (TorchLossKind.SmoothL1, TorchLossForm.Module) => "SmoothL1Loss",
            _ => "functional.smooth_l1_loss",
        };

        /// <summary>The loss whose module class is <paramref name="module"/> ("BCELoss"), or null: <see cref="Of"/> read backwards.</summary>
        public static TorchLossKind? OfModule(string module)
        {
            foreach (TorchLossKind kind in System.Enum.GetValues(typeof(TorchLossKind)))
            {
                if (Of(kind, TorchLossForm.Module) == module) return kind;
            }

            return null;
        }
    }
}
