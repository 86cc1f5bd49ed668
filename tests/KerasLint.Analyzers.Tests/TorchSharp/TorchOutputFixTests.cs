using KerasLint.CodeFixes;
using KerasLint.Rules;
using Xunit;

namespace KerasLint.Analyzers.Tests.TorchSharp
{
    /// <summary>The fixes of KL0105–KL0110: exact results, trivia kept, Fix All (every marked diagnostic), and where they are not offered.</summary>
    public class TorchOutputFixTests
    {
        [Fact]
        public Task KL0105_UsesBceWithLogitsOnTheLogit() =>
            TorchVerifier.VerifyFixAsync<KL0105CrossEntropyOnOneUnitAnalyzer, KL0105CodeFixProvider>(@"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 16), ReLU(), Linear(16, 1));
        var criterion = CrossEntropyLoss(); // the loss
        var loss = {|KL0105:criterion.forward(model.forward(x), y)|};
        var again = {|KL0105:cross_entropy(model.forward(x), y)|};
    }
}", @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 16), ReLU(), Linear(16, 1));
        var criterion = BCEWithLogitsLoss(); // the loss
        var loss = criterion.forward(model.forward(x), y);
        var again = binary_cross_entropy_with_logits(model.forward(x), y);
    }
}", "KL0105.Recommended");

        [Fact]
        public Task KL0105_UsesBceLossAfterASigmoid() =>
            TorchVerifier.VerifyFixAsync<KL0105CrossEntropyOnOneUnitAnalyzer, KL0105CodeFixProvider>(@"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 1), Sigmoid());
        var loss = {|KL0105:CrossEntropyLoss().forward(model.forward(x), y)|};
    }
}", @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 1), Sigmoid());
        var loss = BCELoss().forward(model.forward(x), y);
    }
}", "KL0105.Recommended");

        [Fact]
        public Task KL0105_WidensTheLastLinearInTheModelsFile() =>
            TorchVerifier.VerifyFixFilesAsync<KL0105CrossEntropyOnOneUnitAnalyzer, KL0105CodeFixProvider>(new[]
            {
                (@"
class Net : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> fc1 = Linear(4, 16);
    private readonly Module<Tensor, Tensor> fc2 = Linear(16, /* one score */ 1);
    public Net() : base(""Net"") => RegisterComponents();
    public override Tensor forward(Tensor x) => fc2.forward(relu(fc1.forward(x)));
}", @"
class Net : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> fc1 = Linear(4, 16);
    private readonly Module<Tensor, Tensor> fc2 = Linear(16, /* one score */ 2);
    public Net() : base(""Net"") => RegisterComponents();
    public override Tensor forward(Tensor x) => fc2.forward(relu(fc1.forward(x)));
}"),
                (@"
class Trainer
{
    void Step(Net model, Tensor x, Tensor y) => {|KL0105:CrossEntropyLoss().forward(model.forward(x), y)|};
}", @"
class Trainer
{
    void Step(Net model, Tensor x, Tensor y) => CrossEntropyLoss().forward(model.forward(x), y);
}"),
            }, KL0105CodeFixProvider.TwoClassesKey);

        [Fact]
        public Task KL0105_NoWideningWhenTheWidthIsNotALiteral() =>
            TorchVerifier.VerifyNoFixAsync<KL0105CrossEntropyOnOneUnitAnalyzer, KL0105CodeFixProvider>(@"
class Trainer
{
    const int Outputs = 1;

    void Train(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, Outputs));
        var loss = {|KL0105:CrossEntropyLoss().forward(model.forward(x), y)|};
    }
}", KL0105CodeFixProvider.TwoClassesKey);

        [Fact]
        public Task KL0106_ThresholdsLogitsAtZero_FixAll() =>
            TorchVerifier.VerifyFixAsync<KL0106ArgmaxOfOneUnitAnalyzer, KL0106CodeFixProvider>(@"
class Trainer
{
    long Correct(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 16), ReLU(), Linear(16, 1));
        var pred = model.forward(x);
        var a = {|KL0106:pred.argmax(1)|}.eq(y).sum().ToInt64(); // batch accuracy
        var b = ({|KL0106:torch.argmax(pred, -1)|} == y).sum().ToInt64();
        return a + b;
    }
}", @"
class Trainer
{
    long Correct(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 16), ReLU(), Linear(16, 1));
        var pred = model.forward(x);
        var a = pred.squeeze(1).gt(0).@long().eq(y).sum().ToInt64(); // batch accuracy
        var b = (pred.squeeze(-1).gt(0).@long() == y).sum().ToInt64();
        return a + b;
    }
}", "KL0106.Recommended");

        [Fact]
        public Task KL0106_ThresholdsSigmoidAtOneHalf() =>
            TorchVerifier.VerifyFixAsync<KL0106ArgmaxOfOneUnitAnalyzer, KL0106CodeFixProvider>(@"
class Trainer
{
    Tensor Predicted(Tensor x)
    {
        var model = Sequential(Linear(4, 1), Sigmoid());
        return {|KL0106:model.forward(x).argmax(1)|};
    }
}", @"
class Trainer
{
    Tensor Predicted(Tensor x)
    {
        var model = Sequential(Linear(4, 1), Sigmoid());
        return model.forward(x).squeeze(1).gt(0.5).@long();
    }
}", "KL0106.Recommended");

        [Fact]
        public Task KL0106_NoThresholdWithKeepdim() =>
            TorchVerifier.VerifyNoFixAsync<KL0106ArgmaxOfOneUnitAnalyzer, KL0106CodeFixProvider>(@"
class Trainer
{
    Tensor Predicted(Tensor x)
    {
        var model = Sequential(Linear(4, 1));
        return {|KL0106:model.forward(x).argmax(1, true)|};
    }
}", KL0106CodeFixProvider.ThresholdKey);

        [Fact]
        public Task KL0107_ComparesArgmaxOfPredictionAndTarget() =>
            TorchVerifier.VerifyFixAsync<KL0107ElementwiseAccuracyOnSoftmaxAnalyzer, KL0107CodeFixProvider>(@"
class Trainer
{
    Tensor Accuracy(Tensor x, Tensor yOneHot)
    {
        var model = Sequential(Linear(4, 3), Softmax(1));
        var probs = model.forward(x);
        var rounded = {|KL0107:probs.round()|}; // per element
        return rounded.eq(yOneHot).to_type(ScalarType.Float32).mean();
    }
}", @"
class Trainer
{
    Tensor Accuracy(Tensor x, Tensor yOneHot)
    {
        var model = Sequential(Linear(4, 3), Softmax(1));
        var probs = model.forward(x);
        var rounded = probs.argmax(1); // per element
        return rounded.eq(yOneHot.argmax(1)).to_type(ScalarType.Float32).mean();
    }
}", "KL0107.Recommended");

        [Fact]
        public Task KL0107_OperatorForm() =>
            TorchVerifier.VerifyFixAsync<KL0107ElementwiseAccuracyOnSoftmaxAnalyzer, KL0107CodeFixProvider>(@"
class Trainer
{
    Tensor Accuracy(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 10), Softmax(1));
        return (({|KL0107:model.forward(x) > 0.5|}) == y).to_type(ScalarType.Float32).mean();
    }
}", @"
class Trainer
{
    Tensor Accuracy(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 10), Softmax(1));
        return ((model.forward(x).argmax(1)) == y.argmax(1)).to_type(ScalarType.Float32).mean();
    }
}", "KL0107.Recommended");

        [Fact]
        public Task KL0108_SoftmaxBecomesCrossEntropyOnLogits() =>
            TorchVerifier.VerifyFixAsync<KL0007RegressionLossOnClassifierAnalyzer, KL0108CodeFixProvider>(@"
class Trainer
{
    void Train(Tensor x, Tensor yOneHot)
    {
        var model = Sequential(
            Linear(4, 16),
            ReLU(),   // hidden
            Linear(16, 3),
            Softmax(1));
        var criterion = MSELoss();
        var loss = {|KL0108:criterion.forward(model.forward(x), yOneHot)|};
    }
}", @"
class Trainer
{
    void Train(Tensor x, Tensor yOneHot)
    {
        var model = Sequential(
            Linear(4, 16),
            ReLU(),   // hidden
            Linear(16, 3));
        var criterion = CrossEntropyLoss();
        var loss = criterion.forward(model.forward(x), yOneHot);
    }
}", "KL0108.Recommended");

        [Fact]
        public Task KL0108_SigmoidWithOneHotBecomesBce() =>
            TorchVerifier.VerifyFixAsync<KL0007RegressionLossOnClassifierAnalyzer, KL0108CodeFixProvider>(@"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 2), Sigmoid());
        var target = functional.one_hot(y, 2).to_type(ScalarType.Float32);
        var loss = {|KL0108:mse_loss(model.forward(x), target)|};
    }
}", @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 2), Sigmoid());
        var target = functional.one_hot(y, 2).to_type(ScalarType.Float32);
        var loss = binary_cross_entropy(model.forward(x), target);
    }
}", "KL0108.Recommended");

        [Fact]
        public Task KL0109_RemovesSoftmaxInForwardAndUsesCrossEntropy() =>
            TorchVerifier.VerifyFixAsync<KL0002BinaryCrossentropyOnMultiClassAnalyzer, KL0109CodeFixProvider>(@"
class Net : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> fc = Linear(4, 3);
    public Net() : base(""Net"") => RegisterComponents();
    public override Tensor forward(Tensor x) => softmax(fc.forward(x), 1);
}

