using KerasLint.Analyzers.Tests.TfNet;
using static KerasLint.Analyzers.Tests.Infrastructure.KerasCode;

namespace KerasLint.Analyzers.Tests
{
    /// <summary>
    /// KL0008, KL0010 and KL0012 on the facts that differ inside a family (tests/data/version-range-vectors.json):
    /// tf.keras 2.2–2.5 / 2.6 / 2.7–2.15 (keraslint.keras_version), the family alone (Keras.NET 3.8.5: tf.keras, version
    /// unknown: only what holds for every tf.keras version is reported), standalone Keras 2.3, Keras 3 and TensorFlow.NET.
    /// Positives and negatives per range, per callback type and per library.
    /// </summary>
    public class VersionRangeRuleTests
    {
        private static string Setup(string metrics, string callback) => $@"        var model = new Sequential();
        model.Add(new Dense(1, activation: ""sigmoid""));
        model.Compile(optimizer: ""adam"", loss: ""binary_crossentropy"", metrics: new[] {{ {metrics} }});
        model.Fit(x, y, validation_split: 0.2f, callbacks: new Callback[] {{ {callback} }});
";

        // ---- KL0012: mode "auto" per version and callback (Keras.NET) ----

        [Theory]
        [InlineData(null)] // Keras.NET 3.8.5: tf.keras, version unknown: minimised in every tf.keras version
        [InlineData("2.5")]
        [InlineData("2.6")]
        [InlineData("2.15")]
        public Task EarlyStopping_auto_on_val_precision(string? version) =>
            AllRulesTest.Run(InMethod(Setup(@"""Precision""", @"new EarlyStopping(monitor: {|KL0012:""val_precision""|}, patience: 3)")), version);

        [Fact]
        public Task Keras23_EarlyStopping_auto_on_val_Precision() => // Keras 2.3 logs the string passed; 'acc' in the key rule
            AllRulesTest.Run(InMethod(Setup(@"""Precision""", @"new EarlyStopping(monitor: {|KL0012:""val_Precision""|})")), "2.3");

        [Fact]
        public Task EarlyStopping_auto_on_val_precision_Fix_adds_mode_max() =>
            FixTest<KL0012MonitorModeContradictsKeyAnalyzer, KL0012MonitorModeContradictsKeyCodeFixProvider>.Run(
                InMethod(Setup(@"""Precision""", @"new EarlyStopping(monitor: {|KL0012:""val_precision""|}, patience: 3)")),
                InMethod(Setup(@"""Precision""", @"new EarlyStopping(monitor: ""val_precision"", patience: 3, mode: ""max"")")), null, "KL0012.Recommended");

        [Theory]
        [InlineData("2.5")]
        [InlineData("2.6")]
        public Task EarlyStopping_auto_on_val_auc_before_27(string version) =>
            AllRulesTest.Run(InMethod(Setup(@"""AUC""", @"new EarlyStopping(monitor: {|KL0012:""val_auc""|})")), version);

        [Theory]
        [InlineData(null)] // the version is unknown: minimised up to 2.6, maximised from 2.7: silent
        [InlineData("2.7")]
        [InlineData("2.15.0")]
        public Task EarlyStopping_auto_on_val_auc_from_27_or_unknown_Silent(string? version) =>
            AllRulesTest.Run(InMethod(Setup(@"""AUC""", @"new EarlyStopping(monitor: ""val_auc"")")), version);

        [Theory]
        [InlineData(null)]
        [InlineData("2.6")]
        [InlineData("2.15")]
        public Task ModelCheckpoint_auto_on_val_auc_even_in_215(string? version) =>
            AllRulesTest.Run(InMethod(Setup(@"""AUC""", @"new ModelCheckpoint(""best.h5"", monitor: {|KL0012:""val_auc""|}, save_best_only: true)")), version);

        [Fact]
        public Task ModelCheckpoint_auto_on_val_recall_Fix() =>
            FixTest<KL0012MonitorModeContradictsKeyAnalyzer, KL0012MonitorModeContradictsKeyCodeFixProvider>.Run(
                InMethod(Setup(@"""Recall""", @"new ModelCheckpoint(""best.h5"", monitor: {|KL0012:""val_recall""|}, save_best_only: true)")),
                InMethod(Setup(@"""Recall""", @"new ModelCheckpoint(""best.h5"", monitor: ""val_recall"", save_best_only: true, mode: ""max"")")), null, "KL0012.Recommended");

