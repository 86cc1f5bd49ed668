using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using static KerasLint.Analyzers.Tests.Infrastructure.KerasCode;

namespace KerasLint.Analyzers.Tests
{
    /// <summary>What the shared engine guarantees to every rule: one report per site, binding despite duplicate type names, fixes that do not need tree identity.</summary>
    public class EngineTests
    {
        /// <summary>Two compile + fit pairs on one model share one callback: its KL0008 and KL0012 are reported once each (were k² before).</summary>
        [Fact]
        public async Task SharedCallbackOfSeveralCompileCalls_IsReportedOnce()
        {
            var source = InMethod(@"        var model = new Sequential();
        model.Add(new Dense(10, activation: ""softmax""));
        var stop = new EarlyStopping(monitor: ""val_acc"", mode: ""min"");
        model.Compile(optimizer: ""adam"", loss: ""categorical_crossentropy"", metrics: new[] { ""accuracy"" });
        model.Fit(x, y, validation_split: 0.1f, callbacks: new Callback[] { stop });
        model.Compile(optimizer: ""sgd"", loss: ""categorical_crossentropy"", metrics: new[] { ""accuracy"" });
        model.Fit(x, y, validation_split: 0.1f, callbacks: new Callback[] { stop });
        model.Compile(optimizer: ""rmsprop"", loss: ""categorical_crossentropy"", metrics: new[] { ""accuracy"" });
        model.Fit(x, y, validation_split: 0.1f, callbacks: new Callback[] { stop });
");
            var diagnostics = await Direct.Analyze(source);
            Assert.Single(diagnostics, d => d.Id == "KL0008");
            Assert.Single(diagnostics, d => d.Id == "KL0012");
            var keys = diagnostics.Select(d => (d.Id, d.Location.SourceSpan)).ToList();
            Assert.Equal(keys.Count, keys.Distinct().Count());
        }

        /// <summary>Many setups in one method are each analysed (the shared index serves every call): one KL0001 per setup.</summary>
        [Fact]
        public async Task ManySetupsInOneMethod_EachIsReported()
        {
            var body = string.Concat(Enumerable.Range(0, 40).Select(i => $@"        var m{i} = new Sequential();
        m{i}.Add(new Dense(1, input_dim: 3));
        m{i}.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] {{ ""accuracy"" }});
"));
            var diagnostics = await Direct.Analyze(InMethod(body));
            Assert.Equal(40, diagnostics.Count(d => d.Id == "KL0001"));
        }

        /// <summary>A second assembly that declares Keras.NET's type names makes GetTypeByMetadataName ambiguous; the analysis still binds to Keras.NET.</summary>
        [Fact]
        public async Task DuplicateTypeNamesInAnotherAssembly_DoNotSwitchTheAnalysisOff()
        {
            var other = CSharpCompilation.Create("OtherKerasCopy",
                new[] { CSharpSyntaxTree.ParseText("namespace Keras.Models { public class BaseModel { } }") },
                new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var stream = new MemoryStream();
            Assert.True(other.Emit(stream).Success);
            var compilation = Direct.Compile(InMethod(@"        var model = new Keras.Models.Sequential();
        model.Add(new Keras.Layers.Dense(1, input_dim: 3));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] { ""accuracy"" });
").Replace("using Keras.Models;\nusing Keras.Layers;\n", ""))
                .AddReferences(MetadataReference.CreateFromImage(stream.ToArray()));
            Assert.Null(compilation.GetTypeByMetadataName("Keras.Models.BaseModel"));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var diagnostics = await compilation.WithAnalyzers(EveryAnalyzer).GetAnalyzerDiagnosticsAsync();
            Assert.Single(diagnostics, d => d.Id == "KL0001");
        }

        /// <summary>A host that re-creates the diagnostic against a fresh parse of the same document (same path and text) still gets the fix.</summary>
        [Fact]
        public async Task FixAppliesToADiagnosticMadeAgainstAnotherTreeOfTheSameDocument()
        {
            var source = InMethod(@"        var model = new Sequential();
        model.Add(new Dense(1, input_dim: 3));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] { ""accuracy"" });
");
            var diagnostic = Assert.Single(await Direct.Analyze(source), d => d.Id == "KL0001");

            using var workspace = new AdhocWorkspace();
            var project = workspace.AddProject("P", LanguageNames.CSharp)
                .WithMetadataReferences(Direct.Compile(source).References)
                .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var document = project.AddDocument("Test0.cs", source, filePath: "/0/Test0.cs");
            Assert.NotSame(diagnostic.Location.SourceTree, await document.GetSyntaxTreeAsync());

            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None);
            await new KL0001AccuracyOnRegressionCodeFixProvider().RegisterCodeFixesAsync(context);
            var replace = Assert.Single(actions, a => a.EquivalenceKey == "KL0001.Recommended");
            var operation = Assert.Single((await replace.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>());
            var text = (await operation.ChangedSolution.GetDocument(document.Id)!.GetTextAsync()).ToString();
            Assert.Contains(@"metrics: new[] { ""mae"" }", text);
        }
    }
}
