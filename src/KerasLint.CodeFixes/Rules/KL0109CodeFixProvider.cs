using System.Collections.Immutable;
using System.Composition;
using KerasLint.Knowledge;
using KerasLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KerasLint.CodeFixes
{
    /// <summary>KL0109: remove the softmax and use CrossEntropyLoss / cross_entropy (which also accepts one-hot probability targets).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0109CodeFixProvider)), Shared]
    public sealed class KL0109CodeFixProvider : KerasLintCodeFixProvider
    {
        public const string UseCrossEntropyKey = TorchFixPlans.KL0109UseCrossEntropyKey;

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.BceOnSoftmax);
    }
}
