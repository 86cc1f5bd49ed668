using static KerasLint.Analyzers.Tests.Infrastructure.KerasCode;

namespace KerasLint.Analyzers.Tests
{
    /// <summary>
    /// The reported cases where a fix did not remove its diagnostic, or returned the document unchanged: each is
    /// now either fixed completely or not offered (<see cref="FixCheck"/> applies every offered action).
    /// </summary>
    public class FixRemovesDiagnosticTests
    {
        private static async Task<FixCheck.Result> Check(string source, string? family = null, MetadataReference? library = null)
        {
            var result = new FixCheck.Result();
            await FixCheck.Check(source, family, library ?? KerasReference, result, label: "case");
            Assert.True(result.Failures.Count == 0, string.Join("\n", result.Failures));
            return result;
        }

        [Fact]
        public async Task RemoveAccuracyInParentheses()
        {
            var r = await Check(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""sgd"", loss: ""mse"", metrics: new[] { (""accuracy""), ""mae"" });
"));
            Assert.True(r.FixesApplied >= 1);
        }

        [Fact]
        public async Task ActivationNullIsReplaced()
        {
            var r = await Check(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(10, activation: null));
        model.Compile(optimizer: ""adam"", loss: ""categorical_crossentropy"");
"));
            Assert.True(r.Diagnostics >= 1);
        }

        [Fact]
        public async Task CallbackSharedByTwoCompilesOffersNoFixThatBreaksOne()
        {
            await Check(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(10, activation: ""softmax""));
        var stop = new EarlyStopping(monitor: ""val_acc"", mode: ""max"");
        model.Compile(optimizer: ""adam"", loss: ""categorical_crossentropy"", metrics: new[] { ""accuracy"" });
        model.Fit(x, y, validation_split: 0.2f, callbacks: new Callback[] { stop });
        model.Compile(optimizer: ""sgd"", loss: ""categorical_crossentropy"", metrics: new[] { ""categorical_accuracy"" });
        model.Fit(x, y, validation_split: 0.2f, callbacks: new Callback[] { stop });
"), "tf2");
        }

        [Theory]
        [InlineData("softmax(softmax(x, 1), 1)", "CrossEntropyLoss")]
        [InlineData("functional.softmax(functional.softmax(x, 1), 1)", "CrossEntropyLoss")]
        [InlineData("x.softmax(1).softmax(1)", "CrossEntropyLoss")]
        public async Task StackedActivationsAreRemovedWhole(string expression, string loss)
        {
            var source = TorchSharp.TorchVerifier.Usings + @"
class Trainer
{
    private readonly Module<Tensor, Tensor> fc = Linear(4, 3);

    void Step(Tensor input, Tensor y)
    {
        var x = fc.forward(input);
        var pred = " + expression + @";
        var criterion = " + loss + @"();
        var l = criterion.forward(pred, y);
    }
}";
            var r = await Check(source, null, TorchSharp.TorchVerifier.TorchSharpReference);
            Assert.True(r.FixesApplied >= 1, "no fix offered");
        }
    }
}
