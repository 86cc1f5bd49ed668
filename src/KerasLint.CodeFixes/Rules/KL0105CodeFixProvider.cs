using System.Collections.Immutable;
using System.Composition;
using KerasLint.Knowledge;
using KerasLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KerasLint.CodeFixes
{
    /// <summary>
    /// KL0105: keep the 1-unit head and use the binary loss (BCEWithLogitsLoss on logits, BCELoss on a sigmoid: the
    /// float 0/1 column target the silent case has is what they take), or make the last Linear output 2 classes
    /// (for class-index targets).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0105CodeFixProvider)), Shared]
    public sealed class KL0105CodeFixProvider : KerasLintCodeFixProvider
    {
        public const string TwoClassesKey = TorchFixPlans.KL0105TwoClassesKey;
        public const string BinaryLossKey = TorchFixPlans.KL0105BinaryLossKey;

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.CrossEntropyOnOneUnit);
    }
}
