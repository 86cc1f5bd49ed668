using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KerasLint.CodeFixes
{
    /// <summary>KL0005: give the output head the activation the loss expects.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0005LossExpectsProbabilitiesCodeFixProvider)), Shared]
    public sealed class KL0005LossExpectsProbabilitiesCodeFixProvider : KerasLintCodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Knowledge.RuleIds.LossExpectsProbabilities);
    }
}
