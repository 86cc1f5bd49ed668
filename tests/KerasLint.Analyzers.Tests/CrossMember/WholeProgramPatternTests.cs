using KerasLint.Analyzers.Tests.TfNet;

namespace KerasLint.Analyzers.Tests.CrossMember
{
    /// <summary>
    /// The audit of issue 17's list of whole-program patterns for Keras.NET and TensorFlow.NET, in one place: for each
    /// pattern that a library can express, a mistake placed in the part that lives elsewhere is reported (markup), and
    /// the correct twin of the same program is silent. Widths that arrive through a parameter or a constructor argument
    /// are decided only when every caller agrees (callers that disagree: silent). Every rule runs on every source.
    /// </summary>
    public class WholeProgramPatternTests
    {
        private static Task Keras(params string[] sources) => KerasNetCrossMemberTests.Run(sources);

        private static Task Tf(params string[] sources) => TfNetCrossMemberTests.Run(sources);

        private static string KerasClass(string members) => KerasCode.Usings + "class C\n{\n" + members + "}\n";

        private static string TfClass(string members) => TfNetCode.Usings + "class C\n{\n" + members + "}\n";

        private const string TfSubclassUsings = "using Tensorflow.Keras.ArgsDefinition;\nusing Tensorflow.Common.Types;\n";

        private const string KerasBinary = @"{|KL0002:""binary_crossentropy""|}";
        private const string KerasCategorical = @"""categorical_crossentropy""";
        private const string TfBinary = "{|KL0002:keras.losses.BinaryCrossentropy()|}";
        private const string TfCategorical = "keras.losses.CategoricalCrossentropy()";

        // ==== the model in a field, built in the constructor ====
        private const string KerasFieldInConstructor = @"    private readonly Sequential model;

    C()
    {
        model = new Sequential();
        model.Add(new Dense(64, activation: ""relu""));
        model.Add(new Dense(10, activation: ""softmax""));
    }

    void Train() { model.Compile(optimizer: ""adam"", loss: LOSS, metrics: new[] { ""accuracy"" }); }
";

        [Fact]
        public Task KerasNet_ModelFieldBuiltInConstructor_Reported() => Keras(KerasClass(KerasFieldInConstructor.Replace("LOSS", KerasBinary)));

        [Fact]
        public Task KerasNet_ModelFieldBuiltInConstructor_Correct_Silent() => Keras(KerasClass(KerasFieldInConstructor.Replace("LOSS", KerasCategorical)));

        private const string TfFieldInConstructor = @"    private readonly Sequential model;

    C()
    {
        model = keras.Sequential(new List<ILayer>
        {
            keras.layers.Dense(64, activation: ""relu""),
            keras.layers.Dense(10, activation: ""softmax""),
        });
    }

    void Train() { model.compile(keras.optimizers.Adam(), LOSS, new[] { ""accuracy"" }); }
";

        [Fact]
        public Task TfNet_SequentialListIntoFieldInConstructor_Reported() => Tf(TfClass(TfFieldInConstructor.Replace("LOSS", TfBinary)));

        [Fact]
        public Task TfNet_SequentialListIntoFieldInConstructor_Correct_Silent() => Tf(TfClass(TfFieldInConstructor.Replace("LOSS", TfCategorical)));

        // ==== the model in a field, built by its initializer ====
        private const string KerasFieldInitializer = @"    private readonly Sequential model = new Sequential(new BaseLayer[] { new Dense(64, activation: ""relu""), new Dense(10, activation: ""softmax"") });

    void Train() { model.Compile(optimizer: ""adam"", loss: LOSS, metrics: new[] { ""accuracy"" }); }
";

        [Fact]
        public Task KerasNet_ModelFieldInitializer_Reported() => Keras(KerasClass(KerasFieldInitializer.Replace("LOSS", KerasBinary)));

        [Fact]
        public Task KerasNet_ModelFieldInitializer_Correct_Silent() => Keras(KerasClass(KerasFieldInitializer.Replace("LOSS", KerasCategorical)));

        private const string TfFieldInitializer = @"    private readonly Sequential model = keras.Sequential(new List<ILayer>
    {
        keras.layers.Dense(64, activation: ""relu""),
        keras.layers.Dense(10, activation: ""softmax""),
    });

    void Train() { model.compile(keras.optimizers.Adam(), LOSS, new[] { ""accuracy"" }); }
";

        [Fact]
        public Task TfNet_SequentialListFieldInitializer_Reported() => Tf(TfClass(TfFieldInitializer.Replace("LOSS", TfBinary)));

