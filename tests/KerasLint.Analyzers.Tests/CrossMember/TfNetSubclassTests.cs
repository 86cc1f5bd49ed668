using static KerasLint.Analyzers.Tests.TfNet.TfNetCode;

namespace KerasLint.Analyzers.Tests.CrossMember
{
    /// <summary>
    /// TensorFlow.NET models written as subclasses: a <c>Sequential</c> whose constructor adds the layers
    /// (<c>add</c>, <c>this.add</c>, <c>base.add</c>, layers from helpers), a <c>Model</c> whose layers live in
    /// fields made in its constructor and are wired in its <c>Call</c> override, compiled in another method or
    /// file. Reported where wrong, silent when right, unknown (silent) when the wiring is not a simple chain.
    /// </summary>
    public class TfNetSubclassTests
    {
        private static Task Run(params string[] sources) => TfNetCrossMemberTests.Run(sources);

        private const string Usings2 = "using Tensorflow.Keras.ArgsDefinition;\nusing Tensorflow.Common.Types;\n";

        // ---- a Sequential subclass whose constructor adds the layers ----
        private const string Mlp = @"class Mlp : Sequential
{
    public Mlp() : base(new SequentialArgs { Name = ""mlp"" })
    {
        add(keras.layers.Dense(64, activation: ""relu""));
        this.add(Hidden(32));
        base.add(keras.layers.Dense(UNITS, activation: HEAD));
    }

    static ILayer Hidden(int units) => keras.layers.Dense(units, activation: ""relu"");
}
";

        private const string Trainer = @"class Trainer
{
    private readonly Mlp model = new Mlp();

    void Train(NDArray x, NDArray y)
    {
        model.compile(keras.optimizers.Adam(), LOSS, new[] { METRIC });
        model.fit(x, y, epochs: 5);
    }
}
";

        private static string SequentialSubclass(string head, string units, string loss, string metric = "\"accuracy\"") =>
            Usings + Usings2 + Mlp.Replace("HEAD", head).Replace("UNITS", units) + Trainer.Replace("LOSS", loss).Replace("METRIC", metric);

        [Fact]
        public Task SequentialSubclass_SoftmaxHead_BinaryLoss_KL0002() =>
            Run(SequentialSubclass("\"softmax\"", "10", "{|KL0002:keras.losses.BinaryCrossentropy()|}"));

        [Fact]
        public Task SequentialSubclass_SoftmaxHead_FromLogits_KL0006() =>
            Run(SequentialSubclass("\"softmax\"", "10", "keras.losses.CategoricalCrossentropy(from_logits: {|KL0006:true|})"));

        [Fact]
        public Task SequentialSubclass_SoftmaxHead_RegressionLoss_KL0007() =>
            Run(SequentialSubclass("\"softmax\"", "10", "{|KL0007:keras.losses.MeanSquaredError()|}", "\"mae\""));

        [Fact]
        public Task SequentialSubclass_LinearOneUnit_Regression_Accuracy_KL0001() =>
            Run(SequentialSubclass("\"linear\"", "1", "keras.losses.MeanSquaredError()", "{|KL0001:\"accuracy\"|}"));

        [Fact]
        public Task SequentialSubclass_CorrectSetup_Silent() =>
            Run(SequentialSubclass("\"softmax\"", "10", "keras.losses.CategoricalCrossentropy()"));

        [Fact]
        public Task SequentialSubclass_CompiledInAnotherFile_KL0002() =>
            Run(Usings + Usings2 + Mlp.Replace("HEAD", "\"softmax\"").Replace("UNITS", "10"),
                Usings + Trainer.Replace("LOSS", "{|KL0002:keras.losses.BinaryCrossentropy()|}").Replace("METRIC", "\"accuracy\""));

        [Fact]
        public Task SequentialSubclass_BaseGivenLayers_Silent() =>
            Run(Usings + Usings2 + Mlp.Replace("HEAD", "\"softmax\"").Replace("UNITS", "10").Replace("new SequentialArgs { Name = \"mlp\" }", "new SequentialArgs { Layers = new List<ILayer> { keras.layers.Dense(1) } }")
                + Trainer.Replace("LOSS", "keras.losses.BinaryCrossentropy()").Replace("METRIC", "\"accuracy\""));

        [Fact]
        public Task SequentialSubclass_AnotherMemberAddsToo_Silent() =>
            Run(SequentialSubclass("\"softmax\"", "10", "keras.losses.BinaryCrossentropy()").Replace("    static ILayer Hidden", "    public void Binary() { base.add(keras.layers.Dense(1, activation: \"sigmoid\")); }\n    static ILayer Hidden"));

