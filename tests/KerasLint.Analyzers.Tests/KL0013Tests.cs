using static KerasLint.Analyzers.Tests.Infrastructure.KerasCode;

namespace KerasLint.Analyzers.Tests
{
    /// <summary>
    /// KL0013: the unknown loss and metric names no edit can fix are reported under their own id (never as KL0010, so
    /// that every KL0010 carries a fix), with what the library does with the name and what to change by hand.
    /// </summary>
    public class KL0013Tests
    {
        // A loss only Keras 3 has, under tf.keras: no close name, and tf.keras has no loss computing the same.
        private const string LossOnlyInKeras3 = @"        var model = new Sequential();
        model.Add(new Dense(1, activation: ""sigmoid""));
        model.Compile(optimizer: ""adam"", loss: {|KL0013:""dice""|});
";

        [Fact]
        public Task LossOnlyInKeras3_UnderTf2() => AllRulesTest.Run(InMethod(LossOnlyInKeras3), "tf2");

        [Fact]
        public Task LossOnlyInKeras3_SilentUnderKeras3() => AllRulesTest.Run(InMethod(ReportedCasesTests.Plain(LossOnlyInKeras3)), "3");

        [Fact]
        public async Task LossOnlyInKeras3_MessageSaysWhatKerasDoesAndWhatToDo()
        {
            var d = await Direct.Single(InMethod(ReportedCasesTests.Plain(LossOnlyInKeras3)), "KL0013", "tf2");
            Assert.Equal("'dice' is not a loss name in Keras.NET, tf.keras 2.x, and no edit can replace it; use a loss this version has, or set keraslint.keras_version", d.GetMessage());
            Assert.Contains("Python.Runtime.PythonException", d.Descriptor.Description.ToString());
            Assert.Empty(FixPlan.Read(d));
            Assert.False(FixCheck.Providers.ContainsKey("KL0013"), "KL0013 has no code fix: a fixable id must be fixable everywhere");
        }

        // A metric in an array kept in a local: removing it there would change every use of the array.
        private const string MetricKeptInALocal = @"        var model = new Sequential();
        model.Add(new Dense(1, activation: ""sigmoid""));
        var metrics = new[] { ""binary_accuracy"", {|KL0013:""f1_score""|} };
        model.Compile(optimizer: ""adam"", loss: ""binary_crossentropy"", metrics: metrics);
";

        /// <summary>A metric only Keras 3 has, under Keras 2.2; "crossentropy", a metric before Keras 3 and only a loss in Keras 3.</summary>
        [Theory]
        [InlineData("2.2", "f1_score", "; remove it from the metrics, or set keraslint.keras_version")]
        [InlineData("3", "crossentropy", "; Keras 3 accepts it only as a loss: remove it from the metrics, or name the crossentropy metric (binary_crossentropy, categorical_crossentropy or sparse_categorical_crossentropy)")]
        public async Task MetricKeptInALocal_IsKL0013WithWhatToDo(string family, string metric, string messageEnd)
        {
            var source = MetricKeptInALocal.Replace("f1_score", metric);
            await AllRulesTest.Run(InMethod(source), family);
            Assert.EndsWith(messageEnd, (await Direct.Single(InMethod(ReportedCasesTests.Plain(source)), "KL0013", family)).GetMessage());
        }

        [Theory]
        [InlineData("3", "f1_score")]
        [InlineData("tf2", "crossentropy")]
        public Task MetricKeptInALocal_SilentWhereTheNameIsValid(string family, string metric) =>
            AllRulesTest.Run(InMethod(ReportedCasesTests.Plain(MetricKeptInALocal).Replace("f1_score", metric)), family);
    }
}