class Trainer
{
    void Step(Net model, Tensor x, Tensor yOneHot)
    {
        var loss = {|KL0109:binary_cross_entropy_with_logits(model.forward(x), yOneHot)|};
    }
}", @"
class Net : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> fc = Linear(4, 3);
    public Net() : base(""Net"") => RegisterComponents();
    public override Tensor forward(Tensor x) => fc.forward(x);
}

class Trainer
{
    void Step(Net model, Tensor x, Tensor yOneHot)
    {
        var loss = cross_entropy(model.forward(x), yOneHot);
    }
}", "KL0109.Recommended");

        [Fact]
        public Task KL0110_AbsoluteErrorInsteadOfEquality_FixAll() =>
            TorchVerifier.VerifyFixAsync<KL0001AccuracyOnRegressionAnalyzer, KL0110CodeFixProvider>(@"
class Trainer
{
    Tensor Hits(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 16), ReLU(), Linear(16, 1));
        var pred = model.forward(x);
        var a = {|KL0110:pred.eq(y)|}.to_type(ScalarType.Float32).mean(); // ""accuracy""
        var b = ({|KL0110:pred.squeeze(1) == y.squeeze(1)|}).sum();
        return a + b;
    }
}", @"
class Trainer
{
    Tensor Hits(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 16), ReLU(), Linear(16, 1));
        var pred = model.forward(x);
        var a = (pred - y).abs().to_type(ScalarType.Float32).mean(); // ""accuracy""
        var b = ((pred.squeeze(1) - y.squeeze(1)).abs()).sum();
        return a + b;
    }
}", "KL0110.Recommended");
    }
}
