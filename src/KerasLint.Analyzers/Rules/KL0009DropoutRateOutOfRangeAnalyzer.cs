using System.Collections.Immutable;
using System.Globalization;
using KerasLint.Analysis;
using KerasLint.Model;
using Microsoft.CodeAnalysis;

namespace KerasLint.Rules
{
    /// <summary>KL0009: a Dropout rate ≥ 1 or &lt; 0, in every library (each adapter says what its library does with it).</summary>
    public sealed class KL0009DropoutRateOutOfRangeAnalyzer : DropoutRule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KL0009);

        internal override Diagnostic? Analyze(DropoutInfo dropout) =>
            dropout.OutOfRangeBehaviour is { } behaviour
                ? Diagnostic.Create(Descriptors.KL0009, dropout.RateLocation, dropout.Rate.ToString("R", CultureInfo.InvariantCulture), behaviour)
                : null;
    }
}
