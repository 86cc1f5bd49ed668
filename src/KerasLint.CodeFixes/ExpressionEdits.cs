using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using KerasLint.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace KerasLint.CodeFixes
{
    /// <summary>
    /// The syntax of the expression edits of <see cref="PlannedFixApplier"/> (remove an activation, switch a factory by
    /// name, wrap an expression in a call, set an integer, rewrite an expression from a template, read a count as a
    /// float): each decided by the analyzer from the model's locations (<see cref="FixEditKind"/>), made here, and
    /// not made (the action is then not offered) when the syntax is not the shape the edit needs or a renamed call
    /// would not bind to a method of its new name whose result fits where the call is.
    /// </summary>
    internal static class ExpressionEdits
    {
        /// <summary>One document's edits in progress: its original tree and model, the editor over the marked tree, and the replacements, composed per node.</summary>
        internal sealed class Context
        {
            private readonly List<SyntaxNode> order = new List<SyntaxNode>();
            private readonly Dictionary<SyntaxNode, Func<SyntaxNode, SyntaxNode>> replacements = new Dictionary<SyntaxNode, Func<SyntaxNode, SyntaxNode>>();

            public Context(Document document, SyntaxNode originalRoot, SemanticModel model, DocumentEditor editor, IReadOnlyList<TextSpan> spans)
            {
                Document = document;
                OriginalRoot = originalRoot;
                Model = model;
                Editor = editor;
                Spans = spans;
            }

            public Document Document { get; }

            /// <summary>The document's root before the marks (<see cref="Model"/>'s tree).</summary>
            public SyntaxNode OriginalRoot { get; }

            public SemanticModel Model { get; }

            public DocumentEditor Editor { get; }

            /// <summary>The spans every edit of the action in this document covers.</summary>
            public IReadOnlyList<TextSpan> Spans { get; }

            /// <summary>The replacement of the node so far (a second edit of the same node composes with the first), or the node.</summary>
            public SyntaxNode Current(SyntaxNode node) => replacements.TryGetValue(node, out var f) ? f(node) : node;

            /// <summary>Replaces <paramref name="node"/> (of the editor's tree) after the earlier replacements of the same node.</summary>
            public void Replace(SyntaxNode node, Func<SyntaxNode, SyntaxNode> replacement)
            {
                if (replacements.TryGetValue(node, out var earlier))
                {
                    replacements[node] = n => replacement(earlier(n));
                }
                else
                {
                    order.Add(node);
                    replacements[node] = replacement;
                }
            }

            /// <summary>Hands the composed replacements to the editor, in the order they were first made.</summary>
            public void Flush()
            {
                foreach (var node in order)
                {
                    var f = replacements[node];
                    Editor.ReplaceNode(node, (current, _) => f(current));
                }

                order.Clear();
                replacements.Clear();
            }
        }

        /// <summary>The identifier a <see cref="FixEditKind.Rewrite"/> template's <c>{i}</c> is parsed as, before operand i takes its place.</summary>
        private const string Placeholder = "__keraslint_operand_";

        public static bool IsTyped(FixEditKind kind) => kind is FixEditKind.RemoveActivation or FixEditKind.SwitchFactory or FixEditKind.WrapInCall
            or FixEditKind.SetInteger or FixEditKind.Rewrite or FixEditKind.ReadAsFloat;

        /// <summary>The calls an expression edit touches (<see cref="SameOverloadCheck"/>), found in the original tree.</summary>
        public static IEnumerable<(SyntaxNode Call, string? Target)> Touched(SyntaxNode node, Location location, FixEdit edit)
        {
            var edited = Find(node.SyntaxTree.GetRoot(), location.SourceSpan);
            if (edited == null) return Array.Empty<(SyntaxNode, string?)>();
            return edit.Kind switch
            {
                FixEditKind.RemoveActivation => edited.Parent is ExpressionStatementSyntax && edit.Name == "Append"
                    ? Array.Empty<(SyntaxNode, string?)>()
                    : SameOverloadCheck.Touched(edited, removed: edit.Name == "SequentialElement"),
                FixEditKind.SwitchFactory => SameOverloadCheck.Touched(edited, retargeted: true),
                FixEditKind.ReadAsFloat => Array.Empty<(SyntaxNode, string?)>(),
                _ => SameOverloadCheck.Touched(edited),
            };
        }

        public static bool Apply(Context context, Location location, FixEdit edit, Diagnostic diagnostic)
        {
            var root = context.Editor.OriginalRoot;
            var span = location.SourceSpan;
            var target = Find(root, span);
            var original = Find(context.OriginalRoot, span);
            if (target == null || original == null) return false;
            ExpressionSyntax? Operand(int i) =>
                i < edit.Operands.Count && Find(root, diagnostic.AdditionalLocations[edit.Operands[i]].SourceSpan) is ExpressionSyntax e ? e : null;

            // Edits of one action may meet on one node (the activation removed from the loss's argument, which is then
            // wrapped), never overlap in part.
            if (edit.Kind != FixEditKind.ReadAsFloat && context.Spans.Any(s => s != span && s.OverlapsWith(span))) return false;

            switch (edit.Kind)
            {
                case FixEditKind.RemoveActivation:
                    return RemoveActivation(context, target, edit.Name, Operand(0));

                case FixEditKind.SwitchFactory:
                {
                    var renamed = Switch(context.Model, target, original, edit.Value, Operand(0), out var renamedInPlace);
                    if (renamed == null) return false;
                    context.Replace(target, current => renamedInPlace ? Rename(current, edit.Value) ?? renamed : renamed);
                    return true;
                }

                case FixEditKind.WrapInCall:
                {
                    if (!(target is ExpressionSyntax expression) || expression.Parent is ArgumentSyntax { NameColon: { } }) return false;
                    var arguments = SyntaxFactory.ParseArgumentList("(" + edit.Value + ")");
                    if (arguments.ContainsDiagnostics || !(context.Current(target) is ExpressionSyntax inner)) return false;
                    ExpressionSyntax Wrap(ExpressionSyntax e) => SyntaxFactory.InvocationExpression(
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Parenthesize(e.WithoutTrivia()), SyntaxFactory.IdentifierName(edit.Name)), arguments).WithTriviaFrom(e);
                    if (!Binds(context.Model, (ExpressionSyntax)original, Wrap(inner), edit.Name)) return false;
                    context.Replace(target, current => Wrap((ExpressionSyntax)current));
                    return true;
                }

                case FixEditKind.SetInteger:
                {
                    if (!(target is LiteralExpressionSyntax literal) || !literal.IsKind(SyntaxKind.NumericLiteralExpression) || !(literal.Token.Value is int)
                        || !int.TryParse(edit.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return false;
                    context.Replace(target, current => SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(value)).WithTriviaFrom(current));
                    return true;
                }

                case FixEditKind.Rewrite:
                {
                    if (!(target is ExpressionSyntax)) return false;
                    var operands = new List<ExpressionSyntax>();
                    var text = edit.Value;
                    for (var i = 0; i < edit.Operands.Count; i++)
                    {
                        if (!(Operand(i) is { } operand)) return false;
                        operands.Add(operand);
                        text = text.Replace("{" + i.ToString(CultureInfo.InvariantCulture) + "}", Placeholder + i.ToString(CultureInfo.InvariantCulture));
                    }

                    // Each {i} becomes operand i as written, parenthesised where it is not an argument and not primary.
                    var parsed = SyntaxFactory.ParseExpression(text);
                    if (parsed.ContainsDiagnostics) return false;
                    var replacement = parsed.ReplaceNodes(parsed.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Where(n => n.Identifier.ValueText.StartsWith(Placeholder, StringComparison.Ordinal)),
                        (placeholder, _) =>
                        {
                            var index = int.Parse(placeholder.Identifier.ValueText.Substring(Placeholder.Length), CultureInfo.InvariantCulture);
                            var operand = operands[index].WithoutTrivia();
                            return (placeholder.Parent is ArgumentSyntax ? operand : Parenthesize(operand)).WithTriviaFrom(placeholder);
                        });
                    if (!KeepsType(context.Model, (ExpressionSyntax)original, replacement)) return false;
                    context.Replace(target, current => replacement.WithTriviaFrom(current));
                    return true;
                }

                case FixEditKind.ReadAsFloat:
                {
                    if (!(original is ExpressionSyntax expression)) return false;
                    if (!(IntegralReadout(context.Model, expression) is { } item)) return true;
                    if (!(Find(root, item.Span) is InvocationExpressionSyntax call)) return false;
                    context.Replace(call, current => current is InvocationExpressionSyntax c ? ReadAsFloat(c) : current);
                    return true;
                }

                default:
                    return false;
            }
        }

        /// <summary>The expression or node whose span is exactly <paramref name="span"/> (a call, creation or tuple first).</summary>
        public static SyntaxNode? Find(SyntaxNode root, TextSpan span)
        {
            if (!root.FullSpan.Contains(span)) return null;
            var node = root.FindNode(span, getInnermostNodeForTie: true);
            for (var n = node; n != null && n.Span == span; n = n.Parent)
            {
                if (n is InvocationExpressionSyntax || n is ObjectCreationExpressionSyntax || n is TupleExpressionSyntax) return n;
            }

            for (var n = node; n != null && n.Span == span; n = n.Parent)
            {
                if (n is ExpressionSyntax && !(n.Parent is ExpressionSyntax p && p.Span == n.Span && !(p is ParenthesizedExpressionSyntax))) return n;
            }

            return node.Span == span ? node : null;
        }

        // ------------------------------------------------------------ removing an activation

        private static bool RemoveActivation(Context context, SyntaxNode site, string kind, ExpressionSyntax? input)
        {
            switch (kind)
            {
                case "Function":
                case "ModuleCall":
                {
                    if (input == null || !(site is InvocationExpressionSyntax outer)) return false;
                    // softmax(softmax(x, 1), 1): the inner one would raise the same diagnostic, so the stack goes.
                    var replacement = Parenthesize(kind == "Function" ? StripStacked(outer, input) : input).WithTriviaFrom(site);
                    context.Replace(site, _ => replacement);
                    return true;
                }

                case "SequentialElement":
                    if (!(site.Parent is ArgumentSyntax argument) || !(argument.Parent is ArgumentListSyntax)) return false;
                    context.Editor.RemoveNode(argument, RemoveOptions(argument));
                    return true;

                case "Append":
                    if (site.Parent is ExpressionStatementSyntax statement && statement.Parent is BlockSyntax)
                    {
                        context.Editor.RemoveNode(statement, RemoveOptions(statement));
                        return true;
                    }

                    if (input != null && site is InvocationExpressionSyntax)
                    {
                        var receiver = input.WithTriviaFrom(site);
                        context.Replace(site, _ => receiver);
                        return true;
                    }

                    return false;

                default:
                    return false;
            }
        }

        private static SyntaxRemoveOptions RemoveOptions(SyntaxNode node)
        {
            var options = SyntaxRemoveOptions.KeepUnbalancedDirectives;
            if (node.GetLeadingTrivia().Any(IsComment)) options |= SyntaxRemoveOptions.KeepLeadingTrivia;
            if (node.GetTrailingTrivia().Any(IsComment)) options |= SyntaxRemoveOptions.KeepTrailingTrivia;
            return options;
        }

        /// <summary>
        /// The input below a stack of the same activation applied the same way (<c>softmax(softmax(x, 1), 1)</c>,
        /// <c>x.sigmoid().sigmoid()</c>): removing only the outer one would leave the diagnostic in place.
        /// </summary>
        private static ExpressionSyntax StripStacked(InvocationExpressionSyntax outer, ExpressionSyntax input)
        {
            var name = NameOf(outer);
            var fromArgument = outer.ArgumentList.Arguments.Count > 0 && outer.ArgumentList.Arguments[0].Expression == input;
            var fromReceiver = outer.Expression is MemberAccessExpressionSyntax access && access.Expression == input;
            var current = input;
            for (var depth = 0; depth < 16 && name != null; depth++)
            {
                var inner = current;
                while (inner is ParenthesizedExpressionSyntax p) inner = p.Expression;
                if (!(inner is InvocationExpressionSyntax call) || NameOf(call) != name) break;
                if (fromArgument && call.ArgumentList.Arguments.Count > 0) current = call.ArgumentList.Arguments[0].Expression;
                else if (fromReceiver && call.Expression is MemberAccessExpressionSyntax m) current = m.Expression;
                else break;
            }

            return current;
        }

        private static string? NameOf(InvocationExpressionSyntax call) => call.Expression switch
        {
            MemberAccessExpressionSyntax m => m.Name.Identifier.ValueText,
            SimpleNameSyntax n => n.Identifier.ValueText,
            _ => null,
        };

        private static bool IsComment(SyntaxTrivia t) => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia);

        /// <summary>The expression, parenthesised (for the simplifier to drop where not needed) unless it is primary.</summary>
        private static ExpressionSyntax Parenthesize(ExpressionSyntax e) =>
            e is IdentifierNameSyntax || e is InvocationExpressionSyntax || e is MemberAccessExpressionSyntax || e is ElementAccessExpressionSyntax
            || e is ParenthesizedExpressionSyntax || e is ThisExpressionSyntax || e is LiteralExpressionSyntax
                ? e
                : SyntaxFactory.ParenthesizedExpression(e.WithoutTrivia()).WithTriviaFrom(e).WithAdditionalAnnotations(Simplifier.Annotation);

        // ------------------------------------------------------------ switching a factory

        /// <summary>The call (or creation) with its method (or type) renamed to <paramref name="name"/>, declared as meant to bind to it; null for another shape.</summary>
        private static ExpressionSyntax? Rename(SyntaxNode node, string name)
        {
            if (node is InvocationExpressionSyntax call)
            {
                ExpressionSyntax? expression = call.Expression switch
                {
                    IdentifierNameSyntax id => Renamed(id, name),
                    MemberAccessExpressionSyntax member when member.Name is IdentifierNameSyntax id => member.WithName(Renamed(id, name)),
                    _ => null,
                };
                return expression == null ? null : SameOverloadCheck.Declare(call.WithExpression(expression), name);
            }

            if (node is ObjectCreationExpressionSyntax creation)
            {
                TypeSyntax? type = creation.Type switch
                {
                    IdentifierNameSyntax id => Renamed(id, name),
                    QualifiedNameSyntax q when q.Right is IdentifierNameSyntax id => q.WithRight(Renamed(id, name)),
                    _ => null,
                };
                return type == null ? null : SameOverloadCheck.Declare(creation.WithType(type), name);
            }

            return null;
        }

        /// <summary>
        /// The call (or creation) renamed to <paramref name="name"/> (<paramref name="inPlace"/>) when it binds there to a
        /// method (or constructor) of that name whose result fits; else, given the function's <paramref name="input"/>,
        /// the input's own method of that name with the call's other argument; null when neither binds.
        /// </summary>
        private static ExpressionSyntax? Switch(SemanticModel model, SyntaxNode node, SyntaxNode original, string name, ExpressionSyntax? input, out bool inPlace)
        {
            inPlace = true;
            var renamed = Rename(node, name);
            if (renamed != null && Binds(model, (ExpressionSyntax)original, renamed, node is ObjectCreationExpressionSyntax ? ".ctor" : name)) return renamed;
            inPlace = false;
            if (!(node is InvocationExpressionSyntax call) || input == null || call.ArgumentList.Arguments.Count != 2) return null;

            // torch.softmax(x, 1) has no torch.log_softmax: the Tensor method.
            var other = call.ArgumentList.Arguments.FirstOrDefault(a => a.Expression != input && !a.Expression.Span.Contains(input.Span))?.Expression;
            if (other == null) return null;
            var candidate = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Parenthesize(input.WithoutTrivia()), SyntaxFactory.IdentifierName(name)),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(other.WithoutTrivia())))).WithTriviaFrom(call);
            return Binds(model, (ExpressionSyntax)original, candidate, name) ? SameOverloadCheck.Declare(candidate, name) : null;
        }

        private static IdentifierNameSyntax Renamed(IdentifierNameSyntax id, string name) =>
            id.WithIdentifier(SyntaxFactory.Identifier(id.Identifier.LeadingTrivia, name, id.Identifier.TrailingTrivia));

        /// <summary>
        /// Whether <paramref name="replacement"/> binds at <paramref name="original"/>'s position to a method called
        /// <paramref name="name"/> whose result can stand where the original's did: the same type, an implicit
        /// conversion to the original's target type, a receiver of <c>forward</c>/<c>call</c>, or the initializer of a
        /// <c>var</c> local used only as such a receiver.
        /// </summary>
        private static bool Binds(SemanticModel model, ExpressionSyntax original, ExpressionSyntax replacement, string name)
        {
            var info = model.GetSpeculativeSymbolInfo(original.SpanStart, replacement, SpeculativeBindingOption.BindAsExpression);
            if (!(info.Symbol is IMethodSymbol method) || method.Name != name) return false;
            var newType = method.MethodKind == MethodKind.Constructor ? method.ContainingType : method.ReturnType;
            var typeInfo = model.GetTypeInfo(original);
            if (typeInfo.Type == null || SymbolEqualityComparer.Default.Equals(newType, typeInfo.Type)) return true;
            var target = typeInfo.ConvertedType;
            if (target != null && !SymbolEqualityComparer.Default.Equals(target, typeInfo.Type))
            {
                return model.Compilation.ClassifyConversion(newType, target).IsImplicit;
            }

            if (IsModuleReceiver(original)) return true;
            if (original.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                && declarator.Parent is VariableDeclarationSyntax { Type: { IsVar: true } } declaration && declaration.Variables.Count == 1
                && model.GetDeclaredSymbol(declarator) is ILocalSymbol local)
            {
                var scope = declaration.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax || n is AccessorDeclarationSyntax || n is LocalFunctionStatementSyntax || n is AnonymousFunctionExpressionSyntax) ?? original.SyntaxTree.GetRoot();
                return scope.DescendantNodes().OfType<IdentifierNameSyntax>()
                    .Where(id => id.Identifier.ValueText == local.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(id).Symbol, local))
                    .All(IsModuleReceiver);
            }

            return false;
        }

        private static bool IsModuleReceiver(ExpressionSyntax e) =>
            e.Parent is MemberAccessExpressionSyntax member && member.Expression == e
            && (member.Name.Identifier.ValueText == "forward" || member.Name.Identifier.ValueText == "call")
            && member.Parent is InvocationExpressionSyntax;

        // ------------------------------------------------------------ rewriting a read-out

        /// <summary>Whether the replacement binds, where <paramref name="original"/> is, to a value of the original's type.</summary>
        private static bool KeepsType(SemanticModel model, ExpressionSyntax original, ExpressionSyntax replacement)
        {
            var info = model.GetSpeculativeTypeInfo(original.SpanStart, replacement, SpeculativeBindingOption.BindAsExpression);
            var symbol = model.GetSpeculativeSymbolInfo(original.SpanStart, replacement, SpeculativeBindingOption.BindAsExpression).Symbol;
            return symbol != null && info.Type != null && info.Type.TypeKind != TypeKind.Error && SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(original).Type, info.Type);
        }

        /// <summary>
        /// The <c>.item&lt;T&gt;()</c> with an integral T that reads <paramref name="node"/> through calls on it
        /// (<c>pred.eq(y).sum().item&lt;long&gt;()</c>), where a float would be accepted in its place (an implicit
        /// local, a double, an object); null when there is none or the integer is required.
        /// </summary>
        private static InvocationExpressionSyntax? IntegralReadout(SemanticModel model, ExpressionSyntax node)
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
        private static InvocationExpressionSyntax ReadAsFloat(InvocationExpressionSyntax item)
        {
            if (!(item.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax { TypeArgumentList: { Arguments: { Count: 1 } } } name } access)) return item;
            var type = name.TypeArgumentList.Arguments[0];
            return item.WithExpression(access.WithName(name.WithTypeArgumentList(name.TypeArgumentList.WithArguments(
                SyntaxFactory.SingletonSeparatedList<TypeSyntax>(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.FloatKeyword)).WithTriviaFrom(type))))));
        }
    }
}
