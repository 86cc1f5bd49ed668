using KerasLint.Analyzers.Tests.TorchSharp;

namespace KerasLint.Analyzers.Tests
{
    /// <summary>
    /// One engine runs many rules: turning one id off (.editorconfig, global config, command line) must silence that
    /// rule only, in every engine, and a rule whose ids are all off is skipped (<see cref="KerasLintRule.IsEnabled"/>).
    /// </summary>
    public class EngineConfigurationTests
    {
        private static readonly string KerasSource = KerasCode.InMethod(@"        var model = new Sequential();
        model.Add(new Dense(16, input_dim: 4));
        model.Add(new Dropout({|KL0009:1.5|}));
        model.Add(new Dense(1, activation: {|KL0004:""softmax""|}));
        model.Compile(optimizer: ""adam"", loss: ""binary_crossentropy""); // KL0004 alone: one finding per problem
");

        private const string TorchSource = @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var wide = Sequential(Linear(4, 3), Softmax(1));
        var narrow = Sequential(Linear(4, 1), Softmax(1));
        var a = {|KL0101:CrossEntropyLoss().forward(wide.forward(x), y)|};
        var b = {|KL0004:BCELoss().forward(narrow.forward(x), y)|};
    }
}";

        private static string Without(string marked, string id) =>
            System.Text.RegularExpressions.Regex.Replace(marked, @"\{\|" + id + @":(.*?)\|\}", "$1");

        [Fact]
        public Task Keras_EveryRuleRuns() => AllRulesTest.Run(KerasSource);

        [Theory]
        [InlineData("KL0004")]
        [InlineData("KL0009")]
        public Task Keras_EditorConfigNoneSilencesThatRuleOnly(string id) => new AllRulesTest(Without(KerasSource, id))
        {
            TestState = { AnalyzerConfigFiles = { ("/.editorconfig", $"root = true\n\n[*.cs]\ndotnet_diagnostic.{id}.severity = none\n") } },
        }.RunAsync();

        [Fact]
        public Task Keras_GlobalConfigNoneSilencesThatRuleOnly() => new AllRulesTest(Without(KerasSource, "KL0004"))
        {
            TestState = { AnalyzerConfigFiles = { ("/.globalconfig", "is_global = true\ndotnet_diagnostic.KL0004.severity = none\n") } },
        }.RunAsync();

        [Theory]
        [InlineData(null)]
        [InlineData("KL0004")]
        [InlineData("KL0101")]
        public async Task Torch_EditorConfigNoneSilencesThatRuleOnly(string? id)
        {
            var (source, expected) = TorchVerifier.Parse(TorchVerifier.Usings + (id == null ? TorchSource : Without(TorchSource, id)));
            var test = new EnginesTest(Engines.All) { TestCode = source };
            test.TestState.AdditionalReferences.Add(LibraryReferences.TorchSharp);
            if (id != null) test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n\n[*.cs]\ndotnet_diagnostic.{id}.severity = none\n"));
            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync();
        }

        [Fact]
        public void RuleIsSkippedOnlyWhenEveryIdIsOff()
        {
            var rule = new KL0004SoftmaxOnOneUnitAnalyzer();
            var compilation = Direct.Compile("class C { }");
            Assert.True(rule.IsEnabled(compilation, CancellationToken.None));
            var off = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
                compilation.Options.SpecificDiagnosticOptions.SetItem("KL0004", ReportDiagnostic.Suppress)));
            Assert.False(rule.IsEnabled(off, CancellationToken.None));
            var other = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
                compilation.Options.SpecificDiagnosticOptions.SetItem("KL0009", ReportDiagnostic.Suppress)));
            Assert.True(rule.IsEnabled(other, CancellationToken.None));
            var kl0010 = new KL0010UnknownIdentifierAnalyzer();
            var halfOff = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
                compilation.Options.SpecificDiagnosticOptions.SetItem("KL0010", ReportDiagnostic.Suppress)));
            Assert.True(kl0010.IsEnabled(halfOff, CancellationToken.None));
        }
    }
}
