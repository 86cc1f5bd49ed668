using KerasLint.CodeFixes;
using KerasLint.Rules;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace KerasLint.Analyzers.Tests.TorchSharp
{
    /// <summary>Models, losses and loops in different files: decided at compilation end.</summary>
    public class TorchCrossFileTests
    {
        private static readonly string SoftmaxNet = TorchVerifier.LinearNet(3, "softmax(fc.forward(x), 1)");

        private static readonly string LogitsNet = TorchVerifier.LinearNet(3);

        private const string Loop = @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = new Net();
        var criterion = CrossEntropyLoss();
        var output = model.forward(x);
        var loss = {|KL0101:criterion.forward(output, y)|};
    }
}";

        [Fact]
        public Task ModelInAnotherFile() =>
            TorchVerifier.VerifyFilesAsync<KL0006FromLogitsOnProbabilitiesAnalyzer>(Loop, SoftmaxNet);

        [Fact]
        public Task LogitsModelInAnotherFileIsSilent() =>
            TorchVerifier.VerifyFilesAsync<KL0006FromLogitsOnProbabilitiesAnalyzer>(TorchVerifier.Parse(Loop).Source, LogitsNet);

        [Fact]
        public Task LossFieldAndModelFieldInAnotherPartialFile() =>
            TorchVerifier.VerifyFilesAsync<KL0005LossExpectsProbabilitiesAnalyzer>(@"
partial class Trainer
{
    Tensor Step(Tensor x, Tensor y) => {|KL0104:criterion.forward(model.forward(x), y)|};
}", @"
partial class Trainer
{
    private readonly Loss<Tensor, Tensor, Tensor> criterion = NLLLoss();
    private readonly Module<Tensor, Tensor> model = Sequential(Linear(4, 3), Softmax(1));
}");

        private const string Metrics = @"
static class Metrics
{
    public static long Correct(Tensor pred, Tensor y) => {|KL0106:pred.argmax(1)|}.eq(y).sum().ToInt64();
}";

        private static readonly string OneUnitNet = TorchVerifier.LinearNet(1);

        private const string Evaluation = @"
class Evaluation
{
    long Run(Tensor x, Tensor y)
    {
        var model = new Net();
        return Metrics.Correct(model.forward(x), y);
    }
}";

        /// <summary>A metric helper in one file, its caller in a second, the model in a third: the callers are bound at compilation end.</summary>
        [Fact]
        public Task MetricHelperCallersAndModelInOtherFiles() =>
            TorchVerifier.VerifyFilesAsync<KL0106ArgmaxOfOneUnitAnalyzer>(Metrics, Evaluation, OneUnitNet);

        [Fact]
        public Task MetricHelperWithCallersThatDisagreeIsSilent() =>
            TorchVerifier.VerifyFilesAsync<KL0106ArgmaxOfOneUnitAnalyzer>(TorchVerifier.Parse(Metrics).Source, Evaluation, OneUnitNet, @"
class Other
{
    long Run(Tensor x, Tensor y) => Metrics.Correct(Sequential(Linear(4, 3)).forward(x), y);
}");

        [Fact]
        public async Task MessageNamesTheOtherFile()
        {
            var test = new RuleTest<KL0006FromLogitsOnProbabilitiesAnalyzer>();
            test.TestState.Sources.Add(("/0/Test0.cs", TorchVerifier.Usings + TorchVerifier.Parse(Loop).Source));
            test.TestState.Sources.Add(("/0/Test1.cs", TorchVerifier.Usings + SoftmaxNet));
            test.TestState.AdditionalReferences.Add(TorchVerifier.TorchSharpReference);
            test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.KL0101).WithSpan("/0/Test0.cs", 16, 20, 16, 48)
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("TorchSharp", "CrossEntropyLoss", "'softmax(fc.forward(x), 1)' at Test1.cs line 13"));
            await test.RunAsync();
        }

        [Fact]
        public Task RemoveSoftmaxFixEditsTheModelFile() =>
            TorchVerifier.VerifyFixFilesAsync<KL0006FromLogitsOnProbabilitiesAnalyzer, KL0101CodeFixProvider>(
                new[] { (Loop, TorchVerifier.Parse(Loop).Source), (SoftmaxNet, LogitsNet) },
                "KL0101.Recommended");

        [Fact]
        public Task NllFixEditsTheModelFileAndTheLoop() =>
            TorchVerifier.VerifyFixFilesAsync<KL0006FromLogitsOnProbabilitiesAnalyzer, KL0101CodeFixProvider>(
                new[]
                {
                    (Loop, TorchVerifier.Parse(Loop).Source.Replace("CrossEntropyLoss()", "NLLLoss()")),
                    (SoftmaxNet, SoftmaxNet.Replace("softmax(fc.forward(x), 1)", "log_softmax(fc.forward(x), 1)")),
                },
                KL0101CodeFixProvider.UseNllLossKey);
    }
}
