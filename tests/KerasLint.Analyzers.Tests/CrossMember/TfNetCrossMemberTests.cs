using KerasLint.Analyzers.Tests.TfNet;
using static KerasLint.Analyzers.Tests.TfNet.TfNetCode;

namespace KerasLint.Analyzers.Tests.CrossMember
{
    /// <summary>
    /// TensorFlow.NET setups whose parts live in other members or files (the whole-program value flow): reported where
    /// wrong, silent when right or when a value is not known on every path. (Subclassed models: TfNetSubclassTests.)
    /// </summary>
    public class TfNetCrossMemberTests
    {
        /// <summary>Every compile-based rule over several TF.NET files; the first is /0/Test0.cs.</summary>
        internal static Task Run(params string[] sources)
        {
            var test = new TfNetRulesTest(sources[0], null);
            for (var i = 1; i < sources.Length; i++) test.TestState.Sources.Add(($"/0/Test{i}.cs", sources[i]));
            return test.RunAsync();
        }

        private static string Class(string members) => Usings + "class C\n{\n" + members + "}\n";

        private const string FieldSequentialList = @"    private readonly Sequential model;

    C()
    {
        model = keras.Sequential(new List<ILayer>
        {
            keras.layers.Dense(64, activation: ""relu""),
            keras.layers.Dense(10, activation: ""softmax""),
        });
    }

    void Train(NDArray x, NDArray y)
    {
        model.compile(keras.optimizers.Adam(), LOSS, new[] { ""accuracy"" });
        model.fit(x, y, epochs: 5);
    }
";

        [Fact]
        public Task FieldSequentialList_Reported() => Run(Class(FieldSequentialList.Replace("LOSS", "{|KL0002:keras.losses.BinaryCrossentropy()|}")));

        [Fact]
        public Task FieldSequentialList_CorrectLoss_Silent() => Run(Class(FieldSequentialList.Replace("LOSS", "keras.losses.CategoricalCrossentropy()")));

        private const string FieldInitializerSoftmaxLayer = @"    private readonly Sequential model = keras.Sequential(new List<ILayer>
    {
        keras.layers.Dense(10),
        tf.keras.layers.Softmax(),
    });

    void Train()
    {
        model.compile(keras.optimizers.Adam(), LOSS, new[] { ""accuracy"" });
    }
";

        [Fact]
        public Task FieldInitializer_SoftmaxLayerLast_Reported() => Run(Class(FieldInitializerSoftmaxLayer.Replace("LOSS", "{|KL0002:keras.losses.BinaryCrossentropy()|}")));

        [Fact]
        public Task FieldInitializer_SoftmaxLayerLast_CorrectLoss_Silent() => Run(Class(FieldInitializerSoftmaxLayer.Replace("LOSS", "keras.losses.CategoricalCrossentropy()")));

        [Fact]
        public Task FieldInAnotherFile_AddedInConstructor_Reported() => Run(
            Usings + "partial class C\n{\n    void Train() { model.compile(keras.optimizers.Adam(), {|KL0002:keras.losses.BinaryCrossentropy()|}, new[] { \"accuracy\" }); }\n}\n",
            Usings + "partial class C\n{\n    private Sequential model;\n    C()\n    {\n        model = keras.Sequential();\n        model.add(keras.layers.Dense(64, activation: \"relu\"));\n        model.add(keras.layers.Dense(5, activation: \"softmax\"));\n    }\n}\n");

        [Fact]
        public Task FieldAssignedTwice_Silent() => Run(Class(FieldSequentialList.Replace("LOSS", "keras.losses.BinaryCrossentropy()").Replace("private readonly Sequential", "private Sequential")
            + "    void Binary() { model = keras.Sequential(new List<ILayer> { keras.layers.Dense(1, activation: \"sigmoid\") }); }\n"));

        private const string LayerFields = @"    private readonly ILayer hidden = keras.layers.Dense(64, activation: ""relu"");
    private readonly ILayer head = keras.layers.Dense(10, activation: ""softmax"");

    void Train()
    {
        var model = keras.Sequential();
        model.add(hidden);
        model.add(head);
        model.compile(keras.optimizers.Adam(), LOSS, new[] { ""accuracy"" });
    }
";

        [Fact]
        public Task LayersInFields_Reported() => Run(Class(LayerFields.Replace("LOSS", "{|KL0002:keras.losses.BinaryCrossentropy()|}")));

        [Fact]
        public Task LayersInFields_CorrectLoss_Silent() => Run(Class(LayerFields.Replace("LOSS", "keras.losses.CategoricalCrossentropy()")));

        // ---- a loss object in a field ----
        private const string LossInField = @"    private readonly ILossFunc loss = keras.losses.CategoricalCrossentropy(from_logits: LOGITS);

    void Train(NDArray x, NDArray y)
    {
        var model = keras.Sequential(new List<ILayer>
        {
            keras.layers.Dense(128, activation: ""relu""),
            keras.layers.Dense(10, activation: ""softmax""),
        });
        model.compile(keras.optimizers.Adam(), loss, new[] { ""accuracy"" });
    }
";

        [Fact]
        public Task LossObjectInField_FromLogitsOnSoftmax_ReportedOnTheLossArgument() => Run(Class(LossInField.Replace("LOGITS", "true").Replace("model.compile(keras.optimizers.Adam(), loss,", "model.compile(keras.optimizers.Adam(), {|KL0006:loss|},")));

