using System.Collections.Immutable;
using KerasLint.Analyzers.Tests.TfNet;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using static KerasLint.Analyzers.Tests.CrossMember.LiveInEditorTests;

namespace KerasLint.Analyzers.Tests.CrossMember
{
    /// <summary>
    /// Callbacks and metric arrays made in another member or file are reported while the compile's document is edited
    /// (<c>GetAnalyzerSemanticDiagnosticsAsync(model, null)</c> for that one document), on the fit or compile argument
    /// that brings them in, with their site as the last additional location; the whole compilation holds each problem
    /// once, the other document shows nothing, and the fix still edits the site where it is written.
    /// </summary>
    public class LiveForeignSitesTests
    {
        private const string KerasUsings = KerasCode.Usings;

        // ---- Keras.NET ----
        private const string KerasTrain = @"class Trainer
{
    void Train(NDarray x, NDarray y)
    {
        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] { ""mae"" });
        model.Fit(x, y, epochs: 50, callbacks: Callbacks.Make());
    }
}
";

        private const string KerasCallbacks = @"static class Callbacks
{
    public static Callback[] Make() => new Callback[] { new EarlyStopping(patience: 5) };
}
";

        [Fact]
        public async Task KerasNet_CallbackFromHelperInAnotherFile_LiveOnTheCallbacksArgument()
        {
            var (live, all) = await LiveInEditorTests.Analyze(LibraryReferences.Keras, KerasUsings + KerasTrain, KerasUsings + KerasCallbacks);
            var d = AssertLiveOnce(live[0], all, "KL0008", "Callbacks.Make()");
            Assert.Equal("/0/Test1.cs", d.AdditionalLocations[^1].SourceTree!.FilePath);
            Assert.Equal("new EarlyStopping(patience: 5)", SiteText(d));
            Assert.Empty(live[1]);
        }

        [Fact]
        public async Task KerasNet_CallbackFromHelperWithValidation_Silent()
        {
            var (live, all) = await LiveInEditorTests.Analyze(LibraryReferences.Keras, KerasUsings + KerasTrain.Replace("epochs: 50,", "epochs: 50, validation_split: 0.2f,"), KerasUsings + KerasCallbacks);
            Assert.Empty(live[0]);
            Assert.Empty(all);
        }

        [Fact]
        public async Task KerasNet_CallbackFromHelper_FixEditsTheHelpersFile()
        {
            var fixedSources = await ApplyRecommended(LibraryReferences.Keras, new KL0008MonitorKeyNeverLoggedCodeFixProvider(), "KL0008",
                KerasUsings + KerasTrain, KerasUsings + KerasCallbacks);
            Assert.Equal(KerasUsings + KerasTrain, fixedSources[0]);
            Assert.NotEqual(KerasUsings + KerasCallbacks, fixedSources[1]);
        }

        private const string KerasFieldCallback = @"partial class C
{
    private readonly EarlyStopping stop = new EarlyStopping(monitor: ""val_accuracy"", mode: MODE);
}
";

        private const string KerasFieldCallbackTrain = @"partial class C
{
    void Train(NDarray x, NDarray y)
    {
        var model = new Sequential();
        model.Add(new Dense(10, activation: ""softmax""));
        model.Compile(optimizer: ""adam"", loss: ""categorical_crossentropy"", metrics: new[] { ""accuracy"" });
        model.Fit(x, y, epochs: 10, validation_split: 0.1f, callbacks: new Callback[] { stop });
    }
}
";

        [Fact]
        public async Task KerasNet_CallbackInAFieldOfAnotherFile_LiveOnTheCallbacksElement()
        {
            var (live, all) = await LiveInEditorTests.Analyze(LibraryReferences.Keras, KerasUsings + KerasFieldCallbackTrain, KerasUsings + KerasFieldCallback.Replace("MODE", "\"min\""));
            var d = AssertLiveOnce(live[0], all, "KL0012", "stop");
            Assert.Equal("\"min\"", SiteText(d));
            Assert.Empty(live[1]);
        }

        [Fact]
        public async Task KerasNet_CallbackInAFieldOfAnotherFile_RightMode_Silent()
        {
            var (live, all) = await LiveInEditorTests.Analyze(LibraryReferences.Keras, KerasUsings + KerasFieldCallbackTrain, KerasUsings + KerasFieldCallback.Replace("MODE", "\"max\""));
            Assert.Empty(live[0]);
            Assert.Empty(all);
        }

        [Fact]
        public async Task KerasNet_CallbackInAField_FixEditsTheField()
        {
            var fixedSources = await ApplyRecommended(LibraryReferences.Keras, new KL0012MonitorModeContradictsKeyCodeFixProvider(), "KL0012",
                KerasUsings + KerasFieldCallbackTrain, KerasUsings + KerasFieldCallback.Replace("MODE", "\"min\""));
            Assert.Equal(KerasUsings + KerasFieldCallbackTrain, fixedSources[0]);
            Assert.Contains("mode: \"max\"", fixedSources[1], StringComparison.Ordinal);
        }

        private const string KerasMetricsTrain = @"class Trainer
{
    void Train()
    {
        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: Settings.Metrics);
    }
}
";

        private const string KerasMetrics = "static class Settings\n{\n    public static readonly string[] Metrics = { \"mae\", ACC };\n}\n";

        [Fact]
        public async Task KerasNet_MetricsArrayInAFieldOfAnotherFile_LiveOnTheMetricsArgument()
        {
            var (live, all) = await LiveInEditorTests.Analyze(LibraryReferences.Keras, KerasUsings + KerasMetricsTrain, KerasUsings + KerasMetrics.Replace("ACC", "\"accuracy\""));
            var d = AssertLiveOnce(live[0], all, "KL0001", "Settings.Metrics");
            Assert.Equal("\"accuracy\"", SiteText(d));
            Assert.Empty(live[1]);
        }

        [Fact]
        public async Task KerasNet_MetricsArrayInAFieldOfAnotherFile_Right_Silent()
        {
            var (live, all) = await LiveInEditorTests.Analyze(LibraryReferences.Keras, KerasUsings + KerasMetricsTrain, KerasUsings + KerasMetrics.Replace("ACC", "\"mse\""));
            Assert.Empty(live[0]);
            Assert.Empty(all);
        }

        [Fact]
        public async Task KerasNet_MetricsArrayInAField_FixEditsTheDeclaration()
        {
            var fixedSources = await ApplyRecommended(LibraryReferences.Keras, new KL0001AccuracyOnRegressionCodeFixProvider(), "KL0001",
                KerasUsings + KerasMetricsTrain, KerasUsings + KerasMetrics.Replace("ACC", "\"accuracy\""));
            Assert.Equal(KerasUsings + KerasMetricsTrain, fixedSources[0]);
            Assert.DoesNotContain("accuracy", fixedSources[1], StringComparison.Ordinal);
        }

        [Fact]
        public async Task KerasNet_TwoFitsOfOneMemberShareTheHelper_ReportedOnce()
        {
            var train = KerasTrain.Replace("    }\n}\n", @"        var other = new Sequential();
        other.Add(new Dense(1));
        other.Compile(optimizer: ""sgd"", loss: ""mse"", metrics: new[] { ""mae"" });
        other.Fit(x, y, epochs: 5, callbacks: Callbacks.Make());
    }
}
");
            var (live, all) = await LiveInEditorTests.Analyze(LibraryReferences.Keras, KerasUsings + train, KerasUsings + KerasCallbacks);
            var d = AssertLiveOnce(live[0], all, "KL0008", "Callbacks.Make()");
            Assert.True(d.Location.SourceSpan.Start < train.IndexOf("other", StringComparison.Ordinal) + KerasUsings.Length, "anchored at the first fit that brings the callback in");
            Assert.Empty(live[1]);
        }

        [Fact]
        public async Task KerasNet_TwoMembersShareTheHelper_EachMemberReportsItOnce()
        {
            var second = "class Again\n{\n    void Train(NDarray x, NDarray y)\n    {\n        var m = new Sequential();\n        m.Add(new Dense(1));\n"
                + "        m.Compile(optimizer: \"sgd\", loss: \"mse\", metrics: new[] { \"mae\" });\n        m.Fit(x, y, epochs: 5, callbacks: Callbacks.Make());\n    }\n}\n";
            var (live, all) = await LiveInEditorTests.Analyze(LibraryReferences.Keras, KerasUsings + KerasTrain, KerasUsings + KerasCallbacks, KerasUsings + second);
            Assert.Single(live[0], d => d.Id == "KL0008");
            Assert.Empty(live[1]);
            Assert.Single(live[2], d => d.Id == "KL0008");
            Assert.Equal(2, all.Count(d => d.Id == "KL0008"));
            Assert.All(all.Where(d => d.Id == "KL0008"), d => Assert.Equal("/0/Test1.cs", d.AdditionalLocations[^1].SourceTree!.FilePath));

            // The helper serves two setups: a fix planned for one would edit the other's callback, so none edits it.
            Assert.All(all.Where(d => d.Id == "KL0008"), d => Assert.All(FixPlan.Read(d).SelectMany(a => a.Edits),
                e => Assert.Equal(d.Location.SourceTree, d.AdditionalLocations[e.Location].SourceTree)));
        }

        [Fact]
        public async Task KerasNet_FitInAnotherFile_LiveOnTheCompileName()
        {
            const string compile = @"partial class C
{
    private readonly Sequential model;

    C()
    {
        model = new Sequential();
        model.Add(new Dense(10, activation: ""softmax""));
        model.Compile(optimizer: ""adam"", loss: ""categorical_crossentropy"", metrics: new[] { ""accuracy"" });
    }
}
";
            const string fit = @"partial class C
{
    void Train(NDarray x, NDarray y) { model.Fit(x, y, epochs: 10, validation_split: 0.1f, callbacks: new Callback[] { new EarlyStopping(monitor: MONITOR) }); }
}
";
            var (live, all) = await LiveInEditorTests.Analyze(LibraryReferences.Keras, KerasUsings + compile, KerasUsings + fit.Replace("MONITOR", "\"val_acc\""));
            var d = AssertLiveOnce(live[0], all, "KL0008", "Compile");
            Assert.Equal("\"val_acc\"", SiteText(d));
            Assert.Empty(live[1]);

            var (liveRight, allRight) = await LiveInEditorTests.Analyze(LibraryReferences.Keras, KerasUsings + compile, KerasUsings + fit.Replace("MONITOR", "\"val_accuracy\""));
            Assert.Empty(liveRight[0]);
            Assert.Empty(allRight);
        }

        // ---- TensorFlow.NET ----
        private const string TfTrain = @"class Trainer
{
    void Train(NDArray x, NDArray y)
    {
        var model = keras.Sequential(keras.layers.Dense(10, activation: ""softmax""));
        model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(), new[] { ""accuracy"" });
        model.fit(x, y, epochs: 10, callbacks: Callbacks.Make(model), validation_split: 0.1f);
    }
}
";

        private const string TfCallbacks = "static class Callbacks\n{\n    public static List<ICallback> Make(IModel m) => new List<ICallback> { new EarlyStopping(new CallbackParams { Model = m }, MONITOR, patience: 3) };\n}\n";

        [Fact]
        public async Task TfNet_CallbackFromHelperInAnotherFile_LiveOnTheCallbacksArgument()
        {
            var (live, all) = await AnalyzeTf(TfNetCode.Usings + TfTrain, TfNetCode.Usings + TfCallbacks.Replace("MONITOR", "\"val_acc\""));
            var d = AssertLiveOnce(live[0], all, "KL0008", "Callbacks.Make(model)");
            Assert.Equal("\"val_acc\"", SiteText(d));
            Assert.Empty(live[1]);
        }

        [Fact]
        public async Task TfNet_CallbackFromHelperInAnotherFile_LoggedKey_Silent()
        {
            var (live, all) = await AnalyzeTf(TfNetCode.Usings + TfTrain, TfNetCode.Usings + TfCallbacks.Replace("MONITOR", "\"val_accuracy\""));
            Assert.Empty(live[0]);
            Assert.Empty(all);
        }

        [Fact]
        public async Task TfNet_CallbackFromHelper_FixEditsTheHelpersFile()
        {
            var fixedSources = await ApplyRecommended(TfNetCode.References, new KL0008MonitorKeyNeverLoggedCodeFixProvider(), "KL0008",
                TfNetCode.Usings + TfTrain, TfNetCode.Usings + TfCallbacks.Replace("MONITOR", "\"val_acc\""));
            Assert.Equal(TfNetCode.Usings + TfTrain, fixedSources[0]);
            Assert.DoesNotContain("\"val_acc\"", fixedSources[1], StringComparison.Ordinal);
        }

        private const string TfMetricsTrain = @"class Trainer
{
    void Train()
    {
        var model = keras.Sequential(keras.layers.Dense(1));
        model.compile(keras.optimizers.Adam(), keras.losses.MeanSquaredError(), Settings.Metrics);
    }
}
";

        [Fact]
        public async Task TfNet_MetricsArrayInAFieldOfAnotherFile_LiveOnTheMetricsArgument()
        {
            var (live, all) = await AnalyzeTf(TfNetCode.Usings + TfMetricsTrain, TfNetCode.Usings + KerasMetrics.Replace("ACC", "\"accuracy\""));
            var d = AssertLiveOnce(live[0], all, "KL0001", "Settings.Metrics");
            Assert.Equal("\"accuracy\"", SiteText(d));
            Assert.Empty(live[1]);
        }

        [Fact]
        public async Task TfNet_MetricsArrayInAFieldOfAnotherFile_Right_Silent()
        {
            var (live, all) = await AnalyzeTf(TfNetCode.Usings + TfMetricsTrain, TfNetCode.Usings + KerasMetrics.Replace("ACC", "\"mape\""));
            Assert.Empty(live[0]);
            Assert.Empty(all);
        }

        private static Task<(ImmutableArray<Diagnostic>[] Live, ImmutableArray<Diagnostic> All)> AnalyzeTf(params string[] sources) =>
            LiveInEditorTests.Analyze(TfNetCode.References, sources);

        /// <summary>
        /// Applies the recommended action of the one diagnostic <paramref name="id"/> (found live in the first document) and
        /// returns every document's text after it: the result compiles and no longer holds the diagnostic.
        /// </summary>
        private static Task<string[]> ApplyRecommended(MetadataReference library, CodeFixProvider provider, string id, params string[] sources) =>
            ApplyRecommended(ImmutableArray.Create(library), provider, id, sources);

        private static async Task<string[]> ApplyRecommended(ImmutableArray<MetadataReference> library, CodeFixProvider provider, string id, params string[] sources)
        {
            using var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId();
            var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(projectId, VersionStamp.Create(), "P", "P", LanguageNames.CSharp,
                compilationOptions: new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                metadataReferences: Direct.PlatformReferences.AddRange(library)));
            var ids = sources.Select(_ => DocumentId.CreateNewId(projectId)).ToArray();
            for (var i = 0; i < sources.Length; i++) solution = solution.AddDocument(ids[i], $"Test{i}.cs", sources[i], filePath: $"/0/Test{i}.cs");
            var compilation = (await solution.GetProject(projectId)!.GetCompilationAsync())!;
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var live = await compilation.WithAnalyzers(KerasCode.AllAnalyzers).GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(compilation.SyntaxTrees.First()), null, CancellationToken.None);
            var d = Assert.Single(live, x => x.Id == id);
            var actions = new List<Microsoft.CodeAnalysis.CodeActions.CodeAction>();
            await provider.RegisterCodeFixesAsync(new CodeFixContext(solution.GetDocument(ids[0])!, d, (a, _) => actions.Add(a), CancellationToken.None));
            Assert.NotEmpty(actions);
            var changed = (await actions[0].GetOperationsAsync(CancellationToken.None)).OfType<Microsoft.CodeAnalysis.CodeActions.ApplyChangesOperation>().Single().ChangedSolution;
            var after = (await changed.GetProject(projectId)!.GetCompilationAsync())!;
            Assert.Empty(after.GetDiagnostics().Where(x => x.Severity == DiagnosticSeverity.Error));
            Assert.DoesNotContain(await after.WithAnalyzers(KerasCode.AllAnalyzers).GetAnalyzerDiagnosticsAsync(), x => x.Id == id);
            var texts = new string[sources.Length];
            for (var i = 0; i < sources.Length; i++) texts[i] = (await changed.GetDocument(ids[i])!.GetTextAsync()).ToString();
            return texts;
        }
    }
}
