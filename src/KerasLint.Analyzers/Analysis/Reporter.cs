using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using KerasLint.Model;
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
        // Keyed by (id, location) as a System.Tuple, a class: the dictionaries then run the runtime's shared code for
        // reference types, where a value-tuple key made a fresh compiler process JIT a dictionary for KerasLint alone.
        private readonly Dictionary<System.Tuple<string, Location>, Diagnostic> found = new Dictionary<System.Tuple<string, Location>, Diagnostic>();
        private readonly List<System.Tuple<string, Location>> order = new List<System.Tuple<string, Location>>();

        private readonly System.Func<Location, bool>? isLocal;

        /// <summary>Where a diagnostic found at a site outside the member is reported instead (the anchor when first found).</summary>
        private readonly Dictionary<System.Tuple<string, Location>, Location> anchors = new Dictionary<System.Tuple<string, Location>, Location>();

        public Reporter(System.Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            this.report = report;
            CancellationToken = cancellationToken;
        }

        /// <summary>
        /// A member's reporter: a diagnostic at a site outside the member is reported inside it, at the place of the
        /// setup's compile or fit call that brings the site in (<see cref="Follow"/>; once per id and site).
        /// </summary>
        public Reporter(System.Action<Diagnostic> report, CancellationToken cancellationToken, System.Func<Location, bool> isLocal)
            : this(report, cancellationToken)
        {
            this.isLocal = isLocal;
        }

        public CancellationToken CancellationToken { get; }

        private ImmutableArray<(ImmutableArray<Location> Sites, ImmutableArray<Location> Through, bool Shared)> groups = ImmutableArray<(ImmutableArray<Location>, ImmutableArray<Location>, bool)>.Empty;
        private Location? lastResort;

        /// <summary>
        /// The setup whose rules report next: a diagnostic at a site of one of its parts outside the member is reported
        /// on the first place in the member that brings that part in (<see cref="ForeignSites.Anchors"/>), else on the
        /// compile call's name (<see cref="ForeignSites.Rehome"/>).
        /// </summary>
        public void Follow(TrainingSetup setup)
        {
            groups = ForeignSites.Anchors(setup);
            lastResort = setup.Anchors?.Compile;
        }

        public void Report(Diagnostic diagnostic)
        {
            var key = System.Tuple.Create(diagnostic.Id, diagnostic.Location);
            if (isLocal != null && !isLocal(diagnostic.Location))
            {
                var (anchor, shared) = AnchorOf(diagnostic.Location);
                if (anchor != null && !anchors.ContainsKey(key)) anchors[key] = anchor;

                // A part that other setups (of other members) may use too: the fixes planned for this setup keep only
                // the actions that edit this member, since an edit at the shared site could break another setup.
                if (shared) diagnostic = FixPlan.EditingOnly(diagnostic, isLocal).Carry(diagnostic);
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

        /// <summary>
        /// The first place in the member that brings in the part written at <paramref name="site"/> (null when none is in
        /// the member), and whether that part may serve other setups too.
        /// </summary>
        private (Location? Anchor, bool Shared) AnchorOf(Location site)
        {
            foreach (var (sites, through, shared) in groups)
            {
                if (!sites.Contains(site)) continue;
                foreach (var place in through)
                {
                    if (isLocal!(place)) return (place, shared);
                }

                return (lastResort != null && isLocal!(lastResort) ? lastResort : null, shared);
            }

            return (lastResort != null && isLocal!(lastResort) ? lastResort : null, false);
        }

        private static bool SameFixes(Diagnostic a, Diagnostic b) =>
            a.Properties.Count == b.Properties.Count
            && a.Properties.All(p => b.Properties.TryGetValue(p.Key, out var v) && v == p.Value)
            && a.AdditionalLocations.SequenceEqual(b.AdditionalLocations);
    }
}
