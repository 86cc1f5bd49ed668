using Microsoft.CodeAnalysis.Diagnostics;
using KerasLint.Analyzers.Tests.TfNet;

namespace KerasLint.Analyzers.Tests.CrossMember
{
    /// <summary>
    /// Fixes for setups whose parts come from other members: the edit lands at the use when the value is shared, at the
    /// declaration only when the compile is its one use; a head or loss site in another member (reported on the compile's
    /// loss argument) is fixed there too; a callback or metric site elsewhere is reported at compilation end and fixed too.
    /// </summary>
    public class CrossMemberFixTests
    {
        private static string Class(string members) => KerasCode.Usings + "class C\n{\n" + members + "}\n";

        private const string FieldModel = @"    private readonly Sequential model;

    C()
    {
        model = new Sequential();
        model.Add(new Dense(64, activation: ""relu""));
        model.Add(new Dense(10, activation: ""softmax""));
    }

    void Train()
    {
        model.Compile(optimizer: ""adam"", loss: LOSS);
    }
";

        [Fact]
        public Task ModelInField_LossFixedAtTheCompile() =>
            FixTest<KL0002BinaryCrossentropyOnMultiClassAnalyzer, KL0002BinaryCrossentropyOnMultiClassCodeFixProvider>.Run(
                Class(FieldModel.Replace("LOSS", @"{|KL0002:""binary_crossentropy""|}")), Class(FieldModel.Replace("LOSS", @"""categorical_crossentropy""")), equivalenceKey: "KL0002.Recommended");

        private const string HeadInConstructor = @"    private readonly Sequential model;

    C()
    {
        model = new Sequential();
        model.Add(new Dense(1, activation: ACT));
    }

    void TrainA() { model.Compile(optimizer: ""adam"", loss: ""hinge""); }

    void TrainB() { model.Compile(optimizer: ""sgd"", loss: ""hinge""); }
";

        [Fact]
        public Task HeadInConstructor_ReportedOnEachCompile_FixedAtTheHead() =>
            FixTest<KL0004SoftmaxOnOneUnitAnalyzer, KL0004SoftmaxOnOneUnitCodeFixProvider>.Run(
                Class(HeadInConstructor.Replace("ACT", @"""softmax""").Replace(@"loss: ""hinge""", @"loss: {|KL0004:""hinge""|}")), Class(HeadInConstructor.Replace("ACT", @"""sigmoid""")), equivalenceKey: "KL0004.Recommended");

        [Fact]
        public async Task HeadInAnotherFile_TheActionThatEditsThatFileIsOfferedToo()
        {
            const string compileFile = @"        var model = Models.Classifier();
        model.compile(keras.optimizers.Adam(), keras.losses.CategoricalCrossentropy(from_logits: true), new[] { ""accuracy"" });
";
            const string modelFile = @"static class Models
{
    public static Sequential Classifier() => keras.Sequential(new List<ILayer> { keras.layers.Dense(10, activation: ""softmax"") });
}
";
            using var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId();
            var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(projectId, VersionStamp.Create(), "P", "P", LanguageNames.CSharp,
                compilationOptions: new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                metadataReferences: Direct.PlatformReferences.AddRange(TfNetCode.References)));
            var test0 = DocumentId.CreateNewId(projectId);
            var test1 = DocumentId.CreateNewId(projectId);
            solution = solution.AddDocument(test0, "Test0.cs", TfNetCode.InMethod(compileFile), filePath: "/0/Test0.cs")
                .AddDocument(test1, "Test1.cs", TfNetCode.Usings + modelFile, filePath: "/0/Test1.cs");
            var compilation = (await solution.GetProject(projectId)!.GetCompilationAsync())!;
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var diagnostics = await compilation.WithAnalyzers(KerasCode.AllAnalyzers).GetAnalyzerDiagnosticsAsync();
            var d = Assert.Single(diagnostics, d => d.Id == "KL0006");
            Assert.Equal("/0/Test0.cs", d.Location.SourceTree!.FilePath);

            // from_logits: false edits this file; making the head linear edits Test1.cs: both are offered, and the second
            // changes the other file (the fix resolves each edit's document) and removes the diagnostic.
            var keys = FixPlan.Read(d).Select(a => a.EquivalenceKey).ToList();
            Assert.Equal(new[] { "KL0006.FromLogitsFalse", "KL0006.RemoveActivation" }, keys);
            var actions = new List<Microsoft.CodeAnalysis.CodeActions.CodeAction>();
            await new KL0006FromLogitsOnProbabilitiesCodeFixProvider().RegisterCodeFixesAsync(
                new Microsoft.CodeAnalysis.CodeFixes.CodeFixContext(solution.GetDocument(test0)!, d, (a, _) => actions.Add(a), CancellationToken.None));
            var remove = Assert.Single(actions, a => a.EquivalenceKey != "KL0006.Recommended");
            var changed = (await remove.GetOperationsAsync(CancellationToken.None)).OfType<Microsoft.CodeAnalysis.CodeActions.ApplyChangesOperation>().Single().ChangedSolution;
            Assert.Equal((await solution.GetDocument(test0)!.GetTextAsync()).ToString(), (await changed.GetDocument(test0)!.GetTextAsync()).ToString());
            var model = (await changed.GetDocument(test1)!.GetTextAsync()).ToString();
            Assert.DoesNotContain("softmax", model, StringComparison.Ordinal);
            var after = (await changed.GetProject(projectId)!.GetCompilationAsync())!;
            Assert.Empty(after.GetDiagnostics().Where(x => x.Severity == DiagnosticSeverity.Error));
            Assert.DoesNotContain(await after.WithAnalyzers(KerasCode.AllAnalyzers).GetAnalyzerDiagnosticsAsync(), x => x.Id == "KL0006");
        }

        private const string LossField = @"    private readonly ILossFunc loss = keras.losses.CategoricalCrossentropy(from_logits: LOGITS);

    void Train()
    {
        var model = keras.Sequential(new List<ILayer>
        {
            keras.layers.Dense(128, activation: ""relu""),
            keras.layers.Dense(10, activation: ""softmax""),
        });
        model.compile(keras.optimizers.Adam(), loss, new[] { ""accuracy"" });
    }
";

        [Fact]
        public Task LossObjectInFieldWithOneUse_FixedAtTheDeclaration() =>
            new TfNetFixTest<KL0006FromLogitsOnProbabilitiesAnalyzer, KL0006FromLogitsOnProbabilitiesCodeFixProvider>(
                TfNetCode.Usings + "class C\n{\n" + LossField.Replace("LOGITS", "true").Replace("model.compile(keras.optimizers.Adam(), loss,", "model.compile(keras.optimizers.Adam(), {|KL0006:loss|},") + "}\n",
                TfNetCode.Usings + "class C\n{\n" + LossField.Replace("LOGITS", "false") + "}\n", "KL0006.Recommended", null).RunAsync();
    }
}
