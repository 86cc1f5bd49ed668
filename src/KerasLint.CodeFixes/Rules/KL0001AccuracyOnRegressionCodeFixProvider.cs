using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KerasLint.CodeFixes
{
    /// <summary>KL0001: replace "accuracy" with the loss's natural metric, remove it, or monitor the loss instead.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0001AccuracyOnRegressionCodeFixProvider)), Shared]
    public sealed class KL0001AccuracyOnRegressionCodeFixProvider : KerasLintCodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Knowledge.RuleIds.AccuracyOnRegression);
    }
}
