using static KerasLint.Analyzers.Tests.Infrastructure.KerasCode;

namespace KerasLint.Analyzers.Tests
{
    public class KL0009Tests
    {
        [Theory]
        [InlineData("1.0")]
        [InlineData("1")]
        [InlineData("1.5")]
        [InlineData("-0.1")]
        [InlineData("rate: 2")]
        public Task OutOfRange(string rate) => AllRulesTest.Run(InMethod($@"        var d = new Dropout({{|KL0009:{rate.Replace("rate: ", "")}|}});
".Replace("new Dropout({|KL0009:2|})", "new Dropout(rate: {|KL0009:2|})")));

        [Fact]
        public Task ConstAndLocalRates() => AllRulesTest.Run(InMethod(@"        double keep = 1.0;
        var model = new Sequential(new BaseLayer[] { new Dense(10, input_dim: 4), new Dropout({|KL0009:Rate|}), new Dropout({|KL0009:keep|}) });
", "    const double Rate = 1.2;\n"));

        [Theory]
        [InlineData("2.2", "Keras 2.0–2.3 clamp it to 1 and skip the layer: no dropout at all (Keras.NET, Keras 2.2)")]
        [InlineData("tf2", "tf.keras raises ValueError at the first training step (Keras.NET, tf.keras 2.x)")]
        [InlineData("3", "Keras 3 outputs all zeros in training")]
        public async Task RateOne_MessageByFamily(string family, string expected)
        {
            var d = await Direct.Single(InMethod("        var d = new Dropout(1.0);\n"), "KL0009", family);
            Assert.Contains(expected, d.GetMessage());
            Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        }

        [Fact]
        public async Task AboveOneUnderTfKeras_RaisesAtConstruction()
        {
            var d = await Direct.Single(InMethod("        var d = new Dropout(1.5);\n"), "KL0009");
            Assert.Equal("Dropout rate 1.5 is outside [0, 1): tf.keras raises ValueError at construction (Keras.NET, tf.keras 2.x)", d.GetMessage());
        }

        /// <summary>A float rate (TF.NET and TorchSharp take floats) reads as written, not as its double expansion.</summary>
        [Theory]
        [InlineData(-0.1f, "-0.1")]
        [InlineData(1.5f, "1.5")]
        public void FloatRate_ReadsAsWritten(float rate, string expected) =>
            Assert.Equal(expected, KerasLint.Rules.KL0009DropoutRateOutOfRangeAnalyzer.Format(rate));

        [Theory]
        [InlineData(-0.1, "-0.1")]
        [InlineData(1.0000000001, "1.0000000001")]
        public void DoubleRate_KeepsEveryDigit(double rate, string expected) =>
            Assert.Equal(expected, KerasLint.Rules.KL0009DropoutRateOutOfRangeAnalyzer.Format(rate));

        [Fact]
        public Task Negative_ValidAndUnknownRates() => AllRulesTest.Run(Usings + @"class C
{
    void M(double r)
    {
        var a = new Dropout(0.0);
        var b = new Dropout(0.999);
        var c = new Dropout(r);
    }
}
");
    }
}
