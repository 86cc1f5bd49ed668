using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KerasLint.CodeFixes
{
    /// <summary>KL0003: name the accuracy explicitly (one action per plausible metric).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0003AmbiguousAccuracyCodeFixProvider)), Shared]
    public sealed class KL0003AmbiguousAccuracyCodeFixProvider : KerasLintCodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Knowledge.RuleIds.AmbiguousAccuracy);
    }
}
