using KerasLint.Bench.Analyzers;
using Xunit;

namespace KerasLint.Bench.Tests
{
    public class BenchSettingsTests
    {
        [Fact]
        public void Full_run_measures_every_part_but_csc_and_fuzz_at_three_sizes()
        {
            var settings = BenchSettings.Parse(Array.Empty<string>())!;
            Assert.False(settings.Quick);
            Assert.Equal(new[] { 250, 1000, 2000 }, settings.Sizes);
            Assert.Equal(1000, settings.TargetSize);
            Assert.All(BenchSettings.Parts, p => Assert.Equal(!BenchSettings.OnRequest.Contains(p), settings.Runs(p)));
            Assert.Null(settings.Out);
        }

        [Fact]
        public void Quick_uses_250_files_only()
        {
            var settings = BenchSettings.Parse(new[] { "--quick", "--out", "before.md" })!;
            Assert.True(settings.Quick);
            Assert.Equal(new[] { 250 }, settings.Sizes);
            Assert.Equal(250, settings.TargetSize);
            Assert.Equal("before.md", settings.Out);
        }

        [Fact]
        public void Only_selects_parts()
        {
            var settings = BenchSettings.Parse(new[] { "--only", "memory,setups" })!;
            Assert.True(settings.Runs("memory"));
            Assert.True(settings.Runs("setups"));
            Assert.False(settings.Runs("whole"));
            Assert.False(settings.Runs("keystrokes"));
        }

        [Fact]
        public void Build_part_runs_five_pairs_by_default_three_when_quick_and_takes_a_pair_count()
        {
            Assert.Equal(5, BenchSettings.Parse(Array.Empty<string>())!.BuildPairs);
            Assert.Equal(3, BenchSettings.Parse(new[] { "--quick" })!.BuildPairs);
            var settings = BenchSettings.Parse(new[] { "--only", "build", "--pairs", "8", "--build-experiments" })!;
            Assert.True(settings.Runs("build"));
            Assert.False(settings.Runs("whole"));
            Assert.Equal(8, settings.BuildPairs);
            Assert.True(settings.BuildExperiments);
            Assert.Equal(250, settings.BuildFiles);
        }

        [Fact]
        public void Csc_and_fuzz_parts_run_when_named_with_their_pairs_and_sizes()
        {
            var settings = BenchSettings.Parse(new[] { "--only", "csc,fuzz,keystroke", "--pairs", "9", "--fuzz-sizes", "1000,4000" })!;
            Assert.True(settings.Runs("csc"));
            Assert.True(settings.Runs("fuzz"));
            Assert.True(settings.Runs("keystrokes"));
            Assert.False(settings.Runs("build"));
            Assert.Equal(9, settings.CscPairs);
            Assert.Equal(new[] { 1000, 4000 }, settings.FuzzSizes);
            Assert.Equal(15, BenchSettings.Parse(Array.Empty<string>())!.CscPairs);
            Assert.Equal(FuzzBench.Sizes, BenchSettings.Parse(Array.Empty<string>())!.FuzzSizes);
        }

        [Fact]
        public void Csc_part_takes_its_kinds_and_simultaneous_pairs_which_are_serial()
        {
            var settings = BenchSettings.Parse(new[] { "--only", "csc", "--csc-kinds", "TorchSharp,KerasNet", "--csc-simultaneous" })!;
            Assert.Equal(new[] { CodeKind.TorchSharp, CodeKind.KerasNet }, settings.CscKinds);
            Assert.True(settings.CscSimultaneous);
            Assert.True(settings.CscSerial);
            Assert.False(settings.CscSteady);
            Assert.True(BenchSettings.Parse(new[] { "--only", "csc", "--csc-steady" })!.CscSteady);
            var plain = BenchSettings.Parse(new[] { "--only", "csc" })!;
            Assert.Null(plain.CscKinds);
            Assert.False(plain.CscSimultaneous);
            Assert.False(plain.CscSerial);
        }

