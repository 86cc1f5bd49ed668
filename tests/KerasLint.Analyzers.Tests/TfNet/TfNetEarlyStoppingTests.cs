using KerasLint.Knowledge;
using KerasLint.Rules;

namespace KerasLint.Analyzers.Tests.TfNet
{
    /// <summary>
    /// KL0012 and TensorFlow.NET's EarlyStopping on a maximized key. Up to TensorFlow.Keras 0.11.3 it started its best
    /// value at +infinity in every mode, so a maximized key never improved (SciSharp/TensorFlow.NET Earlystopping.cs at
    /// b2fe5ca0, lines 51 and 132–148); from 0.11.4 (commit f809f6ea; tag v0.150.0-BERT-Model, Earlystopping.cs 50–83 and
    /// 166–169) it starts from −infinity for np.greater, so val_accuracy in mode auto or max is right.
    /// </summary>
    public class TfNetEarlyStoppingTests
    {
        private static string Fit(string callback) => TfNetCode.InMethod($@"        var model = keras.Sequential(keras.layers.Dense(10));
        model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true), new[] {{ ""accuracy"" }});
        model.fit(x, y, callbacks: new List<ICallback> {{ {callback} }}, validation_split: 0.1f);
");

        [Theory]
        [InlineData(@"new EarlyStopping(new CallbackParams(), monitor: ""val_accuracy"", mode: ""max"")")]
        [InlineData(@"new EarlyStopping(new CallbackParams(), monitor: ""val_accuracy"")")]
        [InlineData(@"new EarlyStopping(new CallbackParams(), monitor: ""val_loss"")")]
        public Task Maximized_key_in_015_Silent(string callback) => TfNetRulesTest.Run(Fit(callback));

        [Theory]
        [InlineData(@"new EarlyStopping(new CallbackParams(), monitor: {|KL0012:""val_accuracy""|})")]
        [InlineData(@"new EarlyStopping(new CallbackParams(), monitor: ""val_accuracy"", mode: {|KL0012:""max""|})")]
        [InlineData(@"new EarlyStopping(new CallbackParams(), monitor: ""val_accuracy"", mode: {|KL0012:""auto""|})")]
        public Task Maximized_key_before_0114_never_improves(string callback) => TfNetRulesTest.Run(Fit(callback), "0.11.0");

        [Fact]
        public Task Loss_key_before_0114_Silent() => TfNetRulesTest.Run(Fit(@"new EarlyStopping(new CallbackParams(), monitor: ""val_loss"")"), "0.10.5");

        [Fact]
        public Task Fix_before_0114_monitors_the_loss() =>
            TfNetFixTest<KL0012MonitorModeContradictsKeyAnalyzer, KL0012MonitorModeContradictsKeyCodeFixProvider>.Run(
                Fit(@"new EarlyStopping(new CallbackParams(), monitor: {|KL0012:""val_accuracy""|}, patience: 3)"),
                Fit(@"new EarlyStopping(new CallbackParams(), monitor: ""val_loss"", patience: 3)"), "KL0012.Recommended", "0.11.3");

        [Fact]
        public Task Fix_before_0114_with_mode_max_monitors_the_loss_in_mode_min() =>
            TfNetFixTest<KL0012MonitorModeContradictsKeyAnalyzer, KL0012MonitorModeContradictsKeyCodeFixProvider>.Run(
                Fit(@"new EarlyStopping(new CallbackParams(), monitor: ""val_accuracy"", mode: {|KL0012:""max""|})"),
                Fit(@"new EarlyStopping(new CallbackParams(), monitor: ""val_loss"", mode: ""min"")"), "KL0012.Recommended", "0.11.0");

        [Fact]
        public async Task Message_names_the_version_and_the_release_that_fixed_it()
        {
            var d = await TfNetCode.Single(ReportedCasesTests.Plain(Fit(@"new EarlyStopping(new CallbackParams(), monitor: {|KL0012:""val_accuracy""|})")), "KL0012", "0.11.0");
            Assert.Contains("TensorFlow.NET's Keras 0.11.0", d.GetMessage());
            Assert.Contains("best starts at +inf", d.GetMessage());
            Assert.Contains("Before TensorFlow.Keras 0.11.4", d.Descriptor.Description.ToString());
            Assert.EndsWith("; monitor 'val_loss'", d.GetMessage());
        }

        [Theory]
        [InlineData("0.10.5", true)]
        [InlineData("0.11.3", true)]
        [InlineData("0.11.4", false)]
        [InlineData("0.15.0", false)]
        public void Fixed_in_0114(string version, bool neverImproves) =>
            Assert.Equal(neverImproves, TfNetSemantics.EarlyStoppingNeverImprovesMaximized(System.Version.Parse(version)));
    }
}
