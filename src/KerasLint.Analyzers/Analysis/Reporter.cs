using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace KerasLint.Analysis
{
    /// <summary>
    /// Collects one member's diagnostics and reports each (id, location) once, at <see cref="Flush"/>. A site shared
    /// by several compile calls (a callback, a layer) is found once per setup; when those setups plan different fixes
    /// for it (a callback fixed for one compile would break the other), the diagnostic keeps only the actions every
    /// setup planned alike (<see cref="FixPlan.Common"/>): a fix is offered only when applying it removes the diagnostic.
    /// </summary>
    internal sealed class Reporter
    {
        private readonly System.Action<Diagnostic> report;
        private readonly Dictionary<(string Id, Location Location), Diagnostic> found = new Dictionary<(string, Location), Diagnostic>();
        private readonly List<(string Id, Location Location)> order = new List<(string, Location)>();

        private readonly System.Func<Location, bool>? isLocal;
        private readonly ForeignSites? foreign;

        /// <summary>Where a diagnostic found at a site outside the member is reported instead (the anchor when first found).</summary>
        private readonly Dictionary<(string Id, Location Location), Location> anchors = new Dictionary<(string, Location), Location>();

        public Reporter(System.Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            this.report = report;
            CancellationToken = cancellationToken;
        }

        /// <summary>
        /// A member's reporter: a diagnostic at a head or loss site outside the member is reported on the setup's loss
        /// argument (<see cref="Follow"/>; once per id and site); any other outside site goes to <paramref name="foreign"/>,
        /// reported once at compilation end.
        /// </summary>
        public Reporter(System.Action<Diagnostic> report, CancellationToken cancellationToken, System.Func<Location, bool> isLocal, ForeignSites foreign)
            : this(report, cancellationToken)
        {
            this.isLocal = isLocal;
            this.foreign = foreign;
        }

        public CancellationToken CancellationToken { get; }

        private Location? anchor;
        private ImmutableArray<Location> anchoredSites = ImmutableArray<Location>.Empty;

        /// <summary>
        /// The setup whose rules report next: a diagnostic at one of <paramref name="sites"/> (its head's and its loss's)
        /// outside the member is reported on <paramref name="lossArgument"/> (the compile call's line), live
        /// (<see cref="ForeignSites.Rehome"/>); any other site outside the member goes to compilation end.
        /// </summary>
        public void Follow(Location lossArgument, ImmutableArray<Location> sites)
        {
            anchor = lossArgument;
            anchoredSites = sites;
        }

        public void Report(Diagnostic diagnostic)
        {
            var key = (diagnostic.Id, diagnostic.Location);
            if (foreign != null && isLocal != null && !isLocal(diagnostic.Location))
            {
                if (!anchors.ContainsKey(key))
                {
                    if (anchor == null || !isLocal(anchor) || !anchoredSites.Contains(diagnostic.Location))
                    {
                        foreign.Add(diagnostic);
                        return;
                    }

                    anchors[key] = anchor;
                }
            }

            if (!found.TryGetValue(key, out var seen))
            {
                found[key] = diagnostic;
                order.Add(key);
            }
            else if (!SameFixes(seen, diagnostic))
            {
                // The first diagnostic (its message, severity and location) with the actions both plans share, or none.
                found[key] = (FixPlan.Common(seen, diagnostic) ?? FixPlan.None).Carry(seen);
            }
        }

        /// <summary>Reports what was collected, in the order first found.</summary>
        public void Flush()
        {
            foreach (var key in order) report(anchors.TryGetValue(key, out var anchor) ? ForeignSites.Rehome(found[key], anchor) : found[key]);
            found.Clear();
            order.Clear();
            anchors.Clear();
        }

        private static bool SameFixes(Diagnostic a, Diagnostic b) =>
            a.Properties.Count == b.Properties.Count
            && a.Properties.All(p => b.Properties.TryGetValue(p.Key, out var v) && v == p.Value)
            && a.AdditionalLocations.SequenceEqual(b.AdditionalLocations);
    }
}
