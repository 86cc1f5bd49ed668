using System.Collections.Immutable;
using System.Composition;
using KerasLint.Knowledge;
using KerasLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KerasLint.CodeFixes
{
    /// <summary>KL0101: remove the final softmax (CrossEntropyLoss gets logits), or switch to LogSoftmax + NLLLoss.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0101CodeFixProvider)), Shared]
    public sealed class KL0101CodeFixProvider : KerasLintCodeFixProvider
    {
        public const string RemoveSoftmaxKey = TorchFixPlans.KL0101RemoveSoftmaxKey;
        public const string UseNllLossKey = TorchFixPlans.KL0101UseNllLossKey;

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.CrossEntropyOnProbabilities);
    }
}
