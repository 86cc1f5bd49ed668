using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using KerasLint.Analysis;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KerasLint.CodeFixes
{
    /// <summary>
    /// KL0004: softmax on one unit. Keras.NET / TF.NET: the planned edit makes it sigmoid. TorchSharp: the softmax is
    /// removed (binding-checked, in any document), leaving one logit, and BCELoss becomes BCEWithLogitsLoss (the sigmoid
    /// the head needs, inside the loss); BCEWithLogitsLoss and the regression losses keep their loss.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0004SoftmaxOnOneUnitCodeFixProvider)), Shared]
    public sealed class KL0004SoftmaxOnOneUnitCodeFixProvider : KerasLintCodeFixProvider
    {
        public const string TorchRemoveSoftmaxKey = "KL0004.RemoveSoftmax";

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Knowledge.RuleIds.SoftmaxOnOneUnit);

        internal override async Task<IReadOnlyList<FixCandidate>> CandidatesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!diagnostic.Properties.TryGetValue(TorchStepRuleAnalyzer.LossProperty, out var lossText)) return await PlannedCodeFixProvider.FromPlanAsync(document, diagnostic, cancellationToken).ConfigureAwait(false);
            if (!Enum.TryParse<TorchLossKind>(lossText ?? "", out var loss)) return Array.Empty<FixCandidate>();
            var fixes = await TorchFixes.ReadAsync(document, diagnostic, cancellationToken).ConfigureAwait(false);
            if (fixes == null) return Array.Empty<FixCandidate>();
            var actions = ImmutableArray.Create<(string, string, Func<Dictionary<SyntaxNode, SyntaxNode?>?>)>(loss == TorchLossKind.Bce
                ? ("Remove the softmax and use BCEWithLogitsLoss (one logit)", TorchRemoveSoftmaxKey,
                    () => TorchFixes.Combine(fixes.RemoveActivation(), fixes.SwitchLoss("BCEWithLogitsLoss", "binary_cross_entropy_with_logits")))
                : ("Remove the softmax", TorchRemoveSoftmaxKey, () => fixes.RemoveActivation()));
            return await TorchCodeFixProvider.CheckedAsync(fixes, actions, cancellationToken).ConfigureAwait(false);
        }
    }
}
