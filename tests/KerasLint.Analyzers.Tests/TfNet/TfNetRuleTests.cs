using static KerasLint.Analyzers.Tests.TfNet.TfNetCode;

namespace KerasLint.Analyzers.Tests.TfNet
{
    /// <summary>
    /// The shared Keras rules and KL0006/KL0011 on TensorFlow.NET code: each source marks exactly the diagnostics every
    /// rule must report (unmarked lines must stay silent). Sources are constants so the no-crash sweep reuses them.
    /// </summary>
    public class TfNetRuleTests
    {
        // ---- KL0001: "accuracy" with a regression loss ----
        internal const string AccuracyWithMseObject = @"        var model = keras.Sequential(new List<ILayer>
        {
            keras.layers.Dense(64, activation: ""relu""),
            keras.layers.Dense(1),
        });
        model.compile(optimizer: keras.optimizers.Adam(), loss: keras.losses.MeanSquaredError(), metrics: new[] { {|KL0001:""accuracy""|} });
";

        [Fact]
        public Task KL0001_FactoryLossSequentialList() => TfNetRulesTest.Run(InMethod(AccuracyWithMseObject));

        internal const string AccuracyWithMaeClassPositional = @"        var model = keras.Sequential();
        model.add(keras.layers.Dense(32, activation: ""relu""));
        model.add(keras.layers.Dense(1));
        model.compile(keras.optimizers.Adam(), new MeanAbsoluteError(), new[] { ""mae"", {|KL0001:""acc""|} });
";

        [Fact]
        public Task KL0001_ClassLossPositionalAdd() => TfNetRulesTest.Run(InMethod(AccuracyWithMaeClassPositional));

        [Fact]
        public async Task KL0001_MessageNamesTfNet()
        {
            var d = await Single(InMethod(ReportedCasesTests.Plain(AccuracyWithMseObject)), "KL0001");
            Assert.Contains("in TensorFlow.NET's Keras 0.15.0", d.GetMessage());
            Assert.Contains("meaningless with a regression loss", d.GetMessage());
        }

        internal const string AccuracyOnSoftmaxClassifier = @"        var model = keras.Sequential(
            keras.layers.Dense(64, activation: ""relu""),
            keras.layers.Dense(10, activation: ""softmax""));
        model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(), new[] { ""accuracy"" });
";

        [Fact]
        public Task CorrectClassifier_Silent() => TfNetRulesTest.Run(InMethod(AccuracyOnSoftmaxClassifier));

        // ---- KL0002: binary crossentropy on a multi-class softmax head ----
        internal const string BceOnSoftmax = @"        var inputs = keras.Input(shape: 784);
        var hidden = keras.layers.Dense(128, activation: ""relu"").Apply(inputs);
        var outputs = keras.layers.Dense(10, activation: ""softmax"").Apply(hidden);
        var model = keras.Model(inputs, outputs);
        model.compile(keras.optimizers.Adam(), {|KL0002:keras.losses.BinaryCrossentropy()|}, new[] { ""accuracy"" });
";

        [Fact]
        public Task KL0002_Functional() => TfNetRulesTest.Run(InMethod(BceOnSoftmax));

        [Fact]
        public async Task KL0002_MessageSaysAccuracyIsHonest()
        {
            var d = await Single(InMethod(ReportedCasesTests.Plain(BceOnSoftmax)), "KL0002");
            Assert.Contains("in TensorFlow.NET's Keras 0.15.0", d.GetMessage());
            Assert.Contains("TensorFlow.NET, \"accuracy\" resolves by shape to categorical_accuracy", d.Descriptor.Description.ToString());
        }

        // ---- KL0003: silent on TF.NET (shape-based resolution never depends on the loss) ----
        internal const string CustomLossAccuracy = @"        var model = keras.Sequential(keras.layers.Dense(10, activation: ""softmax""));
        model.compile(keras.optimizers.Adam(), new MyLoss(), new[] { ""accuracy"" });
