using static KerasLint.Analyzers.Tests.Infrastructure.KerasCode;

namespace KerasLint.Analyzers.Tests
{
    /// <summary>
    /// The measured holes of the fix pipeline (issue 18): each case must carry a fix (dotnet format gives up on an id
    /// whose first diagnostic has none), the fix must compile without a new error and remove its diagnostic, with and
    /// without a file path (<see cref="FixCheck"/>).
    /// </summary>
    public class FixPipelineTests
    {
        private static async Task Check(string source, IEnumerable<MetadataReference> libraries, string? family = null)
        {
            foreach (var inMemory in new[] { false, true })
            {
                var result = new FixCheck.Result();
                await FixCheck.Check(source, family, libraries, result, label: inMemory ? "in memory" : "with a path", inMemory: inMemory);
                Assert.True(result.Failures.Count == 0, string.Join("\n", result.Failures));
                Assert.True(result.FixesApplied >= 1, "no fix offered");
            }
        }

        private static Task Keras(string body, string? family = null) => Check(InMethod(body), new[] { KerasReference }, family);

        private static Task TfNetCode(string body) => Check(TfNet.TfNetCode.InMethod(body), TfNet.TfNetCode.References);

        private static Task Torch(string source) => Check(TorchSharp.TorchVerifier.Usings + source, new[] { TorchSharp.TorchVerifier.TorchSharpReference });

        [Fact]
        public Task TfNetSoftmaxLayerMovesSigmoidOntoTheDense() => TfNetCode(@"        var model = keras.Sequential(keras.layers.Dense(1), keras.layers.Softmax());
        model.compile(keras.optimizers.Adam(), keras.losses.MeanAbsoluteError());
");

        [Fact]
        public Task TfNetStringCompileWithNullMetrics() => TfNetCode(@"        var model = keras.Sequential(keras.layers.Dense(10));
        model.compile(""adam"", ""mse"", null);
");

        [Fact]
        public Task RemovingFromAnArrayWithAnExplicitLength() => TfNetCode(@"        var model = keras.Sequential(keras.layers.Dense(10));
        model.compile(keras.optimizers.Adam(), keras.losses.MeanSquaredError(), new string[2] { ""accuracy"", ""None"" });
");

        [Fact]
        public Task AccuracyInALocalThatAlreadyHoldsMae() => Keras(@"        var model = new Sequential();
        model.Add(new Dense(1));
        var metrics = new[] { ""accuracy"", ""mae"" };
        model.Compile(optimizer: ""sgd"", loss: ""mse"", metrics: metrics);
", "tf2");

        [Fact]
        public Task CallbackSharedByTwoCompiles() => Keras(@"        var model = new Sequential();
        model.Add(new Dense(10, activation: ""softmax""));
        var stop = new EarlyStopping(monitor: ""val_acc"", mode: ""max"");
        model.Compile(optimizer: ""adam"", loss: ""categorical_crossentropy"", metrics: new[] { ""accuracy"" });
        model.Fit(x, y, validation_split: 0.2f, callbacks: new Callback[] { stop });
        model.Compile(optimizer: ""sgd"", loss: ""categorical_crossentropy"", metrics: new[] { ""categorical_accuracy"" });
        model.Fit(x, y, validation_split: 0.2f, callbacks: new Callback[] { stop });
", "tf2");

        private const string BestAccuracy = @"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] { {|KL0001:""accuracy""|} });
        var history = model.Fit(x, y, epochs: 10, validation_split: 0.2f);
        var best = history.HistoryLogs[""val_accuracy""].Max(); // the best epoch
        var last = history.HistoryLogs[""val_accuracy""].Last();
";

        /// <summary>The maximum of an accuracy is its best epoch; once the key is an error's, the best is its minimum.</summary>
        [Fact]
        public Task BestOfARenamedKeyKeepsItsMeaning() =>
            FixTest<KL0001AccuracyOnRegressionAnalyzer, KL0001AccuracyOnRegressionCodeFixProvider>.Run(
                "using System.Linq;\n" + InMethod(BestAccuracy),
                "using System.Linq;\n" + InMethod(ReportedCasesTests.Plain(BestAccuracy).Replace(@"""accuracy""", @"""mae""").Replace(@"""val_accuracy""", @"""val_mae""").Replace(".Max()", ".Min()")),
                "tf2", "KL0001.Recommended");

        /// <summary>The count of exact hits was read as a long; the summed absolute error is read as a float.</summary>
        [Fact]
        public Task SummedErrorIsReadAsAFloat() =>
            TorchSharp.TorchVerifier.VerifyFixAsync<KL0001AccuracyOnRegressionAnalyzer, KL0110CodeFixProvider>(@"
class Trainer
{
    void Report(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 16), ReLU(), Linear(16, 1));
        var pred = model.forward(x);
        var hits = {|KL0110:pred.eq(y)|}.sum().item<long>();
        System.Console.WriteLine(hits);
    }
}", @"
class Trainer
{
    void Report(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 16), ReLU(), Linear(16, 1));
        var pred = model.forward(x);
        var hits = (pred - y).abs().sum().item<float>();
        System.Console.WriteLine(hits);
    }
}", "KL0110.Recommended");

        [Fact]
        public Task SoftmaxAppliedAgainOnAReassignedLocal() => Torch(@"
class Trainer
{
    private readonly Module<Tensor, Tensor> fc = Linear(4, 3);

    void Step(Tensor input, Tensor y)
    {
        var p = fc.forward(input);
        p = p.softmax(1);
        p = p.softmax(1);
        var criterion = CrossEntropyLoss();
        var l = criterion.forward(p, y);
    }
}");
    }
}
