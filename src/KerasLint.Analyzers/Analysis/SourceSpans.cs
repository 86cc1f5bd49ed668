using System.Threading;
using Microsoft.CodeAnalysis;

namespace KerasLint.Analysis
{
    /// <summary>What rules may read of the source: the text at a model's location (rules never navigate syntax).</summary>
    internal static class SourceSpans
    {
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
    }
}
