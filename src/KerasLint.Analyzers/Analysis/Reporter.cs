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
    /// for it (a callback fixed for one compile would break the other), the diagnostic is reported without fixes:
    /// a fix is offered only when applying it removes the diagnostic.
    /// </summary>
    internal sealed class Reporter
    {
        private readonly System.Action<Diagnostic> report;
        private readonly Dictionary<(string Id, Location Location), (Diagnostic First, bool Conflict)> found = new Dictionary<(string, Location), (Diagnostic, bool)>();
        private readonly List<(string Id, Location Location)> order = new List<(string, Location)>();

        private readonly System.Func<Location, bool>? isLocal;
        private readonly ForeignSites? foreign;

        public Reporter(System.Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            this.report = report;
            CancellationToken = cancellationToken;
        }

        /// <summary>A member's reporter: a diagnostic at a site outside the member goes to <paramref name="foreign"/>, reported once at compilation end.</summary>
        public Reporter(System.Action<Diagnostic> report, CancellationToken cancellationToken, System.Func<Location, bool> isLocal, ForeignSites foreign)
            : this(report, cancellationToken)
        {
            this.isLocal = isLocal;
            this.foreign = foreign;
        }

        public CancellationToken CancellationToken { get; }

        public void Report(Diagnostic diagnostic)
        {
            if (foreign != null && isLocal != null && !isLocal(diagnostic.Location))
            {
                foreign.Add(diagnostic);
                return;
            }

            var key = (diagnostic.Id, diagnostic.Location);
            if (!found.TryGetValue(key, out var seen))
            {
                found[key] = (diagnostic, false);
                order.Add(key);
            }
            else if (!seen.Conflict && !SameFixes(seen.First, diagnostic))
            {
                found[key] = (seen.First, true);
            }
        }

        /// <summary>Reports what was collected, in the order first found.</summary>
        public void Flush()
        {
            foreach (var key in order)
            {
                var (first, conflict) = found[key];
                report(conflict ? WithoutFixes(first) : first);
            }

            found.Clear();
            order.Clear();
        }

        private static bool SameFixes(Diagnostic a, Diagnostic b) =>
            a.Properties.Count == b.Properties.Count
            && a.Properties.All(p => b.Properties.TryGetValue(p.Key, out var v) && v == p.Value)
            && a.AdditionalLocations.SequenceEqual(b.AdditionalLocations);

        /// <summary>The same diagnostic (id, descriptor texts, message, severity, location) carrying no fix.</summary>
        private static Diagnostic WithoutFixes(Diagnostic d) =>
            Diagnostic.Create(d.Id, d.Descriptor.Category, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), d.Severity, d.DefaultSeverity,
                d.Descriptor.IsEnabledByDefault, d.WarningLevel, d.Descriptor.Title, d.Descriptor.Description, d.Descriptor.HelpLinkUri, d.Location,
                additionalLocations: null, customTags: d.Descriptor.CustomTags, properties: ImmutableDictionary<string, string?>.Empty.Add("fix.count", "0"));
    }
}
