using KerasLint.CodeFixes;
using KerasLint.Rules;
using Xunit;

namespace KerasLint.Analyzers.Tests.TorchSharp
{
    /// <summary>
    /// TorchSharp diagnostics of fixable ids that a 20× mutation sweep found without a fix (dotnet format gives up on an
    /// id when the first diagnostic it meets has none): each case now carries one, applied here with and without paths.
    /// </summary>
    public class TorchEveryCaseFixedTests
    {
        // ------------------------------------------------------------ KL0104 on sigmoid, tanh, relu outputs

        [Fact]
        public Task KL0104_SigmoidModuleRemovedAndPredictionGetsLogSoftmax() =>
            TorchVerifier.VerifyFixAsync<KL0005LossExpectsProbabilitiesAnalyzer, KL0104CodeFixProvider>(@"
class Trainer
{
    void Step(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 3), Sigmoid());
        var loss = {|KL0104:NLLLoss().forward(model.forward(x), y)|};
    }
}", @"
class Trainer
{
    void Step(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 3));
        var loss = NLLLoss().forward(model.forward(x).log_softmax(1), y);
    }
}", "KL0104.Recommended");

        [Fact]
        public Task KL0104_SigmoidInTheArgumentIsReplacedByLogSoftmaxOfItsInput() =>
            TorchVerifier.VerifyFixAsync<KL0005LossExpectsProbabilitiesAnalyzer, KL0104CodeFixProvider>(@"
class Trainer
{
    void Step(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 3));
        Loss<Tensor, Tensor, Tensor> criterion = NLLLoss();
        var loss = {|KL0104:criterion.forward(functional.sigmoid(model.forward(x)), y)|};
    }
}", @"
class Trainer
{
    void Step(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 3));
        Loss<Tensor, Tensor, Tensor> criterion = NLLLoss();
        var loss = criterion.forward(model.forward(x).log_softmax(1), y);
    }
}", "KL0104.Recommended");

        [Fact]
        public Task KL0104_TanhFunctionRemovedInTheModel() =>
            TorchVerifier.VerifyFixAsync<KL0005LossExpectsProbabilitiesAnalyzer, KL0104CodeFixProvider>(TorchVerifier.LinearNet(3, "fc.forward(x).tanh()") + @"
class Trainer
{
    void Step(Net model, Tensor x, Tensor y) => {|KL0104:nll_loss(model.forward(x), y)|}.backward();
}", TorchVerifier.LinearNet(3, "fc.forward(x)") + @"
class Trainer
{
    void Step(Net model, Tensor x, Tensor y) => nll_loss(model.forward(x).log_softmax(1), y).backward();
}", "KL0104.Recommended");

        // ------------------------------------------------------------ KL0106 on relu, tanh outputs

        [Fact]
        public Task KL0106_ReluOutputIsThresholdedAtZero() =>
            TorchVerifier.VerifyFixAsync<KL0106ArgmaxOfOneUnitAnalyzer, KL0106CodeFixProvider>(@"
class Trainer
{
    double Accuracy(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 16), Linear(16, 1), ReLU());
        var pred = model.forward(x);
        return {|KL0106:pred.argmax(1)|}.eq(y).to_type(ScalarType.Float32).mean().item<float>();
    }
}", @"
class Trainer
{
    double Accuracy(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 16), Linear(16, 1), ReLU());
        var pred = model.forward(x);
        return pred.squeeze(1).gt(0).@long().eq(y).to_type(ScalarType.Float32).mean().item<float>();
    }
}", "KL0106.Recommended");

        [Fact]
        public Task KL0106_TanhFunctionOutputIsThresholdedAtZero() =>
            TorchVerifier.VerifyFixAsync<KL0106ArgmaxOfOneUnitAnalyzer, KL0106CodeFixProvider>(TorchVerifier.LinearNet(1, "fc.forward(x).tanh()") + @"
class Trainer
{
    Tensor Predicted(Net model, Tensor x) => {|KL0106:torch.argmax(model.forward(x), -1)|};
}", TorchVerifier.LinearNet(1, "fc.forward(x).tanh()") + @"
class Trainer
{
    Tensor Predicted(Net model, Tensor x) => model.forward(x).squeeze(-1).gt(0).@long();
}", "KL0106.Recommended");

        [Fact]
        public Task KL0106_SoftplusOutputIsThresholdedAtLn2() =>
            // softplus is above 0 everywhere: the class its logit gives (z > 0) is softplus(z) > ln 2 (TorchThresholdFixTests).
            TorchVerifier.VerifyFixAsync<KL0106ArgmaxOfOneUnitAnalyzer, KL0106CodeFixProvider>(@"
class Trainer
{
    Tensor Predicted(Tensor x)
    {
        var model = Sequential(Linear(4, 1), Softplus());
        return {|KL0106:model.forward(x).argmax(1)|};
    }
}", @"
class Trainer
{
    Tensor Predicted(Tensor x)
    {
        var model = Sequential(Linear(4, 1), Softplus());
        return model.forward(x).squeeze(1).gt(System.Math.Log(2)).@long();
    }
}", "KL0106.Recommended");

        // ------------------------------------------------------------ the binding check and a removed last element

        [Fact]
        public Task KL0102_RemovingTheOnlyModuleLeavesAnEmptySequential() =>
            // Sequential(ReLU()) → Sequential(): another overload of the same name, as removing an argument may pick (SameOverloadCheck).
            TorchVerifier.VerifyFixAsync<KL0005LossExpectsProbabilitiesAnalyzer, KL0102CodeFixProvider>(@"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential(ReLU());
        Loss<Tensor, Tensor, Tensor> criterion = new BCELoss();
        var loss = {|KL0102:criterion.call(model.call(x), y)|};
    }
}", @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential();
        Loss<Tensor, Tensor, Tensor> criterion = new BCEWithLogitsLoss();
        var loss = criterion.call(model.call(x), y);
    }
}", "KL0102.Recommended");
    }
}
