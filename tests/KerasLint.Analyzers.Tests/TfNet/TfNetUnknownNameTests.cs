using static KerasLint.Analyzers.Tests.ReportedCasesTests;
using static KerasLint.Analyzers.Tests.TfNet.TfNetCode;

namespace KerasLint.Analyzers.Tests.TfNet
{
    /// <summary>
    /// TensorFlow.NET metric strings outside the six it accepts: fixed (a did-you-mean, or the metric removed, since the
    /// library throws at the first training step) as KL0010, or reported as KL0013 where no edit can fix them.
    /// </summary>
    public class TfNetUnknownNameTests
    {
        // Were without a fix: "mse" has no close string among the six; a const used here is not a literal to edit.
        internal const string NoSuggestionAndConst = @"        const string metric = ""Mae"";
        var model = keras.Sequential(keras.layers.Dense(1));
        model.compile(keras.optimizers.Adam(), keras.losses.MeanSquaredError(), new[] { {|KL0010:""mse""|}, {|KL0010:metric|}, ""mape"" });
";

        [Fact]
        public Task NoSuggestionAndConst_Reported() => TfNetRulesTest.Run(InMethod(NoSuggestionAndConst));

        [Fact]
        public Task NoSuggestionAndConst_FixAll() =>
            TfNetFixTest<KL0010UnknownIdentifierAnalyzer, KL0010UnknownIdentifierCodeFixProvider>.Run(
                InMethod(NoSuggestionAndConst), InMethod(Plain(NoSuggestionAndConst).Replace(@"new[] { ""mse"", metric, ""mape"" }", @"new[] { ""mae"", ""mape"" }")), "KL0010.Recommended");

        // Collection expressions: an element goes from [a, b]; [a] becomes an empty string[] ([] would fit two overloads).
        internal const string CollectionExpressions = @"        var model = keras.Sequential(keras.layers.Dense(1));
        model.compile(keras.optimizers.Adam(), keras.losses.MeanSquaredError(), [{|KL0010:""mse""|}, ""mae""]);
        var other = keras.Sequential(keras.layers.Dense(1));
        other.compile(keras.optimizers.Adam(), keras.losses.MeanSquaredError(), [{|KL0010:""binary_accuracy""|}]);
";

        [Fact]
        public Task CollectionExpressions_Reported() => TfNetRulesTest.Run(InMethod(CollectionExpressions));

        [Fact]
        public Task CollectionExpressions_FixAll() =>
            TfNetFixTest<KL0010UnknownIdentifierAnalyzer, KL0010UnknownIdentifierCodeFixProvider>.Run(
                InMethod(CollectionExpressions),
                InMethod(Plain(CollectionExpressions).Replace(@"[""mse"", ""mae""]", @"[""mae""]").Replace(@"[""binary_accuracy""]", "System.Array.Empty<string>()")),
                "KL0010.Recommended");

        // An array kept in a local: no edit of this compile alone can drop the string: KL0013.
        internal const string KeptInALocal = @"        var metrics = new[] { {|KL0013:""mse""|} };
        var model = keras.Sequential(keras.layers.Dense(1));
        model.compile(keras.optimizers.Adam(), keras.losses.MeanSquaredError(), metrics);
";

        [Fact]
        public Task KeptInALocal_IsKL0013() => TfNetRulesTest.Run(InMethod(KeptInALocal));

        [Fact]
        public async Task KeptInALocal_MessageNamesTensorFlowNet()
        {
            var d = await Single(InMethod(Plain(KeptInALocal)), "KL0013");
            Assert.Equal(
                "'mse' is not a metric name in TensorFlow.NET's Keras 0.15.0, and no edit can replace it; remove it from the metrics",
                d.GetMessage());
        }

        /// <summary>
        /// Every action offered on these sources and on samples/TfNetSample/MetricStrings.cs applies, removes its
        /// diagnostic without a new compiler error, and every KL0010 is offered one (<see cref="FixCheck"/>).
        /// </summary>
        [Fact]
        public async Task EveryOfferedFixRemovesItsDiagnostic()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "KerasLint.sln"))) dir = dir.Parent;
            var sample = Path.Combine(dir!.FullName, "samples", "TfNetSample");
            var sources = Sources.Select(s => InMethod(Plain(s)))
                .Append(File.ReadAllText(Path.Combine(sample, "GlobalUsings.cs")) + File.ReadAllText(Path.Combine(sample, "MetricStrings.cs")));
            var result = new FixCheck.Result();
            var n = 0;
            foreach (var source in sources) await FixCheck.Check(source, null, References, result, label: $"source {n++}");
            Assert.True(result.Failures.Count == 0, string.Join("\n", result.Failures));
            Assert.True(result.FixesApplied >= 6, $"only {result.FixesApplied} fixes applied");
        }

        /// <summary>The TF.NET sources with KL0010 or KL0013 (the every-KL0010-has-a-fix check runs over them).</summary>
        internal static readonly string[] Sources = { NoSuggestionAndConst, CollectionExpressions, KeptInALocal, TfNetRuleTests.UnknownMetrics, TfNetFixTests.MetricTypo };
    }
}
