using static KerasLint.Analyzers.Tests.Infrastructure.KerasCode;

namespace KerasLint.Analyzers.Tests
{
    /// <summary>
    /// The well-known Stack Overflow reports, translated to Keras.NET: each gives its diagnostic (and no other
    /// rule fires), and its fix. Correct code stays silent.
    /// </summary>
    public class ReportedCasesTests
    {
        // "Keras accuracy with MSE": a regression net reporting accuracy.
        private const string MseAccuracy = @"        var model = new Sequential();
        model.Add(new Dense(64, activation: ""relu"", input_shape: new Shape(8)));
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new string[] { {|KL0001:""accuracy""|} });
        model.Fit(x, y, epochs: 10);
";

        [Fact]
        public Task MseWithAccuracy_KL0001() => AllRulesTest.Run(InMethod(MseAccuracy));

        [Fact]
        public Task MseWithAccuracy_FixReplacesWithMae() => FixTest<KL0001AccuracyOnRegressionAnalyzer, KL0001AccuracyOnRegressionCodeFixProvider>.Run(
            InMethod(MseAccuracy), InMethod(MseAccuracy.Replace(@"{|KL0001:""accuracy""|}", @"""mae""")), equivalenceKey: "KL0001.Recommended");

        [Fact]
        public async Task MseWithAccuracy_MessageSaysWhatKerasComputes()
        {
            var d = await Direct.Single(InMethod(MseAccuracy.Replace(@"{|KL0001:""accuracy""|}", @"""accuracy""")), "KL0001");
            Assert.Equal("'accuracy' is binary_accuracy in Keras.NET, tf.keras 2.x: meaningless with a regression loss; use 'mae' instead", d.GetMessage());
            var old = await Direct.Single(InMethod(MseAccuracy.Replace(@"{|KL0001:""accuracy""|}", @"""accuracy""")), "KL0001", "2.2");
            Assert.Contains("in Keras.NET, Keras 2.2:", old.GetMessage());
            Assert.Contains("after rounding (standalone Keras 2.x) or after (prediction > 0.5) (tf.keras, Keras 3)", old.Descriptor.Description.ToString());
        }

        // "val_acc stays flat in LSTM regression": acc metric and an EarlyStopping maximising val_acc.
        private const string LstmRegression = @"        var model = new Sequential();
        model.Add(new LSTM(50, input_shape: new Shape(10, 1)));
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mean_squared_error"", metrics: new[] { {|KL0001:""acc""|} });
        var stop = new EarlyStopping(monitor: {|KL0001:""val_acc""|}, mode: ""max"", patience: 5);
        model.Fit(x, y, epochs: 100, validation_split: 0.2f, callbacks: new Callback[] { stop });
