using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using KerasLint.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KerasLint.CodeFixes
{
    /// <summary>KL0105: make the last Linear output 2 classes (CrossEntropyLoss with class indices 0/1 then learns).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0105CodeFixProvider)), Shared]
    public sealed class KL0105CodeFixProvider : TorchCodeFixProvider
    {
        public const string TwoClassesKey = "KL0105.OutputTwoClasses";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.CrossEntropyOnOneUnit);

        internal override ImmutableArray<(string Title, string Key, Func<Dictionary<SyntaxNode, SyntaxNode?>?> Edit)> Actions(TorchFixes fixes) => ImmutableArray.Create<(string, string, Func<Dictionary<SyntaxNode, SyntaxNode?>?>)>(
            ("Output 2 classes from the last Linear (CrossEntropyLoss needs C ≥ 2)", TwoClassesKey, () => fixes.SetUnits(2)));
    }
}
