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
    }
}
