using static KerasLint.Analyzers.Tests.Infrastructure.KerasCode;

namespace KerasLint.Analyzers.Tests
{
    /// <summary>
    /// Keras.NET: a fix that renames or removes a metric also rewrites the keys read from the History that Fit returns
    /// in the same member (issue 11: the setup stays coherent), names each rewrite in its title, leaves other keys and
    /// other models' histories alone, and is not offered when a lookup's key is not a visible constant.
    /// </summary>
    public class HistoryLookupFixTests
    {
        private static Task Fix1(string before, string after, string key = "KL0001.Recommended", string? family = null, string members = "") =>
            FixTest<KL0001AccuracyOnRegressionAnalyzer, KL0001AccuracyOnRegressionCodeFixProvider>.Run(InMethod(before, members), InMethod(after, members), family, key);

        private static Task Fix2(string before, string after, string key = "KL0002.Recommended", string? family = null) =>
            FixTest<KL0002BinaryCrossentropyOnMultiClassAnalyzer, KL0002BinaryCrossentropyOnMultiClassCodeFixProvider>.Run(InMethod(before), InMethod(after), family, key);

        // Indexer, ContainsKey and TryGetValue on the History local, directly and through a local holding its logs.
        private const string RegressionWithLookups = @"        var model = new Sequential();
        model.Add(new Dense(1, input_shape: new Shape(8)));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new string[] { {|KL0001:""accuracy""|} });
        var history = model.Fit(x, y, epochs: 10, validation_split: 0.2f);
        var curve = history.HistoryLogs[""val_accuracy""]; // plotted below
        var loss = history.HistoryLogs[""loss""];
        var logs = history.HistoryLogs;
        if (logs.ContainsKey(""accuracy"") && logs.TryGetValue(""val_accuracy"", out var last)) Console.WriteLine(last[0]);
";

        [Fact]
        public Task Regression_LookupsFollowTheMetric_UnrelatedKeyKept() => Fix1(RegressionWithLookups,
            ReportedCasesTests.Plain(RegressionWithLookups).Replace(@"""accuracy""", @"""mae""").Replace(@"""val_accuracy""", @"""val_mae"""));

        [Fact]
        public async Task Regression_TitleNamesEveryLookup()
        {
            var d = await Direct.Single(InMethod(ReportedCasesTests.Plain(RegressionWithLookups)), "KL0001");
            var first = FixPlan.Read(d)[0];
            Assert.Equal("Replace 'accuracy' with 'mae'; 2 history lookups 'val_accuracy' → 'val_mae'; history lookup 'accuracy' → 'mae'", first.Title);
            Assert.Equal(4, first.Edits.Count);
            var removal = FixPlan.Read(d).Single(a => a.EquivalenceKey == "KL0001.RemoveMetric");
            Assert.Equal("Remove 'accuracy'; 2 history lookups 'val_accuracy' → 'val_loss'; history lookup 'accuracy' → 'loss'", removal.Title);
        }

        [Fact]
        public Task Regression_RemoveMetric_LookupsReadTheLoss() => Fix1(RegressionWithLookups,
            ReportedCasesTests.Plain(RegressionWithLookups).Replace(@"new string[] { ""accuracy"" }", "new string[] { }").Replace(@"""accuracy""", @"""loss""").Replace(@"""val_accuracy""", @"""val_loss"""),
            "KL0001.RemoveMetric");

        // Keras 2.2 logs "acc" for the accuracy and the function's name for "mae": the lookups follow the family's keys.
        private const string Keras22Callback = @"        var model = new Sequential();
        model.Add(new Dense(1, input_shape: new Shape(8)));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] { {|KL0001:""acc""|} });
        var stop = new EarlyStopping(monitor: {|KL0001:""val_acc""|}, mode: ""max"");
        var history = model.Fit(x, y, validation_split: 0.2f, callbacks: new Callback[] { stop });
        Console.WriteLine(history.HistoryLogs[""val_acc""][0]);
";

        [Fact]
        public Task Keras22_MetricCallbackAndLookupMoveTogether() => Fix1(Keras22Callback,
            ReportedCasesTests.Plain(Keras22Callback).Replace(@"""acc""", @"""mae""").Replace(@"""val_acc"", mode: ""max""", @"""val_mean_absolute_error"", mode: ""min""")
                .Replace(@"HistoryLogs[""val_acc""]", @"HistoryLogs[""val_mean_absolute_error""]"), family: "2.2");

        [Fact]
        public async Task Keras22_CallbackOffersTheSameCoherentAction()
        {
            var diagnostics = await Direct.All(InMethod(ReportedCasesTests.Plain(Keras22Callback)), "KL0001", "2.2");
            Assert.Equal(2, diagnostics.Length);
            Assert.All(diagnostics, d => Assert.Equal(
                "Replace 'acc' with 'mae'; EarlyStopping monitors 'val_mean_absolute_error' with mode 'min'; history lookup 'val_acc' → 'val_mean_absolute_error'",
                FixPlan.Read(d)[0].Title));

            // Monitoring the loss keeps the metric compiled: the lookup still reads a logged key and is left alone.
            Assert.Equal("EarlyStopping monitors 'val_loss' with mode 'min'", FixPlan.Read(diagnostics[1]).Single(a => a.EquivalenceKey == "KL0001.MonitorLoss").Title);
        }

        // A const key: the use is replaced with a literal (the const may be used elsewhere); Fit's History read in place.
        private const string ConstKeyChained = @"        var model = new Sequential();
        model.Add(new Dense(1, input_shape: new Shape(8)));
        model.Compile(optimizer: ""adam"", loss: ""mae"", metrics: new[] { {|KL0001:""acc""|} });
        var trace = model.Fit(x, y, epochs: 3).HistoryLogs[AccKey];
