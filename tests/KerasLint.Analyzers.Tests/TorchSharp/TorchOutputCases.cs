namespace KerasLint.Analyzers.Tests.TorchSharp
{
    /// <summary>
    /// Test sources for the TorchSharp output-width, target and metric rules (KL0105–KL0110), in the format of
    /// <see cref="TorchCases"/> (which includes them in <see cref="TorchCases.All"/>).
    /// </summary>
    internal static class TorchOutputCases
    {
        // A custom module: fc1 = Linear(4, 16), fc2 = Linear(16, units); forward returns the given expression.
        private static string Net(string name, int units, string forward) => $@"
class {name} : Module<Tensor, Tensor>
{{
    private readonly Module<Tensor, Tensor> fc1 = Linear(4, 16);
    private readonly Module<Tensor, Tensor> fc2 = Linear(16, {units});

    public {name}() : base(""{name}"") => RegisterComponents();

    public override Tensor forward(Tensor x)
    {{
        x = relu(fc1.forward(x));
        return {forward};
    }}
}}
";

        public static readonly TorchCases.Case[] All =
        {
            // ---------------- KL0105: CrossEntropyLoss on a 1-unit output
            new("KL0105 Sequential ending in Linear(16, 1)", "KL0105", @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 16), ReLU(), Linear(16, 1));
        var criterion = CrossEntropyLoss();
        var loss = {|KL0105:criterion.forward(model.forward(x), y)|};
        loss.backward();
    }
}"),
            new("KL0105 custom module, functional.cross_entropy", "KL0105", Net("Net", 1, "fc2.forward(x)") + @"
class Trainer
{
    void Step(Tensor x, Tensor y)
    {
        var model = new Net();
        var loss = {|KL0105:functional.cross_entropy(model.forward(x), y)|};
    }
}"),
            new("KL0105 width through a Sigmoid and Dropout, named tuples, model field", "KL0105", @"
class Trainer
{
    private readonly Sequential model = Sequential((""lin"", Linear(4, 1)), (""sig"", Sigmoid()), (""drop"", Dropout(0.1)));

    Tensor Step(Tensor x, Tensor y) => {|KL0105:CrossEntropyLoss().forward(model.forward(x), y)|};
}"),
            new("KL0105 width through an activation module field call", "KL0105", @"
class Net : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> fc = Linear(4, 1);
    private readonly Module<Tensor, Tensor> act = Tanh();
    public Net() : base(""Net"") => RegisterComponents();
    public override Tensor forward(Tensor x) => act.forward(fc.forward(x));
}

class Trainer
{
    void Step(Net model, Tensor x, Tensor y)
    {
        Loss<Tensor, Tensor, Tensor> criterion = CrossEntropyLoss();
        var pred = model.forward(x);
        var loss = {|KL0105:criterion.call(pred, y)|};
    }
}"),
            new("KL0105 negative: two output units", "KL0105", @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 16), ReLU(), Linear(16, 2));
        var loss = CrossEntropyLoss().forward(model.forward(x), y);
    }
}"),
            new("KL0105 negative: widths disagree across branches", "KL0105", @"
class Trainer
{
    void Train(Tensor x, Tensor y, bool wide)
    {
        var model = wide ? Sequential(Linear(4, 3)) : Sequential(Linear(4, 1));
        var loss = CrossEntropyLoss().forward(model.forward(x), y);
    }
}"),
            new("KL0105 negative: width not constant, or reshaped", "KL0105", @"
class Trainer
{
    void Train(Tensor x, Tensor y, int classes)
    {
        var model = Sequential(Linear(4, classes));
        var a = CrossEntropyLoss().forward(model.forward(x), y);
        var one = Sequential(Linear(4, 1));
        var b = CrossEntropyLoss().forward(one.forward(x).view(-1, 2), y);
    }
}"),

            // ---------------- KL0106: argmax of a 1-unit output
            new("KL0106 argmax(1) of a 1-unit logit, eq then mean", "KL0106", @"
class Trainer
{
    double Accuracy(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 16), ReLU(), Linear(16, 1));
        var pred = model.forward(x);
        return {|KL0106:pred.argmax(1)|}.eq(y).to_type(ScalarType.Float32).mean().item<float>();
    }
}"),
            new("KL0106 torch.argmax(.., -1) of a sigmoid output", "KL0106", @"
class Trainer
{
    long Correct(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 1), Sigmoid());
        using var probs = model.forward(x);
        var classes = {|KL0106:torch.argmax(probs, -1)|};
        return (classes == y).sum().ToInt64();
    }
}"),
            new("KL0106 custom module, static argmax, field model", "KL0106", Net("Net", 1, "fc2.forward(x)") + @"
class Trainer
{
    private readonly Net model = new Net();

    Tensor Predicted(Tensor x) => {|KL0106:argmax(model.forward(x), 1)|};
}"),
            new("KL0106 negative: argmax over 3 units", "KL0106", Net("Net", 3, "fc2.forward(x)") + @"
class Trainer
{
    long Correct(Net model, Tensor x, Tensor y) => model.forward(x).argmax(1).eq(y).sum().ToInt64();
}"),
            new("KL0106 negative: binary classifier thresholded", "KL0106", @"
class Trainer
{
    long Correct(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 16), ReLU(), Linear(16, 1));
        var logits = model.forward(x).squeeze(1);
        var a = (logits > 0).eq(y).sum().ToInt64();
        var b = model.forward(x).sigmoid().gt(0.5).eq(y).sum().ToInt64();
        return a + b;
    }
}"),

            // ---------------- KL0107: element-wise accuracy on a softmax
            new("KL0107 round of softmax probabilities compared with one-hot", "KL0107", Net("Net", 10, "fc2.forward(x)") + @"
class Trainer
{
    float Accuracy(Net model, Tensor x, Tensor yOneHot)
    {
        var probs = model.forward(x).softmax(1);
        return {|KL0107:probs.round()|}.eq(yOneHot).to_type(ScalarType.Float32).mean().item<float>();
    }
}"),
            new("KL0107 > 0.5 on a Sequential softmax, == operator", "KL0107", @"
class Trainer
{
    Tensor Accuracy(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 16), ReLU(), Linear(16, 10), Softmax(1));
        return (({|KL0107:model.forward(x) > 0.5|}) == y).to_type(ScalarType.Float32).mean();
    }
}"),
            new("KL0107 gt(0.5) through a local", "KL0107", @"
class Trainer
{
    Tensor Accuracy(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 3), Softmax(1));
        var hits = {|KL0107:model.forward(x).gt(0.5)|};
        var acc = hits.eq(y).to_type(ScalarType.Float32).mean();
        return acc;
    }
}"),
            new("KL0107 negative: softmax only for reporting, argmax for accuracy", "KL0107", @"
class Trainer
{
    Tensor Report(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 3), Softmax(1));
        var probs = model.forward(x);
        var confident = probs.gt(0.5).sum();
        Console.WriteLine(probs.round().ToString());
        return probs.argmax(1).eq(y).sum() + confident;
    }
}"),
            new("KL0107 negative: sigmoid binary head thresholded at 0.5", "KL0107", @"
class Trainer
{
    Tensor Correct(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 1), Sigmoid());
        return model.forward(x).round().eq(y).sum();
    }
}"),

            // ---------------- KL0108: regression loss on a classifier
            new("KL0108 MSELoss on a Sequential softmax", "KL0108", @"
class Trainer
{
    void Train(Tensor x, Tensor yOneHot)
    {
        var model = Sequential(Linear(4, 16), ReLU(), Linear(16, 3), Softmax(1));
        var criterion = MSELoss();
        var loss = {|KL0108:criterion.forward(model.forward(x), yOneHot)|};
    }
}"),
            new("KL0108 functional.l1_loss on forward's softmax", "KL0108", Net("Net", 3, "softmax(fc2.forward(x), 1)") + @"
class Trainer
{
    void Step(Net model, Tensor x, Tensor yOneHot)
    {
        var loss = {|KL0108:functional.l1_loss(model.forward(x), yOneHot)|};
    }
}"),
            new("KL0108 HuberLoss on logits with one_hot targets", "KL0108", @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 16), ReLU(), Linear(16, 3));
        var target = functional.one_hot(y, 3).to_type(ScalarType.Float32);
        var loss = {|KL0108:HuberLoss().forward(model.forward(x), target)|};
    }
}"),
            new("KL0108 mse_loss on a sigmoid head with one_hot targets", "KL0108", @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 2), Sigmoid());
        var loss = {|KL0108:mse_loss(model.forward(x), functional.one_hot(y, 2).@float())|};
    }
}"),
            new("KL0108 negative: regression with MSE and MAE", "KL0108", @"
class Trainer
{
    Tensor Train(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 16), ReLU(), Linear(16, 1));
        var pred = model.forward(x);
        var loss = MSELoss().forward(pred, y);
        var mae = (pred - y).abs().mean();
        var l1 = functional.l1_loss(pred, y);
        return loss + mae + l1;
    }
}"),
            new("KL0108 negative: multi-output regression, sigmoid with unknown targets", "KL0108", @"
class Trainer
{
    Tensor Train(Tensor x, Tensor y)
    {
        var boxes = Sequential(Linear(4, 16), ReLU(), Linear(16, 4));
        var bounded = Sequential(Linear(4, 1), Sigmoid());
        return MSELoss().forward(boxes.forward(x), y) + SmoothL1Loss().forward(bounded.forward(x), y);
    }
}"),

            // ---------------- KL0109: BCE on a softmax
            new("KL0109 BCELoss on a Sequential softmax", "KL0109", @"
class Trainer
{
    void Train(Tensor x, Tensor yOneHot)
    {
        var model = Sequential(Linear(4, 16), ReLU(), Linear(16, 5), Softmax(1));
        var criterion = BCELoss();
        var loss = {|KL0109:criterion.forward(model.forward(x), yOneHot)|};
    }
}"),
            new("KL0109 binary_cross_entropy_with_logits on forward's softmax", "KL0109", Net("Net", 3, "fc2.forward(x).softmax(1)") + @"
class Trainer
{
    void Step(Tensor x, Tensor yOneHot)
    {
        var model = new Net();
        var loss = {|KL0109:binary_cross_entropy_with_logits(model.forward(x), yOneHot)|};
    }
}"),
            new("KL0109 negative: binary classifier with a sigmoid", "KL0109", @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 1), Sigmoid());
        var loss = BCELoss().forward(model.forward(x), y);
        var logits = Sequential(Linear(4, 1));
        var loss2 = BCEWithLogitsLoss().forward(logits.forward(x), y);
    }
}"),

            // ---------------- KL0110: exact equality on regression outputs
            new("KL0110 eq on a 1-unit linear head", "KL0110", @"
class Trainer
{
    long Hits(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 16), ReLU(), Linear(16, 1));
        var pred = model.forward(x);
        return {|KL0110:pred.eq(y)|}.sum().ToInt64();
    }
}"),
            new("KL0110 == on the squeezed output of a custom regressor", "KL0110", Net("Regressor", 1, "fc2.forward(x)") + @"
class Trainer
{
    private readonly Regressor model = new Regressor();

    float Accuracy(Tensor x, Tensor y) => ({|KL0110:model.forward(x).squeeze(1) == y|}).to_type(ScalarType.Float32).mean().item<float>();
}"),
            new("KL0110 negative: MAE, thresholds and class comparisons", "KL0110", @"
class Trainer
{
    Tensor Metrics(Tensor x, Tensor y)
    {
        var reg = Sequential(Linear(4, 16), ReLU(), Linear(16, 1));
        var pred = reg.forward(x);
        var mae = (pred - y).abs().mean();
        var binary = (pred > 0).eq(y).sum();
        var cls = Sequential(Linear(4, 3));
        var correct = cls.forward(x).argmax(1).eq(y).sum();
        return mae + binary + correct;
    }
}"),
        };
    }
}
