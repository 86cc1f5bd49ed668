using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using KerasLint.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KerasLint.CodeFixes
{
    /// <summary>KL0110: <c>pred.eq(y)</c> → <c>(pred - y).abs()</c>: averaged, the mean absolute error instead of the share of exact hits.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KL0110CodeFixProvider)), Shared]
    public sealed class KL0110CodeFixProvider : TorchReadoutCodeFixProvider
    {
        public const string AbsoluteErrorKey = "KL0110.AbsoluteError";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ExactEqualityOnRegression);

        internal override ImmutableArray<(string Title, string Key, Func<Dictionary<SyntaxNode, SyntaxNode>?> Edit)> Actions(ReadoutFix fix) => ImmutableArray.Create<(string, string, Func<Dictionary<SyntaxNode, SyntaxNode>?>)>(
            ("Measure the absolute error instead of exact equality", AbsoluteErrorKey, () =>
            {
                if (fix.Compared == null) return null;
                var difference = SyntaxFactory.BinaryExpression(SyntaxKind.SubtractExpression,
                    ReadoutFix.Parenthesize(fix.Prediction.WithoutTrivia()).WithTrailingTrivia(SyntaxFactory.Space),
                    SyntaxFactory.Token(SyntaxKind.MinusToken).WithTrailingTrivia(SyntaxFactory.Space),
                    ReadoutFix.Parenthesize(fix.Compared.WithoutTrivia()));
                var replacement = ReadoutFix.Call(difference, "abs");
                if (!fix.BindsToTensor(fix.Node, replacement)) return null;

                // The count of hits was an integer (sum().item<long>()); the summed error is a float: read it as one.
                return fix.IntegralReadout(fix.Node) is { } item
                    ? new Dictionary<SyntaxNode, SyntaxNode> { [item] = ReadoutFix.ReadAsFloat(item.ReplaceNode(fix.Node, replacement.WithTriviaFrom(fix.Node))) }
                    : new Dictionary<SyntaxNode, SyntaxNode> { [fix.Node] = replacement };
            }));
    }
}
