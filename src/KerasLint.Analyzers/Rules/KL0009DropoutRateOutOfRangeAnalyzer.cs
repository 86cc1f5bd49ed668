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
                ? Diagnostic.Create(Descriptors.KL0009, dropout.RateLocation, Format(dropout.Rate), behaviour)
                : null;

        /// <summary>The rate as written: a float constant (<c>-0.1f</c>) reads "-0.1", not its double expansion "-0.10000000149011612".</summary>
        internal static string Format(double rate) =>
            (double)(float)rate == rate
                ? ((float)rate).ToString("R", CultureInfo.InvariantCulture)
                : rate.ToString("R", CultureInfo.InvariantCulture);
    }
}
