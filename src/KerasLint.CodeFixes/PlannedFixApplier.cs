using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KerasLint.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace KerasLint.CodeFixes
{
    /// <summary>
    /// Applies a fix action an analyzer planned (<see cref="FixPlan"/>; offered by <see cref="PlannedCodeFixProvider"/>): each edit touches only a string
    /// literal token, one argument list or one expression, so comments and formatting around it are kept.
    /// </summary>
    internal static class PlannedFixApplier
    {
        public static async Task<Document> ApplyAsync(Document document, Diagnostic diagnostic, FixAction action, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null) return document;
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            foreach (var edit in action.Edits)
            {
                // The document is matched by path and span, not by tree identity: a host may re-create the diagnostic
                // against the same document (dotnet format, a re-analysis), and the fix must still apply.
                var location = diagnostic.AdditionalLocations[edit.Location];
                if (!SameDocument(location, document) || !root.FullSpan.Contains(location.SourceSpan)) return document;
                var node = root.FindNode(location.SourceSpan, getInnermostNodeForTie: true);
                if (!Apply(editor, node, location, edit)) return document;
            }

            return editor.GetChangedDocument();
        }

        private static bool LastOfSeveral<T>(SeparatedSyntaxList<T> list, T node)
            where T : SyntaxNode => list.Count > 1 && list[list.Count - 1] == node;

        private static bool SameDocument(Location location, Document document) =>
            location.SourceTree is { } tree && (string.IsNullOrEmpty(tree.FilePath) ? document.FilePath == null : tree.FilePath == document.FilePath);

        private static ArgumentListSyntax WithArgument(ArgumentListSyntax list, ArgumentSyntax argument)
        {
            var nodes = list.Arguments.ToList();
            var separators = list.Arguments.GetSeparators().ToList();
            if (nodes.Count > 0) separators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
            nodes.Add(argument);
            return list.WithArguments(SyntaxFactory.SeparatedList(nodes, separators));
        }

        private static bool Apply(DocumentEditor editor, SyntaxNode node, Location location, FixEdit edit)
        {
            switch (edit.Kind)
            {
                case FixEditKind.ReplaceString:
                {
                    var literal = node.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>().FirstOrDefault(l => l.Span == location.SourceSpan && l.IsKind(SyntaxKind.StringLiteralExpression));
                    if (literal == null) return false;
                    var token = literal.Token;
                    var newToken = SyntaxFactory.Literal(token.LeadingTrivia, SyntaxFactory.Literal(edit.Value).Text, edit.Value, token.TrailingTrivia);
                    editor.ReplaceNode(literal, literal.WithToken(newToken));
                    return true;
                }

                case FixEditKind.AddNamedArgument:
                case FixEditKind.AddNamedExpressionArgument:
                {
                    ExpressionSyntax value;
                    if (edit.Kind == FixEditKind.AddNamedArgument)
                    {
                        value = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(edit.Value));
                    }
                    else
                    {
                        value = SyntaxFactory.ParseExpression(edit.Value);
                        if (value.ContainsDiagnostics) return false;
                    }

                    var argument = SyntaxFactory.Argument(
                        SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(edit.Name)).WithTrailingTrivia(SyntaxFactory.Space),
                        default,
                        value);

                    // An object creation (Keras.NET layers, TF.NET loss classes) or a call (TF.NET's keras.layers.Dense(...), keras.losses.X(...)).
                    var target = node.AncestorsAndSelf().FirstOrDefault(n => n.Span == location.SourceSpan && (n is BaseObjectCreationExpressionSyntax || n is InvocationExpressionSyntax));
                    if (target is BaseObjectCreationExpressionSyntax creation)
                    {
                        editor.ReplaceNode(creation, creation.WithArgumentList(WithArgument(creation.ArgumentList ?? SyntaxFactory.ArgumentList(), argument)));
                        return true;
                    }

                    if (target is InvocationExpressionSyntax invocation)
                    {
                        editor.ReplaceNode(invocation, invocation.WithArgumentList(WithArgument(invocation.ArgumentList, argument)));
                        return true;
                    }

                    return false;
                }

                case FixEditKind.RemoveElement:
                {
                    var element = node.AncestorsAndSelf().OfType<ExpressionSyntax>().FirstOrDefault(e => e.Span == location.SourceSpan);
                    while (element?.Parent is ParenthesizedExpressionSyntax p) element = p;
                    if (element?.Parent is ExpressionElementSyntax { Parent: CollectionExpressionSyntax collection } inCollection)
                    {
                        editor.RemoveNode(inCollection, LastOfSeveral(collection.Elements, inCollection) ? SyntaxRemoveOptions.KeepTrailingTrivia : SyntaxRemoveOptions.KeepNoTrivia);
                        return true;
                    }

                    if (!(element?.Parent is InitializerExpressionSyntax initializer)) return false;

                    // The last of several keeps the space before the closing brace ({ "a", "b" } → { "a" }).
                    editor.RemoveNode(element, LastOfSeveral(initializer.Expressions, element) ? SyntaxRemoveOptions.KeepTrailingTrivia : SyntaxRemoveOptions.KeepNoTrivia);
                    return true;
                }

                case FixEditKind.ReplaceExpression:
                {
                    var expression = node.AncestorsAndSelf().OfType<ExpressionSyntax>().FirstOrDefault(e => e.Span == location.SourceSpan);
                    if (expression == null) return false;
                    var replacement = SyntaxFactory.ParseExpression(edit.Value);
                    if (replacement.ContainsDiagnostics) return false;
                    editor.ReplaceNode(expression, replacement.WithTriviaFrom(expression));
                    return true;
                }

                default:
                    return false;
            }
        }
    }
}
