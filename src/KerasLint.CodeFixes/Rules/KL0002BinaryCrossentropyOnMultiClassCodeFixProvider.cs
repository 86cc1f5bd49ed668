using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KerasLint.CodeFixes
{
    /// <summary>KL0002: categorical_crossentropy (+ categorical_accuracy), or the sparse variants.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0002BinaryCrossentropyOnMultiClassCodeFixProvider)), Shared]
    public sealed class KL0002BinaryCrossentropyOnMultiClassCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Knowledge.RuleIds.BinaryCrossentropyOnMultiClass);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override Task RegisterCodeFixesAsync(CodeFixContext context) => PlannedFixApplier.RegisterAsync(context);
    }
}