        [Fact]
        public Task ReduceLROnPlateau_auto_on_val_auc() =>
            AllRulesTest.Run(InMethod(Setup(@"""AUC""", @"new ReduceLROnPlateau(monitor: {|KL0012:""val_auc""|})")), "2.15");

        [Fact]
        public Task Explicit_auto_mode_Fix_replaces_it() =>
            FixTest<KL0012MonitorModeContradictsKeyAnalyzer, KL0012MonitorModeContradictsKeyCodeFixProvider>.Run(
                InMethod(Setup(@"""Precision""", @"new EarlyStopping(monitor: ""val_precision"", mode: {|KL0012:""auto""|})")),
                InMethod(Setup(@"""Precision""", @"new EarlyStopping(monitor: ""val_precision"", mode: ""max"")")), "2.10", "KL0012.Recommended");

        [Theory]
        [InlineData(null)]
        [InlineData("2.5")]
        public Task Explicit_max_accuracy_and_loss_keys_Silent(string? version) => AllRulesTest.Run(InMethod(Setup(@"""AUC"", ""accuracy""",
            @"new EarlyStopping(monitor: ""val_auc"", mode: ""max""), new ModelCheckpoint(""m.h5"", monitor: ""val_accuracy""), new EarlyStopping(), new ReduceLROnPlateau(monitor: ""val_loss"")")), version);

        [Fact]
        public Task Keras3_reads_the_metric_direction_Silent() =>
            AllRulesTest.Run(InMethod(Setup(@"""AUC""", @"new EarlyStopping(monitor: ""val_AUC""), new ModelCheckpoint(""m.h5"", monitor: ""val_AUC"")")), "3");

        [Fact]
        public Task Keras22_contains_acc_rule() =>
            AllRulesTest.Run(InMethod(Setup(@"""mae"", ""accuracy""", @"new EarlyStopping(monitor: ""val_mean_absolute_error""), new ModelCheckpoint(""m.h5"", monitor: ""val_acc"")")), "2.2");

        [Fact]
        public Task Unlogged_key_is_KL0008s_not_KL0012s() =>
            AllRulesTest.Run(InMethod(Setup(@"""mae""", @"new EarlyStopping(monitor: {|KL0008:""val_precision""|})")), "2.15");

        [Fact]
        public async Task Auto_mode_message_names_the_range_and_the_callback_rule()
        {
            var d = await Direct.Single(InMethod(ReportedCasesTests.Plain(Setup(@"""AUC""", @"new EarlyStopping(monitor: {|KL0012:""val_auc""|})"))), "KL0012", "2.6.0");
            Assert.Equal("EarlyStopping with mode 'auto' does not treat 'val_auc' as maximized in Keras.NET, tf.keras 2.6.0; use mode 'max'", d.GetMessage());
            Assert.Contains("EarlyStopping maximizes only keys containing 'acc' (up to tf.keras 2.6)", d.Descriptor.Description.ToString());
            var c = await Direct.Single(InMethod(ReportedCasesTests.Plain(Setup(@"""AUC""", @"new ModelCheckpoint(""m.h5"", monitor: {|KL0012:""val_auc""|})"))), "KL0012");
            Assert.Equal("ModelCheckpoint with mode 'auto' does not treat 'val_auc' as maximized in Keras.NET, tf.keras 2.x; use mode 'max'", c.GetMessage());
            var unknown = await Direct.Single(InMethod(ReportedCasesTests.Plain(Setup(@"""Precision""", @"new EarlyStopping(monitor: ""val_precision"")"))), "KL0012");
            Assert.Equal("EarlyStopping with mode 'auto' does not treat 'val_precision' as maximized in Keras.NET, tf.keras 2.x; use mode 'max'", unknown.GetMessage());
        }

        // ---- KL0008: class-name metric strings keep their default name in tf.keras 2.x, the string in Keras 3 ----

