using static KerasLint.Analyzers.Tests.Infrastructure.KerasCode;

namespace KerasLint.Analyzers.Tests
{
    public class KL0008Tests
    {
        private static Task Fix(string before, string after, string? family = null) =>
            FixTest<KL0008MonitorKeyNeverLoggedAnalyzer, KL0008MonitorKeyNeverLoggedCodeFixProvider>.Run(InMethod(before), InMethod(after), family, "KL0008.Recommended");

        private const string ValAccUnderTf = @"        var model = new Sequential();
        model.Add(new Dense(10, activation: ""softmax""));
        model.Compile(optimizer: ""adam"", loss: ""categorical_crossentropy"", metrics: new[] { ""accuracy"" });
        var checkpoint = new ModelCheckpoint(""best.h5"", monitor: {|KL0008:""val_acc""|}, mode: ""max"");
        model.Fit(x, y, epochs: 10, validation_data: new NDarray[] { xVal, yVal }, callbacks: new Callback[] { checkpoint });
";

        [Fact]
        public Task ValAccWhenTfKerasLogsValAccuracy() => AllRulesTest.Run(InMethod(ValAccUnderTf));

        [Fact]
        public Task ValAccWhenTfKerasLogsValAccuracy_Fix() => Fix(ValAccUnderTf, ReportedCasesTests.Plain(ValAccUnderTf).Replace(@"""val_acc""", @"""val_accuracy"""));

        [Fact]
        public Task ValAccIsRightUnderKeras22() => AllRulesTest.Run(InMethod(ReportedCasesTests.Plain(ValAccUnderTf)), "2.2");

        private const string ValAccuracyUnder22 = @"        var model = new Sequential();
        model.Add(new Dense(10, activation: ""softmax""));
        model.Compile(optimizer: ""adam"", loss: ""categorical_crossentropy"", metrics: new[] { ""accuracy"" });
        var callbacks = new Callback[] { new EarlyStopping(monitor: {|KL0008:""val_accuracy""|}, patience: 3) };
        model.Fit(x, y, epochs: 10, validation_split: 0.1f, callbacks: callbacks);
";

        [Fact]
        public Task ValAccuracyUnderKeras22_CallbacksInLocal_Fix() => Fix(ValAccuracyUnder22, ReportedCasesTests.Plain(ValAccuracyUnder22).Replace(@"""val_accuracy""", @"""val_acc"""), "2.2");

        [Fact]
        public async Task Keras22Message_ListsLoggedKeys()
        {
            var d = await Direct.Single(InMethod(ReportedCasesTests.Plain(ValAccuracyUnder22)), "KL0008", "2.2");
            Assert.Equal("EarlyStopping monitors 'val_accuracy', never logged in Keras.NET, Keras 2.2: it logs 'loss', 'acc' (and val_)", d.GetMessage());
        }

        private const string DefaultMonitorWithoutValidation = @"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] { ""mae"" });
        model.Fit(x, y, epochs: 50, callbacks: new Callback[] { {|KL0008:new EarlyStopping(patience: 5)|} });
";

        [Fact]
        public Task DefaultValLossWithoutValidation_FixAddsMonitorLoss() => Fix(DefaultMonitorWithoutValidation,
            ReportedCasesTests.Plain(DefaultMonitorWithoutValidation).Replace("new EarlyStopping(patience: 5)", @"new EarlyStopping(patience: 5, monitor: ""loss"")"));

        [Fact]
        public Task ExplicitValMaeWithoutValidation_Fix() => Fix(@"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] { ""mae"" });
        var lr = new ReduceLROnPlateau(monitor: {|KL0008:""val_mae""|}, factor: 0.5f);
        model.Fit(x, y, epochs: 50, callbacks: new Callback[] { lr });
", @"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] { ""mae"" });
        var lr = new ReduceLROnPlateau(monitor: ""mae"", factor: 0.5f);
        model.Fit(x, y, epochs: 50, callbacks: new Callback[] { lr });
");

        [Fact]
        public Task Keras22LogsMseUnderFunctionName() => AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mae"", metrics: new[] { ""mse"" });
        model.Fit(x, y, validation_split: 0.2f, callbacks: new Callback[] { new EarlyStopping(monitor: {|KL0008:""val_mse""|}) });
"), "2.2");

        [Fact]
        public Task Negative_ValLossWithValidation() => AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mse"");
        model.Fit(x, y, validation_split: 0.2f, callbacks: new Callback[] { new EarlyStopping() });
"));

        [Fact]
        public Task Negative_ValidationNotVisible() => AllRulesTest.Run(Usings + @"class C
{
    void Train(NDarray x, NDarray y, float split)
    {
        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mse"");
        model.Fit(x, y, validation_split: split, callbacks: new Callback[] { new EarlyStopping() });
    }
}
");

        [Fact]
        public Task Negative_MetricsNotVisible() => AllRulesTest.Run(Usings + @"class C
{
    void Train(NDarray x, NDarray y, string[] metrics)
    {
        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: metrics);
        model.Fit(x, y, validation_split: 0.1f, callbacks: new Callback[] { new EarlyStopping(monitor: ""val_accuracy"") });
    }
}
");
    }
}
