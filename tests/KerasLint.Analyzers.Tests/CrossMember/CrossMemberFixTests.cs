using Microsoft.CodeAnalysis.Diagnostics;
using KerasLint.Analyzers.Tests.TfNet;

namespace KerasLint.Analyzers.Tests.CrossMember
{
    /// <summary>
    /// Fixes for setups whose parts come from other members: the edit lands at the use when the value is shared, at the
    /// declaration only when the compile is its one use; a site in another member (reported at compilation end) is fixed too.
    /// </summary>
    public class CrossMemberFixTests
    {
        /// <summary>A site outside the compiling member is reported at compilation end (a non-local diagnostic), and fixed all the same.</summary>
        private static Task AtCompilationEnd<TVerifier>(Microsoft.CodeAnalysis.Testing.CodeFixTest<TVerifier> test)
            where TVerifier : IVerifier, new()
        {
            test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
            return test.RunAsync();
        }

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
        public Task HeadInConstructor_FixedOnceForTwoCompiles() =>
            AtCompilationEnd(new FixTest<KL0004SoftmaxOnOneUnitAnalyzer, KL0004SoftmaxOnOneUnitCodeFixProvider>(
                Class(HeadInConstructor.Replace("ACT", @"{|KL0004:""softmax""|}")), Class(HeadInConstructor.Replace("ACT", @"""sigmoid""")), equivalenceKey: "KL0004.Recommended"));

        [Fact]
        public async Task HeadInAnotherFile_OnlyTheActionsThatEditTheDiagnosticsFile()
        {
            var trees = new[]
            {
                Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(TfNetCode.InMethod(@"        var model = Models.Classifier();
        model.compile(keras.optimizers.Adam(), keras.losses.CategoricalCrossentropy(from_logits: true), new[] { ""accuracy"" });
"), path: "/0/Test0.cs"),
                Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(TfNetCode.Usings + @"static class Models
{
    public static Sequential Classifier() => keras.Sequential(new List<ILayer> { keras.layers.Dense(10, activation: ""softmax"") });
}
", path: "/0/Test1.cs"),
            };
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("T", trees, Direct.PlatformReferences.AddRange(TfNetCode.References),
                new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var diagnostics = await compilation.WithAnalyzers(KerasCode.AllAnalyzers).GetAnalyzerDiagnosticsAsync();
            var d = Assert.Single(diagnostics, d => d.Id == "KL0006");
            Assert.Equal("/0/Test0.cs", d.Location.SourceTree!.FilePath);

            // from_logits: false edits this file; removing the softmax would edit Test1.cs, so it is not offered.
            var keys = FixPlan.Read(d).Select(a => a.EquivalenceKey).ToList();
            Assert.Equal(new[] { "KL0006.FromLogitsFalse" }, keys);
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
            AtCompilationEnd(new TfNetFixTest<KL0006FromLogitsOnProbabilitiesAnalyzer, KL0006FromLogitsOnProbabilitiesCodeFixProvider>(
                TfNetCode.Usings + "class C\n{\n" + LossField.Replace("LOGITS", "{|KL0006:true|}") + "}\n",
                TfNetCode.Usings + "class C\n{\n" + LossField.Replace("LOGITS", "false") + "}\n", "KL0006.Recommended", null));
    }
}
