using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Analysis
{
    /// <summary>
    /// Where a member reports what its setups find at sites outside that member: a head built by a helper or a
    /// constructor, a loss object in a field initializer, a callback made in another method, a metrics array in a field
    /// of another class (facts the whole-program flow follows, <see cref="ValueFlow.ProgramFlow"/>), possibly in another
    /// file. A diagnostic an operation-block action reports outside its member's span (in another member of the same
    /// file too) is not one of that document's diagnostics for the IDE: it shows only under full-solution analysis. So
    /// the member that found it reports it inside itself, on the part of the compile or fit call that brings the site in
    /// (<see cref="Anchors"/>: the loss argument for the head and the loss, the metrics argument for a metric, the
    /// callbacks element or argument for a callback, else the compile call's name), live, once per id and site in the
    /// member (<see cref="Reporter"/>), and the site becomes its last additional location (<see cref="Rehome"/>).
    /// Nothing is reported at compilation end.
    /// </summary>
    internal static class ForeignSites
    {
        /// <summary>Whether a location lies in one of the member's blocks.</summary>
        public static bool IsLocal(Location location, ImmutableArray<IOperation> blocks)
        {
            foreach (var block in blocks)
            {
                if (block.Syntax.SyntaxTree == location.SourceTree && block.Syntax.Span.Contains(location.SourceSpan)) return true;
            }

            return false;
        }

        /// <summary>Where a setup's head and loss are written (units, activation, layers, the loss and its from_logits).</summary>
        public static ImmutableArray<Location> HeadAndLossSites(Model.TrainingSetup setup)
        {
            var sites = ImmutableArray.CreateBuilder<Location>();
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
        /// The sites of a setup's parts, each with the places of the compile or fit call that bring it in, innermost first
        /// (a place outside the member does not serve: the next one, or the compile call's name, does), and whether the
        /// part may serve other setups too (a callback a helper hands to several fits: <see cref="Model.CallbackInfo.Shared"/>).
        /// </summary>
        public static ImmutableArray<(ImmutableArray<Location> Sites, ImmutableArray<Location> Through, bool Shared)> Anchors(Model.TrainingSetup setup)
        {
            var groups = ImmutableArray.CreateBuilder<(ImmutableArray<Location>, ImmutableArray<Location>, bool)>();
            groups.Add((HeadAndLossSites(setup), ImmutableArray.Create(setup.Loss.Site.UseLocation), false));
            var metricsArgument = setup.Anchors?.Metrics is { } m ? ImmutableArray.Create(m) : ImmutableArray<Location>.Empty;
            foreach (var metric in setup.Metrics ?? ImmutableArray<Model.MetricInfo>.Empty)
            {
                groups.Add((Sites(metric.Site.UseLocation, metric.Site.LiteralLocation, metric.ElementLocation, metric.EmptyCollection?.Location), metricsArgument, false));
            }

            foreach (var callback in setup.Callbacks)
            {
                groups.Add((Sites(callback.Creation, callback.Monitor.UseLocation, callback.Monitor.LiteralLocation, callback.Mode?.UseLocation, callback.Mode?.LiteralLocation), callback.Routes, callback.Shared));
            }

            return groups.ToImmutable();
        }

        private static ImmutableArray<Location> Sites(params Location?[] locations)
        {
            var sites = ImmutableArray.CreateBuilder<Location>(locations.Length);
            foreach (var l in locations)
            {
                if (l != null) sites.Add(l);
            }

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
    }
}
