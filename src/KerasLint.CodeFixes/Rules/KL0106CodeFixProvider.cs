using System.Collections.Immutable;
using System.Composition;
using KerasLint.Knowledge;
using KerasLint.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KerasLint.CodeFixes
{
    /// <summary>
    /// KL0106: <c>pred.argmax(1)</c> → <c>pred.squeeze(1).gt(0).@long()</c> on logits, and on relu, tanh, ... outputs, which are
    /// above 0 exactly where their logit is (0.5 on sigmoid outputs, ln 2 on softplus outputs, 1 on exp outputs: the
    /// value at logit 0): the same shape and dtype, the real class.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0106CodeFixProvider)), Shared]
    public sealed class KL0106CodeFixProvider : KerasLintCodeFixProvider
    {
        public const string ThresholdKey = TorchFixPlans.KL0106ThresholdKey;

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ArgmaxOfOneUnit);
    }
}
