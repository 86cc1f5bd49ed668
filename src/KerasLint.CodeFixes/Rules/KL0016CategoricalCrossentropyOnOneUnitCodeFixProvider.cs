using System.Collections.Immutable;
using System.Composition;
using KerasLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KerasLint.CodeFixes
{
    /// <summary>KL0016: binary_crossentropy (a loss object becomes the library's binary crossentropy object, with default arguments).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0016CategoricalCrossentropyOnOneUnitCodeFixProvider)), Shared]
    public sealed class KL0016CategoricalCrossentropyOnOneUnitCodeFixProvider : KerasLintCodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(KL0105CrossEntropyOnOneUnitAnalyzer.KerasId);
    }
}
