using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KerasLint.CodeFixes
{
    /// <summary>KL0004: softmax on one unit becomes sigmoid.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0004SoftmaxOnOneUnitCodeFixProvider)), Shared]
    public sealed class KL0004SoftmaxOnOneUnitCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Knowledge.RuleIds.SoftmaxOnOneUnit);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override Task RegisterCodeFixesAsync(CodeFixContext context) => PlannedFixApplier.RegisterAsync(context);
    }
}
