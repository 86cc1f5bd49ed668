using KerasLint.CodeFixes;
using KerasLint.Rules;
using Xunit;

namespace KerasLint.Analyzers.Tests.TorchSharp
{
    public class TorchFixTests
    {
        private const string Model = @"
class Net : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> fc1 = Linear(4, 16);
    private readonly Module<Tensor, Tensor> fc2 = Linear(16, 3);
    private readonly Module<Tensor, Tensor> sm = Softmax(1);

    public Net() : base(""Net"") => RegisterComponents();

    public override Tensor forward(Tensor x)
    {
        x = relu(fc1.forward(x));
        return {0};
    }
}
";

        private static string Net(string returned) => Model.Replace("{0}", returned);

        // ------------------------------------------------------------ KL0101

        [Fact]
        public Task KL0101_RemovesLastSequentialElement_OneLine() =>
            TorchVerifier.VerifyFixAsync<KL0006FromLogitsOnProbabilitiesAnalyzer, KL0101CodeFixProvider>(@"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential((""lin"", Linear(4, 3)), (""sm"", Softmax(1)));
        var criterion = CrossEntropyLoss();
        var loss = {|KL0101:criterion.forward(model.forward(x), y)|};
    }
}", @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential((""lin"", Linear(4, 3)));
        var criterion = CrossEntropyLoss();
        var loss = criterion.forward(model.forward(x), y);
    }
}", "KL0101.Recommended");

        [Fact]
        public Task KL0101_RemovesLastSequentialElement_MultiLineKeepsComments() =>
            TorchVerifier.VerifyFixAsync<KL0006FromLogitsOnProbabilitiesAnalyzer, KL0101CodeFixProvider>(@"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        // the classifier
        var model = Sequential(
            Linear(4, 16),
            ReLU(),   // hidden
            Linear(16, 3),
            Softmax(1));
        var criterion = CrossEntropyLoss();
        var loss = {|KL0101:criterion.forward(model.forward(x), y)|};
    }
}", @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        // the classifier
        var model = Sequential(
            Linear(4, 16),
            ReLU(),   // hidden
            Linear(16, 3));
        var criterion = CrossEntropyLoss();
        var loss = criterion.forward(model.forward(x), y);
    }
}", "KL0101.Recommended");

        [Fact]
        public Task KL0101_ReturnSoftmaxBecomesReturnX() =>
            TorchVerifier.VerifyFixAsync<KL0006FromLogitsOnProbabilitiesAnalyzer, KL0101CodeFixProvider>(Net("softmax(fc2.forward(x), 1) /* probs */") + @"
class Trainer
{
    void Step(Net model, Tensor x, Tensor y) => {|KL0101:cross_entropy(model.forward(x), y)|}.backward();
}", Net("fc2.forward(x) /* probs */") + @"
class Trainer
{
    void Step(Net model, Tensor x, Tensor y) => cross_entropy(model.forward(x), y).backward();
}", "KL0101.Recommended");

        [Fact]
        public Task KL0101_ModuleFieldCallUnwrapped() =>
            TorchVerifier.VerifyFixAsync<KL0006FromLogitsOnProbabilitiesAnalyzer, KL0101CodeFixProvider>(Net("this.sm.forward(fc2.forward(x))") + @"
class Trainer
{
    void Step(Net model, Tensor x, Tensor y) => {|KL0101:CrossEntropyLoss().call(model.call(x), y)|}.backward();
}", Net("fc2.forward(x)") + @"
class Trainer
{
    void Step(Net model, Tensor x, Tensor y) => CrossEntropyLoss().call(model.call(x), y).backward();
}", "KL0101.Recommended");

        [Fact]
        public Task KL0101_TensorMethodRemovedInLoop() =>
            TorchVerifier.VerifyFixAsync<KL0006FromLogitsOnProbabilitiesAnalyzer, KL0101CodeFixProvider>(@"
class Trainer
{
    void Train(Module<Tensor, Tensor> model, Tensor x, Tensor y)
    {
        var criterion = CrossEntropyLoss();
        var probs = model.forward(x).softmax(1);
        var loss = {|KL0101:criterion.forward(probs, y)|};
    }
}", @"
class Trainer
{
    void Train(Module<Tensor, Tensor> model, Tensor x, Tensor y)
    {
        var criterion = CrossEntropyLoss();
        var probs = model.forward(x);
        var loss = criterion.forward(probs, y);
    }
}", "KL0101.Recommended");

        [Fact]
        public Task KL0101_AppendStatementRemoved() =>
            TorchVerifier.VerifyFixAsync<KL0006FromLogitsOnProbabilitiesAnalyzer, KL0101CodeFixProvider>(@"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential((""lin"", Linear(4, 3)));
        model.append(""sm"", Softmax(1));
        var loss = {|KL0101:CrossEntropyLoss().forward(model.forward(x), y)|};
    }
}", @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential((""lin"", Linear(4, 3)));
        var loss = CrossEntropyLoss().forward(model.forward(x), y);
    }
}", "KL0101.Recommended");

        [Fact]
        public Task KL0101_FixAllTwoModelsAndSharedSite() =>
            TorchVerifier.VerifyFixAsync<KL0006FromLogitsOnProbabilitiesAnalyzer, KL0101CodeFixProvider>(@"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var a = Sequential(Linear(4, 3), Softmax(1));
        var b = Sequential((""lin"", Linear(4, 3)), (""sm"", Softmax(1)));
        var criterion = CrossEntropyLoss();
        var la = {|KL0101:criterion.forward(a.forward(x), y)|};
        var lb = {|KL0101:criterion.forward(b.forward(x), y)|};
        var lb2 = {|KL0101:cross_entropy(b.forward(x), y)|};
    }
}", @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var a = Sequential(Linear(4, 3));
        var b = Sequential((""lin"", Linear(4, 3)));
        var criterion = CrossEntropyLoss();
        var la = criterion.forward(a.forward(x), y);
        var lb = criterion.forward(b.forward(x), y);
        var lb2 = cross_entropy(b.forward(x), y);
    }
}", "KL0101.Recommended");

        [Fact]
        public Task KL0101_UseLogSoftmaxAndNllLoss_Sequential() =>
            TorchVerifier.VerifyFixAsync<KL0006FromLogitsOnProbabilitiesAnalyzer, KL0101CodeFixProvider>(@"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential((""lin"", Linear(4, 3)), (""sm"", Softmax(1)));
        var criterion = CrossEntropyLoss();
        var loss = {|KL0101:criterion.forward(model.forward(x), y)|};
    }
}", @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential((""lin"", Linear(4, 3)), (""sm"", LogSoftmax(1)));
        var criterion = NLLLoss();
        var loss = criterion.forward(model.forward(x), y);
    }
}", KL0101CodeFixProvider.UseNllLossKey);

        [Fact]
        public Task KL0101_UseLogSoftmaxAndNllLoss_TorchSoftmaxBecomesTensorMethod() =>
            TorchVerifier.VerifyFixAsync<KL0006FromLogitsOnProbabilitiesAnalyzer, KL0101CodeFixProvider>(Net("torch.softmax(fc2.forward(x), 1)") + @"
class Trainer
{
    void Step(Net model, Tensor x, Tensor y) => {|KL0101:functional.cross_entropy(model.forward(x), y)|}.backward();
}", Net("fc2.forward(x).log_softmax(1)") + @"
class Trainer
{
    void Step(Net model, Tensor x, Tensor y) => functional.nll_loss(model.forward(x), y).backward();
}", KL0101CodeFixProvider.UseNllLossKey);

        [Fact]
        public Task KL0101_NoNllFixWhenTheLossFieldIsTypedCrossEntropyLoss() =>
            TorchVerifier.VerifyNoFixAsync<KL0006FromLogitsOnProbabilitiesAnalyzer, KL0101CodeFixProvider>(@"
class Trainer
{
    private readonly CrossEntropyLoss criterion = CrossEntropyLoss();

    Tensor Step(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 3), Softmax(1));
        return {|KL0101:criterion.forward(model.forward(x), y)|};
    }
}", KL0101CodeFixProvider.UseNllLossKey);

        // ------------------------------------------------------------ KL0102

        [Fact]
        public Task KL0102_BceLossBecomesBceWithLogitsLoss() =>
            TorchVerifier.VerifyFixAsync<KL0005LossExpectsProbabilitiesAnalyzer, KL0102CodeFixProvider>(@"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 1));
        Loss<Tensor, Tensor, Tensor> criterion = BCELoss(reduction: Reduction.Sum);
        var loss = {|KL0102:criterion.forward(model.forward(x), y)|};
    }
}", @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 1));
        Loss<Tensor, Tensor, Tensor> criterion = BCEWithLogitsLoss(reduction: Reduction.Sum);
        var loss = criterion.forward(model.forward(x), y);
    }
}", "KL0102.Recommended");

        [Fact]
        public Task KL0102_FunctionalBecomesWithLogits() =>
            TorchVerifier.VerifyFixAsync<KL0005LossExpectsProbabilitiesAnalyzer, KL0102CodeFixProvider>(Net("fc2.forward(x)") + @"
class Trainer
{
    void Step(Net model, Tensor x, Tensor y) => {|KL0102:binary_cross_entropy(model.forward(x), y)|}.backward();
}", Net("fc2.forward(x)") + @"
class Trainer
{
    void Step(Net model, Tensor x, Tensor y) => binary_cross_entropy_with_logits(model.forward(x), y).backward();
}", "KL0102.Recommended");

        [Fact]
        public Task KL0102_ReluOutputs_TheReluGoesAndTheLossTakesLogits() =>
            TorchVerifier.VerifyFixAsync<KL0005LossExpectsProbabilitiesAnalyzer, KL0102CodeFixProvider>(@"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 1), ReLU());
        var loss = {|KL0102:BCELoss().forward(model.forward(x), y)|};
    }
}", @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 1));
        var loss = BCEWithLogitsLoss().forward(model.forward(x), y);
    }
}", "KL0102.Recommended");

        [Fact]
        public Task KL0102_ReluOutputs_NotTheLogitsAction() =>
            TorchVerifier.VerifyNoFixAsync<KL0005LossExpectsProbabilitiesAnalyzer, KL0102CodeFixProvider>(@"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 1), ReLU());
        var loss = {|KL0102:BCELoss().forward(model.forward(x), y)|};
    }
}", KL0102CodeFixProvider.UseWithLogitsKey);

        // ------------------------------------------------------------ KL0103

        [Fact]
        public Task KL0103_RemovesSigmoidElement() =>
            TorchVerifier.VerifyFixAsync<KL0006FromLogitsOnProbabilitiesAnalyzer, KL0103CodeFixProvider>(@"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential((""lin"", Linear(4, 1)), (""sig"", Sigmoid()));
        var criterion = BCEWithLogitsLoss();
        var loss = {|KL0103:criterion.forward(model.forward(x), y)|};
    }
}", @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential((""lin"", Linear(4, 1)));
        var criterion = BCEWithLogitsLoss();
        var loss = criterion.forward(model.forward(x), y);
    }
}", "KL0103.Recommended");

        [Fact]
        public Task KL0103_RemovesSigmoidFunctionInForward() =>
            TorchVerifier.VerifyFixAsync<KL0006FromLogitsOnProbabilitiesAnalyzer, KL0103CodeFixProvider>(Net("torch.sigmoid(fc2.forward(x))") + @"
class Trainer
{
    void Step(Net model, Tensor x, Tensor y) => {|KL0103:binary_cross_entropy_with_logits(model.forward(x), y)|}.backward();
}", Net("fc2.forward(x)") + @"
class Trainer
{
    void Step(Net model, Tensor x, Tensor y) => binary_cross_entropy_with_logits(model.forward(x), y).backward();
}", "KL0103.Recommended");

        [Fact]
        public Task KL0103_UseBceLoss() =>
            TorchVerifier.VerifyFixAsync<KL0006FromLogitsOnProbabilitiesAnalyzer, KL0103CodeFixProvider>(@"
class Trainer
{
    void Train(Module<Tensor, Tensor> model, Tensor x, Tensor y)
    {
        var criterion = BCEWithLogitsLoss();
        var loss = {|KL0103:criterion.forward(model.forward(x).sigmoid(), y)|};
    }
}", @"
class Trainer
{
    void Train(Module<Tensor, Tensor> model, Tensor x, Tensor y)
    {
        var criterion = BCELoss();
        var loss = criterion.forward(model.forward(x).sigmoid(), y);
    }
}", KL0103CodeFixProvider.UseBceLossKey);

        // ------------------------------------------------------------ KL0104

        [Fact]
        public Task KL0104_SoftmaxBecomesLogSoftmax() =>
            TorchVerifier.VerifyFixAsync<KL0005LossExpectsProbabilitiesAnalyzer, KL0104CodeFixProvider>(@"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 3), nn.Softmax(dim: 1));
        var loss = {|KL0104:NLLLoss().forward(model.forward(x), y)|};
    }
}", @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 3), nn.LogSoftmax(dim: 1));
        var loss = NLLLoss().forward(model.forward(x), y);
    }
}", "KL0104.Recommended");

        [Fact]
        public Task KL0104_LogitsGetLogSoftmax() =>
            TorchVerifier.VerifyFixAsync<KL0005LossExpectsProbabilitiesAnalyzer, KL0104CodeFixProvider>(Net("fc2.forward(x)") + @"
class Trainer
{
    void Step(Net model, Tensor x, Tensor y) => {|KL0104:nll_loss(model.forward(x), y)|}.backward();
}", Net("fc2.forward(x)") + @"
class Trainer
{
    void Step(Net model, Tensor x, Tensor y) => nll_loss(model.forward(x).log_softmax(1), y).backward();
}", "KL0104.Recommended");

        [Fact]
        public Task KL0104_LogitsUseCrossEntropyLoss() =>
            TorchVerifier.VerifyFixAsync<KL0005LossExpectsProbabilitiesAnalyzer, KL0104CodeFixProvider>(@"
class Trainer
{
    private readonly Loss<Tensor, Tensor, Tensor> criterion = NLLLoss();

    Tensor Step(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 16), ReLU(), Linear(16, 3));
        return {|KL0104:criterion.forward(model.forward(x), y)|};
    }
}", @"
class Trainer
{
    private readonly Loss<Tensor, Tensor, Tensor> criterion = CrossEntropyLoss();

    Tensor Step(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 16), ReLU(), Linear(16, 3));
        return criterion.forward(model.forward(x), y);
    }
}", KL0104CodeFixProvider.UseCrossEntropyKey);

        [Fact]
        public Task KL0104_NoFixForSigmoid() =>
            TorchVerifier.VerifyNoFixAsync<KL0005LossExpectsProbabilitiesAnalyzer, KL0104CodeFixProvider>(@"
class Trainer
{
    void Step(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 3), Sigmoid());
        var loss = {|KL0104:NLLLoss().forward(model.forward(x), y)|};
    }
}", KL0104CodeFixProvider.ApplyLogSoftmaxKey);
    }
}