        [Fact]
        public Task LossObjectInFieldUsedByTwoCompiles_ReportedAtEachUse() => Run(Class(LossInField.Replace("LOGITS", "true").Replace("model.compile(keras.optimizers.Adam(), loss,", "model.compile(keras.optimizers.Adam(), {|KL0006:loss|},")
            + "    void Again() { var m = keras.Sequential(keras.layers.Dense(3, activation: \"softmax\")); m.compile(keras.optimizers.Adam(), {|KL0006:loss|}, new[] { \"accuracy\" }); }\n"));

        [Fact]
        public Task LossObjectInField_Probabilities_Silent() => Run(Class(LossInField.Replace("LOGITS", "false")));

        [Fact]
        public Task LossObjectInFieldAssignedTwice_Silent() => Run(Class(LossInField.Replace("LOGITS", "true").Replace("private readonly ILossFunc", "private ILossFunc")
            + "    void Logits() { loss = keras.losses.CategoricalCrossentropy(); }\n"));

        [Fact]
        public Task BinaryLossObjectInField_Reported() => Run(Class(LossInField.Replace("LOGITS", "false").Replace("{|KL0002:", "")
            .Replace("keras.losses.CategoricalCrossentropy(from_logits: false)", "keras.losses.BinaryCrossentropy()")
            .Replace("model.compile(keras.optimizers.Adam(), loss,", "model.compile(keras.optimizers.Adam(), {|KL0002:loss|},")));

        // ---- helpers ----
        [Fact]
        public Task HelperAddsFeatures_CallerAddsHead_Reported() => Run(InMethod(@"        var model = keras.Sequential();
        AddFeatures(model);
        model.add(keras.layers.Dense(10, activation: ""softmax""));
        model.compile(keras.optimizers.Adam(), {|KL0002:keras.losses.BinaryCrossentropy()|}, new[] { ""accuracy"" });
", @"    static void AddFeatures(Sequential m)
    {
        m.add(keras.layers.Dense(128, activation: ""relu""));
        m.add(keras.layers.Dropout(0.2f));
    }
"));

        [Fact]
        public Task HelperAddsTheHeadConditionally_Silent() => Run(InMethod(@"        var model = keras.Sequential();
        model.add(keras.layers.Dense(128, activation: ""relu""));
        AddHead(model, x == null);
        model.compile(keras.optimizers.Adam(), keras.losses.BinaryCrossentropy(), new[] { ""accuracy"" });
", @"    static void AddHead(Sequential m, bool multi)
    {
        if (multi) m.add(keras.layers.Dense(10, activation: ""softmax""));
        else m.add(keras.layers.Dense(1, activation: ""sigmoid""));
    }
"));

        private const string SoftmaxMlp = @"    static Sequential SoftmaxMlp(int classes)
    {
        var s = keras.Sequential();
        s.add(keras.layers.Dense(64, activation: ""relu""));
        s.add(keras.layers.Dense(classes, activation: ""softmax""));
        return s;
    }
";

        [Fact]
        public Task HeadFromParameter_Reported() => Run(InMethod(@"        var model = SoftmaxMlp(10);
        model.compile(keras.optimizers.Adam(), {|KL0002:keras.losses.BinaryCrossentropy()|}, new[] { ""accuracy"" });
", SoftmaxMlp));

        [Fact]
        public Task HeadFromParameter_CallersDisagree_Silent() => Run(InMethod(@"        var model = SoftmaxMlp(10);
        model.compile(keras.optimizers.Adam(), keras.losses.BinaryCrossentropy(), new[] { ""accuracy"" });
        var other = SoftmaxMlp(1);
", SoftmaxMlp));

        // ---- callbacks ----
        private const string CallbacksFromHelper = @"        var model = keras.Sequential(keras.layers.Dense(10, activation: ""softmax""));
        model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(), new[] { ""accuracy"" });
        model.fit(x, y, epochs: 10, callbacks: CALLBACKS, validation_split: 0.1f);
";

        [Fact]
        public Task CallbacksFromHelper_ReportedOnTheCallbacksArgument() => Run(InMethod(CallbacksFromHelper.Replace("CALLBACKS", "{|KL0008:Callbacks(model)|}"),
            "    static List<ICallback> Callbacks(IModel m) => new List<ICallback> { new EarlyStopping(new CallbackParams { Model = m }, \"val_acc\", patience: 3) };\n"));

        [Fact]
        public Task CallbacksFromHelper_LoggedKey_Silent() => Run(InMethod(CallbacksFromHelper.Replace("CALLBACKS", "Callbacks(model)"),
            "    static List<ICallback> Callbacks(IModel m) => new List<ICallback> { new EarlyStopping(new CallbackParams { Model = m }, \"val_accuracy\", patience: 3) };\n"));

        [Fact]
        public Task ConditionalMetrics_ReportedInTheBranch() => Run(InMethod(@"        var model = keras.Sequential(keras.layers.Dense(1));
        model.compile(keras.optimizers.Adam(), keras.losses.MeanSquaredError(), x == null ? new[] { ""mae"" } : new[] { ""mae"", {|KL0001:""accuracy""|} });
"));

        [Fact]
        public Task ConditionalMetrics_RightOnEveryBranch_Silent() => Run(InMethod(@"        var model = keras.Sequential(keras.layers.Dense(1));
        model.compile(keras.optimizers.Adam(), keras.losses.MeanSquaredError(), x == null ? new[] { ""mae"" } : null);
"));

        [Fact]
        public Task MetricFromConstOfAnotherFile_Reported() => Run(InMethod(@"        var model = keras.Sequential(keras.layers.Dense(1));
        model.compile(keras.optimizers.Adam(), keras.losses.MeanSquaredError(), new[] { {|KL0001:Names.Accuracy|} });
"), Usings + "static class Names\n{\n    public static readonly string Accuracy = \"accuracy\";\n}\n");
    }
}
