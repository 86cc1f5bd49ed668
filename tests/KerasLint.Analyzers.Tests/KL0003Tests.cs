using static KerasLint.Analyzers.Tests.Infrastructure.KerasCode;

namespace KerasLint.Analyzers.Tests
{
    public class KL0003Tests
    {
        private static DiagnosticResult Info(int location) =>
            new DiagnosticResult("KL0003", DiagnosticSeverity.Info).WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        private static DiagnosticResult Warning(int location) =>
            new DiagnosticResult("KL0003", DiagnosticSeverity.Warning).WithLocation(location).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        [Fact]
        public Task NonConstantLoss_Info() => AllRulesTest.Run(Usings + @"class C
{
    void Train(string lossName)
    {
        var model = new Sequential();
        model.Add(new Dense(10, activation: ""softmax""));
        model.Compile(optimizer: ""adam"", loss: lossName, metrics: new[] { {|#0:""accuracy""|} });
    }
}
", "2.3", Info(0));

        [Fact]
        public Task CustomLossUnknownHead_Info() => AllRulesTest.Run(InMethod(@"        var model = (Sequential)BaseModel.LoadModel(""m.h5"");
        model.Compile(optimizer: ""adam"", loss: ""contrastive_margin"", metrics: new[] { {|#0:""acc""|} });
"), "2.3", Info(0));

        [Fact]
        public Task CustomLossFunctionalTenUnits_Warning_Keras22() => AllRulesTest.Run(InMethod(@"        var input = new Input(new Shape(8));
        var output = new Activation(""softmax"").Set(new Dense(10).Set(input));
        var model = new Model(new BaseLayer[] { input }, new BaseLayer[] { output });
        model.Compile(optimizer: ""adam"", loss: ""focal_tversky"", metrics: new[] { {|#0:""accuracy""|} });
"), "2.2", Warning(0));

        private const string CustomLossTenUnits = @"        var model = new Sequential();
        model.Add(new Dense(10, activation: ""softmax""));
        model.Compile(optimizer: ""adam"", loss: ""my_loss_fn"", metrics: new[] { ""accuracy"" });
";

        [Fact]
        public async Task CustomLoss_OldKerasSaysWhatItComputesAndWhatToDo()
        {
            var old = await Direct.Single(InMethod(CustomLossTenUnits), "KL0003", "2.2");
            Assert.Equal(DiagnosticSeverity.Warning, old.Severity);
            Assert.Equal("'accuracy' in Keras.NET, Keras 2.2: the loss does not decide which accuracy Keras computes; name 'sparse_categorical_accuracy' or 'categorical_accuracy'", old.GetMessage());
            Assert.Contains("with integer labels that compares the arg-max with a length-1 axis and reports the share of predictions of class 0", old.Descriptor.Description.ToString());
        }

        [Theory]
        [InlineData("tf2")]
        [InlineData("3")]
        [InlineData(null)]
        public Task CustomLoss_ShapeBasedFamiliesAreRight_NoReport(string? family) => AllRulesTest.Run(InMethod(CustomLossTenUnits), family);

        [Fact]
        public Task NonConstantLoss_ShapeBasedFamily_NoReport() => AllRulesTest.Run(Usings + @"class C
{
    void Train(string lossName)
    {
        var model = new Sequential();
        model.Add(new Dense(10, activation: ""softmax""));
        model.Compile(optimizer: ""adam"", loss: lossName, metrics: new[] { ""accuracy"" });
    }
}
", "3");

        [Fact]
        public async Task UnknownHead_OffersAllThreeAccuracies()
        {
            var d = await Direct.Single(InMethod(@"        var model = (Sequential)BaseModel.LoadModel(""m.h5"");
        model.Compile(optimizer: ""adam"", loss: ""custom_loss"", metrics: new[] { ""accuracy"" });
"), "KL0003", "2.3");
            Assert.Equal(new[] { "KL0003.sparse_categorical_accuracy", "KL0003.categorical_accuracy", "KL0003.binary_accuracy" }, FixPlan.Read(d).Select(a => a.EquivalenceKey));
        }

        [Fact]
        public Task Negative_CustomLossOneUnit() => AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(1, activation: ""sigmoid""));
        model.Compile(optimizer: ""adam"", loss: ""my_loss"", metrics: new[] { ""accuracy"" });
"));

        [Fact]
        public Task Negative_SparseCategoricalSoftmax() => AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(10, activation: ""softmax""));
        model.Compile(optimizer: ""adam"", loss: ""sparse_categorical_crossentropy"", metrics: new[] { ""accuracy"" });
"), "2.2");

        [Fact]
        public Task Negative_ExplicitMetric() => AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(10, activation: ""softmax""));
        model.Compile(optimizer: ""adam"", loss: ""my_loss"", metrics: new[] { ""sparse_categorical_accuracy"" });
"));

        [Fact]
        public Task FixAll_BinaryAccuracyOffer() 
        {
            var before = InMethod(@"        var a = (Sequential)BaseModel.LoadModel(""a.h5"");
        a.Compile(optimizer: ""adam"", loss: ""custom_a"", metrics: new[] { {|#0:""accuracy""|} });
        var b = (Sequential)BaseModel.LoadModel(""b.h5"");
        b.Compile(optimizer: ""adam"", loss: ""custom_b"", metrics: new[] { {|#1:""acc""|} }); // note
");
            var after = InMethod(@"        var a = (Sequential)BaseModel.LoadModel(""a.h5"");
        a.Compile(optimizer: ""adam"", loss: ""custom_a"", metrics: new[] { ""binary_accuracy"" });
        var b = (Sequential)BaseModel.LoadModel(""b.h5"");
        b.Compile(optimizer: ""adam"", loss: ""custom_b"", metrics: new[] { ""binary_accuracy"" }); // note
");
            var test = new FixTest<KL0003AmbiguousAccuracyAnalyzer, KL0003AmbiguousAccuracyCodeFixProvider>(before, after, "2.3", "KL0003.binary_accuracy");
            test.ExpectedDiagnostics.Add(Info(0));
            test.ExpectedDiagnostics.Add(Info(1));
            return test.RunAsync();
        }

        // The named accuracy logs under its own key: the callback that watched 'val_acc' and the History lookups of it move with it.
        private const string WatchedCustomLoss = @"        var model = new Sequential();
        model.Add(new Dense(10, activation: ""softmax"", input_shape: new Shape(8)));
        model.Compile(optimizer: ""adam"", loss: ""my_loss_fn"", metrics: new[] { {|#0:""accuracy""|} });
        var stop = new EarlyStopping(monitor: ""val_acc"", mode: ""max"");
        var history = model.Fit(x, y, validation_split: 0.2f, callbacks: new Callback[] { stop });
        Console.WriteLine(history.HistoryLogs[""val_acc""][0] + history.HistoryLogs[""loss""][0]);
";

        [Fact]
        public Task Rename_MovesTheMonitorAndTheHistoryLookups()
        {
            var after = WatchedCustomLoss.Replace(@"{|#0:""accuracy""|}", @"""sparse_categorical_accuracy""").Replace(@"""val_acc""", @"""val_sparse_categorical_accuracy""");
            var test = new FixTest<KL0003AmbiguousAccuracyAnalyzer, KL0003AmbiguousAccuracyCodeFixProvider>(InMethod(WatchedCustomLoss), InMethod(after), "2.2", "KL0003.Recommended");
            test.ExpectedDiagnostics.Add(Warning(0));
            return test.RunAsync();
        }

        [Fact]
        public async Task Rename_TitleNamesEveryEdit()
        {
            var d = await Direct.Single(InMethod(WatchedCustomLoss.Replace(@"{|#0:""accuracy""|}", @"""accuracy""")), "KL0003", "2.2");
            Assert.Equal("Replace 'accuracy' with 'categorical_accuracy'; EarlyStopping monitors 'val_categorical_accuracy'; history lookup 'val_acc' → 'val_categorical_accuracy'",
                FixPlan.Read(d).Single(a => a.EquivalenceKey == "KL0003.categorical_accuracy").Title);
        }
    }
}
