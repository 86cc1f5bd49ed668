using static KerasLint.Analyzers.Tests.Infrastructure.KerasCode;

namespace KerasLint.Analyzers.Tests
{
    public class KL0012Tests
    {
        private static Task Fix(string before, string after, string? family = null) =>
            FixTest<KL0012MonitorModeContradictsKeyAnalyzer, KL0012MonitorModeContradictsKeyCodeFixProvider>.Run(InMethod(before), InMethod(after), family, "KL0012.Recommended");

        private const string MinOnAccuracy = @"        var model = new Sequential();
        model.Add(new Dense(10, activation: ""softmax""));
        model.Compile(optimizer: ""adam"", loss: ""categorical_crossentropy"", metrics: new[] { ""accuracy"" });
        var stop = new EarlyStopping(monitor: ""val_accuracy"", mode: {|KL0012:""min""|});
        var save = new ModelCheckpoint(""m.h5"", ""val_loss"", 1, true, false, {|KL0012:""max""|});
        model.Fit(x, y, validation_data: new NDarray[] { xVal, yVal }, callbacks: new Callback[] { stop, save });
";

        [Fact]
        public Task MinOnAccuracyAndMaxOnLoss() => AllRulesTest.Run(InMethod(MinOnAccuracy));

        [Fact]
        public Task FixAll() => Fix(MinOnAccuracy, ReportedCasesTests.Plain(MinOnAccuracy).Replace(@"mode: ""min""", @"mode: ""max""").Replace(@"false, ""max""", @"false, ""min"""));

        [Fact]
        public async Task Message()
        {
            var d = (await Direct.Analyze(InMethod(ReportedCasesTests.Plain(MinOnAccuracy)))).First(x => x.Id == "KL0012");
            Assert.Equal("EarlyStopping with mode 'min' does not treat 'val_accuracy' as maximized in Keras.NET, tf.keras 2.x; use mode 'max'", d.GetMessage());
        }

        [Fact]
        public Task ReduceLrOnMaeWithMax() => AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] { ""mae"" });
        model.Fit(x, y, validation_split: 0.2f, callbacks: new Callback[] { new ReduceLROnPlateau(monitor: ""val_mae"", mode: {|KL0012:""max""|}) });
"));

        [Fact]
        public Task Negative_AutoAndMatchingModes() => AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(10, activation: ""softmax""));
        model.Compile(optimizer: ""adam"", loss: ""categorical_crossentropy"", metrics: new[] { ""accuracy"" });
        model.Fit(x, y, validation_split: 0.2f, callbacks: new Callback[] {
            new EarlyStopping(monitor: ""val_accuracy"", mode: ""max""),
            new EarlyStopping(monitor: ""val_loss""),
            new ModelCheckpoint(""m.h5"", monitor: ""val_loss"", mode: ""min"") });
"));
    }
}
