using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KerasLint.Analysis;
using KerasLint.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace KerasLint.CodeFixes
{
    /// <summary>
    /// What a TorchSharp metric (read-out) diagnostic carries (see <see cref="TorchReadoutRuleAnalyzer.Create"/>),
    /// resolved to syntax in the diagnostic's document, and the compile-checked expression rewrites its fixes use.
    /// </summary>
    internal sealed class ReadoutFix
    {
        private readonly SemanticModel model;

        private ReadoutFix(SemanticModel model, ExpressionSyntax node, ExpressionSyntax prediction, ExpressionSyntax? dim, ExpressionSyntax? comparison, ExpressionSyntax? compared, HeadActivation head)
        {
            this.model = model;
            Node = node;
            Prediction = prediction;
            Dim = dim;
            Comparison = comparison;
            Compared = compared;
            Head = head;
        }

        public ExpressionSyntax Node { get; }
        public ExpressionSyntax Prediction { get; }
        public ExpressionSyntax? Dim { get; }
        public ExpressionSyntax? Comparison { get; }
        public ExpressionSyntax? Compared { get; }
        public HeadActivation Head { get; }

        /// <summary>Whether the prediction is thresholded at 0 as its logit would be (<see cref="TorchReadoutRuleAnalyzer.ZeroThresholdProperty"/>).</summary>
        public bool ZeroThresholdKept { get; private set; }

        public static async Task<ReadoutFix?> ReadAsync(Document document, Diagnostic diagnostic, CancellationToken ct)
        {
            var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
            if (root == null || model == null || diagnostic.AdditionalLocations.Count != 4) return null;
            if (!Enum.TryParse<HeadActivation>(diagnostic.Properties.GetValueOrDefault(TorchReadoutRuleAnalyzer.HeadProperty) ?? "", out var head)) return null;
            ExpressionSyntax? Find(Location location, bool orNull)
            {
                if (DocumentResolver.Find(document, diagnostic, location)?.Id != document.Id || !root.FullSpan.Contains(location.SourceSpan)) return null;
                if (orNull && location.SourceSpan == diagnostic.Location.SourceSpan) return null;
                var found = root.FindNode(location.SourceSpan, getInnermostNodeForTie: true);
                for (var n = found; n != null && n.Span == location.SourceSpan; n = n.Parent)
                {
                    if (n is ExpressionSyntax e && !(n.Parent is ExpressionSyntax p && p.Span == n.Span && !(p is ParenthesizedExpressionSyntax))) return e;
                }

                return null;
            }

            var node = Find(diagnostic.Location, orNull: false);
            var additional = diagnostic.AdditionalLocations;
            var prediction = Find(additional[0], orNull: false);
            if (node == null || prediction == null) return null;
            var comparison = additional[2].SourceSpan == diagnostic.Location.SourceSpan ? node : Find(additional[2], orNull: true);
            return new ReadoutFix(model, node, prediction, Find(additional[1], orNull: true), comparison, Find(additional[3], orNull: true), head)
            {
                ZeroThresholdKept = diagnostic.Properties.GetValueOrDefault(TorchReadoutRuleAnalyzer.ZeroThresholdProperty) == "true",
            };
        }

        /// <summary><c>e.name(args)</c>, with <c>e</c> parenthesised when needed.</summary>
        public static InvocationExpressionSyntax Call(ExpressionSyntax receiver, string name, params ExpressionSyntax[] args) =>
            SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Parenthesize(receiver.WithoutTrivia()), Name(name)),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(args.Select(a => SyntaxFactory.Argument(a.WithoutTrivia())))));

        /// <summary>A method name; "@long" as the verbatim identifier it is.</summary>
        private static IdentifierNameSyntax Name(string name) =>
            name.StartsWith("@", StringComparison.Ordinal)
                ? SyntaxFactory.IdentifierName(SyntaxFactory.ParseToken(name))
                : SyntaxFactory.IdentifierName(name);

        public static LiteralExpressionSyntax Number(int value) => SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(value));

        public static LiteralExpressionSyntax Number(double value) => SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(value.ToString("0.0##", System.Globalization.CultureInfo.InvariantCulture), value));

        public static ExpressionSyntax Parenthesize(ExpressionSyntax e) =>
            e is IdentifierNameSyntax || e is InvocationExpressionSyntax || e is MemberAccessExpressionSyntax || e is ElementAccessExpressionSyntax
            || e is ParenthesizedExpressionSyntax || e is ThisExpressionSyntax || e is LiteralExpressionSyntax
                ? e
                : SyntaxFactory.ParenthesizedExpression(e.WithoutTrivia()).WithAdditionalAnnotations(Simplifier.Annotation);

        /// <summary>
        /// The <c>.item&lt;T&gt;()</c> with an integral T that reads <paramref name="node"/> through Tensor calls
        /// (<c>pred.eq(y).sum().item&lt;long&gt;()</c>), where a float would be accepted in its place (an implicit
        /// local, a double, an object); null when there is none or the integer is required.
        /// </summary>
        public InvocationExpressionSyntax? IntegralReadout(ExpressionSyntax node)
        {
            SyntaxNode current = node;
            while (current.Parent is ParenthesizedExpressionSyntax || (current.Parent is MemberAccessExpressionSyntax m && m.Expression == current && m.Parent is InvocationExpressionSyntax))
            {
                current = current.Parent is MemberAccessExpressionSyntax ? current.Parent.Parent! : current.Parent;
                if (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier: { ValueText: "item" }, TypeArgumentList: { Arguments: { Count: 1 } args } } } } item)
                {
                    if (!(model.GetTypeInfo(args[0]).Type is { } t) || !IsIntegral(t.SpecialType)) return null;
                    var converted = model.GetTypeInfo(item).ConvertedType;
                    var implicitLocal = item.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Type: { IsVar: true } } } };
                    return implicitLocal || converted == null || !IsIntegral(converted.SpecialType) ? item : null;
                }

                if (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: { Identifier: { ValueText: "to_type" or "to" or "@float" or "@double" or "@long" or "@int" } } } }) return null;
            }

            return null;
        }

        private static bool IsIntegral(SpecialType t) => t is SpecialType.System_Int64 or SpecialType.System_Int32 or SpecialType.System_Int16 or SpecialType.System_Byte
            or SpecialType.System_UInt64 or SpecialType.System_UInt32 or SpecialType.System_UInt16 or SpecialType.System_SByte;

        /// <summary>The <c>.item&lt;T&gt;()</c> call reading a float instead.</summary>
        public static InvocationExpressionSyntax ReadAsFloat(InvocationExpressionSyntax item)
        {
            var access = (MemberAccessExpressionSyntax)item.Expression;
            var name = (GenericNameSyntax)access.Name;
            var type = name.TypeArgumentList.Arguments[0];
            return item.WithExpression(access.WithName(name.WithTypeArgumentList(name.TypeArgumentList.WithArguments(
                SyntaxFactory.SingletonSeparatedList<TypeSyntax>(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.FloatKeyword)).WithTriviaFrom(type))))));
        }

        /// <summary>Whether the replacement binds, where <paramref name="original"/> is, to a TorchSharp Tensor.</summary>
        public bool BindsToTensor(ExpressionSyntax original, ExpressionSyntax replacement)
        {
            var info = model.GetSpeculativeTypeInfo(original.SpanStart, replacement, SpeculativeBindingOption.BindAsExpression);
            var symbol = model.GetSpeculativeSymbolInfo(original.SpanStart, replacement, SpeculativeBindingOption.BindAsExpression).Symbol;
            return symbol != null && info.Type is INamedTypeSymbol t && t.Name == "Tensor" && t.ContainingType?.Name == "torch"
                && SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(original).Type, t);
        }
    }

    /// <summary>Base of the TorchSharp metric fixes: single-document expression rewrites, checked to bind to a Tensor.</summary>
    public abstract class TorchReadoutCodeFixProvider : KerasLintCodeFixProvider
    {
        internal sealed override async Task<IReadOnlyList<FixCandidate>> CandidatesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var fix = await ReadoutFix.ReadAsync(document, diagnostic, cancellationToken).ConfigureAwait(false);
            if (fix == null) return Array.Empty<FixCandidate>();
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null) return Array.Empty<FixCandidate>();
            var candidates = new List<FixCandidate>();
            foreach (var (title, key, edit) in Actions(fix))
            {
                if (!(edit() is { } edits) || edits.Count == 0 || edits.Keys.Any(a => edits.Keys.Any(b => a != b && a.FullSpan.OverlapsWith(b.FullSpan)))) continue;
                // Every call around a replaced expression (the .eq(y) an argmax was read by) must keep its method: marked first.
                var tracked = root.TrackNodes(edits.Keys);
                var marked = SameOverloadCheck.Mark(tracked, edits.Keys.SelectMany(k => SameOverloadCheck.Touched(tracked.GetCurrentNode(k)!)));
                var keys = edits.Keys.ToDictionary(k => marked.GetCurrentNode(k)!, k => k);
                var changed = document.WithSyntaxRoot(marked.ReplaceNodes(keys.Keys, (current, _) => edits[keys[current]].WithTriviaFrom(current)));
                if (await SameOverloadCheck.CheckedAsync(document, changed, cancellationToken).ConfigureAwait(false) is { } checkedDocument)
                {
                    candidates.Add(new FixCandidate(title, key, _ => Task.FromResult(checkedDocument.Project.Solution)));
                }
            }

            return candidates;
        }

        /// <summary>The code actions for one diagnostic, recommended first: title, equivalence key, and the replacements (null: not offered).</summary>
        internal abstract ImmutableArray<(string Title, string Key, Func<Dictionary<SyntaxNode, SyntaxNode>?> Edit)> Actions(ReadoutFix fix);
    }
}
