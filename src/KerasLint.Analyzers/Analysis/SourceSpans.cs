using System.Threading;
using Microsoft.CodeAnalysis;

namespace KerasLint.Analysis
{
    /// <summary>What rules may read of the source: the text at a model's location (rules never navigate syntax).</summary>
    internal static class SourceSpans
    {
        /// <summary>
        /// The name a call is made by (<c>f(x)</c>, <c>a.f(x)</c>, <c>new T(x)</c>, <c>new N.T(x)</c>: a function, a
        /// module factory, a constructor's type); null for anything else.
        /// </summary>
        public static string? CalleeName(SyntaxNode call) => call switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax { Expression: Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax m } => m.Name.Identifier.ValueText,
            Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax { Expression: Microsoft.CodeAnalysis.CSharp.Syntax.SimpleNameSyntax n } => n.Identifier.ValueText,
            Microsoft.CodeAnalysis.CSharp.Syntax.ObjectCreationExpressionSyntax { Type: Microsoft.CodeAnalysis.CSharp.Syntax.QualifiedNameSyntax q } => q.Right.Identifier.ValueText,
            Microsoft.CodeAnalysis.CSharp.Syntax.ObjectCreationExpressionSyntax { Type: Microsoft.CodeAnalysis.CSharp.Syntax.SimpleNameSyntax n } => n.Identifier.ValueText,
            _ => null,
        };

        /// <summary>The source text a location covers, or null when it is not in source.</summary>
        public static string? TextAt(Location location, CancellationToken cancellationToken = default) =>
            location.SourceTree?.GetText(cancellationToken).ToString(location.SourceSpan);

        /// <summary>
        /// Whether the call or object creation at the location passes at most one positional argument and no argument
        /// named <paramref name="name"/> (so that adding <c>name: value</c> neither repeats nor shifts one).
        /// </summary>
        public static bool IsCallWithoutNamedArgument(Location location, string name, CancellationToken cancellationToken)
        {
            if (!(location.SourceTree?.GetRoot(cancellationToken) is { } root) || !root.FullSpan.Contains(location.SourceSpan)) return false;
            for (var node = root.FindNode(location.SourceSpan, getInnermostNodeForTie: true); node != null && node.Span == location.SourceSpan; node = node.Parent)
            {
                var arguments = node switch
                {
                    Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax call => call.ArgumentList,
                    Microsoft.CodeAnalysis.CSharp.Syntax.BaseObjectCreationExpressionSyntax creation => creation.ArgumentList,
                    _ => null,
                };
                if (arguments == null) continue;
                return System.Linq.Enumerable.Count(arguments.Arguments, a => a.NameColon == null) <= 1
                    && !System.Linq.Enumerable.Any(arguments.Arguments, a => a.NameColon?.Name.Identifier.ValueText == name);
            }

            return false;
        }

        /// <summary>
        /// The location of a <c>null</c>/<c>default</c> literal passed as parameter <paramref name="name"/> (by name, or
        /// positionally at <paramref name="position"/> when every argument is positional and there are exactly
        /// position + 1) of the call at <paramref name="call"/>; null when there is none.
        /// </summary>
        public static Location? NullArgument(Location call, string name, int position, CancellationToken cancellationToken)
        {
            if (!(call.SourceTree?.GetRoot(cancellationToken) is { } root) || !root.FullSpan.Contains(call.SourceSpan)) return null;
            var invocation = System.Linq.Enumerable.FirstOrDefault(
                System.Linq.Enumerable.OfType<Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax>(root.FindNode(call.SourceSpan, getInnermostNodeForTie: true).AncestorsAndSelf()),
                i => i.Span == call.SourceSpan);
            if (invocation == null) return null;
            var arguments = invocation.ArgumentList.Arguments;
            var argument = System.Linq.Enumerable.FirstOrDefault(arguments, a => a.NameColon?.Name.Identifier.ValueText == name)
                ?? (arguments.Count == position + 1 && System.Linq.Enumerable.All(arguments, a => a.NameColon == null) ? arguments[position] : null);
            return argument?.Expression is Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax l
                && (l.RawKind == (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.NullLiteralExpression
                    || l.RawKind == (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.DefaultLiteralExpression)
                ? argument.Expression.GetLocation()
                : null;
        }

        /// <summary>
        /// For an index argument at <paramref name="index"/> (<c>logs["val_acc"]</c>), the method invoked directly on that
        /// element access (<c>logs["val_acc"].Max()</c>): its name's location and text; null otherwise.
        /// </summary>
        public static (Location Name, string Method)? MethodCalledOnIndexer(Location index)
        {
            if (!(index.SourceTree?.GetRoot() is { } root) || !root.FullSpan.Contains(index.SourceSpan)) return null;
            var node = root.FindNode(index.SourceSpan, getInnermostNodeForTie: true);
            var access = System.Linq.Enumerable.FirstOrDefault(
                System.Linq.Enumerable.OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ElementAccessExpressionSyntax>(node.AncestorsAndSelf()),
                e => System.Linq.Enumerable.Any(e.ArgumentList.Arguments, a => a.Expression.Span == index.SourceSpan));
            if (!(access?.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax { Name: Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax name } member)
                || member.Expression != access || !(member.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax)) return null;
            return (name.GetLocation(), name.Identifier.ValueText);
        }
    }
}
