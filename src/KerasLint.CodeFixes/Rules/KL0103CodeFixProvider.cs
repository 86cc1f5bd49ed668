using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using KerasLint.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KerasLint.CodeFixes
{
    /// <summary>KL0103: remove the sigmoid before BCEWithLogitsLoss, or use BCELoss on the probabilities.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0103CodeFixProvider)), Shared]
    public sealed class KL0103CodeFixProvider : TorchCodeFixProvider
    {
        public const string RemoveSigmoidKey = "KL0103.RemoveSigmoid";
        public const string UseBceLossKey = "KL0103.UseBceLoss";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.BceWithLogitsOnSigmoid);

        internal override ImmutableArray<(string Title, string Key, Func<Dictionary<SyntaxNode, SyntaxNode?>?> Edit)> Actions(TorchFixes fixes) => ImmutableArray.Create<(string, string, Func<Dictionary<SyntaxNode, SyntaxNode?>?>)>(
            ("Remove the sigmoid (BCEWithLogitsLoss applies it)", RemoveSigmoidKey, () => fixes.RemoveActivation()),
            ("Use BCELoss on the sigmoid outputs", UseBceLossKey, () => TorchFixes.Combine(fixes.SwitchLoss("BCELoss", "binary_cross_entropy"))));
    }
}