        [Theory]
        [InlineData("0m12.340s 0m0.810s", "0m0.004s 0m0.000s\n0m12.340s 0m0.810s\n", 13.15)]
        [InlineData("bash's layout", "0m0.010s 0m0.002s\n1m2.500s 0m1.250s", 63.75)]
        [InlineData("a comma as decimal separator", "0m0,004s 0m0,000s\n0m9,500s 0m0,500s\n", 10.0)]
        public void Csc_simultaneous_reads_the_child_cpu_from_times(string what, string times, double seconds) =>
            Assert.True(Math.Abs(CscBench.ChildTimes(times) - seconds) < 1e-9, what);

        [Theory]
        [InlineData("0m0.004s 0m0.000s\n")]
        [InlineData("0m0.004s 0m0.000s\n12.3 0.8\n")]
        [InlineData("")]
        public void Csc_simultaneous_refuses_times_output_it_cannot_read(string times) =>
            Assert.Throws<FormatException>(() => CscBench.ChildTimes(times));

        [Fact]
        public void Csc_part_runs_ten_in_situ_runs_by_default_three_when_quick_and_takes_a_count()
        {
            Assert.Equal(10, BenchSettings.Parse(new[] { "--only", "csc" })!.CscInSitu);
            Assert.Equal(3, BenchSettings.Parse(new[] { "--quick", "--only", "csc" })!.CscInSitu);
            Assert.Equal(25, BenchSettings.Parse(new[] { "--only", "csc", "--csc-insitu", "25" })!.CscInSitu);
            Assert.Equal(0, BenchSettings.Parse(new[] { "--only", "csc", "--csc-insitu", "0" })!.CscInSitu);
            Assert.False(BenchSettings.Parse(new[] { "--only", "csc" })!.CscKeep);
            Assert.True(BenchSettings.Parse(new[] { "--only", "csc", "--csc-keep" })!.CscKeep);
        }

        // The layout of csc /reportanalyzer (the SDK's compiler): a total, then one line per analyzer assembly and one per analyzer.
        private const string Report = "Total analyzer execution time: 0.986 seconds.\n" +
            "NOTE: Elapsed time may be less than analyzer execution time because analyzers can run concurrently.\n" +
            "Time (s)    %   Analyzer\n" +
            "   0.312   31   KerasLint.Analyzers, Version=0.1.0.0, Culture=neutral, PublicKeyToken=null\n" +
            "   0.199   20      KerasLint.Analysis.KerasLintSetupAnalyzer (KL0001, KL0002)\n" +
            "  <0.001   <1   KerasLint.CodeFixes, Version=0.1.0.0, Culture=neutral, PublicKeyToken=null\n" +
            "   0,219   26   Microsoft.CodeAnalysis.NetAnalyzers, Version=10.0.401.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35\n";

        [Theory]
        [InlineData("KerasLint.Analyzers", 0.312)]
        [InlineData("KerasLint.CodeFixes", 0.0005)]
        [InlineData("Microsoft.CodeAnalysis.NetAnalyzers", 0.219)]
        public void Csc_in_situ_reads_an_assemblys_seconds_from_reportanalyzer(string assembly, double seconds) =>
            Assert.Equal(seconds, CscBench.ReportedSeconds(Report, assembly), 9);

        [Theory]
        [InlineData("KerasLint")]
        [InlineData("Microsoft.CodeAnalysis")]
        [InlineData("KerasLint.Analysis.KerasLintSetupAnalyzer")]
        public void Csc_in_situ_refuses_a_report_without_the_assemblys_line(string assembly) =>
            Assert.Throws<FormatException>(() => CscBench.ReportedSeconds(Report, assembly));

        [Theory]
        [InlineData("--csc-insitu", "-1")]
        [InlineData("--csc-insitu", "ten")]
        [InlineData("--csc-insitu")]
        [InlineData("--csc-kinds", "Torch")]
        [InlineData("--csc-kinds", "1")]
        [InlineData("--csc-kinds", "")]
        [InlineData("--csc-kinds")]
        [InlineData("--fuzz-sizes", "10")]
        [InlineData("--fuzz-sizes", "1k")]
        [InlineData("--pairs", "0")]
        [InlineData("--pairs", "two")]
        [InlineData("--pairs")]
        [InlineData("--fast")]
        [InlineData("--out")]
        [InlineData("--only", "speed")]
        [InlineData("--only", "")]
        public void Unknown_or_incomplete_arguments_are_refused(params string[] args) => Assert.Null(BenchSettings.Parse(args));
    }
}