";

        private const string MyLoss = "class MyLoss : LossFunctionWrapper { }\n";

        [Fact]
        public Task KL0003_CustomLoss_Silent() => TfNetRulesTest.Run(InMethod(CustomLossAccuracy) + MyLoss);

        // ---- KL0004: softmax over one unit ----
        internal const string SoftmaxOneUnit = @"        var model = keras.Sequential();
        model.add(keras.layers.Dense(16, activation: ""relu""));
        model.add(keras.layers.Dense(1, activation: {|KL0004:""softmax""|}));
        model.compile(keras.optimizers.Adam(), keras.losses.BinaryCrossentropy(), new[] { ""accuracy"" });
";

        [Fact]
        public Task KL0004_DenseString_NotAlsoKL0005() => TfNetRulesTest.Run(InMethod(SoftmaxOneUnit));

        internal const string SoftmaxOneUnitActivationObject = @"        var model = keras.Sequential(new List<ILayer>
        {
            keras.layers.Dense(1, activation: {|KL0004:keras.activations.Softmax|}),
        });
        model.compile(keras.optimizers.Adam(), keras.losses.MeanSquaredError());
";

        [Fact]
        public Task KL0004_ActivationObject_AlsoKL0007() => TfNetRulesTest.Run(InMethod(SoftmaxOneUnitActivationObject));

        internal const string SoftmaxLayerOneUnit = @"        var model = keras.Sequential(keras.layers.Dense(1), {|KL0004:keras.layers.Softmax()|});
        model.compile(keras.optimizers.Adam(), keras.losses.MeanAbsoluteError());
";

        [Fact]
        public Task KL0004_SoftmaxLayerParams() => TfNetRulesTest.Run(InMethod(SoftmaxLayerOneUnit));

        // ---- KL0005: crossentropy object with from_logits false/absent on a linear head ----
        internal const string SparseOnLinear = @"        var model = keras.Sequential(new List<ILayer>
        {
            keras.layers.Flatten(),
            keras.layers.Dense(128, activation: ""relu""),
            keras.layers.Dense(10),
        });
        model.compile(keras.optimizers.Adam(), {|KL0005:keras.losses.SparseCategoricalCrossentropy()|}, new[] { ""accuracy"" });
";

        [Fact]
        public Task KL0005_FactoryWithoutFromLogits() => TfNetRulesTest.Run(InMethod(SparseOnLinear));

        internal const string CceClassFalseOnLinear = @"        var model = keras.Sequential(keras.layers.Dense(10), keras.layers.Dropout(0.2f));
        model.compile(keras.optimizers.Adam(), {|KL0005:new CategoricalCrossentropy(false)|});
";

        [Fact]
        public Task KL0005_ClassPositionalFalse_DropoutTransparent() => TfNetRulesTest.Run(InMethod(CceClassFalseOnLinear));

        internal const string SparseFromLogitsOnLinear = @"        var model = keras.Sequential(keras.layers.Dense(10));
        model.compile(keras.optimizers.Adam(), new SparseCategoricalCrossentropy(from_logits: true), new[] { ""accuracy"" });
";

        [Fact]
        public Task FromLogitsTrueOnLinear_Silent() => TfNetRulesTest.Run(InMethod(SparseFromLogitsOnLinear));

        [Fact]
        public Task KL0005_SparseBefore0105_Silent() => TfNetRulesTest.Run(InMethod(ReportedCasesTests.Plain(SparseOnLinear)), version: "0.10.3");

        // ---- KL0006: from_logits: true on a softmax/sigmoid head ----
        internal const string FromLogitsOnSoftmaxNamed = @"        var model = keras.Sequential(new List<ILayer>
        {
            keras.layers.Dense(128, activation: ""relu""),
            keras.layers.Dense(10, activation: ""softmax""),
        });
        model.compile(optimizer: keras.optimizers.Adam(), loss: new SparseCategoricalCrossentropy(from_logits: {|KL0006:true|}), metrics: new[] { ""accuracy"" });
";

        [Fact]
        public Task KL0006_ClassNamed() => TfNetRulesTest.Run(InMethod(FromLogitsOnSoftmaxNamed));

        internal const string FromLogitsOnSoftmaxPositionalFactory = @"        var model = keras.Sequential();
        model.add(keras.layers.Dense(10));
        model.add(keras.layers.Softmax());
        model.compile(keras.optimizers.Adam(), keras.losses.CategoricalCrossentropy(null, null, {|KL0006:true|}));
