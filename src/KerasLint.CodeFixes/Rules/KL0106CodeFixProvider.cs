using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using KerasLint.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KerasLint.CodeFixes
{
    /// <summary>
    /// KL0106: <c>pred.argmax(1)</c> → <c>pred.squeeze(1).gt(0).@long()</c> on logits, and on relu, tanh, ... outputs, which are
    /// above 0 exactly where their logit is (0.5 on sigmoid outputs): the same shape and dtype, the real class.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0106CodeFixProvider)), Shared]
    public sealed class KL0106CodeFixProvider : TorchReadoutCodeFixProvider
    {
        public const string ThresholdKey = "KL0106.Threshold";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ArgmaxOfOneUnit);

        internal override ImmutableArray<(string Title, string Key, Func<Dictionary<SyntaxNode, SyntaxNode>?> Edit)> Actions(ReadoutFix fix) => ImmutableArray.Create<(string, string, Func<Dictionary<SyntaxNode, SyntaxNode>?>)>(
            (fix.Head switch
            {
                HeadActivation.Sigmoid => "Threshold the sigmoid output at 0.5",
                HeadActivation.Linear => "Threshold the logit at 0",
                _ => "Threshold the output at 0 (where the logit before the activation is)",
            }, ThresholdKey, () => Threshold(fix)));

        private static Dictionary<SyntaxNode, SyntaxNode>? Threshold(ReadoutFix fix)
        {
            if (fix.Dim == null || !(fix.Node is InvocationExpressionSyntax call) || call.ArgumentList.Arguments.Count > (call.Expression is MemberAccessExpressionSyntax m && m.Expression.IsEquivalentTo(fix.Prediction) ? 1 : 2)) return null;
            // A relu, tanh, ... output is above 0 exactly where its logit is (not a softplus: the analyzer says which).
            ExpressionSyntax threshold = fix.Head switch
            {
                HeadActivation.Sigmoid => ReadoutFix.Number(0.5),
                HeadActivation.Linear => ReadoutFix.Number(0),
                HeadActivation.Tanh or HeadActivation.Unbounded when fix.ZeroThresholdKept => ReadoutFix.Number(0),
                _ => null!,
            };
            if (threshold == null) return null;
            var replacement = ReadoutFix.Call(ReadoutFix.Call(ReadoutFix.Call(fix.Prediction, "squeeze", fix.Dim), "gt", threshold), "@long");
            return fix.BindsToTensor(fix.Node, replacement) ? new Dictionary<SyntaxNode, SyntaxNode> { [fix.Node] = replacement } : null;
        }
    }
}