";

        [Fact]
        public Task ConstKey_UseReplaced_ChainedFit() => Fix1(ConstKeyChained,
            ReportedCasesTests.Plain(ConstKeyChained).Replace(@"""acc""", @"""mse""").Replace("[AccKey]", @"[""mse""]"), members: "    const string AccKey = \"acc\";\n");

        // Another model's History keeps its keys, though they spell the same metric.
        private const string TwoModels = @"        var model = new Sequential();
        model.Add(new Dense(1, input_shape: new Shape(8)));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] { {|KL0001:""accuracy""|} });
        var classifier = new Sequential();
        classifier.Add(new Dense(3, activation: ""softmax"", input_shape: new Shape(8)));
        classifier.Compile(optimizer: ""adam"", loss: ""categorical_crossentropy"", metrics: new[] { ""accuracy"" });
        var regression = model.Fit(x, y);
        var classification = classifier.Fit(x, y);
        var a = classification.HistoryLogs[""accuracy""];
        var b = regression.HistoryLogs[""accuracy""];
";

        [Fact]
        public Task OtherModelsHistoryUntouched() => Fix1(TwoModels,
            ReportedCasesTests.Plain(TwoModels).Replace(@"metrics: new[] { ""accuracy"" });
        var classifier", @"metrics: new[] { ""mae"" });
        var classifier").Replace(@"regression.HistoryLogs[""accuracy""]", @"regression.HistoryLogs[""mae""]"));

        // A key that is not a constant may read the accuracy: no action renames or removes the metric.
        private const string UnknownKey = @"        var model = new Sequential();
        model.Add(new Dense(1, input_shape: new Shape(8)));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] { ""accuracy"", ""mse"" });
        var history = model.Fit(x, y);
        var key = Environment.GetEnvironmentVariable(""KEY"");
        var values = history.HistoryLogs[key];
";

        [Fact]
        public async Task UnknownKey_FixStillOffered_LookupLeftAsItIs()
        {
            // Every KL0001 carries a fix (dotnet format gives up on an id whose first diagnostic has none): a key the
            // analyzer cannot see does not withhold the actions, and the lookup is left as it is.
            var d = await Direct.Single(InMethod(UnknownKey), "KL0001");
            Assert.Equal(new[] { "KL0001.ReplaceWithNaturalMetric", "KL0001.RemoveMetric" }, FixPlan.Read(d).Select(a => a.EquivalenceKey));
            Assert.DoesNotContain(FixPlan.Read(d), a => a.Title.Contains("history lookup", System.StringComparison.Ordinal));
        }

        [Fact]
        public Task UnknownKey_ReplaceLeavesTheLookup() => Fix1(UnknownKey.Replace(@"{ ""accuracy"", ""mse"" }", @"{ {|KL0001:""accuracy""|}, ""mse"" }"),
            ReportedCasesTests.Plain(UnknownKey).Replace(@"""accuracy""", @"""mae"""));

        // Enumerating the logged keys reads only keys that exist: the fix is offered and leaves the loop alone.
        private const string EnumeratedKeys = @"        var model = new Sequential();
        model.Add(new Dense(1, input_shape: new Shape(8)));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] { {|KL0001:""accuracy""|} });
        var history = model.Fit(x, y);
        foreach (var name in history.HistoryLogs.Keys) Console.WriteLine(name + "": "" + history.HistoryLogs[name][0]);
";

        [Fact]
        public Task EnumeratedKeys_FixOffered_LoopUntouched() => Fix1(EnumeratedKeys, ReportedCasesTests.Plain(EnumeratedKeys).Replace(@"""accuracy""", @"""mae"""));

        // KL0002: the renamed accuracy's lookups follow it (val_accuracy → val_categorical_accuracy).
        private const string BceSoftmaxLookup = @"        var model = new Sequential();
        model.Add(new Dense(10, activation: ""softmax"", input_shape: new Shape(784)));
        model.Compile(optimizer: ""adam"", loss: {|KL0002:""binary_crossentropy""|}, metrics: new[] { ""accuracy"" });
        var history = model.Fit(x, y, validation_split: 0.1f);
        Console.WriteLine(history.HistoryLogs[""val_accuracy""][0] + history.HistoryLogs[""loss""][0]);
";

        [Fact]
        public Task KL0002_LookupFollowsTheRenamedAccuracy() => Fix2(BceSoftmaxLookup,
            ReportedCasesTests.Plain(BceSoftmaxLookup).Replace("binary_crossentropy", "categorical_crossentropy").Replace(@"""accuracy""", @"""categorical_accuracy""")
                .Replace(@"""val_accuracy""", @"""val_categorical_accuracy"""), family: "tf2");

        [Fact]
        public async Task KL0002_TitleNamesTheLookup()
        {
            var d = await Direct.Single(InMethod(ReportedCasesTests.Plain(BceSoftmaxLookup)), "KL0002", "tf2");
            Assert.Equal(
                "Use sparse_categorical_crossentropy (integer labels); 'accuracy' → 'sparse_categorical_accuracy'; history lookup 'val_accuracy' → 'val_sparse_categorical_accuracy'",
                FixPlan.Read(d).Single(a => a.EquivalenceKey == "KL0002.Sparse").Title);
        }

        // KL0002 with a key that is not a constant: only the loss changes ("accuracy" resolves right with the new loss).
        [Fact]
        public Task KL0002_UnknownKey_OnlyTheLossChanges()
        {
            var source = BceSoftmaxLookup.Replace(@"HistoryLogs[""val_accuracy""]", "HistoryLogs[Environment.GetEnvironmentVariable(\"KEY\")]");
            return Fix2(source, ReportedCasesTests.Plain(source).Replace("binary_crossentropy", "categorical_crossentropy"), family: "tf2");
        }
    }
}
