namespace KerasLint.Analyzers.Tests.TorchSharp
{
    /// <summary>
    /// KL0004 in TorchSharp: the same rule as Keras.NET's (one implementation) over a training step whose prediction
    /// is <c>Linear(…, 1)</c> then <c>Softmax(1)</c>, trained with a binary or regression loss. With CrossEntropyLoss
    /// or NLLLoss the 1-unit head is KL0105's / KL0101's / KL0104's, not reported twice.
    /// </summary>
    public class TorchSoftmaxOnOneUnitTests
    {
        private static string Step(string loss, int units = 1) => $@"
class Trainer
{{
    void Train(Tensor x, Tensor y)
    {{
        var model = Sequential(Linear(4, {units}), Softmax(1));
        var criterion = {loss}();
        var loss = {{|KL0004:criterion.forward(model.forward(x), y)|}};
    }}
}}";

        [Theory]
        [InlineData("BCELoss")]
        [InlineData("BCEWithLogitsLoss")]
        [InlineData("MSELoss")]
        [InlineData("L1Loss")]
        public Task SoftmaxOnOneUnit_IsReported(string loss) => TorchVerifier.VerifyAsync<KL0004SoftmaxOnOneUnitAnalyzer>(Step(loss));

        [Theory]
        [InlineData("CrossEntropyLoss", 1)]
        [InlineData("NLLLoss", 1)]
        [InlineData("BCELoss", 3)]
        [InlineData("MSELoss", 3)]
        public Task OtherRulesOrOtherWidths_AreNotKL0004(string loss, int units) =>
            TorchVerifier.VerifyAsync<KL0004SoftmaxOnOneUnitAnalyzer>(TorchVerifier.Parse(Step(loss, units)).Source);

        [Fact]
        public async Task MessageNamesTheSoftmaxAndTheLibrary()
        {
            var (source, _) = TorchVerifier.Parse(TorchVerifier.Usings + Step("BCELoss"));
            var test = new RuleTest<KL0004SoftmaxOnOneUnitAnalyzer> { TestCode = source };
            test.TestState.AdditionalReferences.Add(LibraryReferences.TorchSharp);
            test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.KL0004).WithSpan(15, 20, 15, 58)
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("'Softmax(1)' at line 13", "TorchSharp"));
            await test.RunAsync();
        }

        [Fact]
        public Task BceLoss_RemovesTheSoftmaxAndTakesLogits() =>
            TorchVerifier.VerifyFixAsync<KL0004SoftmaxOnOneUnitAnalyzer, KL0004SoftmaxOnOneUnitCodeFixProvider>(Step("BCELoss"), @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 1));
        var criterion = BCEWithLogitsLoss();
        var loss = criterion.forward(model.forward(x), y);
    }
}", "KL0004.Recommended");

        [Fact]
        public Task MseLoss_RemovesTheSoftmax() =>
            TorchVerifier.VerifyFixAsync<KL0004SoftmaxOnOneUnitAnalyzer, KL0004SoftmaxOnOneUnitCodeFixProvider>(Step("MSELoss"), @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 1));
        var criterion = MSELoss();
        var loss = criterion.forward(model.forward(x), y);
    }
}", "KL0004.Recommended");
    }
}
