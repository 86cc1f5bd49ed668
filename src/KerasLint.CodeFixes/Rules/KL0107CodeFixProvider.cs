using System.Collections.Immutable;
using System.Composition;
using KerasLint.Knowledge;
using KerasLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KerasLint.CodeFixes
{
    /// <summary>KL0107: compare classes: <c>probs.round().eq(y)</c> → <c>probs.argmax(1).eq(y.argmax(1))</c> (the target is one-hot, as the element-wise comparison implies).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0107CodeFixProvider)), Shared]
    public sealed class KL0107CodeFixProvider : KerasLintCodeFixProvider
    {
        public const string CompareClassesKey = TorchFixPlans.KL0107CompareClassesKey;

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ElementwiseAccuracyOnSoftmax);
    }
}