        [Theory]
        [InlineData(null)]
        [InlineData("2.5")]
        [InlineData("2.15")]
        public Task ValAuc_for_AUC_is_logged_in_tf_keras_Silent(string? version) =>
            AllRulesTest.Run(InMethod(Setup(@"""AUC""", @"new EarlyStopping(monitor: ""val_auc"", mode: ""max""), new EarlyStopping(monitor: ""val_auc_1"", mode: ""max"")")), version);

        [Fact]
        public Task ValAUC_in_tf_keras_Fix_uses_the_object_name() =>
            FixTest<KL0008MonitorKeyNeverLoggedAnalyzer, KL0008MonitorKeyNeverLoggedCodeFixProvider>.Run(
                InMethod(Setup(@"""AUC""", @"new EarlyStopping(monitor: {|KL0008:""val_AUC""|}, mode: ""max"")")),
                InMethod(Setup(@"""AUC""", @"new EarlyStopping(monitor: ""val_auc"", mode: ""max"")")), null, "KL0008.Recommended");

        [Fact]
        public async Task ValAUC_in_tf_keras_message_explains_the_default_name()
        {
            var d = await Direct.Single(InMethod(ReportedCasesTests.Plain(Setup(@"""AUC""", @"new EarlyStopping(monitor: ""val_AUC"", mode: ""max"")"))), "KL0008");
            Assert.Contains("; 'AUC' logs as 'auc'", d.GetMessage());
            Assert.Contains("logs it under its default name (\"precision\", then \"precision_1\", ... for later objects in the same process)", d.Descriptor.Description.ToString());
        }

        [Fact]
        public Task ValAuc_in_Keras3_Fix_uses_the_string() =>
            FixTest<KL0008MonitorKeyNeverLoggedAnalyzer, KL0008MonitorKeyNeverLoggedCodeFixProvider>.Run(
                InMethod(Setup(@"""AUC""", @"new EarlyStopping(monitor: {|KL0008:""val_auc""|}, mode: ""max"")")),
                InMethod(Setup(@"""AUC""", @"new EarlyStopping(monitor: ""val_AUC"", mode: ""max"")")), "3", "KL0008.Recommended");

        [Theory]
        [InlineData("2.5", "val_accuracy", true)]
        [InlineData("2.5", "val_Accuracy", false)]
        [InlineData("2.6", "val_Accuracy", true)]
        [InlineData(null, "val_Accuracy", true)]
        [InlineData(null, "val_accuracy", true)]
        public async Task Accuracy_class_name_keys_per_range(string? version, string monitor, bool logged)
        {
            var diagnostics = await Direct.Analyze(InMethod(Setup(@"""Accuracy""", $@"new EarlyStopping(monitor: ""{monitor}"", mode: ""max"")")), version);
            Assert.Equal(!logged, diagnostics.Any(d => d.Id == "KL0008"));
        }

        // ---- KL0010: "Accuracy"/"ACC" before tf.keras 2.6 and in Keras 2.3; the 2.3 metric names ----

        [Theory]
        [InlineData("2.5", "Accuracy", "accuracy")]
        [InlineData("tf.keras 2.2", "ACC", "acc")]
        [InlineData("2.3", "Accuracy", "accuracy")]
        [InlineData("2.3.1", "Accuracy", "accuracy")]
        public Task Accuracy_spellings_that_are_not_the_compile_time_string_Fix(string version, string text, string fixedText) =>
            FixTest<KL0010UnknownIdentifierAnalyzer, KL0010UnknownIdentifierCodeFixProvider>.Run(
                InMethod(Setup($@"{{|KL0010:""{text}""|}}", "new EarlyStopping()")),
                InMethod(Setup($@"""{fixedText}""", "new EarlyStopping()")), version, "KL0010.Recommended");

        [Fact]
        public async Task Accuracy_before_26_message_names_the_range()
        {
            var d = await Direct.Single(InMethod(Setup(@"""Accuracy""", "new EarlyStopping()")), "KL0010", "2.5.0");
            Assert.Contains("in Keras.NET, tf.keras 2.5.0; did you mean 'accuracy'?", d.GetMessage());
            Assert.Contains("are not read as that metric before tf.keras 2.6", d.Descriptor.Description.ToString());
        }

