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
        /// The location of a <c>null</c>/<c>default</c> literal or an empty collection expression passed as parameter <paramref name="name"/> (by name, or
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
            return (argument?.Expression is Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax l
                && (l.RawKind == (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.NullLiteralExpression
                    || l.RawKind == (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.DefaultLiteralExpression))
                || argument?.Expression is Microsoft.CodeAnalysis.CSharp.Syntax.CollectionExpressionSyntax { Elements.Count: 0 } // [] converts to every array type too
                ? argument!.Expression.GetLocation()
                : null;
        }

        /// <summary>The text of the only argument of the call at the location (<c>logits</c> in <c>tf.nn.softmax(logits)</c>); null otherwise.</summary>
        public static string? SingleArgumentText(Location call, CancellationToken cancellationToken)
        {
            if (!(call.SourceTree?.GetRoot(cancellationToken) is { } root) || !root.FullSpan.Contains(call.SourceSpan)) return null;
            var node = root.FindNode(call.SourceSpan, getInnermostNodeForTie: true);
            var invocation = System.Linq.Enumerable.FirstOrDefault(System.Linq.Enumerable.OfType<Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax>(node.AncestorsAndSelf()), i => i.Span == call.SourceSpan);
            return invocation?.ArgumentList.Arguments is { Count: 1 } arguments && arguments[0].NameColon == null && arguments[0].RefKindKeyword.RawKind == 0
                ? arguments[0].Expression.ToString()
                : null;
        }

        /// <summary>
        /// How the values read with a History key at <paramref name="key"/> are used, in its member: through the element
        /// access (<c>logs["val_acc"]</c>), a local it initialises, or <c>TryGetValue</c>'s out variable. <c>Best</c>: every
        /// <c>Max</c>/<c>Min</c> taken of those values (<c>values.Max()</c>, <c>Enumerable.Max(values)</c>), by its name's
        /// location; <c>Ordered</c>: whether they are also compared (<c>&lt;</c>, <c>&gt;</c>, a <c>Max()</c> compared to a
        /// threshold), ranked (<c>OrderBy</c>, <c>MaxBy</c>, <c>Sort</c>) or looked up by value (<c>IndexOf</c>), which a
        /// key whose best value is the other way round would silently invert. Null when the key is not in source.
        /// </summary>
        public static (System.Collections.Generic.List<(Location Name, string Method)> Best, bool Ordered)? ValueUses(Location key, CancellationToken cancellationToken = default)
        {
            if (!(key.SourceTree?.GetRoot(cancellationToken) is { } root) || !root.FullSpan.Contains(key.SourceSpan)) return null;
            var node = root.FindNode(key.SourceSpan, getInnermostNodeForTie: true);
            var argument = System.Linq.Enumerable.FirstOrDefault(System.Linq.Enumerable.OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax>(node.AncestorsAndSelf()), a => a.Expression.Span == key.SourceSpan);
            if (argument == null) return null;
            var member = System.Linq.Enumerable.FirstOrDefault(argument.Ancestors(), a => a is Microsoft.CodeAnalysis.CSharp.Syntax.BaseMethodDeclarationSyntax
                || a is Microsoft.CodeAnalysis.CSharp.Syntax.AccessorDeclarationSyntax || a is Microsoft.CodeAnalysis.CSharp.Syntax.LocalFunctionStatementSyntax
                || a is Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax) ?? root;
            var values = new System.Collections.Generic.List<Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax>();
            string? local = null;
            if (argument.Parent?.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ElementAccessExpressionSyntax access)
            {
                values.Add(access);
                var outer = Outermost(access);
                if (outer.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.EqualsValueClauseSyntax { Parent: Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax declarator }) local = declarator.Identifier.ValueText;
            }
            else if (argument.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentListSyntax { Parent: Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax call } list
                && call.Expression is Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax { Name.Identifier.ValueText: "TryGetValue" }
                && System.Linq.Enumerable.FirstOrDefault(list.Arguments, a => a.RefKindKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.OutKeyword)) is { } outArgument)
            {
                local = outArgument.Expression switch
                {
                    Microsoft.CodeAnalysis.CSharp.Syntax.DeclarationExpressionSyntax { Designation: Microsoft.CodeAnalysis.CSharp.Syntax.SingleVariableDesignationSyntax v } => v.Identifier.ValueText,
                    Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax n => n.Identifier.ValueText,
                    _ => null,
                };
            }

            if (local != null)
            {
                values.AddRange(System.Linq.Enumerable.Where(System.Linq.Enumerable.OfType<Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax>(member.DescendantNodes()),
                    n => n.Identifier.ValueText == local && !(n.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax m && m.Name == n)));
            }

            var best = new System.Collections.Generic.List<(Location, string)>();
            var ordered = false;
            foreach (var value in values)
            {
                var v = Outermost(value);
                if (v.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax { Parent: Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax invocation } m && m.Expression == v)
                {
                    // values.Max(), values.OrderBy(…), values.IndexOf(…), values.Last()…
                    ordered |= Classify(m.Name.Identifier.ValueText, m.Name, invocation, onValues: true, best);
                }
                else if (v.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax { Parent: Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentListSyntax { Parent: Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax call } }
                    && call.Expression switch
                    {
                        Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax ma => ma.Name,
                        Microsoft.CodeAnalysis.CSharp.Syntax.SimpleNameSyntax sn => sn,
                        _ => null,
                    } is { } name)
                {
                    // Enumerable.Max(values), Math.Max(values[0], …), Array.Sort(values)
                    ordered |= Classify(name.Identifier.ValueText, name, call, onValues: false, best);
                }
                else
                {
                    // values[i], values.Count…: a value of the series; compared, it is ordered.
                    ordered |= Compared(v);
                }
            }

            return (best, ordered);
        }

        private static Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax Outermost(Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax e)
        {
            while (e.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ParenthesizedExpressionSyntax p) e = p;
            return e;
        }

        /// <summary>Whether the expression (or a value read from it by index) is compared with &lt;, &gt;, &lt;=, &gt;=.</summary>
        private static bool Compared(Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax e)
        {
            e = Outermost(e);
            if (e.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ElementAccessExpressionSyntax a && a.Expression == e) e = Outermost(a);
            return e.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.BinaryExpressionSyntax b && (b.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.LessThanExpression)
                || b.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.GreaterThanExpression) || b.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.LessThanOrEqualExpression)
                || b.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.GreaterThanOrEqualExpression));
        }

        /// <summary>
        /// A method applied to the values (on them, or given them as its only argument): Max/Min are recorded, and ordered
        /// when their result is compared; sorting, ranking and predicates (a lambda: a threshold, most likely) are ordered;
        /// any other call is ordered only when its result is compared.
        /// </summary>
        private static bool Classify(string method, Microsoft.CodeAnalysis.CSharp.Syntax.SimpleNameSyntax name, Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax call,
            bool onValues, System.Collections.Generic.List<(Location, string)> best)
        {
            if (method is "Max" or "Min" && name is Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax && (onValues ? call.ArgumentList.Arguments.Count == 0 : call.ArgumentList.Arguments.Count == 1))
            {
                best.Add((name.GetLocation(), method));
                return Compared(call);
            }

            if (method is "Max" or "Min" or "MaxBy" or "MinBy" or "OrderBy" or "OrderByDescending" or "Order" or "OrderDescending" or "Sort" or "BinarySearch") return true;
            if (System.Linq.Enumerable.Any(call.ArgumentList.Arguments, a => a.Expression is Microsoft.CodeAnalysis.CSharp.Syntax.LambdaExpressionSyntax)) return true;
            return onValues && Compared(call);
        }
    }
}
