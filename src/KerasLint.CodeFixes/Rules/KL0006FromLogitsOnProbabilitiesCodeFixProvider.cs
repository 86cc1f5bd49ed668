using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KerasLint.CodeFixes
{
    /// <summary>KL0006: use from_logits: false, or remove the output activation.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0006FromLogitsOnProbabilitiesCodeFixProvider)), Shared]
    public sealed class KL0006FromLogitsOnProbabilitiesCodeFixProvider : KerasLintCodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Knowledge.RuleIds.FromLogitsOnProbabilities);
    }
}
