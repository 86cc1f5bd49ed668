using static KerasLint.Analyzers.Tests.Infrastructure.KerasCode;

namespace KerasLint.Analyzers.Tests
{
    public class KL0010Tests
    {
        private static Task Fix(string before, string after, string? family = null) =>
            FixTest<KL0010UnknownIdentifierAnalyzer, KL0010UnknownIdentifierCodeFixProvider>.Run(InMethod(before), InMethod(after), family, "KL0010.Recommended");

        private const string LossTypo = @"        var model = new Sequential();
        model.Add(new Dense(10, activation: ""softmax""));
        model.Compile(optimizer: ""adam"", loss: {|KL0010:""categorical_crossentopy""|}, metrics: new[] { {|KL0010:""acuracy""|} });
";

        [Fact]
        public Task Typos() => AllRulesTest.Run(InMethod(LossTypo));

        [Fact]
        public Task Typos_FixAll() => Fix(LossTypo, ReportedCasesTests.Plain(LossTypo).Replace("crossentopy", "crossentropy").Replace("acuracy", "accuracy"));

        private const string LogcoshKeras3 = @"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: {|KL0010:""logcosh""|});
";

        [Fact]
        public Task LogcoshInKeras3() => AllRulesTest.Run(InMethod(LogcoshKeras3), "3");

        [Fact]
        public Task LogcoshInKeras3_Fix() => Fix(LogcoshKeras3, ReportedCasesTests.Plain(LogcoshKeras3).Replace("logcosh", "log_cosh"), "3");

        [Fact]
        public async Task LogcoshInKeras3_MessageNamesFamilies()
        {
            var d = await Direct.Single(InMethod(ReportedCasesTests.Plain(LogcoshKeras3)), "KL0010", "3");
            Assert.Equal("'logcosh' is not a loss name in Keras.NET, Keras 3; did you mean 'log_cosh'?", d.GetMessage());
        }

        private const string LowerPrecision = @"        var model = new Sequential();
        model.Add(new Dense(1, activation: ""sigmoid""));
        model.Compile(optimizer: ""adam"", loss: ""binary_crossentropy"", metrics: new[] { ""accuracy"", {|KL0010:""precision""|} });
";

        [Fact]
        public Task LowerCasePrecisionInTfKeras_Fix() => Fix(LowerPrecision, ReportedCasesTests.Plain(LowerPrecision).Replace(@"""precision""", @"""Precision"""), "tf2");

        private const string CrossentropyMetricKeras3 = @"        var model = new Sequential();
        model.Add(new Dense(1, activation: ""sigmoid""));
        model.Compile(optimizer: ""adam"", loss: ""binary_crossentropy"", metrics: new[] { {|KL0010:""crossentropy""|} });
";

        [Fact]
        public Task CrossentropyMetricInKeras3() => AllRulesTest.Run(InMethod(CrossentropyMetricKeras3), "3");

        /// <summary>Was without a fix (the only element of new[] { ... } cannot go alone): the array is emptied.</summary>
        [Fact]
        public Task CrossentropyMetricInKeras3_FixEmptiesTheOneElementArray() =>
            Fix(CrossentropyMetricKeras3, ReportedCasesTests.Plain(CrossentropyMetricKeras3).Replace(@"new[] { ""crossentropy"" }", "System.Array.Empty<string>()"), "3");

        // A loss only other families have, with no close name here: the name this family gives the same function.
        private const string LossesOfOtherFamilies = @"        var a = new Sequential();
        a.Add(new Dense(1));
        a.Compile(optimizer: ""adam"", loss: {|KL0010:""kullback_leibler_divergence""|});
        var b = new Sequential();
        b.Add(new Dense(1));
        b.Compile(optimizer: ""adam"", loss: {|KL0010:""huber_loss""|} /* kept */);
";

        [Fact]
        public Task LossOfOtherFamilies_Keras3() => AllRulesTest.Run(InMethod(LossesOfOtherFamilies), "3");

        /// <summary>Were without a fix (no name within two edits): replaced by the name Keras 3 gives the same loss.</summary>
        [Fact]
        public Task LossOfOtherFamilies_Keras3_FixAll() =>
            Fix(LossesOfOtherFamilies, ReportedCasesTests.Plain(LossesOfOtherFamilies).Replace("kullback_leibler_divergence", "kl_divergence").Replace("huber_loss", "huber"), "3");

        private const string CosineProximityTf2 = @"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: {|KL0010:""cosine_proximity""|}, metrics: new[] { ""mae"" });
";

        [Fact]
        public async Task CosineProximityInTf2_MessageNamesTheSameLoss()
        {
            var d = await Direct.Single(InMethod(ReportedCasesTests.Plain(CosineProximityTf2)), "KL0010", "tf2");
            Assert.EndsWith("; this version calls it 'cosine_similarity'", d.GetMessage());
        }

        [Fact]
        public Task CosineProximityInTf2_Fix() => Fix(CosineProximityTf2, ReportedCasesTests.Plain(CosineProximityTf2).Replace("cosine_proximity", "cosine_similarity"), "tf2");

        // A metric only other families have, no close name here, in a one-element array and in a longer one: removed.
        private const string MetricsOfOtherFamilies = @"        var a = new Sequential();
        a.Add(new Dense(1, activation: ""sigmoid""));
        a.Compile(optimizer: ""adam"", loss: ""binary_crossentropy"", metrics: new[] { {|KL0010:""f1_score""|} });
        var b = new Sequential();
        b.Add(new Dense(1, activation: ""sigmoid""));
        b.Compile(optimizer: ""adam"", loss: ""binary_crossentropy"", metrics: new[] { ""binary_accuracy"", {|KL0010:""r2_score""|} });
";

