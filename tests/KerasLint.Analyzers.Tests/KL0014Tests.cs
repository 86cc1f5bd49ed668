using Microsoft.CodeAnalysis.CSharp.Testing;
using static KerasLint.Analyzers.Tests.Infrastructure.KerasCode;

namespace KerasLint.Analyzers.Tests
{
    /// <summary>KL0014: a keraslint.* setting KerasLint cannot read speaks up once, with the key, the value, the files, the fallback and the accepted forms.</summary>
    public class KL0014Tests
    {
        private const string Code = @"        var model = new Sequential();
        model.Add(new Dense(10, activation: ""softmax""));
        model.Compile(optimizer: ""adam"", loss: ""categorical_crossentropy"", metrics: new[] { ""accuracy"" });
";

        private sealed class Test : CSharpAnalyzerTest<KerasLint.Analysis.KerasLintSettingsAnalyzer, DefaultVerifier>
        {
            public Test(string editorconfig, bool keras = true, params (string Name, string Source)[] sources)
            {
                ReferenceAssemblies = Net80;
                if (sources.Length == 0) sources = new[] { ("/0/Test0.cs", InMethod(Code)) };
                foreach (var s in sources) TestState.Sources.Add(s);
                if (keras) TestState.AdditionalReferences.Add(KerasReference);
                TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorconfig));
            }
        }

        [Theory]
        [InlineData("banana")]
        [InlineData("4")]
        [InlineData("1.0")]
        [InlineData("tf.keras 1.15")]
        [InlineData("")]
        public Task UnreadableKerasVersion_OneDiagnosticNamingKeyValueFallbackAndForms(string value) => new Test($"keraslint.keras_version = {value}\n")
        {
            ExpectedDiagnostics =
            {
                new DiagnosticResult("KL0014", DiagnosticSeverity.Warning).WithArguments(
                    "keraslint.keras_version", value, "Keras.NET", "Test0.cs",
                    "Keras.NET 3.8.5 (imports tf.keras)",
                    "2.2, 2.3, tf2, 3 or a version (2.3.1)"),
            },
        }.RunAsync();

        [Fact]
        public Task UnreadableTfNetVersion_NamesTensorFlowNetAndItsForms() => new Test("keraslint.tfnet_version = banana\n")
        {
            ExpectedDiagnostics =
            {
                new DiagnosticResult("KL0014", DiagnosticSeverity.Warning).WithArguments(
                    "keraslint.tfnet_version", "banana", "TensorFlow.NET's Keras", "Test0.cs",
                    "no version (no TensorFlow.NET's Keras reference)",
                    "a TensorFlow.Keras version (0.15.0)"),
            },
        }.RunAsync();

        [Fact]
        public Task WithoutKerasNet_TheFallbackSaysSo() => new Test("keraslint.keras_version = banana\n", keras: false, ("/0/Test0.cs", "class C { }\n"))
        {
            ExpectedDiagnostics =
            {
                new DiagnosticResult("KL0014", DiagnosticSeverity.Warning).WithArguments(
                    "keraslint.keras_version", "banana", "Keras.NET", "Test0.cs",
                    "no version (no Keras.NET reference)",
                    "2.2, 2.3, tf2, 3 or a version (2.3.1)"),
            },
        }.RunAsync();

        [Fact]
        public Task SameValueInManyFiles_ReportedOnce() => new Test("keraslint.keras_version = banana\n", keras: true,
            ("/0/Test0.cs", InMethod(Code)), ("/0/Test1.cs", "class D { }\n"), ("/0/Test2.cs", "class E { }\n"))
        {
            ExpectedDiagnostics =
            {
                new DiagnosticResult("KL0014", DiagnosticSeverity.Warning).WithArguments(
                    "keraslint.keras_version", "banana", "Keras.NET", "Test0.cs +2",
                    "Keras.NET 3.8.5 (imports tf.keras)",
                    "2.2, 2.3, tf2, 3 or a version (2.3.1)"),
            },
        }.RunAsync();

        [Theory]
        [InlineData("keraslint.keras_version = 2.2\n")]
        [InlineData("keraslint.keras_version = tf2\n")]
        [InlineData("keraslint.keras_version = 3.15.1\n")]
        [InlineData("keraslint.keras_version = tf.keras 2.15.0\n")]
        [InlineData("keraslint.tfnet_version = 0.15.0\n")]
        [InlineData("keraslint.tfnet_version = 0.10.5\n")]
        [InlineData("dotnet_diagnostic.KL0001.severity = none\n")]
        public Task ReadableSettings_Silent(string editorconfig) => new Test(editorconfig).RunAsync();

        [Fact]
        public async Task GlobalConfig_ReportedOnceForEveryFile()
        {
            var test = new Test("", keras: true, ("/0/Test0.cs", InMethod(Code)), ("/0/Test1.cs", "class D { }\n"));
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nkeraslint.keras_version = banana\n"));
            test.ExpectedDiagnostics.Add(new DiagnosticResult("KL0014", DiagnosticSeverity.Warning).WithArguments(
                "keraslint.keras_version", "banana", "Keras.NET", "Test0.cs +1",
                "Keras.NET 3.8.5 (imports tf.keras)",
                "2.2, 2.3, tf2, 3 or a version (2.3.1)"));
            await test.RunAsync();
        }
    }
}