        [Fact]
        public Task TfNet_SequentialListFieldInitializer_Correct_Silent() => Tf(TfClass(TfFieldInitializer.Replace("LOSS", TfCategorical)));

        // ==== the model in a field, built in another method ====
        private const string KerasFieldInAnotherMethod = @"    private Sequential model;

    void Build()
    {
        model = new Sequential();
        model.Add(new Dense(64, activation: ""relu""));
        model.Add(new Dense(10, activation: ""softmax""));
    }

    void Train() { model.Compile(optimizer: ""adam"", loss: LOSS, metrics: new[] { ""accuracy"" }); }
";

        [Fact]
        public Task KerasNet_ModelFieldBuiltInAnotherMethod_Reported() => Keras(KerasClass(KerasFieldInAnotherMethod.Replace("LOSS", KerasBinary)));

        [Fact]
        public Task KerasNet_ModelFieldBuiltInAnotherMethod_Correct_Silent() => Keras(KerasClass(KerasFieldInAnotherMethod.Replace("LOSS", KerasCategorical)));

        private const string TfFieldInAnotherMethod = @"    private IModel model;

    void Build() { model = keras.Sequential(new List<ILayer> { keras.layers.Dense(64, activation: ""relu""), keras.layers.Dense(10, activation: ""softmax"") }); }

    void Train() { model.compile(keras.optimizers.Adam(), LOSS, new[] { ""accuracy"" }); }
";

        [Fact]
        public Task TfNet_ModelFieldBuiltInAnotherMethod_Reported() => Tf(TfClass(TfFieldInAnotherMethod.Replace("LOSS", TfBinary)));

        [Fact]
        public Task TfNet_ModelFieldBuiltInAnotherMethod_Correct_Silent() => Tf(TfClass(TfFieldInAnotherMethod.Replace("LOSS", TfCategorical)));

        // ==== loss objects and loss names in fields ====
        private const string KerasLossField = @"    private readonly string loss = LOSS;

    void Train()
    {
        var model = new Sequential();
        model.Add(new Dense(10, activation: ""softmax""));
        model.Compile(optimizer: ""adam"", loss: USE, metrics: new[] { ""accuracy"" });
    }
";

        [Fact]
        public Task KerasNet_LossNameInField_Reported() => Keras(KerasClass(KerasLossField.Replace("LOSS", @"""binary_crossentropy""").Replace("USE", "{|KL0002:loss|}")));

        [Fact]
        public Task KerasNet_LossNameInField_Correct_Silent() => Keras(KerasClass(KerasLossField.Replace("LOSS", KerasCategorical).Replace("USE", "loss")));

        private const string TfLossField = @"    private readonly ILossFunc loss = keras.losses.CategoricalCrossentropy(from_logits: LOGITS);

    void Train()
    {
        var model = keras.Sequential(keras.layers.Dense(10, activation: ""softmax""));
        model.compile(keras.optimizers.Adam(), USE, new[] { ""accuracy"" });
    }
";

        [Fact]
        public Task TfNet_LossObjectInField_Reported() => Tf(TfClass(TfLossField.Replace("LOGITS", "true").Replace("USE", "{|KL0006:loss|}")));

        [Fact]
        public Task TfNet_LossObjectInField_Correct_Silent() => Tf(TfClass(TfLossField.Replace("LOGITS", "false").Replace("USE", "loss")));

        // ==== layers in fields ====
        private const string KerasLayerFields = @"    private readonly Dense hidden = new Dense(64, activation: ""relu"");
    private readonly Dense head = new Dense(10, activation: ""softmax"");

    void Train()
    {
        var model = new Sequential();
        model.Add(hidden);
        model.Add(head);
        model.Compile(optimizer: ""adam"", loss: LOSS, metrics: new[] { ""accuracy"" });
    }
";

        [Fact]
        public Task KerasNet_LayersInFields_Reported() => Keras(KerasClass(KerasLayerFields.Replace("LOSS", KerasBinary)));

        [Fact]
        public Task KerasNet_LayersInFields_Correct_Silent() => Keras(KerasClass(KerasLayerFields.Replace("LOSS", KerasCategorical)));

        private const string TfLayerFields = @"class Net : Model
{
    private readonly ILayer hidden;
    private readonly ILayer output;

    public Net() : base(new ModelArgs())
    {
        hidden = keras.layers.Dense(64, activation: ""relu"");
        output = keras.layers.Dense(10, activation: ""softmax"");
    }

    protected override Tensors Call(Tensors inputs, Tensors state = null, bool? training = null, IOptionalArgs optional_args = null) => output.Apply(hidden.Apply(inputs));
}

class Trainer
{
    private readonly IModel model = new Net();

