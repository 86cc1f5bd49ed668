using System.Collections.Immutable;
using KerasLint.Bench.Analyzers;
using Xunit;

namespace KerasLint.Bench.Tests
{
    /// <summary>The fuzz part's growth figures read what they claim: a linear series gives 1, a quadratic one 2; medians of repeats.</summary>
    public class FuzzSeriesTests
    {
        private static FuzzSeries Series(Func<int, double> time) => new(CodeKind.KerasNet, "pairs",
            FuzzBench.Sizes.Select(n => new FuzzRun(CodeKind.KerasNet, "pairs", n, 0, 0, 0, 0, time(n), time(n), 0, 5, 0, null)).ToImmutableArray());

        [Fact]
        public void LinearSeriesHasExponentOne_QuadraticTwo()
        {
            Assert.Equal(1.0, Series(n => 0.1 * n).Exponent(r => r.KerasLintCpuMs), 3);
            Assert.Equal(2.0, Series(n => 0.0001 * n * n).Exponent(r => r.KerasLintCpuMs), 3);
            Assert.Equal(100.0, Series(n => 0.1 * n).Slope(r => r.KerasLintCpuMs), 3);
        }

        [Fact]
        public void TimesUnderFiveMillisecondsReadAsFive()
        {
            // Noise around zero (negative differences) is flat, not a steep or negative growth.
            Assert.Equal(0.0, Series(n => n % 2 == 0 ? -40 : 3).Exponent(r => r.KerasLintCpuMs), 3);
        }

        [Fact]
        public void MedianOfRepeats()
        {
            Assert.Equal(3.0, FuzzBench.Median(new[] { 9.0, 1.0, 3.0 }));
            Assert.Equal(2.5, FuzzBench.Median(new[] { 4.0, 1.0, 2.0, 3.0 }));
            Assert.Throws<ArgumentException>(() => FuzzBench.Median(Array.Empty<double>()));
        }
    }
}
