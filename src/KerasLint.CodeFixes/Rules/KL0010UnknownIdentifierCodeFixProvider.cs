using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KerasLint.CodeFixes
{
    /// <summary>KL0010: did-you-mean replacement.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0010UnknownIdentifierCodeFixProvider)), Shared]
    public sealed class KL0010UnknownIdentifierCodeFixProvider : KerasLintCodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Knowledge.RuleIds.UnknownIdentifier);
    }
}
