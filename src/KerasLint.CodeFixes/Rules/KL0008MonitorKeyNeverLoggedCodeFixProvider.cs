using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KerasLint.CodeFixes
{
    /// <summary>KL0008: monitor the key that is actually logged.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0008MonitorKeyNeverLoggedCodeFixProvider)), Shared]
    public sealed class KL0008MonitorKeyNeverLoggedCodeFixProvider : KerasLintCodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Knowledge.RuleIds.MonitorKeyNeverLogged);
    }
}
