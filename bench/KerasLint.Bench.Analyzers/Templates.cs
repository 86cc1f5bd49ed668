namespace KerasLint.Bench.Analyzers
{
    /// <summary>
    /// One training setup, written as statements of a method body. Every local ends in "__", which the generator
    /// replaces by a suffix so that many setups can share one method. <see cref="Rule"/> is the KerasLint rule the
    /// setup must trigger (null: a correct setup that must stay silent).
    /// </summary>
    public sealed record SetupTemplate(string Name, string? Rule, string Body, string Members = "")
    {
        public string BodyFor(string suffix) => Body.Replace("__", suffix, StringComparison.Ordinal);

        public string MembersFor(string suffix) => Members.Replace("__", suffix, StringComparison.Ordinal);
    }

    /// <summary>The training setups the generated deep-learning files are made of.</summary>
    public static class Templates
    {
        public const string KerasUsings = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Text;
            using System.Threading.Tasks;
            using Keras;
            using Keras.Models;
            using Keras.Layers;
            using Keras.Callbacks;
            using Numpy;

            """;

        public const string KerasParameters = "NDarray x, NDarray y, NDarray xVal, NDarray yVal";

        public const string TorchUsings = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Text;
            using System.Threading.Tasks;
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;
            using static TorchSharp.torch.nn.functional;

            """;

        public const string TorchParameters = "Tensor x, Tensor y";

        /// <summary>Keras.NET: a regression head (Sequential + Add) compiled with "accuracy" and mse.</summary>
        public static readonly SetupTemplate AccuracyWithMse = new("accuracy with mse", "KL0001", """
                    var model__ = new Sequential();
                    model__.Add(new Dense(64, activation: "relu", input_shape: new Shape(8)));
                    model__.Add(new Dense(1));
                    model__.Compile(optimizer: "adam", loss: "mse", metrics: new[] { "accuracy" });
                    model__.Fit(x, y, batch_size: 32, epochs: 10, verbose: 0);

            """);

        /// <summary>Keras.NET: binary_crossentropy on a four-unit softmax head.</summary>
        public static readonly SetupTemplate BinaryCrossentropyOnSoftmax = new("binary_crossentropy on softmax", "KL0002", """
                    var model__ = new Sequential(new BaseLayer[]
                    {
                        new Dense(64, activation: "relu", input_shape: new Shape(32)),
                        new Dense(4),
                        new Softmax(),
                    });
                    model__.Compile(optimizer: "adam", loss: "binary_crossentropy");
                    model__.Fit(x, y, epochs: 5, verbose: 0);

            """);

        /// <summary>Keras.NET: EarlyStopping on val_acc, which tf.keras-era Keras logs as val_accuracy.</summary>
        public static readonly SetupTemplate EarlyStoppingValAcc = new("EarlyStopping val_acc", "KL0008", """
                    var model__ = new Sequential();
                    model__.Add(new Dense(10, activation: "softmax"));
                    model__.Compile(optimizer: "adam", loss: "categorical_crossentropy", metrics: new[] { "accuracy" });
                    var stop__ = new EarlyStopping(monitor: "val_acc", patience: 3, mode: "max");
                    model__.Fit(x, y, epochs: 10, validation_data: new NDarray[] { xVal, yVal }, callbacks: new Callback[] { stop__ });

            """);

        /// <summary>Keras.NET: a model built by a helper method, compiled with "accuracy" and mse.</summary>
        public static readonly SetupTemplate HelperBuiltModel = new("helper-built model", "KL0001", """
                    var model__ = BuildModel__();
                    model__.Compile(optimizer: "adam", loss: "mse", metrics: new[] { "accuracy" });

            """, """
                static Sequential BuildModel__()
                {
                    var m = new Sequential();
                    m.Add(new Dense(16, activation: "relu", input_shape: new Shape(4)));
                    m.Add(new Dense(1));
                    return m;
                }

            """);

        /// <summary>Keras.NET: a correct functional classifier.</summary>
        public static readonly SetupTemplate FunctionalClassifier = new("functional classifier (clean)", null, """
                    var input__ = new Input(new Shape(100));
                    var output__ = new Dense(3, activation: "softmax").Set(new Dropout(0.3).Set(new Dense(50, activation: "relu").Set(input__)));
                    var model__ = new Model(new BaseLayer[] { input__ }, new BaseLayer[] { output__ });
                    model__.Compile(optimizer: "adam", loss: "categorical_crossentropy", metrics: new[] { "accuracy" });
                    model__.Fit(x, y, epochs: 20, validation_data: new NDarray[] { xVal, yVal }, verbose: 0);

            """);

        /// <summary>Keras.NET: a correct regression with early stopping on val_loss.</summary>
        public static readonly SetupTemplate Regression = new("regression (clean)", null, """
                    var model__ = new Sequential();
                    model__.Add(new Dense(32, activation: "relu", input_shape: new Shape(6)));
                    model__.Add(new Dropout(0.2));
                    model__.Add(new Dense(1));
                    model__.Compile(optimizer: "rmsprop", loss: "mse", metrics: new[] { "mae" });
                    var early__ = new EarlyStopping(monitor: "val_loss", patience: 5);
                    model__.Fit(x, y, epochs: 50, validation_split: 0.2f, callbacks: new Callback[] { early__ });

            """);

        /// <summary>TorchSharp: a Sequential ending in Softmax trained with CrossEntropyLoss.</summary>
        public static readonly SetupTemplate CrossEntropyAfterSoftmax = new("CrossEntropyLoss after softmax", "KL0101", """
                    var model__ = Sequential(("lin1", Linear(4, 16)), ("relu", ReLU()), ("lin2", Linear(16, 3)), ("sm", Softmax(1)));
                    var criterion__ = CrossEntropyLoss();
                    var optimizer__ = torch.optim.Adam(model__.parameters(), 0.001);
                    for (int epoch__ = 0; epoch__ < 10; epoch__++)
                    {
                        optimizer__.zero_grad();
                        var pred__ = model__.forward(x);
                        var loss__ = criterion__.forward(pred__, y);
                        loss__.backward();
                        optimizer__.step();
                    }

            """);

        /// <summary>TorchSharp: NLLLoss on a softmax head (log_softmax missing).</summary>
        public static readonly SetupTemplate NllWithoutLogSoftmax = new("NLLLoss without log_softmax", "KL0104", """
                    var model__ = Sequential(Linear(4, 3), Softmax(1));
                    var criterion__ = NLLLoss();
                    var loss__ = criterion__.forward(model__.forward(x), y);
                    loss__.backward();

            """);

        /// <summary>TorchSharp: BCEWithLogitsLoss on a Sigmoid head.</summary>
        public static readonly SetupTemplate BceWithLogitsOnSigmoid = new("BCEWithLogitsLoss on sigmoid", "KL0103", """
                    var model__ = Sequential(("lin", Linear(4, 1)), ("sig", Sigmoid()));
                    var criterion__ = BCEWithLogitsLoss();
                    var loss__ = criterion__.forward(model__.forward(x), y);
                    loss__.backward();

            """);

        /// <summary>TorchSharp: a correct classifier on logits with an SGD loop.</summary>
        public static readonly SetupTemplate LogitsClassifier = new("logits classifier (clean)", null, """
                    var model__ = Sequential(Linear(4, 16), ReLU(), Linear(16, 3));
                    var criterion__ = CrossEntropyLoss();
                    var optimizer__ = torch.optim.SGD(model__.parameters(), 0.01);
                    for (int epoch__ = 0; epoch__ < 5; epoch__++)
                    {
                        optimizer__.zero_grad();
                        var loss__ = criterion__.forward(model__.forward(x), y);
                        loss__.backward();
                        optimizer__.step();
                    }

            """);

        /// <summary>TorchSharp: a correct binary classifier (Sigmoid head, BCELoss).</summary>
        public static readonly SetupTemplate SigmoidBinary = new("sigmoid + BCELoss (clean)", null, """
                    var model__ = Sequential(Linear(4, 1), Sigmoid());
                    var loss__ = BCELoss().forward(model__.forward(x), y);
                    loss__.backward();

            """);

        /// <summary>TorchSharp: a model class declared in another file, trained with CrossEntropyLoss (the rule fires when its forward ends in softmax).</summary>
        public static SetupTemplate CrossFileModel(string netClass, bool softmaxHead) => new(
            "cross-file Module subclass", softmaxHead ? "KL0101" : null, $$"""
                    var model__ = new {{netClass}}();
                    var criterion__ = CrossEntropyLoss();
                    var output__ = model__.forward(x);
                    var loss__ = criterion__.forward(output__, y);
                    loss__.backward();

            """);

        /// <summary>A TorchSharp Module subclass whose forward returns softmax probabilities or logits.</summary>
        public static string ModuleSubclass(string name, bool softmaxHead) => $$"""
                public class {{name}} : Module<Tensor, Tensor>
                {
                    private readonly Module<Tensor, Tensor> fc1 = Linear(4, 16);
                    private readonly Module<Tensor, Tensor> fc2 = Linear(16, 3);

                    public {{name}}() : base("{{name}}") => RegisterComponents();

                    public override Tensor forward(Tensor input)
                    {
                        var h = relu(fc1.forward(input));
                        {{(softmaxHead ? "return softmax(fc2.forward(h), 1);" : "return fc2.forward(h);")}}
                    }
                }

            """;

        public static readonly SetupTemplate[] Keras = { AccuracyWithMse, BinaryCrossentropyOnSoftmax, EarlyStoppingValAcc, HelperBuiltModel, FunctionalClassifier, Regression };

        /// <summary>Setups without helper members, for the many-setups-in-one-method file.</summary>
        public static readonly SetupTemplate[] KerasInline = { AccuracyWithMse, EarlyStoppingValAcc, FunctionalClassifier, Regression, BinaryCrossentropyOnSoftmax };

        public static readonly SetupTemplate[] Torch = { CrossEntropyAfterSoftmax, NllWithoutLogSoftmax, BceWithLogitsOnSigmoid, LogitsClassifier, SigmoidBinary };
    }
}
