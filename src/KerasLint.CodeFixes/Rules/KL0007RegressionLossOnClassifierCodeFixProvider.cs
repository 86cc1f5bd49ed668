using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KerasLint.CodeFixes
{
    /// <summary>KL0007: replace the regression loss with the matching crossentropy.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0007RegressionLossOnClassifierCodeFixProvider)), Shared]
    public sealed class KL0007RegressionLossOnClassifierCodeFixProvider : KerasLintCodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Knowledge.RuleIds.RegressionLossOnClassifier);
    }
}