";

        [Fact]
        public Task KL0006_FactoryPositional_SoftmaxLayer() => TfNetRulesTest.Run(InMethod(FromLogitsOnSoftmaxPositionalFactory));

        internal const string FromLogitsOnSigmoidHelper = @"        var model = Build();
        model.compile(keras.optimizers.Adam(), keras.losses.BinaryCrossentropy({|KL0006:true|}));
";

        private const string BuildSigmoid = "    static Sequential Build() => keras.Sequential(keras.layers.Dense(8, activation: \"relu\"), keras.layers.Dense(1, activation: keras.activations.Sigmoid));\n";

        [Fact]
        public Task KL0006_HelperBuilt_ActivationObject() => TfNetRulesTest.Run(InMethod(FromLogitsOnSigmoidHelper, BuildSigmoid));

        internal const string FromLogitsOnTfNnSoftmax = @"        var inputs = keras.Input(shape: 784);
        var logits = keras.layers.Dense(10).Apply(inputs);
        var model = keras.Model(inputs, tf.nn.softmax(logits));
        model.compile(keras.optimizers.Adam(), new SparseCategoricalCrossentropy({|KL0006:true|}));
";

        [Fact]
        public Task KL0006_FunctionalTfNnSoftmax() => TfNetRulesTest.Run(InMethod(FromLogitsOnTfNnSoftmax));

        [Fact]
        public async Task KL0006_MessageNamesHeadAndVersion()
        {
            var d = await Single(InMethod(ReportedCasesTests.Plain(FromLogitsOnSoftmaxNamed)), "KL0006");
            Assert.Contains("use from_logits: false", d.GetMessage());
            Assert.Contains("TensorFlow.NET's Keras 0.15.0", d.GetMessage());
        }

        internal const string CollectionExpressionModel = @"        Sequential model = keras.Sequential([keras.layers.Dense(4, activation: ""relu""), keras.layers.Dense(3, activation: ""softmax"")]);
        model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: {|KL0006:true|}), [""accuracy""]);
";

        [Fact]
        public Task KL0006_CollectionExpressions() => TfNetRulesTest.Run(InMethod(CollectionExpressionModel));

        // ---- KL0007: regression loss on a classifier ----
        internal const string MseOnSoftmax = @"        var model = keras.Sequential(keras.layers.Dense(10, activation: ""softmax""));
        model.compile(keras.optimizers.Adam(), {|KL0007:keras.losses.MeanSquaredError()|}, new[] { ""accuracy"" });
";

        [Fact]
        public Task KL0007_Factory() => TfNetRulesTest.Run(InMethod(MseOnSoftmax));

        // ---- KL0008: EarlyStopping on a key never logged ----
        internal const string ValAcc = @"        var model = keras.Sequential(keras.layers.Dense(10, activation: ""softmax""));
        model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(), new[] { ""accuracy"" });
        var stop = new EarlyStopping(new CallbackParams { Model = model }, {|KL0008:""val_acc""|}, patience: 3);
        model.fit(x, y, epochs: 10, callbacks: new List<ICallback> { stop }, validation_split: 0.1f);
";

        [Fact]
        public Task KL0008_ValAccPositionalMonitor() => TfNetRulesTest.Run(InMethod(ValAcc));

        internal const string ValAccWithMetricObjects = @"        var model = keras.Sequential(keras.layers.Dense(10, activation: ""softmax""));
        model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(), new[] { keras.metrics.SparseCategoricalAccuracy() });
        model.fit(x, y, callbacks: new List<ICallback> { new EarlyStopping(new CallbackParams(), monitor: {|KL0008:""val_acc""|}) }, validation_data: (xVal, yVal));
";

        [Fact]
        public Task KL0008_ValAccWithMetricObjects() => TfNetRulesTest.Run(InMethod(ValAccWithMetricObjects));

        internal const string ValLossWithoutValidation = @"        var model = keras.Sequential(keras.layers.Dense(1));
        model.compile(keras.optimizers.Adam(), keras.losses.MeanSquaredError(), new[] { ""mae"" });
        var callbacks = new List<ICallback> { new EarlyStopping(new CallbackParams(), monitor: {|KL0008:""val_mean_absolute_error""|}) };
        model.fit(x, y, epochs: 5, callbacks: callbacks);
