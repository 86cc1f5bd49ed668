using System.Collections.Immutable;
using System.Composition;
using KerasLint.Knowledge;
using KerasLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KerasLint.CodeFixes
{
    /// <summary>KL0103: remove the sigmoid before BCEWithLogitsLoss, or use BCELoss on the probabilities.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0103CodeFixProvider)), Shared]
    public sealed class KL0103CodeFixProvider : KerasLintCodeFixProvider
    {
        public const string RemoveSigmoidKey = TorchFixPlans.KL0103RemoveSigmoidKey;
        public const string UseBceLossKey = TorchFixPlans.KL0103UseBceLossKey;

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.BceWithLogitsOnSigmoid);
    }
}