";

        [Fact]
        public Task LstmRegressionAcc_KL0001OnMetricAndCallback() => AllRulesTest.Run(InMethod(LstmRegression));

        [Fact]
        public Task LstmRegressionAcc_KL0001OnMetricAndCallback_Keras22() => AllRulesTest.Run(InMethod(LstmRegression), "2.2");

        [Fact]
        public Task LstmRegressionAcc_FixMetric() => FixTest<KL0001AccuracyOnRegressionAnalyzer, KL0001AccuracyOnRegressionCodeFixProvider>.Run(
            InMethod(LstmRegression),
            InMethod(LstmRegression.Replace(@"{|KL0001:""acc""|}", @"""mae""").Replace(@"{|KL0001:""val_acc""|}", @"""val_mae""").Replace(@"mode: ""max""", @"mode: ""min""")),
            equivalenceKey: "KL0001.Recommended");

        /// <summary>The metric fix keeps the callback coherent, and its title names every edit; the callback offers the same action first.</summary>
        [Fact]
        public async Task LstmRegressionAcc_OneCoherentActionOnMetricAndCallback()
        {
            var diagnostics = await Direct.All(InMethod(Plain(LstmRegression)), "KL0001");
            Assert.Equal(2, diagnostics.Length);
            foreach (var d in diagnostics)
            {
                var first = FixPlan.Read(d)[0];
                Assert.Equal("Replace 'acc' with 'mae'; EarlyStopping monitors 'val_mae' with mode 'min'", first.Title);
                Assert.Equal(3, first.Edits.Count);
            }

            Assert.Contains(FixPlan.Read(diagnostics[1]), a => a.Title == "EarlyStopping monitors 'val_loss' with mode 'min'");
        }

        [Fact]
        public Task LstmRegressionAcc_FixCallbackMonitorsLossAndMinimises()
        {
            var test = new FixTest<KL0001AccuracyOnRegressionAnalyzer, KL0001AccuracyOnRegressionCodeFixProvider>(
                InMethod(LstmRegression),
                InMethod(LstmRegression.Replace(@"{|KL0001:""val_acc""|}, mode: ""max""", @"""val_loss"", mode: ""min""").Replace(@"{|KL0001:""acc""|}", @"{|#0:""acc""|}")),
                equivalenceKey: "KL0001.MonitorLoss");
            test.FixedState.ExpectedDiagnostics.Add(new DiagnosticResult("KL0001", DiagnosticSeverity.Warning).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
            return test.RunAsync();
        }

        // "binary vs categorical crossentropy": bce on a 10-way softmax with accuracy.
        private const string BceSoftmax = @"        var model = new Sequential();
        model.Add(new Dense(128, activation: ""relu"", input_shape: new Shape(784)));
        model.Add(new Dense(10, activation: ""softmax""));
        model.Compile(optimizer: ""adam"", loss: {|KL0002:""binary_crossentropy""|}, metrics: new[] { ""accuracy"" });
";

        [Theory]
        [InlineData("2.2")]
        [InlineData("2.3")]
        [InlineData("tf2")]
        [InlineData("3")]
        public Task BceOnSoftmax_KL0002(string family) => AllRulesTest.Run(InMethod(BceSoftmax), family);

        [Fact]
        public async Task BceOnSoftmax_Keras22MessageSaysBinaryAccuracyIsInflated()
        {
            var d = await Direct.Single(InMethod(Plain(BceSoftmax)), "KL0002", "2.2");
            Assert.Contains("in Keras.NET, Keras 2.2", d.GetMessage());
            Assert.Contains("element-wise binary_accuracy, which is inflated ((C-1)/C for a constant all-zero prediction)", d.Descriptor.Description.ToString());
        }

        [Fact]
        public async Task BceOnSoftmax_TfKerasMessageSaysLossTreatsClassesAsIndependent()
        {
            var d = await Direct.Single(InMethod(Plain(BceSoftmax)), "KL0002", "tf2");
            Assert.Equal("binary_crossentropy on a 10-unit softmax head in Keras.NET, tf.keras 2.x trains each class as a separate yes/no; use (sparse_)categorical_crossentropy", d.GetMessage());
            Assert.DoesNotContain("inflated", d.GetMessage());
            Assert.Contains("resolves by shape to categorical_accuracy, so the metric looks right while the loss ignores", d.Descriptor.Description.ToString());
        }

        [Fact]
        public Task BceOnSoftmax_FixCategorical() => FixTest<KL0002BinaryCrossentropyOnMultiClassAnalyzer, KL0002BinaryCrossentropyOnMultiClassCodeFixProvider>.Run(
            InMethod(BceSoftmax), InMethod(Plain(BceSoftmax).Replace("binary_crossentropy", "categorical_crossentropy").Replace(@"""accuracy""", @"""categorical_accuracy""")),
            "2.2", "KL0002.Recommended");

        [Fact]
        public Task BceOnSoftmax_FixSparse() => FixTest<KL0002BinaryCrossentropyOnMultiClassAnalyzer, KL0002BinaryCrossentropyOnMultiClassCodeFixProvider>.Run(
            InMethod(BceSoftmax), InMethod(Plain(BceSoftmax).Replace("binary_crossentropy", "sparse_categorical_crossentropy").Replace(@"""accuracy""", @"""sparse_categorical_accuracy""")),
            "tf2", "KL0002.Sparse");

        // "custom loss with accuracy": Keras guesses the accuracy.
        private const string CustomLoss = @"        var model = new Sequential();
        model.Add(new Dense(64, activation: ""relu"", input_shape: new Shape(20)));
        model.Add(new Dense(10, activation: ""softmax""));
        model.Compile(optimizer: ""adam"", loss: ""my_weighted_loss"", metrics: new[] { {|#0:""accuracy""|} });
";

        [Fact]
        public Task CustomLossAccuracy_KL0003Warning() => AllRulesTest.Run(InMethod(CustomLoss), "2.3",
            new DiagnosticResult("KL0003", DiagnosticSeverity.Warning).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

        [Theory]
        [InlineData("sparse_categorical_accuracy")]
        [InlineData("categorical_accuracy")]
        public Task CustomLossAccuracy_FixOffersExplicitAccuracies(string metric)
        {
            var test = new FixTest<KL0003AmbiguousAccuracyAnalyzer, KL0003AmbiguousAccuracyCodeFixProvider>(
                InMethod(CustomLoss), InMethod(Plain(CustomLoss).Replace(@"""accuracy""", $"\"{metric}\"")), "2.3",
                metric == "sparse_categorical_accuracy" ? "KL0003.Recommended" : "KL0003." + metric);
            test.ExpectedDiagnostics.Add(new DiagnosticResult("KL0003", DiagnosticSeverity.Warning).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
            return test.RunAsync();
        }

        // "loss vs metric": mse on a softmax classifier.
        private const string MseSoftmax = @"        var model = new Sequential();
        model.Add(new Dense(32, activation: ""relu"", input_shape: new Shape(4)));
        model.Add(new Dense(3, activation: ""softmax""));
        model.Compile(optimizer: ""sgd"", loss: {|KL0007:""mse""|}, metrics: new[] { ""categorical_accuracy"" });
";

        [Fact]
        public Task MseOnSoftmax_KL0007() => AllRulesTest.Run(InMethod(MseSoftmax));

        [Fact]
        public Task MseOnSoftmax_Fix() => FixTest<KL0007RegressionLossOnClassifierAnalyzer, KL0007RegressionLossOnClassifierCodeFixProvider>.Run(
            InMethod(MseSoftmax), InMethod(Plain(MseSoftmax).Replace(@"""mse""", @"""categorical_crossentropy""")));

        // A sigmoid Dense(1) trained with mse: KL0007, not KL0001.
        private const string MseSigmoid = @"        var model = new Sequential();
        model.Add(new Dense(16, activation: ""relu"", input_shape: new Shape(2)));
        model.Add(new Dense(1, activation: ""sigmoid""));
        model.Compile(optimizer: ""sgd"", loss: {|KL0007:""mean_squared_error""|}, metrics: new[] { ""accuracy"" });
";

        [Theory]
        [InlineData(null)]
        [InlineData("2.2")]
        public Task MseOnSigmoid_KL0007NotKL0001(string? family) => AllRulesTest.Run(InMethod(MseSigmoid), family);

        [Fact]
        public Task MseOnSigmoid_Fix() => FixTest<KL0007RegressionLossOnClassifierAnalyzer, KL0007RegressionLossOnClassifierCodeFixProvider>.Run(
            InMethod(MseSigmoid), InMethod(Plain(MseSigmoid).Replace(@"""mean_squared_error""", @"""binary_crossentropy""")));

        [Fact]
        public Task DropoutOfOne_KL0009() => AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(64, activation: ""relu"", input_shape: new Shape(8)));
        model.Add(new Dropout({|KL0009:1.0|}));
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] { ""mae"" });
"));

        // Correct code stays silent.
        [Theory]
        [InlineData(null)]
        [InlineData("2.2")]
        [InlineData("2.3")]
        [InlineData("3")]
        public Task Silent_CategoricalCrossentropySoftmaxAccuracy(string? family) => AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(512, activation: ""relu"", input_shape: new Shape(784)));
        model.Add(new Dropout(0.2));
        model.Add(new Dense(10, activation: ""softmax""));
        model.Compile(loss: ""categorical_crossentropy"", optimizer: new Adadelta(), metrics: new string[] { ""accuracy"" });
        model.Fit(x, y, batch_size: 128, epochs: 12, verbose: 1, validation_data: new NDarray[] { xVal, yVal });
"), family);

        [Theory]
        [InlineData(null)]
        [InlineData("2.2")]
        public Task Silent_MultiLabelSigmoidBinaryCrossentropy(string? family) => AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(64, activation: ""relu"", input_shape: new Shape(100)));
        model.Add(new Dense(5, activation: ""sigmoid""));
        model.Compile(optimizer: ""adam"", loss: ""binary_crossentropy"", metrics: new[] { ""accuracy"" });
"), family);

        [Fact]
        public Task Silent_RegressionWithMae() => AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(64, activation: ""relu"", input_shape: new Shape(13)));
        model.Add(new Dense(1));
        model.Compile(optimizer: ""rmsprop"", loss: ""mse"", metrics: new[] { ""mae"" });
        var stop = new EarlyStopping(monitor: ""val_mae"", mode: ""min"", patience: 10);
        model.Fit(x, y, epochs: 100, validation_split: 0.2f, callbacks: new Callback[] { stop });
"));

        [Fact]
        public Task Silent_HeadCannotBeDetermined() => AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        AddLayers(model);
        model.Compile(optimizer: ""adam"", loss: ""categorical_crossentropy"", metrics: new[] { ""accuracy"" });
", "    static void AddLayers(Sequential m) { }\n"));

        /// <summary>The source without diagnostic markup.</summary>
        internal static string Plain(string marked) => System.Text.RegularExpressions.Regex.Replace(marked, @"\{\|[^:]+:(.*?)\|\}", "$1");
    }
}