";

        [Fact]
        public Task KL0008_ValKeyWithoutValidation() => TfNetRulesTest.Run(InMethod(ValLossWithoutValidation));

        [Fact]
        public async Task KL0008_MessageSaysKeyNotFound()
        {
            var d = await Single(InMethod(ReportedCasesTests.Plain(ValLossWithoutValidation)), "KL0008");
            Assert.Contains("(EarlyStopping throws)", d.GetMessage());
            Assert.Contains("KeyNotFoundException at the end of epoch 1", d.Descriptor.Description.ToString());
        }

        internal const string MaeKeyLogged = @"        var model = keras.Sequential(keras.layers.Dense(1));
        model.compile(keras.optimizers.Adam(), keras.losses.MeanSquaredError(), new[] { ""mae"" });
        model.fit(x, y, callbacks: new List<ICallback> { new EarlyStopping(new CallbackParams(), monitor: ""val_mean_absolute_error"") }, validation_split: 0.2f);
";

        [Fact]
        public Task KL0008_LoggedKey_Silent() => TfNetRulesTest.Run(InMethod(MaeKeyLogged));

        internal const string DefaultMonitorWithoutValidation = @"        var model = keras.Sequential(keras.layers.Dense(1));
        model.compile(keras.optimizers.Adam(), keras.losses.MeanSquaredError());
        model.fit(x, y, callbacks: new List<ICallback> { {|KL0008:new EarlyStopping(new CallbackParams())|} });
";

        [Fact]
        public Task KL0008_DefaultValLossWithoutValidation() => TfNetRulesTest.Run(InMethod(DefaultMonitorWithoutValidation));

        // ---- KL0009: Dropout rate ----
        internal const string DropoutOne = @"        var model = keras.Sequential(keras.layers.Dense(16), keras.layers.Dropout({|KL0009:1f|}), keras.layers.Dense(1));
        model.compile(keras.optimizers.Adam(), keras.losses.MeanSquaredError());
";

        [Fact]
        public Task KL0009_RateOne() => TfNetRulesTest.Run(InMethod(DropoutOne));

        [Fact]
        public async Task KL0009_MessageSaysNaN()
        {
            var d = await Single(InMethod(ReportedCasesTests.Plain(DropoutOne)), "KL0009");
            Assert.Contains("NaN", d.GetMessage());
            Assert.Contains("TensorFlow.NET", d.GetMessage());
        }

        internal const string ValKeyWithMetricObjectsWithoutValidation = @"        var model = keras.Sequential(keras.layers.Dense(10, activation: ""softmax""));
        model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(), new[] { keras.metrics.SparseCategoricalAccuracy() });
        model.fit(x, y, callbacks: new List<ICallback> { new EarlyStopping(new CallbackParams(), monitor: {|KL0008:""val_loss""|}) });
        model.fit(x, y, callbacks: new List<ICallback> { new EarlyStopping(new CallbackParams(), monitor: ""sparse_categorical_accuracy"", mode: ""max"") });
";

        [Fact]
        public Task KL0008_ValKeyWithMetricObjectsWithoutValidation() => TfNetRulesTest.Run(InMethod(ValKeyWithMetricObjectsWithoutValidation));

        internal const string DropoutOutOfRangeVariants = @"        const float Rate = 1.5f;
        var model = keras.Sequential();
        model.add(keras.layers.Dropout(rate: {|KL0009:Rate|}));
        model.add(keras.layers.Dropout({|KL0009:-0.1f|}));
        model.add(keras.layers.Dropout(0.5f));
        model.add(keras.layers.Dense(1));
        model.compile(keras.optimizers.Adam(), keras.losses.MeanSquaredError());