        [Fact]
        public Task MetricsOfOtherFamilies_Keras22() => AllRulesTest.Run(InMethod(MetricsOfOtherFamilies), "2.2");

        [Fact]
        public Task MetricsOfOtherFamilies_Keras22_FixAll() =>
            Fix(MetricsOfOtherFamilies, ReportedCasesTests.Plain(MetricsOfOtherFamilies).Replace(@"new[] { ""f1_score"" }", "System.Array.Empty<string>()").Replace(@", ""r2_score""", ""), "2.2");

        // Every metric of new[] { ... } unknown: Fix All must not leave new[] { }, whose type cannot be inferred.
        private const string EveryMetricUnknown = @"        var model = new Sequential();
        model.Add(new Dense(1, activation: ""sigmoid""));
        model.Compile(optimizer: ""adam"", loss: ""binary_crossentropy"", metrics: new[] { {|KL0010:""f1_score""|}, {|KL0010:""r2_score""|} });
";

        [Fact]
        public Task EveryMetricUnknown_FixAllEmptiesTheArray() =>
            Fix(EveryMetricUnknown, ReportedCasesTests.Plain(EveryMetricUnknown).Replace(@"new[] { ""f1_score"", ""r2_score"" }", "System.Array.Empty<string>()"), "2.2");

        /// <summary>
        /// Every KL0010 produced over every Keras.NET test source (all families) and the TensorFlow.NET KL0010/KL0013
        /// sources carries at least one code action from the registered provider: dotnet format, which takes the first
        /// action of the first diagnostic of an id it meets, fixes them all. (The samples and their mutants are checked
        /// by the mutation sweep, through <see cref="FixCheck.UniformlyFixable"/>.)
        /// </summary>
        [Fact]
        public async Task EveryKL0010CarriesACodeAction()
        {
            var checkedCount = 0;
            var without = new List<string>();
            foreach (var name in NoCrashSweepTests.TestSources().Select(o => (string)o[0]))
            {
                var source = InMethod(ReportedCasesTests.Plain(NoCrashSweepTests.Constant(name)));
                foreach (var family in new[] { "2.2", "2.3", "tf2", "3" })
                {
                    foreach (var d in (await Direct.Analyze(source, family)).Where(d => d.Id == "KL0010"))
                    {
                        checkedCount++;
                        if (await ActionCount(source, d) == 0) without.Add($"{name} [{family}]: {d.GetMessage()}");
                    }
                }
            }

            foreach (var source in TfNet.TfNetUnknownNameTests.Sources.Select(s => TfNet.TfNetCode.InMethod(ReportedCasesTests.Plain(s))))
            {
                foreach (var d in (await TfNet.TfNetCode.Analyze(source)).Where(d => d.Id == "KL0010"))
                {
                    checkedCount++;
                    if (await ActionCount(source, d) == 0) without.Add($"TF.NET: {d.GetMessage()}");
                }
            }

            Assert.True(without.Count == 0, "KL0010 without a code action:\n" + string.Join("\n", without));
            Assert.True(checkedCount >= 30, $"only {checkedCount} KL0010 diagnostics checked");
        }

        /// <summary>The check above fails on a KL0010 that carries no fix (it is not vacuous).</summary>
        [Fact]
        public async Task ActionCount_IsZeroForAKL0010WithoutAFix()
        {
            var source = InMethod(ReportedCasesTests.Plain(LogcoshKeras3));
            var real = await Direct.Single(source, "KL0010", "3");
            var bare = Diagnostic.Create(real.Descriptor, real.Location, "loss", "logcosh", "Keras 3", "");
            Assert.Equal(0, await ActionCount(source, bare));
            Assert.True(await ActionCount(source, real) >= 1);
        }

        /// <summary>How many code actions the registered KL0010 provider offers for a diagnostic of <paramref name="source"/>.</summary>
        internal static async Task<int> ActionCount(string source, Diagnostic diagnostic)
        {
            using var workspace = new AdhocWorkspace();
            // A project that compiles the source (a fix is offered only when its result adds no compiler error).
            var project = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Create(), "P", "P", LanguageNames.CSharp,
                compilationOptions: new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                metadataReferences: Direct.PlatformReferences.Add(KerasReference).AddRange(TfNet.TfNetCode.References)));
            var document = workspace.AddDocument(project.Id, "Test0.cs", Microsoft.CodeAnalysis.Text.SourceText.From(source));
            var actions = new List<Microsoft.CodeAnalysis.CodeActions.CodeAction>();
            var provider = FixCheck.Providers[diagnostic.Id];
            await provider.RegisterCodeFixesAsync(new Microsoft.CodeAnalysis.CodeFixes.CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
            return actions.Count;
        }

        [Fact]
        public Task Negative_CustomNamesAreNotTypos() => AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(1, activation: ""sigmoid""));
        model.Compile(optimizer: ""adam"", loss: ""my_focal_loss"", metrics: new[] { ""f1_macro_custom"" });
"));

        [Fact]
        public Task Negative_ValidNamesInEachFamily() => AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mean_squared_error"", metrics: new[] { ""mae"", ""mape"", ""msle"" });
"), "2.2");
    }
}
