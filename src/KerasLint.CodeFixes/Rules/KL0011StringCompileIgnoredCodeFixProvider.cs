using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KerasLint.CodeFixes
{
    /// <summary>KL0011: pass optimizer and loss objects matching the strings.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0011StringCompileIgnoredCodeFixProvider)), Shared]
    public sealed class KL0011StringCompileIgnoredCodeFixProvider : KerasLintCodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Knowledge.RuleIds.StringCompileIgnored);
    }
}