        [Fact]
        public Task SequentialSubclass_LocalThenSoftmaxLayer_KL0002() => Run(Usings + Usings2 + Mlp.Replace("HEAD", "\"linear\"").Replace("UNITS", "10") + @"class Trainer
{
    void Train()
    {
        var model = new Mlp();
        model.add(tf.keras.layers.Softmax());
        model.compile(keras.optimizers.Adam(), {|KL0002:keras.losses.BinaryCrossentropy()|}, new[] { ""accuracy"" });
    }
}
");

        // ---- a Model subclass: layers in fields made in the constructor, wired in Call ----
        private const string Net = @"class Net : Model
{
    private readonly ILayer hidden;
    private readonly ILayer dropout;
    private readonly ILayer output;

    public Net() : base(new ModelArgs())
    {
        hidden = keras.layers.Dense(64, activation: ""relu"");
        dropout = keras.layers.Dropout(0.2f);
        output = keras.layers.Dense(10, activation: HEAD);
    }

    protected override Tensors Call(Tensors inputs, Tensors state = null, bool? training = null, IOptionalArgs optional_args = null)
    {
        var h = hidden.Apply(inputs);
        h = dropout.Apply(h);
        return WIRE;
    }
}
";

        private static string ModelSubclass(string head, string loss, string wire = "output.Apply(h)", string metric = "\"accuracy\"") =>
            Usings + Usings2 + Net.Replace("HEAD", head).Replace("WIRE", wire) + @"class Trainer
{
    private IModel model;

    void Build() { model = new Net(); }

    void Train(NDArray x, NDArray y)
    {
        model.compile(keras.optimizers.Adam(), LOSS, new[] { METRIC });
    }
}
".Replace("LOSS", loss).Replace("METRIC", metric);

        [Fact]
        public Task ModelSubclass_SoftmaxHead_BinaryLoss_KL0002() =>
            Run(ModelSubclass("\"softmax\"", "{|KL0002:keras.losses.BinaryCrossentropy()|}"));

        [Fact]
        public Task ModelSubclass_SoftmaxHead_FromLogits_KL0006() =>
            Run(ModelSubclass("\"softmax\"", "keras.losses.SparseCategoricalCrossentropy(from_logits: {|KL0006:true|})"));

        [Fact]
        public Task ModelSubclass_SoftmaxHead_RegressionLoss_KL0007() =>
            Run(ModelSubclass("\"softmax\"", "{|KL0007:keras.losses.MeanSquaredError()|}", metric: "\"mae\""));

        [Fact]
        public Task ModelSubclass_SoftmaxOnOneUnit_KL0004OnTheLossArgument() =>
            Run(ModelSubclass("\"softmax\"", "{|KL0004:keras.losses.BinaryCrossentropy()|}").Replace("Dense(10, activation", "Dense(1, activation"));

        [Fact]
        public Task ModelSubclass_CompiledInAnotherFile_KL0002() =>
            Run(Usings + "class Trainer\n{\n    private readonly IModel model = new Net();\n\n    void Train() { model.compile(keras.optimizers.Adam(), {|KL0002:keras.losses.BinaryCrossentropy()|}, new[] { \"accuracy\" }); }\n}\n",
                Usings + Usings2 + Net.Replace("HEAD", "\"softmax\"").Replace("WIRE", "output.Apply(h)"));

        [Fact]
        public Task ModelSubclass_LinearHead_FromLogits_Silent() =>
            Run(ModelSubclass("\"linear\"", "keras.losses.SparseCategoricalCrossentropy(from_logits: true)"));

        [Fact]
        public Task ModelSubclass_SoftmaxHead_Probabilities_Silent() =>
            Run(ModelSubclass("\"softmax\"", "keras.losses.SparseCategoricalCrossentropy()"));

        [Fact]
        public Task ModelSubclass_SoftmaxFunctionOnTheOutput_KL0006() =>
            Run(ModelSubclass("\"linear\"", "keras.losses.SparseCategoricalCrossentropy(from_logits: {|KL0006:true|})", wire: "tf.nn.softmax(output.Apply(h))"));

        [Fact]
        public Task ModelSubclass_WiringNotASimpleChain_Silent() =>
            Run(ModelSubclass("\"softmax\"", "keras.losses.BinaryCrossentropy()", wire: "training == true ? output.Apply(h) : hidden.Apply(inputs)"));

        [Fact]
        public Task ModelSubclass_TwoReturns_Silent() =>
            Run(ModelSubclass("\"softmax\"", "keras.losses.BinaryCrossentropy()").Replace("        return output.Apply(h);", "        if (training == true) return h;\n        return output.Apply(h);"));

        [Fact]
        public Task ModelSubclass_LayerFieldAssignedTwice_Silent() =>
            Run(ModelSubclass("\"softmax\"", "keras.losses.BinaryCrossentropy()").Replace("    private readonly ILayer output;", "    private ILayer output;")
                .Replace("    protected override", "    public void Binary() { output = keras.layers.Dense(1, activation: \"sigmoid\"); }\n\n    protected override"));
    }
}