    void Train() { model.compile(keras.optimizers.Adam(), LOSS, new[] { ""accuracy"" }); }
}
";

        [Fact]
        public Task TfNet_LayerFieldsWiredInCall_Reported() => Tf(TfNetCode.Usings + TfSubclassUsings + TfLayerFields.Replace("LOSS", TfBinary));

        [Fact]
        public Task TfNet_LayerFieldsWiredInCall_Correct_Silent() => Tf(TfNetCode.Usings + TfSubclassUsings + TfLayerFields.Replace("LOSS", TfCategorical));

        // ==== metrics arrays in fields of another class ====
        private const string MetricsSettings = "static class Settings\n{\n    public static readonly string[] Metrics = { \"mae\", METRIC };\n}\n";

        [Fact]
        public Task KerasNet_MetricsArrayInFieldOfAnotherClass_Reported() => Keras(KerasCode.InMethod(@"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: {|KL0001:Settings.Metrics|});
"), KerasCode.Usings + MetricsSettings.Replace("METRIC", "\"accuracy\""));

        [Fact]
        public Task KerasNet_MetricsArrayInFieldOfAnotherClass_Correct_Silent() => Keras(KerasCode.InMethod(@"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: Settings.Metrics);
"), KerasCode.Usings + MetricsSettings.Replace("METRIC", "\"mse\""));

        [Fact]
        public Task TfNet_MetricsArrayInFieldOfAnotherClass_Reported() => Tf(TfNetCode.InMethod(@"        var model = keras.Sequential(keras.layers.Dense(1));
        model.compile(keras.optimizers.Adam(), keras.losses.MeanSquaredError(), {|KL0001:Settings.Metrics|});
"), TfNetCode.Usings + MetricsSettings.Replace("METRIC", "\"accuracy\""));

        [Fact]
        public Task TfNet_MetricsArrayInFieldOfAnotherClass_Correct_Silent() => Tf(TfNetCode.InMethod(@"        var model = keras.Sequential(keras.layers.Dense(1));
        model.compile(keras.optimizers.Adam(), keras.losses.MeanSquaredError(), Settings.Metrics);
"), TfNetCode.Usings + MetricsSettings.Replace("METRIC", "\"mape\""));

        // ==== a Sequential subclass whose constructor adds the layers ====
        private const string KerasSubclass = @"class Net : Sequential
{
    public Net()
    {
        Add(new Dense(64, activation: ""relu""));
        Add(new Dense(10, activation: ""softmax""));
    }
}

class Trainer
{
    void Train()
    {
        var model = new Net();
        model.Compile(optimizer: ""adam"", loss: LOSS, metrics: new[] { ""accuracy"" });
    }
}
";

        [Fact]
        public Task KerasNet_SequentialSubclassConstructorAdds_Reported() => Keras(KerasCode.Usings + KerasSubclass.Replace("LOSS", KerasBinary));

        [Fact]
        public Task KerasNet_SequentialSubclassConstructorAdds_Correct_Silent() => Keras(KerasCode.Usings + KerasSubclass.Replace("LOSS", KerasCategorical));

        private const string TfSubclass = @"class Net : Sequential
{
    public Net() : base(new SequentialArgs())
    {
        add(keras.layers.Dense(64, activation: ""relu""));
        add(keras.layers.Dense(10, activation: ""softmax""));
    }
}

class Trainer
{
    private readonly Net model = new Net();

    void Train() { model.compile(keras.optimizers.Adam(), LOSS, new[] { ""accuracy"" }); }
}
";

        [Fact]
        public Task TfNet_SequentialSubclassConstructorAdds_Reported() => Tf(TfNetCode.Usings + TfSubclassUsings + TfSubclass.Replace("LOSS", TfBinary));

        [Fact]
        public Task TfNet_SequentialSubclassConstructorAdds_Correct_Silent() => Tf(TfNetCode.Usings + TfSubclassUsings + TfSubclass.Replace("LOSS", TfCategorical));

        // ==== a helper adds the feature layers, the caller adds the head ====
        private const string KerasFeatureHelper = @"    static void Features(Sequential m)
    {
        m.Add(new Dense(128, activation: ""relu""));
        m.Add(new Dropout(0.2));
    }
";

