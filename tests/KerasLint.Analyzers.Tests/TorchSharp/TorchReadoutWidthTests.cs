using System.Collections.Immutable;
using KerasLint.Analysis.ValueFlow;
using KerasLint.Libraries.TorchSharp;
using KerasLint.Model;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KerasLint.Analyzers.Tests.TorchSharp
{
    /// <summary>
    /// The read-out rules (KL0106, KL0107, KL0110) get a prediction's width from a module's constructor arguments as
    /// the step rules do (<c>new Net(4, 1)</c> whose constructor makes <c>Linear(16, classes)</c>): every creation of
    /// the module in the compilation must pass the same constant, else the width is unknown and the rules that need
    /// it stay silent.
    /// </summary>
    public class TorchReadoutWidthTests
    {
        /// <summary>A module whose width is its constructor's <c>classes</c> argument (<c>Linear(16, classes)</c>); forward returns <paramref name="output"/>.</summary>
        internal static string Net(string output = "head.forward(relu(hidden.forward(x)))") => @"
class Net : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> hidden;
    private readonly Module<Tensor, Tensor> head;

    public Net(int inFeatures, int classes) : base(""Net"")
    {
        hidden = Linear(inFeatures, 16);
        head = Linear(16, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => " + output + @";
}";

        private static string Argmax(string arguments, bool marked) => @"
class Evaluation
{
    long Correct(Tensor x, Tensor y)
    {
        var model = new Net(" + arguments + @");
        var pred = model.forward(x);
        return " + (marked ? "{|KL0106:pred.argmax(1)|}" : "pred.argmax(1)") + @".eq(y).sum().ToInt64();
    }
}";

        private const string Disagreeing = @"
static class Other
{
    static Net Make() => new Net(4, 3);
}";

        [Fact]
        public Task ArgmaxOfOneUnitFromConstructorArgument() =>
            TorchVerifier.VerifyFilesAsync<KL0106ArgmaxOfOneUnitAnalyzer>(Argmax("inFeatures: 4, classes: 1", marked: true), Net());

        [Fact]
        public Task ArgmaxOfOneUnitFromConstructorArgumentInTheSameFile() =>
            TorchVerifier.VerifyAsync<KL0106ArgmaxOfOneUnitAnalyzer>(Argmax("4, 1", marked: true) + Net());

        [Fact]
        public Task ArgmaxOfThreeClassesIsSilent() =>
            TorchVerifier.VerifyFilesAsync<KL0106ArgmaxOfOneUnitAnalyzer>(Argmax("4, 3", marked: false), Net());

        [Fact]
        public Task ArgmaxWhoseCallersDisagreeIsSilent() =>
            TorchVerifier.VerifyFilesAsync<KL0106ArgmaxOfOneUnitAnalyzer>(Argmax("4, 1", marked: false), Net(), Disagreeing);

        [Fact]
        public Task ArgmaxWithASubclassBaseCallDisagreeingIsSilent() =>
            TorchVerifier.VerifyFilesAsync<KL0106ArgmaxOfOneUnitAnalyzer>(Argmax("4, 1", marked: false), Net(), @"
class Wide : Net
{
    public Wide() : base(4, 10) { }
}");

        /// <summary>A metric helper in one file, its caller in another, the module (its width a constructor argument) in a third.</summary>
        [Fact]
        public Task ArgmaxInAHelperWhoseCallerPassesTheWidth() =>
            TorchVerifier.VerifyFilesAsync<KL0106ArgmaxOfOneUnitAnalyzer>(@"
static class Metrics
{
    public static long Correct(Tensor pred, Tensor y) => {|KL0106:pred.argmax(1)|}.eq(y).sum().ToInt64();
}", @"
class Evaluation
{
    long Run(Tensor x, Tensor y) => Metrics.Correct(new Net(4, 1).forward(x), y);
}", Net());

        private static string Equality(string arguments, bool marked) => @"
class Evaluation
{
    long Hits(Tensor x, Tensor y)
    {
        var pred = new Net(" + arguments + @").forward(x);
        return " + (marked ? "{|KL0110:pred.eq(y)|}" : "pred.eq(y)") + @".sum().ToInt64();
    }
}";

        [Fact]
        public Task ExactEqualityOnOneUnitRegressionFromConstructorArgument() =>
            TorchVerifier.VerifyFilesAsync<KL0001AccuracyOnRegressionAnalyzer>(Equality("4, 1", marked: true), Net());

        [Fact]
        public Task ExactEqualityWhoseCallersDisagreeIsSilent() =>
            TorchVerifier.VerifyFilesAsync<KL0001AccuracyOnRegressionAnalyzer>(Equality("4, 1", marked: false), Net(), Disagreeing);

        private static string Rounded(string arguments, bool marked) => @"
class Evaluation
{
    Tensor Accuracy(Tensor x, Tensor yOneHot)
    {
        var probs = new Net(" + arguments + @").forward(x);
        return " + (marked ? "{|KL0107:probs.round()|}" : "probs.round()") + @".eq(yOneHot).to_type(ScalarType.Float32).mean();
    }
}";

        private static readonly string SoftmaxNet = Net("softmax(head.forward(relu(hidden.forward(x))), 1)");

        /// <summary>KL0107 names the number of classes the constructor argument gives.</summary>
        [Fact]
        public async Task ElementwiseAccuracyOnSoftmaxNamesTheClassesFromTheConstructorArgument()
        {
            var message = Assert.Single(await ReadoutMessagesAsync(Rounded("4, 10", marked: false), SoftmaxNet));
            Assert.Contains("on 10-class softmax outputs", message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task ElementwiseAccuracyWhoseCallersDisagreeDoesNotNameAWidth()
        {
            var message = Assert.Single(await ReadoutMessagesAsync(Rounded("4, 10", marked: false), SoftmaxNet, Disagreeing));
            Assert.DoesNotMatch(@"\d+-class", message);
        }

        /// <summary>A softmax over one unit read by round(): not KL0107's case (its width comes from the constructor argument).</summary>
        [Fact]
        public Task ElementwiseAccuracyOnOneUnitSoftmaxIsNotKL0107() =>
            TorchVerifier.VerifyFilesAsync<KL0107ElementwiseAccuracyOnSoftmaxAnalyzer>(Rounded("4, 1", marked: false), SoftmaxNet);

        [Fact]
        public Task ElementwiseAccuracyOnSoftmaxFromConstructorArgument() =>
            TorchVerifier.VerifyFilesAsync<KL0107ElementwiseAccuracyOnSoftmaxAnalyzer>(Rounded("4, 10", marked: true), SoftmaxNet);

        /// <summary>The read-out head as the adapter recognises it: width from the constructor argument, unknown when callers disagree.</summary>
        [Fact]
        public async Task ReadoutHeadWidth()
        {
            Assert.Equal(1, (await ReadoutHeadsAsync(Argmax("4, 1", false), Net())).Single().Units);
            Assert.Null((await ReadoutHeadsAsync(Argmax("4, 1", false), Net(), Disagreeing)).Single().Units);
        }

        private static async Task<List<TorchHead>> ReadoutHeadsAsync(params string[] sources)
        {
            var compilation = await TorchModelTestSupport.CompileAsync(sources);
            var adapter = TorchSharpAdapter.TryCreate(compilation, new ProgramFlow(compilation))!;
            var heads = new List<TorchHead>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var node in tree.GetRoot().DescendantNodes())
                {
                    if (model.GetOperation(node) is IInvocationOperation op && adapter.ReadoutFor(op, CancellationToken.None) is { } readout) heads.Add(readout.Head);
                }
            }

            return heads;
        }

        private static async Task<List<string>> ReadoutMessagesAsync(params string[] sources)
        {
            var compilation = await TorchModelTestSupport.CompileAsync(sources);
            var analyzer = new KerasLintTorchAnalyzer();
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer)).GetAnalyzerDiagnosticsAsync();
            return diagnostics.Where(d => d.Id == "KL0107").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        }
    }
}
