using System.Collections.Immutable;
using System.Composition;
using KerasLint.Knowledge;
using KerasLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KerasLint.CodeFixes
{
    /// <summary>KL0110: <c>pred.eq(y)</c> → <c>(pred - y).abs()</c>: averaged, the mean absolute error instead of the share of exact hits.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0110CodeFixProvider)), Shared]
    public sealed class KL0110CodeFixProvider : KerasLintCodeFixProvider
    {
        public const string AbsoluteErrorKey = TorchFixPlans.KL0110AbsoluteErrorKey;

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ExactEqualityOnRegression);
    }
}
