using KerasLint.Knowledge;
using KerasLint.Model;

namespace KerasLint.Analyzers.Tests.TorchSharp
{
    /// <summary>
    /// MODEL FACTS ONLY (no rule here): a softmax over a single unit (<c>Linear(…, 1)</c> then <c>Softmax(1)</c>) is
    /// constantly 1.0, the library-neutral mistake of Keras rule KL0004 (Dense(1) with softmax). TorchSharp's
    /// recognised step exposes it as <see cref="TorchHead.IsSoftmaxOverOneUnit"/> (width 1, every softmax site over the
    /// unit axis) so that the rule shared across libraries can report it; these tests assert the facts the adapter
    /// gives, whatever the loss.
    /// </summary>
    public class TorchSoftmaxOneUnitModelTests
    {
        private static async Task<TorchTrainingStep> SingleStepAsync(params string[] sources)
        {
            var steps = await TorchModelTestSupport.StepsAsync(sources);
            var step = Assert.Single(steps);
            Assert.NotNull(step);
            return step!;
        }

        private static string Loop(string model, string loss = "BCELoss()", string prediction = "model.forward(x)") => @"
class Loop
{
    Tensor Train(Tensor x, Tensor y)
    {
        var model = " + model + @";
        var criterion = " + loss + @";
        return criterion.forward(" + prediction + @", y);
    }
}";

        [Fact]
        public async Task SequentialLinearOneThenSoftmaxWithBceLoss()
        {
            var step = await SingleStepAsync(Loop("Sequential(Linear(4, 1), Softmax(1))"));
            Assert.Equal(TorchLossKind.Bce, step.Loss);
            Assert.Equal(HeadActivation.Softmax, step.Head.Activation);
            Assert.Equal(1, step.Head.Units);
            Assert.Equal(1, Assert.Single(step.Head.Sites).Dim);
            Assert.True(step.Head.IsSoftmaxOverOneUnit);
        }

        [Theory]
        [InlineData("MSELoss()")]
        [InlineData("CrossEntropyLoss()")]
        [InlineData("BCEWithLogitsLoss()")]
        public async Task AnyLoss(string loss)
        {
            var step = await SingleStepAsync(Loop("Sequential(Linear(4, 1), Softmax(1))", loss));
            Assert.True(step.Head.IsSoftmaxOverOneUnit);
        }

        [Fact]
        public async Task FunctionalSoftmaxOverTheLastAxis()
        {
            var step = await SingleStepAsync(Loop("Linear(4, 1)", prediction: "softmax(model.forward(x), -1)"));
            Assert.Equal(-1, Assert.Single(step.Head.Sites).Dim);
            Assert.True(step.Head.IsSoftmaxOverOneUnit);
        }

        [Fact]
        public async Task TensorMethodSoftmax()
        {
            var step = await SingleStepAsync(Loop("Linear(4, 1)", prediction: "model.forward(x).softmax(1)"));
            Assert.True(step.Head.IsSoftmaxOverOneUnit);
        }

        [Fact]
        public async Task TwoUnitsIsNotIt()
        {
            var step = await SingleStepAsync(Loop("Sequential(Linear(4, 2), Softmax(1))"));
            Assert.Equal(HeadActivation.Softmax, step.Head.Activation);
            Assert.Equal(2, step.Head.Units);
            Assert.False(step.Head.IsSoftmaxOverOneUnit);
        }

        [Fact]
        public async Task SoftmaxOverTheBatchAxisIsNotIt()
        {
            var step = await SingleStepAsync(Loop("Sequential(Linear(4, 1), Softmax(0))"));
            Assert.Equal(0, Assert.Single(step.Head.Sites).Dim);
            Assert.False(step.Head.IsSoftmaxOverOneUnit);
        }

        [Fact]
        public async Task SigmoidOverOneUnitIsNotIt()
        {
            var step = await SingleStepAsync(Loop("Sequential(Linear(4, 1), Sigmoid())"));
            Assert.Equal(1, step.Head.Units);
            Assert.False(step.Head.IsSoftmaxOverOneUnit);
        }

        [Fact]
        public async Task UnknownWidthIsNotIt()
        {
            var step = await SingleStepAsync(@"
class Loop
{
    Tensor Train(Tensor x, Tensor y, int units) => BCELoss().forward(Sequential(Linear(4, units), Softmax(1)).forward(x), y);
}");
            Assert.Equal(HeadActivation.Softmax, step.Head.Activation);
            Assert.Null(step.Head.Units);
            Assert.False(step.Head.IsSoftmaxOverOneUnit);
        }

        private const string WidthNet = @"
class Net : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> head;
    public Net(int classes) : base(""Net"") { head = Sequential(Linear(4, classes), Softmax(1)); RegisterComponents(); }
    public override Tensor forward(Tensor x) => head.forward(x);
}";

        /// <summary>The width arrives as a constructor argument from another file: decided at compilation end.</summary>
        [Fact]
        public async Task WidthFromTheConstructorArgumentOfEveryCaller()
        {
            var step = await SingleStepAsync(Loop("new Net(classes: 1)"), WidthNet);
            Assert.True(step.Head.IsSoftmaxOverOneUnit);
        }

        [Fact]
        public async Task CallersThatDisagreeLeaveTheWidthUnknown()
        {
            var step = await SingleStepAsync(Loop("new Net(classes: 1)"), WidthNet, "static class Other { static Net Make() => new Net(3); }");
            Assert.Null(step.Head.Units);
            Assert.False(step.Head.IsSoftmaxOverOneUnit);
        }
    }
}
