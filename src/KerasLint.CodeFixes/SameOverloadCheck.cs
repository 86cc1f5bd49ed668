using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace KerasLint.CodeFixes
{
    /// <summary>
    /// The binding check every KerasLint fix passes, whatever the library: each invocation or object creation an
    /// edit touches (every call around the edited expression up to its statement, and a call given a named argument)
    /// binds, after the fix, to the same method (original definition) as before. An argument edit that compiles but
    /// silently picks another overload is therefore not offered. An edit that changes a callee on purpose declares
    /// its new target, and that call must then bind to a method (or a constructor of a type) of the declared name: a
    /// renamed loss or activation factory (<see cref="Declare"/>), a compile given objects instead of strings
    /// (<c>FixPlan.Retarget</c>), a renamed method (<c>.Min()</c> → <c>.Max()</c>), an added named argument or a
    /// removed argument (an overload of the same name: the one with that parameter, or the one without the element).
    /// <para>
    /// The appliers mark the touched calls in the original tree before editing (<see cref="Mark"/>); the marks ride
    /// along every edit around them, so the check finds each call again whatever text moved, and a call the fix
    /// removed is not checked.
    /// </para>
    /// </summary>
    internal static class SameOverloadCheck
    {
        /// <summary>The annotation kind a replacement node carries when it declares the method it is meant to bind to.</summary>
        private const string TargetKind = "KerasLint.DeclaredTarget";

        /// <summary>The annotation kind of a touched call: its original span, and the method name it must bind to when declared.</summary>
        private const string TouchedKind = "KerasLint.TouchedCall";

        /// <summary>The node, marked as meant to bind to a method (or constructor of a type) called <paramref name="name"/>.</summary>
        public static TNode Declare<TNode>(TNode node, string name)
            where TNode : SyntaxNode => node.WithAdditionalAnnotations(new SyntaxAnnotation(TargetKind, name));

        /// <summary>Whether a replacement node declares its target (<see cref="Declare"/>).</summary>
        public static bool IsDeclared(SyntaxNode? node) => node != null && node.HasAnnotations(TargetKind);

        /// <summary>The calls around <paramref name="edited"/>: the invocations and object creations that contain it, up to its statement or member.</summary>
        public static IEnumerable<ExpressionSyntax> EnclosingCalls(SyntaxNode edited)
        {
            for (var n = edited.Parent; n != null && !(n is StatementSyntax) && !(n is MemberDeclarationSyntax); n = n.Parent)
            {
                if (n is InvocationExpressionSyntax || n is BaseObjectCreationExpressionSyntax) yield return (ExpressionSyntax)n;
            }
        }

        /// <summary>
        /// The calls an edit of <paramref name="edited"/> touches, each with the method name it must bind to afterwards
        /// (null: the same method). The name of a call replaced (<c>a.Min()</c>'s <c>Min</c> → <c>Max</c>) declares
        /// that call's target (<paramref name="newName"/>); when the edit retargets the node itself
        /// (<paramref name="retargeted"/>: a loss factory renamed), a call made on it (<c>HuberLoss().forward(p, y)</c>)
        /// is the new type's method of the same name.
        /// </summary>
        public static IEnumerable<(SyntaxNode Call, string? Target)> Touched(SyntaxNode edited, bool retargeted = false, string? newName = null, bool removed = false)
        {
            // An argument removed (the last module of a Sequential) may leave another overload of the same name, as an added one may.
            var argument = edited as ArgumentSyntax ?? edited.Parent as ArgumentSyntax;
            var shortened = removed && argument?.Parent is ArgumentListSyntax list ? list.Parent : null;
            return EnclosingCalls(edited).Select(call => ((SyntaxNode)call,
                call == shortened ? Analysis.SourceSpans.CalleeName(call)
                : call is InvocationExpressionSyntax { Expression: var callee }
                    ? (newName != null && (callee == edited || (callee is MemberAccessExpressionSyntax m && m.Name == edited)) && SyntaxFacts.IsValidIdentifier(newName)
                        ? newName
                        : retargeted && callee is MemberAccessExpressionSyntax member && Unparenthesized(member.Expression) == edited ? member.Name.Identifier.ValueText : null)
                    : null));
        }

        private static SyntaxNode Unparenthesized(ExpressionSyntax e)
        {
            while (e is ParenthesizedExpressionSyntax p) e = p.Expression;
            return e;
        }

        /// <summary>The root with each touched call (a node of <paramref name="root"/>) marked with its span and target, for <see cref="HoldsAsync"/>.</summary>
        public static SyntaxNode Mark(SyntaxNode root, IEnumerable<(SyntaxNode Call, string? Target)> calls)
        {
            var targets = new Dictionary<SyntaxNode, string?>();
            foreach (var (call, target) in calls)
            {
                if (!targets.TryGetValue(call, out var known) || known == null) targets[call] = target;
            }

            return targets.Count == 0 ? root : root.ReplaceNodes(targets.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(new SyntaxAnnotation(TouchedKind,
                original.SpanStart.ToString(CultureInfo.InvariantCulture) + ":" + original.Span.Length.ToString(CultureInfo.InvariantCulture) + ":" + targets[original])));
        }

        /// <summary>
        /// Whether every call of <paramref name="original"/> marked (<see cref="Mark"/>) and still present in
        /// <paramref name="changed"/> binds there as required, and every node declared with <see cref="Declare"/>
        /// binds to its declared name.
        /// </summary>
        private static async Task<bool> HoldsAsync(Document original, Document changed, CancellationToken cancellationToken)
        {
            var newRoot = await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var newModel = await changed.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (newRoot == null || newModel == null) return false;
            foreach (var declared in newRoot.GetAnnotatedNodes(TargetKind))
            {
                var name = declared.GetAnnotations(TargetKind).First().Data ?? "";
                if (!BindsTo(newModel.GetSymbolInfo(declared, cancellationToken).Symbol, name)) return false;
            }

            var touched = newRoot.GetAnnotatedNodes(TouchedKind).ToList();
            if (touched.Count == 0) return true;
            var oldRoot = await original.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var oldModel = await original.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (oldRoot == null || oldModel == null) return false;
            foreach (var node in touched)
            {
                var data = (node.GetAnnotations(TouchedKind).First().Data ?? "").Split(new[] { ':' }, 3);
                if (data.Length != 3 || !int.TryParse(data[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                    || !int.TryParse(data[1], NumberStyles.None, CultureInfo.InvariantCulture, out var length)) return false;
                var target = data[2].Length == 0 ? null : data[2];
                var span = new TextSpan(start, length);
                if (!oldRoot.FullSpan.Contains(span)) return false;
                var call = oldRoot.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf()
                    .FirstOrDefault(n => n.Span == span && (n is InvocationExpressionSyntax || n is BaseObjectCreationExpressionSyntax));
                if (call == null) return false;
                var before = oldModel.GetSymbolInfo(call, cancellationToken).Symbol;
                if (before == null) continue; // it bound to nothing (code that does not compile there): nothing to keep
                var after = newModel.GetSymbolInfo(node, cancellationToken).Symbol;
                if (target != null ? !BindsTo(after, target) : !Same(before, after)) return false;
            }

            return true;
        }

        /// <summary>
        /// <paramref name="changed"/> without the marks, when <see cref="HoldsAsync"/> holds; null otherwise. The marks
        /// never reach the host (a later fix of the same document marks its own).
        /// </summary>
        public static async Task<Document?> CheckedAsync(Document original, Document changed, CancellationToken cancellationToken)
        {
            if (!await HoldsAsync(original, changed, cancellationToken).ConfigureAwait(false)) return null;
            var root = await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null) return null;
            var marked = root.GetAnnotatedNodes(TouchedKind).Concat(root.GetAnnotatedNodes(TargetKind)).Distinct().ToList();
            return marked.Count == 0 ? changed : changed.WithSyntaxRoot(root.ReplaceNodes(marked, (_, n) => n.WithoutAnnotations(TouchedKind).WithoutAnnotations(TargetKind)));
        }

        private static bool BindsTo(ISymbol? symbol, string name) =>
            symbol is IMethodSymbol method && (method.Name == name || (method.MethodKind == MethodKind.Constructor && method.ContainingType.Name == name));

        private static bool Same(ISymbol? before, ISymbol? after) =>
            before != null && after != null
            && before.OriginalDefinition.GetDocumentationCommentId() is { } id && id == after.OriginalDefinition.GetDocumentationCommentId();
    }
}
