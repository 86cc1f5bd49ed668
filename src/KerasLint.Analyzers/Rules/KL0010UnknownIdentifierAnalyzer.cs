using System.Collections.Immutable;
using KerasLint.Analysis;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Rules
{
    /// <summary>
    /// KL0010: a loss or metric string this family does not know, when it is a typo of a valid name or a name only
    /// other families have, and a fix replaces or removes it (<see cref="UnknownNames"/>). Names far from every built-in
    /// are taken as custom registered objects (silent). KL0013, reported here too: the same strings when no edit can fix
    /// them, so that every KL0010 carries a fix (KL0013 has none), with what the library does with the name.
    /// </summary>
    public sealed class KL0010UnknownIdentifierAnalyzer : SetupRuleAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.KL0010, Descriptors.KL0013);

        internal override void Analyze(TrainingSetup setup, Reporter report)
        {
            foreach (var u in UnknownNames.Find(setup))
            {
                report.Report(u.Plan.HasActions
                    ? u.Plan.Create(Descriptors.KL0010, u.Location, u.Role, u.Text, setup.Family.Phrase, u.Detail)
                    : FixPlan.None.Create(Descriptors.KL0013, u.Location, u.Role, u.Text, setup.Family.Phrase, setup.Api.UnknownNameOutcome, u.Advice));
            }
        }
    }
}
