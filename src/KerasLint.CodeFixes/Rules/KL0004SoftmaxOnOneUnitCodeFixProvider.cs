using System.Collections.Immutable;
using System.Composition;
using KerasLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KerasLint.CodeFixes
{
    /// <summary>
    /// KL0004: softmax on one unit. Keras.NET / TF.NET: the head becomes sigmoid. TorchSharp: the softmax is removed
    /// (binding-checked, in any document), leaving one logit, and BCELoss becomes BCEWithLogitsLoss (the sigmoid the
    /// head needs, inside the loss); BCEWithLogitsLoss and the regression losses keep their loss. Both are the
    /// analyzer's planned edits.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0004SoftmaxOnOneUnitCodeFixProvider)), Shared]
    public sealed class KL0004SoftmaxOnOneUnitCodeFixProvider : KerasLintCodeFixProvider
    {
        public const string TorchRemoveSoftmaxKey = TorchFixPlans.KL0004RemoveSoftmaxKey;

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Knowledge.RuleIds.SoftmaxOnOneUnit);
    }
}
