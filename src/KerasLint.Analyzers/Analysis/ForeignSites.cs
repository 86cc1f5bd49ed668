using System.Collections.Concurrent;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Analysis
{
    /// <summary>
    /// The diagnostics a member's setups find at sites outside that member: a head built by a helper or a constructor,
    /// a loss object in a field initializer, a callback made in another method (facts the whole-program flow follows,
    /// <see cref="ValueFlow.ProgramFlow"/>), possibly in another file. A diagnostic an operation-block action reports
    /// outside its member's span (in another member of the same file too) is not one of that document's diagnostics
    /// for the IDE: it shows only under full-solution analysis. So one at a site of the setup's head or loss
    /// (<see cref="HeadAndLossSites"/>) is reported by the member that found it, on its setup's loss argument
    /// (<see cref="Rehome"/>: the compile call's line, live, once per compile call that meets the site, each with its
    /// own fixes), and the site becomes its last additional location. The others (a callback or a metric array made
    /// elsewhere: their problem is not the compile call's) are collected here and reported once, at compilation end,
    /// through a <see cref="Reporter"/> (one per id and location; without fixes when the setups plan different ones).
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

        /// <summary>Where a setup's head and loss are written (units, activation, layers, the loss and its from_logits).</summary>
        public static System.Collections.Immutable.ImmutableArray<Location> HeadAndLossSites(Model.TrainingSetup setup)
        {
            var sites = System.Collections.Immutable.ImmutableArray.CreateBuilder<Location>();
            void Add(Location? l)
            {
                if (l != null) sites.Add(l);
            }

            if (setup.Head is { } head)
            {
                Add(head.UnitsLocation);
                Add(head.ActivationSite?.UseLocation);
                Add(head.ActivationSite?.LiteralLocation);
                Add(head.LayerLocation);
                Add(head.DenseLocation);
            }

            Add(setup.Loss.Site.UseLocation);
            Add(setup.Loss.Site.LiteralLocation);
            Add(setup.Loss.FromLogits?.LiteralLocation);
            Add(setup.Loss.FromLogits?.Creation);
            return sites.ToImmutable();
        }

        /// <summary>
        /// The same diagnostic (id, message, severity, fixes) reported at <paramref name="anchor"/>, with its own site
        /// appended to its additional locations (the fixes' edit locations keep their indices).
        /// </summary>
        public static Diagnostic Rehome(Diagnostic d, Location anchor) =>
            Diagnostic.Create(d.Id, d.Descriptor.Category, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), d.Severity, d.DefaultSeverity,
                d.Descriptor.IsEnabledByDefault, d.WarningLevel, d.Descriptor.Title, d.Descriptor.Description, d.Descriptor.HelpLinkUri, anchor,
                additionalLocations: System.Linq.Enumerable.Concat(d.AdditionalLocations, new[] { d.Location }), customTags: d.Descriptor.CustomTags, properties: d.Properties);

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
