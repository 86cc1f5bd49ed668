using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using KerasLint.Knowledge;
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
    public sealed class KL0105CodeFixProvider : TorchCodeFixProvider
    {
        public const string TwoClassesKey = "KL0105.OutputTwoClasses";
        public const string BinaryLossKey = "KL0105.UseBinaryLoss";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.CrossEntropyOnOneUnit);

        internal override ImmutableArray<(string Title, string Key, Func<Dictionary<SyntaxNode, SyntaxNode?>?> Edit)> Actions(TorchFixes fixes) => ImmutableArray.Create<(string, string, Func<Dictionary<SyntaxNode, SyntaxNode?>?>)>(
            (fixes.Head == HeadActivation.Sigmoid ? "Use BCELoss (one sigmoid output, float 0/1 target)" : "Use BCEWithLogitsLoss (one logit, float 0/1 target)", BinaryLossKey, () => fixes.Head switch
            {
                HeadActivation.Linear => TorchFixes.Combine(fixes.SwitchLoss("BCEWithLogitsLoss", "binary_cross_entropy_with_logits")),
                HeadActivation.Sigmoid => TorchFixes.Combine(fixes.SwitchLoss("BCELoss", "binary_cross_entropy")),
                _ => null,
            }),
            ("Output 2 classes from the last Linear (CrossEntropyLoss needs C ≥ 2)", TwoClassesKey, () => fixes.SetUnits(2)));
    }
}
