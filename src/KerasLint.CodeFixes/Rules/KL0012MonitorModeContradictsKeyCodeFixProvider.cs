using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KerasLint.CodeFixes
{
    /// <summary>KL0012: set the mode that matches the key.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0012MonitorModeContradictsKeyCodeFixProvider)), Shared]
    public sealed class KL0012MonitorModeContradictsKeyCodeFixProvider : KerasLintCodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Knowledge.RuleIds.MonitorModeContradictsKey);
    }
}
