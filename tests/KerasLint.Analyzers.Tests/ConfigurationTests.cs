using static KerasLint.Analyzers.Tests.Infrastructure.KerasCode;

namespace KerasLint.Analyzers.Tests
{
    /// <summary>The Keras family from the referenced Keras.NET version and from keraslint.keras_version; severities via .editorconfig.</summary>
    public class ConfigurationTests
    {
        private const string ValAccuracy = @"        var model = new Sequential();
        model.Add(new Dense(10, activation: ""softmax""));
        model.Compile(optimizer: ""adam"", loss: ""categorical_crossentropy"", metrics: new[] { ""accuracy"" });
        model.Fit(x, y, validation_split: 0.2f, callbacks: new Callback[] { new EarlyStopping(monitor: ""val_accuracy"", mode: ""max"") });
";

        [Fact]
        public async Task OldKerasNet_ImportsStandaloneKeras_Keras22Family()
        {
            // Keras.NET before 3.8.5 imported standalone Keras: "accuracy" is logged as val_acc.
            var diagnostics = await Direct.Analyze(InMethod(ValAccuracy), keras: Direct.KerasWithVersion("3.7.2.0"));
            var d = Assert.Single(diagnostics, x => x.Id.StartsWith("KL", StringComparison.Ordinal));
            Assert.Equal("KL0008", d.Id);
            Assert.Contains("never logged in Keras.NET, Keras 2.2:", d.GetMessage());
        }

        [Fact]
        public async Task KerasNet386_TfKerasFamily_Silent()
        {
            var diagnostics = await Direct.Analyze(InMethod(ValAccuracy), keras: Direct.KerasWithVersion("3.8.6.0"));
            Assert.DoesNotContain(diagnostics, x => x.Id.StartsWith("KL", StringComparison.Ordinal));
        }

        [Fact]
        public async Task ConfiguredFamilyOverridesTheAssembly()
        {
            var diagnostics = await Direct.Analyze(InMethod(ValAccuracy), family: "tf2", keras: Direct.KerasWithVersion("3.7.2.0"));
            Assert.DoesNotContain(diagnostics, x => x.Id.StartsWith("KL", StringComparison.Ordinal));
        }

        [Fact]
        public Task EditorConfigSection() => new AllRulesTest(InMethod(ValAccuracy.Replace(@"monitor: ""val_accuracy""", @"monitor: {|KL0008:""val_accuracy""|}")))
        {
            TestState = { AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n\n[*.cs]\nkeraslint.keras_version = 2.2.4\n") } },
        }.RunAsync();

        [Fact]
        public Task UnparsableValueFallsBackToTheAssembly() => new AllRulesTest(InMethod(ValAccuracy))
        {
            TestState =
            {
                AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n\n[*.cs]\nkeraslint.keras_version = banana\n") },
                // The value is not silently dropped: KL0014 says so (its own tests check the message).
                ExpectedDiagnostics = { new DiagnosticResult("KL0014", DiagnosticSeverity.Warning) },
            },
        }.RunAsync();

        [Fact]
        public Task SeverityFromEditorConfig_InfoRaisedToWarning() => new AllRulesTest(InMethod(@"        var model = (Sequential)BaseModel.LoadModel(""m.h5"");
        model.Compile(optimizer: ""adam"", loss: ""custom_loss"", metrics: new[] { {|#0:""accuracy""|} });
"))
        {
            TestState =
            {
                AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n\n[*.cs]\nkeraslint.keras_version = 2.3\ndotnet_diagnostic.KL0003.severity = warning\n") },
                ExpectedDiagnostics = { new DiagnosticResult("KL0003", DiagnosticSeverity.Warning).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations) },
            },
        }.RunAsync();

        [Fact]
        public Task SuppressedByEditorConfig() => new AllRulesTest(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] { ""accuracy"" });
"))
        {
            TestState = { AnalyzerConfigFiles = { ("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.KL0001.severity = none\n") } },
        }.RunAsync();

        [Fact]
        public async Task NoKerasNetReference_NothingRuns()
        {
            var compilation = Direct.Compile("class C { void M() { } }").RemoveReferences(KerasReference);
            Assert.Null(KerasLint.Libraries.KerasNet.KerasNetAdapter.TryCreate(compilation));
            var withKeras = Direct.Compile("class C { }", KerasReference);
            Assert.NotNull(KerasLint.Libraries.KerasNet.KerasNetAdapter.TryCreate(withKeras));
            await Task.CompletedTask;
        }

        [Fact]
        public Task BuiltInLoss_NoKL0003EvenWhereFamiliesDiffer() => AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(3, activation: ""softmax""));
        model.Compile(optimizer: ""adam"", loss: ""categorical_hinge"", metrics: new[] { ""accuracy"" });
"), "2.2");
    }
}