        [Theory]
        [InlineData(null)] // unknown tf.keras version: "Accuracy" is right from 2.6 on, so nothing is reported
        [InlineData("2.6")]
        [InlineData("2.15")]
        [InlineData("3")]
        public Task Accuracy_from_26_Silent(string? version) => AllRulesTest.Run(InMethod(Setup(@"""Accuracy""", "new EarlyStopping()")), version);

        [Theory]
        [InlineData("2.3")]
        [InlineData("2.3.1")]
        public Task Keras23_metric_names_categorical_hinge_and_cosine_similarity_Silent(string version) =>
            AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(3));
        model.Compile(optimizer: ""adam"", loss: ""categorical_hinge"", metrics: new[] { ""categorical_hinge"", ""cosine_similarity"" });
"), version);

        [Fact]
        public Task Keras22_has_no_categorical_hinge_metric() =>
            AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(3));
        model.Compile(optimizer: ""adam"", loss: ""categorical_hinge"", metrics: new[] { ""mae"", {|KL0010:""categorical_hinge""|} });
"), "2.2");

        [Fact]
        public Task Standalone_231_class_names_fail_at_compile() =>
            FixTest<KL0010UnknownIdentifierAnalyzer, KL0010UnknownIdentifierCodeFixProvider>.Run(
                InMethod(Setup(@"""mae"", {|KL0010:""MeanSquaredError""|}, {|KL0010:""AUC""|}", "new EarlyStopping()")),
                InMethod(Setup(@"""mae"", ""mean_squared_error""", "new EarlyStopping()")), "2.3.1", "KL0010.Recommended");

        // ---- TensorFlow.NET 0.15.0: EarlyStopping's ends-with rule; mode 'max' works there (TfNetEarlyStoppingTests) ----

        private const string TfNetPrecision = @"        var model = keras.Sequential(keras.layers.Dense(1, activation: ""sigmoid""));
        model.compile(keras.optimizers.Adam(), keras.losses.BinaryCrossentropy(), new[] { keras.metrics.Precision() });
        model.fit(x, y, callbacks: new List<ICallback> { new EarlyStopping(new CallbackParams(), {|KL0012:""val_precision""|}) }, validation_split: 0.2f);
";

        [Fact]
        public Task TfNet_EarlyStopping_auto_on_val_precision() => TfNetRulesTest.Run(TfNetCode.InMethod(TfNetPrecision));

        [Fact]
        public Task TfNet_fix_adds_mode_max() =>
            TfNetFixTest<KL0012MonitorModeContradictsKeyAnalyzer, KL0012MonitorModeContradictsKeyCodeFixProvider>.Run(
                TfNetCode.InMethod(TfNetPrecision), TfNetCode.InMethod(ReportedCasesTests.Plain(TfNetPrecision).Replace(@"""val_precision"")", @"""val_precision"", mode: ""max"")")), "KL0012.Recommended");

        [Fact]
        public async Task TfNet_message_names_the_ends_with_rule()
        {
            var d = await TfNetCode.Single(TfNetCode.InMethod(ReportedCasesTests.Plain(TfNetPrecision)), "KL0012");
            Assert.Contains("EarlyStopping with mode 'auto' does not treat 'val_precision' as maximized in TensorFlow.NET's Keras 0.15.0", d.GetMessage());
            Assert.Contains("ending in acc/accuracy/auc (tf.keras 2.7+, TensorFlow.NET)", d.Descriptor.Description.ToString());
            Assert.DoesNotContain("infinity", d.GetMessage());
            Assert.EndsWith("; use mode 'max'", d.GetMessage());
        }

        // The auto rule agrees with these keys (KL0012 is silent in TensorFlow.Keras 0.15.0).
        [Fact]
        public Task TfNet_auc_and_loss_keys_Silent() => TfNetRulesTest.Run(TfNetCode.InMethod(@"        var model = keras.Sequential(keras.layers.Dense(1, activation: ""sigmoid""));
        model.compile(keras.optimizers.Adam(), keras.losses.BinaryCrossentropy(), new[] { keras.metrics.Precision() });
        model.fit(x, y, callbacks: new List<ICallback> { new EarlyStopping(new CallbackParams(), ""val_auc""), new EarlyStopping(new CallbackParams(), ""val_loss"") }, validation_split: 0.2f);
"));
    }
}