        [Fact]
        public Task KerasNet_HelperAddsFeatures_CallerAddsHead_Reported() => Keras(KerasCode.InMethod(@"        var model = new Sequential();
        Features(model);
        model.Add(new Dense(10, activation: ""softmax""));
        model.Compile(optimizer: ""adam"", loss: " + KerasBinary + @", metrics: new[] { ""accuracy"" });
", KerasFeatureHelper));

        [Fact]
        public Task KerasNet_HelperAddsFeatures_CallerAddsHead_Correct_Silent() => Keras(KerasCode.InMethod(@"        var model = new Sequential();
        Features(model);
        model.Add(new Dense(10, activation: ""softmax""));
        model.Compile(optimizer: ""adam"", loss: " + KerasCategorical + @", metrics: new[] { ""accuracy"" });
", KerasFeatureHelper));

        private const string TfFeatureHelper = @"    static void Features(Sequential m)
    {
        m.add(keras.layers.Dense(128, activation: ""relu""));
        m.add(keras.layers.Dropout(0.2f));
    }
";

        [Fact]
        public Task TfNet_HelperAddsFeatures_CallerAddsHead_Reported() => Tf(TfNetCode.InMethod(@"        var model = keras.Sequential();
        Features(model);
        model.add(keras.layers.Dense(10, activation: ""softmax""));
        model.compile(keras.optimizers.Adam(), " + TfBinary + @", new[] { ""accuracy"" });
", TfFeatureHelper));

        [Fact]
        public Task TfNet_HelperAddsFeatures_CallerAddsHead_Correct_Silent() => Tf(TfNetCode.InMethod(@"        var model = keras.Sequential();
        Features(model);
        model.add(keras.layers.Dense(10, activation: ""softmax""));
        model.compile(keras.optimizers.Adam(), " + TfCategorical + @", new[] { ""accuracy"" });
", TfFeatureHelper));

        // ==== a helper builds the head from its parameter: SoftmaxMlp(int classes) ====
        private const string KerasSoftmaxMlp = @"    static Sequential SoftmaxMlp(int classes)
    {
        var m = new Sequential();
        m.Add(new Dense(64, activation: ""relu""));
        m.Add(new Dense(classes, activation: ""softmax""));
        return m;
    }
";

        [Fact]
        public Task KerasNet_HeadWidthFromHelperParameter_OneUnit_Reported() => Keras(KerasCode.InMethod(@"        var model = SoftmaxMlp(1);
        model.Compile(optimizer: ""adam"", loss: {|KL0004:""binary_crossentropy""|});
", KerasSoftmaxMlp));

        [Fact]
        public Task KerasNet_HeadWidthFromHelperParameter_TenUnits_Silent() => Keras(KerasCode.InMethod(@"        var model = SoftmaxMlp(10);
        model.Compile(optimizer: ""adam"", loss: ""categorical_crossentropy"");
", KerasSoftmaxMlp));

        [Fact]
        public Task KerasNet_HeadWidthFromHelperParameter_CallersDisagree_Silent() => Keras(KerasCode.InMethod(@"        var model = SoftmaxMlp(1);
        model.Compile(optimizer: ""adam"", loss: ""hinge"");
        var other = SoftmaxMlp(10);
", KerasSoftmaxMlp));

        private const string TfSoftmaxMlp = @"    static Sequential SoftmaxMlp(int classes) => keras.Sequential(new List<ILayer>
    {
        keras.layers.Dense(64, activation: ""relu""),
        keras.layers.Dense(classes, activation: ""softmax""),
    });
";

        [Fact]
        public Task TfNet_HeadWidthFromHelperParameter_OneUnit_Reported() => Tf(TfNetCode.InMethod(@"        var model = SoftmaxMlp(1);
        model.compile(keras.optimizers.Adam(), {|KL0004:keras.losses.BinaryCrossentropy()|}, new[] { ""accuracy"" });
", TfSoftmaxMlp));

        [Fact]
        public Task TfNet_HeadWidthFromHelperParameter_TenUnits_Silent() => Tf(TfNetCode.InMethod(@"        var model = SoftmaxMlp(10);
        model.compile(keras.optimizers.Adam(), keras.losses.CategoricalCrossentropy(), new[] { ""accuracy"" });
", TfSoftmaxMlp));

        [Fact]
        public Task TfNet_HeadWidthFromHelperParameter_CallersDisagree_Silent() => Tf(TfNetCode.InMethod(@"        var model = SoftmaxMlp(1);
        model.compile(keras.optimizers.Adam(), keras.losses.CategoricalCrossentropy(), new[] { ""accuracy"" });
        var other = SoftmaxMlp(10);
", TfSoftmaxMlp));

        // ==== widths that arrive as constructor arguments of a subclass ====
        private const string KerasWidthSubclass = @"class Net : Sequential
{
    public Net(int classes)
    {
        Add(new Dense(64, activation: ""relu""));
        Add(new Dense(classes, activation: ""softmax""));
    }
}
";

        [Fact]
        public Task KerasNet_SubclassWidthFromConstructorArgument_OneUnit_Reported() => Keras(
            KerasCode.InMethod("        var model = new Net(1);\n        model.Compile(optimizer: \"adam\", loss: {|KL0004:\"binary_crossentropy\"|});\n"),
            KerasCode.Usings + KerasWidthSubclass);

        [Fact]
        public Task KerasNet_SubclassWidthFromConstructorArgument_TenUnits_Silent() => Keras(
            KerasCode.InMethod("        var model = new Net(10);\n        model.Compile(optimizer: \"adam\", loss: \"categorical_crossentropy\");\n"),
            KerasCode.Usings + KerasWidthSubclass);

        [Fact]
        public Task KerasNet_SubclassWidthFromConstructorArgument_CallersDisagree_Silent() => Keras(
            KerasCode.InMethod("        var model = new Net(1);\n        model.Compile(optimizer: \"adam\", loss: \"hinge\");\n        var other = new Net(10);\n"),
            KerasCode.Usings + KerasWidthSubclass);

        private const string TfWidthSequential = @"class Net : Sequential
{
    public Net(int classes) : base(new SequentialArgs())
    {
        add(keras.layers.Dense(64, activation: ""relu""));
        add(keras.layers.Dense(classes, activation: ""softmax""));
    }
}
";

        private const string TfWidthModel = @"class Mlp : Model
{
    private readonly ILayer hidden;
    private readonly ILayer output;

    public Mlp(int classes) : base(new ModelArgs())
    {
        hidden = keras.layers.Dense(64, activation: ""relu"");
        output = keras.layers.Dense(classes, activation: ""softmax"");
    }

    protected override Tensors Call(Tensors inputs, Tensors state = null, bool? training = null, IOptionalArgs optional_args = null) => output.Apply(hidden.Apply(inputs));
}
";

        private static string TfWidthTrainer(string creation, string loss, string extra = "") =>
            TfNetCode.Usings + "class Trainer\n{\n    void Train()\n    {\n        IModel model = " + creation + ";\n        model.compile(keras.optimizers.Adam(), " + loss + ", new[] { \"accuracy\" });\n" + extra + "    }\n}\n";

        [Fact]
        public Task TfNet_SequentialSubclassWidthFromConstructorArgument_OneUnit_Reported() =>
            Tf(TfWidthTrainer("new Net(1)", "{|KL0004:keras.losses.BinaryCrossentropy()|}"), TfNetCode.Usings + TfSubclassUsings + TfWidthSequential);

        [Fact]
        public Task TfNet_SequentialSubclassWidthFromConstructorArgument_TenUnits_BinaryLoss_Reported() =>
            Tf(TfWidthTrainer("new Net(10)", TfBinary), TfNetCode.Usings + TfSubclassUsings + TfWidthSequential);

        [Fact]
        public Task TfNet_SequentialSubclassWidthFromConstructorArgument_TenUnits_Silent() =>
            Tf(TfWidthTrainer("new Net(10)", TfCategorical), TfNetCode.Usings + TfSubclassUsings + TfWidthSequential);

        [Fact]
        public Task TfNet_SequentialSubclassWidthFromConstructorArgument_CallersDisagree_Silent() =>
            Tf(TfWidthTrainer("new Net(1)", TfCategorical, "        var other = new Net(10);\n"), TfNetCode.Usings + TfSubclassUsings + TfWidthSequential);

        [Fact]
        public Task TfNet_ModelSubclassWidthFromConstructorArgument_OneUnit_Reported() =>
            Tf(TfWidthTrainer("new Mlp(1)", "{|KL0004:keras.losses.BinaryCrossentropy()|}"), TfNetCode.Usings + TfSubclassUsings + TfWidthModel);

        [Fact]
        public Task TfNet_ModelSubclassWidthFromConstructorArgument_TenUnits_BinaryLoss_Reported() =>
            Tf(TfWidthTrainer("new Mlp(10)", TfBinary), TfNetCode.Usings + TfSubclassUsings + TfWidthModel);

        [Fact]
        public Task TfNet_ModelSubclassWidthFromConstructorArgument_TenUnits_Silent() =>
            Tf(TfWidthTrainer("new Mlp(10)", TfCategorical), TfNetCode.Usings + TfSubclassUsings + TfWidthModel);

        [Fact]
        public Task TfNet_ModelSubclassWidthFromConstructorArgument_CallersDisagree_Silent() =>
            Tf(TfWidthTrainer("new Mlp(1)", TfCategorical, "        var other = new Mlp(10);\n"), TfNetCode.Usings + TfSubclassUsings + TfWidthModel);

        // ==== callbacks in a List passed as .ToArray() (Keras.NET) / as the list (TensorFlow.NET) ====
        private const string KerasCallbackList = @"        var model = new Sequential();
        model.Add(new Dense(10, activation: ""softmax""));
        model.Compile(optimizer: ""adam"", loss: ""categorical_crossentropy"", metrics: new[] { ""accuracy"" });
        var callbacks = new List<Callback>();
        callbacks.Add(new EarlyStopping(monitor: MONITOR, patience: 3));
        model.Fit(x, y, epochs: 10, validation_split: 0.1f, callbacks: callbacks.ToArray());
";

        [Fact]
        public Task KerasNet_CallbacksListToArray_Reported() => Keras(KerasCode.InMethod(KerasCallbackList.Replace("MONITOR", @"{|KL0008:""val_acc""|}")));

        [Fact]
        public Task KerasNet_CallbacksListToArray_Correct_Silent() => Keras(KerasCode.InMethod(KerasCallbackList.Replace("MONITOR", @"""val_accuracy""")));

        private const string TfCallbackList = @"        var model = keras.Sequential(keras.layers.Dense(10, activation: ""softmax""));
        model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(), new[] { ""accuracy"" });
        var callbacks = new List<ICallback>();
        callbacks.Add(new EarlyStopping(new CallbackParams { Model = model }, MONITOR, patience: 3));
        model.fit(x, y, epochs: 10, callbacks: callbacks, validation_split: 0.1f);
";

        [Fact]
        public Task TfNet_CallbacksList_Reported() => Tf(TfNetCode.InMethod(TfCallbackList.Replace("MONITOR", @"{|KL0008:""val_acc""|}")));

        [Fact]
        public Task TfNet_CallbacksList_Correct_Silent() => Tf(TfNetCode.InMethod(TfCallbackList.Replace("MONITOR", @"""val_accuracy""")));

        // ==== callbacks returned by a helper (reported on the fit's callbacks argument) ====
        private const string KerasCallbackHelper = @"        var model = new Sequential();
        model.Add(new Dense(10, activation: ""softmax""));
        model.Compile(optimizer: ""adam"", loss: ""categorical_crossentropy"", metrics: new[] { ""accuracy"" });
        model.Fit(x, y, epochs: 10, validation_split: 0.1f, callbacks: ARG);
";

        private const string KerasCallbacksMethod = "    static Callback[] Callbacks() => new Callback[] { new EarlyStopping(monitor: MONITOR, patience: 3) };\n";

        [Fact]
        public Task KerasNet_CallbacksFromHelper_Reported() =>
            Keras(KerasCode.InMethod(KerasCallbackHelper.Replace("ARG", "{|KL0008:Callbacks()|}"), KerasCallbacksMethod.Replace("MONITOR", @"""val_acc""")));

        [Fact]
        public Task KerasNet_CallbacksFromHelper_Correct_Silent() =>
            Keras(KerasCode.InMethod(KerasCallbackHelper.Replace("ARG", "Callbacks()"), KerasCallbacksMethod.Replace("MONITOR", @"""val_accuracy""")));

        private const string TfCallbackHelper = @"        var model = keras.Sequential(keras.layers.Dense(10, activation: ""softmax""));
        model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(), new[] { ""accuracy"" });
        model.fit(x, y, epochs: 10, callbacks: ARG, validation_split: 0.1f);
";

        private const string TfCallbacksMethod = "    static List<ICallback> Callbacks(IModel m) => new List<ICallback> { new EarlyStopping(new CallbackParams { Model = m }, MONITOR, patience: 3) };\n";

        [Fact]
        public Task TfNet_CallbacksFromHelper_Reported() =>
            Tf(TfNetCode.InMethod(TfCallbackHelper.Replace("ARG", "{|KL0008:Callbacks(model)|}"), TfCallbacksMethod.Replace("MONITOR", @"""val_acc""")));

        [Fact]
        public Task TfNet_CallbacksFromHelper_Correct_Silent() =>
            Tf(TfNetCode.InMethod(TfCallbackHelper.Replace("ARG", "Callbacks(model)"), TfCallbacksMethod.Replace("MONITOR", @"""val_accuracy""")));

        // ==== metrics from a conditional expression: each branch a possibility ====
        [Fact]
        public Task KerasNet_ConditionalMetrics_WrongInOneBranch_Reported() => Keras(KerasCode.InMethod(@"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: x == null ? new[] { ""mae"" } : new[] { ""mae"", {|KL0001:""accuracy""|} });
"));

        [Fact]
        public Task KerasNet_ConditionalMetrics_RightOnEveryBranch_Silent() => Keras(KerasCode.InMethod(@"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: x == null ? new[] { ""mae"" } : new[] { ""mae"", ""mse"" });
"));

        [Fact]
        public Task TfNet_ConditionalMetrics_WrongInOneBranch_Reported() => Tf(TfNetCode.InMethod(@"        var model = keras.Sequential(keras.layers.Dense(1));
        model.compile(keras.optimizers.Adam(), keras.losses.MeanSquaredError(), x == null ? new[] { ""mae"" } : new[] { ""mae"", {|KL0001:""accuracy""|} });
"));

        [Fact]
        public Task TfNet_ConditionalMetrics_RightOnEveryBranch_Silent() => Tf(TfNetCode.InMethod(@"        var model = keras.Sequential(keras.layers.Dense(1));
        model.compile(keras.optimizers.Adam(), keras.losses.MeanSquaredError(), x == null ? new[] { ""mae"" } : new[] { ""mae"", ""mape"" });
"));

        // ==== metrics and losses from a const or static readonly field of another class ====
        private const string KerasNames = "static class Names\n{\n    public const string Loss = LOSS;\n    public static readonly string Metric = METRIC;\n}\n";

        [Fact]
        public Task KerasNet_LossConstOfAnotherClass_Reported() => Keras(KerasCode.InMethod(@"        var model = new Sequential();
        model.Add(new Dense(10, activation: ""softmax""));
        model.Compile(optimizer: ""adam"", loss: {|KL0002:Names.Loss|}, metrics: new[] { Names.Metric });
"), KerasCode.Usings + KerasNames.Replace("LOSS", "\"binary_crossentropy\"").Replace("METRIC", "\"accuracy\""));

        [Fact]
        public Task KerasNet_MetricStaticReadonlyOfAnotherClass_Reported() => Keras(KerasCode.InMethod(@"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: Names.Loss, metrics: new[] { {|KL0001:Names.Metric|} });
"), KerasCode.Usings + KerasNames.Replace("LOSS", "\"mse\"").Replace("METRIC", "\"accuracy\""));

        [Fact]
        public Task KerasNet_ConstantsOfAnotherClass_Correct_Silent() => Keras(KerasCode.InMethod(@"        var model = new Sequential();
        model.Add(new Dense(10, activation: ""softmax""));
        model.Compile(optimizer: ""adam"", loss: Names.Loss, metrics: new[] { Names.Metric });
"), KerasCode.Usings + KerasNames.Replace("LOSS", "\"categorical_crossentropy\"").Replace("METRIC", "\"accuracy\""));

        private const string TfNames = "static class Names\n{\n    public const string Metric = METRIC;\n    public static readonly string Other = \"mae\";\n}\n";

        [Fact]
        public Task TfNet_MetricConstOfAnotherClass_Reported() => Tf(TfNetCode.InMethod(@"        var model = keras.Sequential(keras.layers.Dense(1));
        model.compile(keras.optimizers.Adam(), keras.losses.MeanSquaredError(), new[] { Names.Other, {|KL0001:Names.Metric|} });
"), TfNetCode.Usings + TfNames.Replace("METRIC", "\"accuracy\""));

        [Fact]
        public Task TfNet_MetricConstOfAnotherClass_Correct_Silent() => Tf(TfNetCode.InMethod(@"        var model = keras.Sequential(keras.layers.Dense(1));
        model.compile(keras.optimizers.Adam(), keras.losses.MeanSquaredError(), new[] { Names.Other, Names.Metric });
"), TfNetCode.Usings + TfNames.Replace("METRIC", "\"mape\""));

        // ==== TensorFlow.NET: tf.keras.layers.Softmax() as the last layer ====
        private const string TfSoftmaxLayer = @"        var model = keras.Sequential(new List<ILayer>
        {
            keras.layers.Dense(64, activation: ""relu""),
            keras.layers.Dense(10),
            tf.keras.layers.Softmax(),
        });
        model.compile(keras.optimizers.Adam(), LOSS, new[] { ""accuracy"" });
";

        [Fact]
        public Task TfNet_SoftmaxLayerLast_Reported() => Tf(TfNetCode.InMethod(TfSoftmaxLayer.Replace("LOSS", TfBinary)));

        [Fact]
        public Task TfNet_SoftmaxLayerLast_Correct_Silent() => Tf(TfNetCode.InMethod(TfSoftmaxLayer.Replace("LOSS", TfCategorical)));

        [Fact]
        public Task KerasNet_SoftmaxLayerLast_Reported() => Keras(KerasCode.InMethod(@"        var model = new Sequential();
        model.Add(new Dense(10));
        model.Add(new Softmax());
        model.Compile(optimizer: ""adam"", loss: " + KerasBinary + @", metrics: new[] { ""accuracy"" });
"));

        [Fact]
        public Task KerasNet_SoftmaxLayerLast_Correct_Silent() => Keras(KerasCode.InMethod(@"        var model = new Sequential();
        model.Add(new Dense(10));
        model.Add(new Softmax());
        model.Compile(optimizer: ""adam"", loss: " + KerasCategorical + @", metrics: new[] { ""accuracy"" });
"));

        // ==== layers kept in fields, wired in a Build() method the subclass constructor calls ====
        private const string KerasBuildSubclass = @"class Net : Sequential
{
    private readonly Dense hidden = new Dense(64, activation: ""relu"");
    private readonly Dense head = new Dense(10, activation: ""softmax"");

    public Net() { Build(); }

    private void Build()
    {
        Add(hidden);
        Add(head);
    }
}

class Trainer
{
    void Train()
    {
        var model = new Net();
        model.Compile(optimizer: ""adam"", loss: LOSS, metrics: new[] { ""accuracy"" });
    }
}
";

        [Fact]
        public Task KerasNet_LayerFieldsWiredInBuild_Reported() => Keras(KerasCode.Usings + KerasBuildSubclass.Replace("LOSS", KerasBinary));

        [Fact]
        public Task KerasNet_LayerFieldsWiredInBuild_Correct_Silent() => Keras(KerasCode.Usings + KerasBuildSubclass.Replace("LOSS", KerasCategorical));

        private const string TfBuildSubclass = @"class Net : Sequential
{
    private readonly ILayer hidden = keras.layers.Dense(64, activation: ""relu"");
    private readonly ILayer head = keras.layers.Dense(10, activation: ""softmax"");

    public Net() : base(new SequentialArgs()) { Build(); }

    private void Build()
    {
        add(hidden);
        add(head);
    }
}

class Trainer
{
    private readonly Net model = new Net();

    void Train() { model.compile(keras.optimizers.Adam(), LOSS, new[] { ""accuracy"" }); }
}
";

        [Fact]
        public Task TfNet_LayerFieldsWiredInBuild_Reported() => Tf(TfNetCode.Usings + TfSubclassUsings + TfBuildSubclass.Replace("LOSS", TfBinary));

        [Fact]
        public Task TfNet_LayerFieldsWiredInBuild_Correct_Silent() => Tf(TfNetCode.Usings + TfSubclassUsings + TfBuildSubclass.Replace("LOSS", TfCategorical));

        // ==== a metric or loss in an instance field ====
        private const string KerasMetricField = @"    private readonly string metric = METRIC;

    void Train()
    {
        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] { USE });
    }
";

        [Fact]
        public Task KerasNet_MetricInField_Reported() => Keras(KerasClass(KerasMetricField.Replace("METRIC", "\"accuracy\"").Replace("USE", "{|KL0001:metric|}")));

        [Fact]
        public Task KerasNet_MetricInField_Correct_Silent() => Keras(KerasClass(KerasMetricField.Replace("METRIC", "\"mae\"").Replace("USE", "metric")));

        private const string TfMetricField = @"    private readonly string metric = METRIC;

    void Train()
    {
        var model = keras.Sequential(keras.layers.Dense(1));
        model.compile(keras.optimizers.Adam(), keras.losses.MeanSquaredError(), new[] { USE });
    }
";

        [Fact]
        public Task TfNet_MetricInField_Reported() => Tf(TfClass(TfMetricField.Replace("METRIC", "\"accuracy\"").Replace("USE", "{|KL0001:metric|}")));

        [Fact]
        public Task TfNet_MetricInField_Correct_Silent() => Tf(TfClass(TfMetricField.Replace("METRIC", "\"mae\"").Replace("USE", "metric")));
    }
}
