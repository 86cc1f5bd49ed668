using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using KerasLint.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace KerasLint.CodeFixes
{
    /// <summary>KL0107: compare classes: <c>probs.round().eq(y)</c> → <c>probs.argmax(1).eq(y.argmax(1))</c> (the target is one-hot, as the element-wise comparison implies).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0107CodeFixProvider)), Shared]
    public sealed class KL0107CodeFixProvider : TorchReadoutCodeFixProvider
    {
        public const string CompareClassesKey = "KL0107.CompareArgmax";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ElementwiseAccuracyOnSoftmax);

        internal override ImmutableArray<(string Title, string Key, Func<Dictionary<SyntaxNode, SyntaxNode>?> Edit)> Actions(ReadoutFix fix) => ImmutableArray.Create<(string, string, Func<Dictionary<SyntaxNode, SyntaxNode>?>)>(
            ("Compare classes: argmax(1) of the prediction and of the one-hot target", CompareClassesKey, () =>
            {
                if (fix.Compared == null) return null;
                var prediction = ReadoutFix.Call(fix.Prediction, "argmax", ReadoutFix.Number(1));
                var target = ReadoutFix.Call(fix.Compared, "argmax", ReadoutFix.Number(1));
                if (!fix.BindsToTensor(fix.Node, prediction) || !fix.BindsToTensor(fix.Compared, target)) return null;
                return new Dictionary<SyntaxNode, SyntaxNode> { [fix.Node] = prediction, [fix.Compared] = target };
            }));
    }
}