";

        [Fact]
        public Task KL0009_AboveOneNamedConstAndNegative_HalfSilent() => TfNetRulesTest.Run(InMethod(DropoutOutOfRangeVariants));

        // ---- KL0010: metric strings outside the six ----
        internal const string UnknownMetrics = @"        var model = keras.Sequential(keras.layers.Dense(1));
        model.compile(keras.optimizers.Adam(), keras.losses.MeanSquaredError(), new[] { {|KL0010:""mse""|}, {|KL0010:""Mae""|}, ""mape"" });
";

        [Fact]
        public Task KL0010_OutsideTheSix() => TfNetRulesTest.Run(InMethod(UnknownMetrics));

        [Fact]
        public async Task KL0010_MessageSaysNotImplementedAndDidYouMean()
        {
            var all = (await Analyze(InMethod(ReportedCasesTests.Plain(UnknownMetrics)))).Where(d => d.Id == "KL0010").Select(d => d.GetMessage()).ToList();
            Assert.Contains(all, m => m.Contains("it throws: only accuracy, mae, mape (and long names) work") && m.Contains("'mse'"));
            Assert.Contains("throws NotImplementedException at the first training step", Descriptors.KL0010.Description.ToString());
            Assert.Contains(all, m => m.Contains("did you mean 'mae'?"));
        }

        // ---- KL0011: the all-string compile ----
        internal const string AllStrings = @"        var model = keras.Sequential(keras.layers.Dense(10, activation: ""softmax""));
        {|KL0011:model.compile(""adam"", ""sparse_categorical_crossentropy"", new[] { ""accuracy"" })|};
";

        [Fact]
        public Task KL0011_Positional() => TfNetRulesTest.Run(InMethod(AllStrings));

        [Fact]
        public async Task KL0011_MessagePerVersion()
        {
            var source = InMethod(ReportedCasesTests.Plain(AllStrings));
            Assert.Contains("trains RMSprop with MeanSquaredError", (await Single(source, "KL0011")).GetMessage());
            Assert.Contains("throws NotImplementedException", (await Single(source, "KL0011", version: "0.10.4")).GetMessage());
            Assert.Contains("ignores the loss and metrics", (await Single(source, "KL0011", version: "0.5.0")).GetMessage());
        }

        internal const string RmspropMse = @"        var model = keras.Sequential(keras.layers.Dense(1));
        model.compile(optimizer: ""rmsprop"", loss: ""mse"", metrics: new[] { ""mae"" });
";

        [Fact]
        public Task KL0011_RmspropMse_Silent() => TfNetRulesTest.Run(InMethod(RmspropMse));

        // ---- KL0012: mode contradicts the key ----
        internal const string ModeMinOnAccuracy = @"        var model = keras.Sequential(keras.layers.Dense(10, activation: ""softmax""));
        model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(), new[] { ""accuracy"" });
        model.fit(x, y, callbacks: new List<ICallback> { new EarlyStopping(new CallbackParams(), ""val_accuracy"", mode: {|KL0012:""min""|}) }, validation_split: 0.2f);
";

        [Fact]
        public Task KL0012_ModeMin() => TfNetRulesTest.Run(InMethod(ModeMinOnAccuracy));

        // ---- negatives ----
        internal const string UnknownModel = @"        model.compile(keras.optimizers.Adam(), new SparseCategoricalCrossentropy(from_logits: true), new[] { ""accuracy"" });
";

        [Fact]
        public Task ModelFromParameter_Silent() => TfNetRulesTest.Run(InMethod(UnknownModel).Replace("NDArray yVal)", "NDArray yVal, IModel model)"));

        internal const string ConditionalLastLayer = @"        var model = keras.Sequential();
        model.add(keras.layers.Dense(10));
        if (x == null) model.add(keras.layers.Softmax());
        model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true));
";

        [Fact]
        public Task ConditionalHead_Silent() => TfNetRulesTest.Run(InMethod(ConditionalLastLayer));

        internal const string ListBuiltLater = @"        var layers = new List<ILayer> { keras.layers.Dense(10) };
        layers.Add(keras.layers.Softmax());
        var model = keras.Sequential(layers);
        model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy());
";

        [Fact]
        public Task ListMutatedAfterInitializer_Silent() => TfNetRulesTest.Run(InMethod(ListBuiltLater));
    }
}
