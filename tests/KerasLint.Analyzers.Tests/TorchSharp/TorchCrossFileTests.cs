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
        private const string SoftmaxNet = @"
class Net : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> fc = Linear(4, 3);
    public Net() : base(""Net"") => RegisterComponents();
    public override Tensor forward(Tensor x) => softmax(fc.forward(x), 1);
}";

        private const string LogitsNet = @"
class Net : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> fc = Linear(4, 3);
    public Net() : base(""Net"") => RegisterComponents();
    public override Tensor forward(Tensor x) => fc.forward(x);
}";

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
            TorchVerifier.VerifyFilesAsync<KL0101CrossEntropyOnProbabilitiesAnalyzer>(Loop, SoftmaxNet);

        [Fact]
        public Task LogitsModelInAnotherFileIsSilent() =>
            TorchVerifier.VerifyFilesAsync<KL0101CrossEntropyOnProbabilitiesAnalyzer>(TorchVerifier.Parse(Loop).Source, LogitsNet);

        [Fact]
        public Task LossFieldAndModelFieldInAnotherPartialFile() =>
            TorchVerifier.VerifyFilesAsync<KL0104NllLossWithoutLogSoftmaxAnalyzer>(@"
partial class Trainer
{
    Tensor Step(Tensor x, Tensor y) => {|KL0104:criterion.forward(model.forward(x), y)|};
}", @"
partial class Trainer
{
    private readonly Loss<Tensor, Tensor, Tensor> criterion = NLLLoss();
    private readonly Module<Tensor, Tensor> model = Sequential(Linear(4, 3), Softmax(1));
}");

        [Fact]
        public async Task MessageNamesTheOtherFile()
        {
            var test = new CSharpAnalyzerTest<KL0101CrossEntropyOnProbabilitiesAnalyzer, DefaultVerifier> { ReferenceAssemblies = TorchVerifier.Net80 };
            test.TestState.Sources.Add(("/0/Test0.cs", TorchVerifier.Usings + TorchVerifier.Parse(Loop).Source));
            test.TestState.Sources.Add(("/0/Test1.cs", TorchVerifier.Usings + SoftmaxNet));
            test.TestState.AdditionalReferences.Add(TorchVerifier.TorchSharpReference);
            test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.KL0101).WithSpan("/0/Test0.cs", 16, 20, 16, 48)
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("CrossEntropyLoss", "'softmax(fc.forward(x), 1)' at Test1.cs line 13"));
            await test.RunAsync();
        }

        [Fact]
        public Task RemoveSoftmaxFixEditsTheModelFile() =>
            TorchVerifier.VerifyFixFilesAsync<KL0101CrossEntropyOnProbabilitiesAnalyzer, KL0101CodeFixProvider>(
                new[] { (Loop, TorchVerifier.Parse(Loop).Source), (SoftmaxNet, LogitsNet) },
                KL0101CodeFixProvider.RemoveSoftmaxKey);

        [Fact]
        public Task NllFixEditsTheModelFileAndTheLoop() =>
            TorchVerifier.VerifyFixFilesAsync<KL0101CrossEntropyOnProbabilitiesAnalyzer, KL0101CodeFixProvider>(
                new[]
                {
                    (Loop, TorchVerifier.Parse(Loop).Source.Replace("CrossEntropyLoss()", "NLLLoss()")),
                    (SoftmaxNet, SoftmaxNet.Replace("softmax(fc.forward(x), 1)", "log_softmax(fc.forward(x), 1)")),
                },
                KL0101CodeFixProvider.UseNllLossKey);
    }
}
