using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace KerasLint.Analysis
{
    /// <summary>Reports a rule's diagnostics for one analysed member: one diagnostic per rule id and location.</summary>
    internal sealed class Reporter
    {
        private readonly System.Action<Diagnostic> report;
        private readonly HashSet<(string Id, Location Location)> reported = new HashSet<(string, Location)>();

        public Reporter(System.Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            this.report = report;
            CancellationToken = cancellationToken;
        }

        public CancellationToken CancellationToken { get; }

        public void Report(Diagnostic diagnostic)
        {
            if (reported.Add((diagnostic.Id, diagnostic.Location))) report(diagnostic);
        }
    }
}
