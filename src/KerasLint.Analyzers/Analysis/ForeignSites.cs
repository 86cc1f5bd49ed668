using System.Collections.Concurrent;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Analysis
{
    /// <summary>
    /// The diagnostics a member's setups find at sites outside that member: a head built by a helper or a constructor,
    /// a loss object in a field initializer, a callback made in another method (facts the whole-program flow follows,
    /// <see cref="ValueFlow.ProgramFlow"/>), possibly in another file. An operation-block action cannot report in
    /// another file, and two members compiling the same model would each find the site: they are collected here per
    /// compilation and reported once, at compilation end, through a <see cref="Reporter"/> (one per id and location;
    /// without fixes when the setups plan different ones). What the member's own sites show stays live in the editor.
    /// </summary>
    internal sealed class ForeignSites
    {
        private readonly ConcurrentQueue<Diagnostic> found = new ConcurrentQueue<Diagnostic>();

        /// <summary>Whether a location lies in one of the member's blocks.</summary>
        public static bool IsLocal(Location location, System.Collections.Immutable.ImmutableArray<IOperation> blocks)
        {
            foreach (var block in blocks)
            {
                if (block.Syntax.SyntaxTree == location.SourceTree && block.Syntax.Span.Contains(location.SourceSpan)) return true;
            }

            return false;
        }

        public void Add(Diagnostic diagnostic) => found.Enqueue(diagnostic);

        /// <summary>Reports what was collected, each (id, location) once, in a deterministic order (path, position, id).</summary>
        public void Report(CompilationAnalysisContext context)
        {
            if (found.IsEmpty) return;
            var reporter = new Reporter(context.ReportDiagnostic, context.CancellationToken);
            foreach (var d in found.OrderBy(d => d.Location.SourceTree?.FilePath, System.StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, System.StringComparer.Ordinal)
                .ThenBy(d => d.Properties.Count).ThenBy(d => string.Join("|", d.Properties.OrderBy(p => p.Key, System.StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value)), System.StringComparer.Ordinal))
            {
                reporter.Report(d);
            }

            reporter.Flush();
        }
    }
}
