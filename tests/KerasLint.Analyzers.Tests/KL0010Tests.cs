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
            Assert.Equal("'logcosh' is not a loss name in Keras 3 via Keras.NET (keraslint.keras_version = 3); it exists in Keras 2.0–2.2, Keras 2.3 / tf.keras (TF 2.0–2.1), tf.keras 2.x (TF 2.2–2.15); did you mean 'log_cosh'?", d.GetMessage());
        }

        private const string LowerPrecision = @"        var model = new Sequential();
        model.Add(new Dense(1, activation: ""sigmoid""));
        model.Compile(optimizer: ""adam"", loss: ""binary_crossentropy"", metrics: new[] { ""accuracy"", {|KL0010:""precision""|} });
";

        [Fact]
        public Task LowerCasePrecisionInTfKeras_Fix() => Fix(LowerPrecision, ReportedCasesTests.Plain(LowerPrecision).Replace(@"""precision""", @"""Precision"""), "tf2");

        [Fact]
        public Task CrossentropyMetricInKeras3() => AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(1, activation: ""sigmoid""));
        model.Compile(optimizer: ""adam"", loss: ""binary_crossentropy"", metrics: new[] { {|KL0010:""crossentropy""|} });
"), "3");

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
