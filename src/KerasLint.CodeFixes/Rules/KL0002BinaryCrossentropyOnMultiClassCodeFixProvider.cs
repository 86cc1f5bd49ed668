using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KerasLint.CodeFixes
{
    /// <summary>KL0002: categorical_crossentropy (+ categorical_accuracy), or the sparse variants.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0002BinaryCrossentropyOnMultiClassCodeFixProvider)), Shared]
    public sealed class KL0002BinaryCrossentropyOnMultiClassCodeFixProvider : KerasLintCodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Knowledge.RuleIds.BinaryCrossentropyOnMultiClass);
    }
}
