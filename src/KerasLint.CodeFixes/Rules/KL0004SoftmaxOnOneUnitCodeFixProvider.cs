using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KerasLint.CodeFixes
{
    /// <summary>KL0004: softmax on one unit becomes sigmoid.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0004SoftmaxOnOneUnitCodeFixProvider)), Shared]
    public sealed class KL0004SoftmaxOnOneUnitCodeFixProvider : PlannedCodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Knowledge.RuleIds.SoftmaxOnOneUnit);
    }
}
