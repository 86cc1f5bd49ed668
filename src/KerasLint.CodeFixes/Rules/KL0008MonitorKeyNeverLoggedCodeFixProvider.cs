using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KerasLint.CodeFixes
{
    /// <summary>KL0008: monitor the key that is actually logged.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0008MonitorKeyNeverLoggedCodeFixProvider)), Shared]
    public sealed class KL0008MonitorKeyNeverLoggedCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Knowledge.RuleIds.MonitorKeyNeverLogged);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override Task RegisterCodeFixesAsync(CodeFixContext context) => PlannedFixApplier.RegisterAsync(context);
    }
}
