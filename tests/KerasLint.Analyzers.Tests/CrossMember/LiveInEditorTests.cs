using System.Collections.Immutable;
using KerasLint.Analyzers.Tests.TfNet;
using KerasLint.Libraries.TfNet;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Analyzers.Tests.CrossMember
{
    /// <summary>
    /// What an IDE shows for one open document while typing: the analyzers' semantic diagnostics of that document
    /// (<c>CompilationWithAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null)</c>), which leave out
    /// compilation-end diagnostics and those an operation-block action reports outside its member. A setup whose head
    /// or loss object lives in another member or file is reported on its compile call's loss argument, in that
    /// document, with the site as an additional location; the whole-compilation result holds the same diagnostic once.
    /// (Callbacks and metrics made elsewhere: LiveForeignSitesTests.)
    /// </summary>
    public class LiveInEditorTests
    {
        private const string Head = @"partial class C
{
    private Sequential model;

    C()
    {
        model = keras.Sequential();
        model.add(keras.layers.Dense(64, activation: ""relu""));
        model.add(keras.layers.Dense(HEAD));
    }
}
";

        private const string Train = @"partial class C
{
    void Train()
    {
        model.compile(keras.optimizers.Adam(), LOSS, new[] { ""accuracy"" });
    }
}
";

        private const string LossInField = @"class D
{
    private readonly ILossFunc loss = keras.losses.CategoricalCrossentropy(from_logits: true);

    void Train()
    {
        var model = keras.Sequential(keras.layers.Dense(10, activation: ""softmax""));
        model.compile(keras.optimizers.Adam(), loss, new[] { ""accuracy"" });
    }
}
";

        private static readonly string OneUnitSoftmax = Head.Replace("HEAD", "1, activation: \"softmax\"");
        private static readonly string BinaryTrain = Train.Replace("LOSS", "keras.losses.BinaryCrossentropy()");

        [Fact]
        public async Task HeadInAnotherMemberOfTheFile_LiveOnTheLossArgument()
        {
            var (live, all) = await Analyze(TfNetCode.Usings + OneUnitSoftmax + BinaryTrain);
            var d = AssertLiveOnce(live[0], all, "KL0004", "keras.losses.BinaryCrossentropy()");
            Assert.Equal("\"softmax\"", SiteText(d));
        }

        [Fact]
        public async Task HeadInAnotherFile_LiveInTheCompilesDocument()
        {
            var (live, all) = await Analyze(TfNetCode.Usings + BinaryTrain, TfNetCode.Usings + OneUnitSoftmax);
            var d = AssertLiveOnce(live[0], all, "KL0004", "keras.losses.BinaryCrossentropy()");
            Assert.Empty(live[1]);
            Assert.Equal("/0/Test1.cs", d.AdditionalLocations[^1].SourceTree!.FilePath);
        }

        [Fact]
        public async Task LossObjectInAField_LiveOnTheLossArgument()
        {
            var (live, all) = await Analyze(TfNetCode.Usings + LossInField);
            var d = AssertLiveOnce(live[0], all, "KL0006", "loss");
            Assert.Equal("true", SiteText(d));
        }

        [Fact]
        public async Task TwoCompilesOfOneModel_EachCompileReportedOnce()
        {
            var second = "partial class C\n{\n    void Again() { model.compile(keras.optimizers.SGD(), keras.losses.BinaryCrossentropy(), new[] { \"accuracy\" }); }\n}\n";
            var (live, all) = await Analyze(TfNetCode.Usings + BinaryTrain + second, TfNetCode.Usings + OneUnitSoftmax);
            Assert.Equal(2, live[0].Count(d => d.Id == "KL0004"));
            Assert.Equal(2, all.Count(d => d.Id == "KL0004"));
            Assert.Equal(2, all.Where(d => d.Id == "KL0004").Select(d => d.Location.SourceSpan).Distinct().Count());
            Assert.Empty(live[1]);
        }

        [Fact]
        public async Task SubclassedModelInAnotherFile_LiveInTheCompilesDocument()
        {
            const string net = @"using Tensorflow.Common.Types;
using Tensorflow.Keras.ArgsDefinition;

class Net : Model
{
    private readonly ILayer hidden;
    private readonly ILayer output;

    public Net() : base(new ModelArgs())
    {
        hidden = keras.layers.Dense(64, activation: ""relu"");
        output = keras.layers.Dense(1, activation: ""softmax"");
    }

    protected override Tensors Call(Tensors inputs, Tensors state = null, bool? training = null, IOptionalArgs optional_args = null) => output.Apply(hidden.Apply(inputs));
}
";
            const string trainer = @"class Trainer
{
    private readonly IModel model = new Net();

    void Train() { model.compile(keras.optimizers.Adam(), keras.losses.BinaryCrossentropy(), new[] { ""accuracy"" }); }
}
";
            var (live, all) = await Analyze(TfNetCode.Usings + trainer, TfNetCode.Usings + net);
            var d = AssertLiveOnce(live[0], all, "KL0004", "keras.losses.BinaryCrossentropy()");
            Assert.Equal("\"softmax\"", SiteText(d));
            Assert.Empty(live[1]);
        }

        [Fact]
        public async Task CorrectHeadInAnotherFile_Silent()
        {
            var (live, all) = await Analyze(TfNetCode.Usings + BinaryTrain, TfNetCode.Usings + Head.Replace("HEAD", "1, activation: \"sigmoid\""));
            Assert.Empty(live[0]);
            Assert.Empty(all);
        }

        [Fact]
        public async Task KerasNet_HeadInAnotherFile_LiveInTheCompilesDocument()
        {
            const string head = @"using Keras.Layers;
using Keras.Models;

partial class C
{
    private readonly Sequential model = new Sequential();

    C()
    {
        model.Add(new Dense(64, activation: ""relu""));
        model.Add(new Dense(1, activation: ""softmax""));
    }
}
";
            const string train = @"partial class C
{
    void Train()
    {
        model.Compile(optimizer: ""adam"", loss: ""binary_crossentropy"", metrics: new[] { ""accuracy"" });
    }
}
";
            var (live, all) = await Analyze(LibraryReferences.Keras, train, head);
            var d = AssertLiveOnce(live[0], all, "KL0004", "\"binary_crossentropy\"");
            Assert.Equal("/0/Test1.cs", d.AdditionalLocations[^1].SourceTree!.FilePath);
            Assert.Empty(live[1]);
        }

        internal static Diagnostic AssertLiveOnce(ImmutableArray<Diagnostic> live, ImmutableArray<Diagnostic> all, string id, string anchorText)
        {
            var shown = live.Where(d => d.Id == id).ToList();
            Assert.True(shown.Count == 1, $"expected one live {id}, got: {string.Join(" | ", live.Select(d => d.Id + " " + d.Location.GetLineSpan()))}");
            Assert.Equal(anchorText, shown[0].Location.SourceTree!.GetText().ToString(shown[0].Location.SourceSpan));
            var everywhere = all.Where(d => d.Id == id).ToList();
            Assert.True(everywhere.Count == 1, $"expected {id} once in the whole compilation, got {everywhere.Count}");
            Assert.Equal(shown[0].Location, everywhere[0].Location);
            return shown[0];
        }

        internal static string SiteText(Diagnostic d)
        {
            var site = d.AdditionalLocations[^1];
            return site.SourceTree!.GetText().ToString(site.SourceSpan);
        }

        private static Task<(ImmutableArray<Diagnostic>[] Live, ImmutableArray<Diagnostic> All)> Analyze(params string[] sources) =>
            Analyze(LibraryReferences.TfNet, sources);

        internal static Task<(ImmutableArray<Diagnostic>[] Live, ImmutableArray<Diagnostic> All)> Analyze(MetadataReference keras, params string[] sources) =>
            Analyze(ImmutableArray.Create(keras), sources);

        /// <summary>Per document, a fresh analysis of that document alone (as an IDE asks for an open file); then the whole compilation.</summary>
        internal static async Task<(ImmutableArray<Diagnostic>[] Live, ImmutableArray<Diagnostic> All)> Analyze(ImmutableArray<MetadataReference> library, params string[] sources)
        {
            var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, path: $"/0/Test{i}.cs")).ToArray();
            var compilation = CSharpCompilation.Create("T", trees, Direct.PlatformReferences.AddRange(library), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            var exceptions = new List<Exception>();
            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new ConfigProvider(null, TfNetAdapter.VersionOption));
            CompilationWithAnalyzers Fresh() => compilation.WithAnalyzers(KerasCode.AllAnalyzers,
                new CompilationWithAnalyzersOptions(options, (ex, _, _) => exceptions.Add(ex), concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            var live = new ImmutableArray<Diagnostic>[trees.Length];
            for (var i = 0; i < trees.Length; i++)
            {
                live[i] = await Fresh().GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(trees[i]), filterSpan: null, CancellationToken.None);
            }

            var all = await Fresh().GetAnalyzerDiagnosticsAsync();
            Assert.Empty(exceptions);
            return (live, all);
        }
    }
}
