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
    /// The one applier of every KerasLint fix, whatever the library: applies a fix action an analyzer planned
    /// (<see cref="FixPlan"/>; offered by <see cref="KerasLintCodeFixProvider"/>): each edit touches only a string
    /// literal token, one argument list or one expression (the expression edits: <see cref="ExpressionEdits"/>), so
    /// comments and formatting around it are kept.
    /// </summary>
    internal static class PlannedFixApplier
    {
        /// <summary>
        /// The solution with the action's edits made, in whatever documents they lie (found by <see cref="DocumentResolver"/>);
        /// null when an edit cannot be made, or when the result does not compile as well as the original did (a new
        /// compiler error in a changed document, such as an overload that no longer resolves), or when a call the edits touch
        /// binds to another method than before without the action declaring it (<see cref="SameOverloadCheck"/>): the fix is
        /// then not offered.
        /// </summary>
        public static async Task<Solution?> ApplyAsync(Document document, Diagnostic diagnostic, FixAction action, CancellationToken cancellationToken)
        {
            // First every edit's document and node, and the calls it touches (marked before editing: SameOverloadCheck).
            var resolved = new List<(FixEdit Edit, Location Location, Document Target)>();
            var touched = new Dictionary<DocumentId, (Document Document, SyntaxNode Root, List<(SyntaxNode Call, string? Target)> Calls)>();
            foreach (var edit in action.Edits)
            {
                var location = diagnostic.AdditionalLocations[edit.Location];
                var target = DocumentResolver.Find(document, diagnostic, location);
                if (target == null) return null;
                if (!touched.TryGetValue(target.Id, out var entry))
                {
                    var root = await target.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                    if (root == null) return null;
                    touched[target.Id] = entry = (target, root, new List<(SyntaxNode, string?)>());
                }

                if (!entry.Root.FullSpan.Contains(location.SourceSpan)) return null;

                // The expressions an edit reads lie in its own document.
                foreach (var operand in edit.Operands)
                {
                    var at = diagnostic.AdditionalLocations[operand];
                    if (DocumentResolver.Find(document, diagnostic, at)?.Id != target.Id || !entry.Root.FullSpan.Contains(at.SourceSpan)) return null;
                }

                entry.Calls.AddRange(Touched(entry.Root.FindNode(location.SourceSpan, getInnermostNodeForTie: true), location, edit));
                resolved.Add((edit, location, target));
            }

            var editors = new Dictionary<DocumentId, ExpressionEdits.Context>();
            foreach (var (edit, location, target) in resolved)
            {
                if (!editors.TryGetValue(target.Id, out var entry))
                {
                    var (original, root, calls) = touched[target.Id];
                    var editor = await DocumentEditor.CreateAsync(original.WithSyntaxRoot(SameOverloadCheck.Mark(root, calls)), cancellationToken).ConfigureAwait(false);
                    var model = await original.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                    if (model == null) return null;
                    var spans = resolved.Where(r => r.Target.Id == target.Id && r.Edit.Kind != FixEditKind.ReadAsFloat).Select(r => r.Location.SourceSpan).ToList();
                    entry = new ExpressionEdits.Context(original, root, model, editor, spans);
                    editors[target.Id] = entry;
                }

                var node = entry.Editor.OriginalRoot.FindNode(location.SourceSpan, getInnermostNodeForTie: true);
                if (!Apply(entry, node, location, edit, diagnostic)) return null;
            }

            if (editors.Count == 0) return null;
            var solution = document.Project.Solution;
            foreach (var entry in editors.Values)
            {
                Document changed;
                try
                {
                    entry.Flush();
                    changed = entry.Editor.GetChangedDocument();
                }
                catch (System.InvalidOperationException)
                {
                    // Two edits of one action on nested nodes (a mutated source can make them overlap): not offered.
                    return null;
                }

                if (await AddsErrorsAsync(entry.Document, changed, cancellationToken).ConfigureAwait(false)) return null;
                if (!(await SameOverloadCheck.CheckedAsync(entry.Document, changed, cancellationToken).ConfigureAwait(false) is { } checkedDocument)) return null;
                solution = solution.WithDocumentSyntaxRoot(entry.Document.Id, (await checkedDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!);
            }

            return solution;
        }

        /// <summary>
        /// The actions of the plan a diagnostic carries (<see cref="FixPlan.Read"/>) whose edits can be made, keep every
        /// touched call's method and add no compiler error, in order (the first is the recommended one).
        /// </summary>
        public static async Task<IReadOnlyList<FixCandidate>> CandidatesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var candidates = new List<FixCandidate>();
            foreach (var action in FixPlan.Read(diagnostic))
            {
                // Made now, so that an action whose result would not compile (or whose location cannot be found) is not offered.
                var changed = await ApplyAsync(document, diagnostic, action, cancellationToken).ConfigureAwait(false);
                if (changed != null) candidates.Add(new FixCandidate(action.Title, action.EquivalenceKey, _ => Task.FromResult(changed)));
            }

            return candidates;
        }

        /// <summary>Whether the changed document has more compiler errors than the original (by id: a fix must not make code ambiguous or ill-formed).</summary>
        private static async Task<bool> AddsErrorsAsync(Document original, Document changed, CancellationToken cancellationToken)
        {
            static async Task<Dictionary<string, int>> ErrorsAsync(Document d, CancellationToken ct)
            {
                var model = await d.GetSemanticModelAsync(ct).ConfigureAwait(false);
                var counts = new Dictionary<string, int>();
                if (model == null) return counts;
                foreach (var e in model.GetDiagnostics(cancellationToken: ct).Where(e => e.Severity == DiagnosticSeverity.Error))
                {
                    counts[e.Id] = counts.TryGetValue(e.Id, out var n) ? n + 1 : 1;
                }

                return counts;
            }

            var before = await ErrorsAsync(original, cancellationToken).ConfigureAwait(false);
            var after = await ErrorsAsync(changed, cancellationToken).ConfigureAwait(false);
            return after.Any(e => !before.TryGetValue(e.Key, out var n) || e.Value > n);
        }

        /// <summary>
        /// The calls an edit touches (<see cref="SameOverloadCheck"/>): those around the edited node (a call whose name it
        /// replaces is meant to bind to the new name, a call whose argument it removes to one of the same name); for an added argument,
        /// the call it is added to as well, which may take another overload of its name (the one with that parameter: the
        /// argument declares it, as <c>keras.layers.Dense(10)</c> + <c>activation:</c> does); for
        /// <see cref="FixEditKind.Retarget"/>, the call, with the method it declares.
        /// </summary>
        private static IEnumerable<(SyntaxNode Call, string? Target)> Touched(SyntaxNode node, Location location, FixEdit edit)
        {
            if (ExpressionEdits.IsTyped(edit.Kind)) return ExpressionEdits.Touched(node, location, edit);
            var edited = node.AncestorsAndSelf().FirstOrDefault(n => n.Span == location.SourceSpan && (n is InvocationExpressionSyntax || n is BaseObjectCreationExpressionSyntax))
                ?? node.AncestorsAndSelf().FirstOrDefault(n => n.Span == location.SourceSpan) ?? node;
            if (edit.Kind == FixEditKind.Retarget) return new[] { (edited, (string?)edit.Value) };
            var around = SameOverloadCheck.Touched(edited, newName: edit.Kind == FixEditKind.ReplaceExpression ? edit.Value : null, removed: edit.Kind == FixEditKind.RemoveElement);
            return edit.Kind is FixEditKind.AddNamedArgument or FixEditKind.AddNamedExpressionArgument ? around.Prepend((edited, SourceSpans.CalleeName(edited))) : around;
        }

        private static bool LastOfSeveral<T>(SeparatedSyntaxList<T> list, T node)
            where T : SyntaxNode => list.Count > 1 && list[list.Count - 1] == node;

        private static ArgumentListSyntax WithArgument(ArgumentListSyntax list, ArgumentSyntax argument)
        {
            var nodes = list.Arguments.ToList();
            var separators = list.Arguments.GetSeparators().ToList();
            if (nodes.Count > 0) separators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
            nodes.Add(argument);
            return list.WithArguments(SyntaxFactory.SeparatedList(nodes, separators));
        }

        private static bool Apply(ExpressionEdits.Context context, SyntaxNode node, Location location, FixEdit edit, Diagnostic diagnostic)
        {
            var editor = context.Editor;
            if (ExpressionEdits.IsTyped(edit.Kind)) return ExpressionEdits.Apply(context, location, edit, diagnostic);
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

                    // An argument (a params element of keras.Sequential(a, b), an optional null), or the argument of a statement that only adds it (model.add(b)).
                    if (element?.Parent is ArgumentSyntax argument && argument.Parent is ArgumentListSyntax arguments)
                    {
                        if (arguments.Arguments.Count > 1)
                        {
                            editor.RemoveNode(argument, LastOfSeveral(arguments.Arguments, argument) ? SyntaxRemoveOptions.KeepTrailingTrivia : SyntaxRemoveOptions.KeepNoTrivia);
                            return true;
                        }

                        if (arguments.Parent is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: { Identifier: { ValueText: "add" or "Add" } } } } add
                            && add.Parent is ExpressionStatementSyntax { Parent: BlockSyntax } statement)
                        {
                            editor.RemoveNode(statement, SyntaxRemoveOptions.KeepUnbalancedDirectives);
                            return true;
                        }

                        return false;
                    }

                    if (!(element?.Parent is InitializerExpressionSyntax initializer)) return false;

                    // new string[2] { "a", "b" } → new string[1] { "a" }: an explicit length must follow the count.
                    if (initializer.Parent is ArrayCreationExpressionSyntax { Type: { RankSpecifiers: { Count: 1 } ranks } } && ranks[0].Sizes.Count == 1
                        && !(ranks[0].Sizes[0] is OmittedArraySizeExpressionSyntax))
                    {
                        if (!(ranks[0].Sizes[0] is LiteralExpressionSyntax size) || !(size.Token.Value is int n) || n != initializer.Expressions.Count) return false;
                        editor.ReplaceNode(size, SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(n - 1)).WithTriviaFrom(size));
                    }

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

                case FixEditKind.Retarget:
                    return node.AncestorsAndSelf().Any(n => n.Span == location.SourceSpan && (n is InvocationExpressionSyntax || n is BaseObjectCreationExpressionSyntax));

                default:
                    return false;
            }
        }
    }
}
