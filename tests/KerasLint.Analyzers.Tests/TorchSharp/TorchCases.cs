namespace KerasLint.Analyzers.Tests.TorchSharp
{
    /// <summary>
    /// Test sources for the TorchSharp rules, one per rule and data-flow shape (positive: marked {|KLxxxx:...|};
    /// negative: no marker). Shared by the rule tests and the no-crash sweep.
    /// </summary>
    internal static class TorchCases
    {
        public sealed record Case(string Name, string Rule, string Source);

        // A custom module whose forward returns the given expression; fields fc1, fc2 (Linear), sm/lsm/sig when used.
        private static string Net(string name, string forwardBody, string fields = "", string ctor = "") => $@"
class {name} : Module<Tensor, Tensor>
{{
    private readonly Module<Tensor, Tensor> fc1 = Linear(4, 16);
    private readonly Module<Tensor, Tensor> fc2 = Linear(16, 3);
{fields}
    public {name}() : base(""{name}"")
    {{
{ctor}
        RegisterComponents();
    }}

    public override Tensor forward(Tensor x)
    {{
{forwardBody}
    }}
}}
";

        /// <summary>Every case: the loss/activation cases below, then <see cref="TorchOutputCases.All"/>.</summary>
        public static Case[] All => all ??= LossCases.Concat(TorchOutputCases.All).ToArray();

        private static Case[]? all;

        private static readonly Case[] LossCases =
        {
            // ---------------- KL0101: CrossEntropyLoss on probabilities
            new("KL0101 Sequential named tuples, local model, pred local", "KL0101", @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential((""lin1"", Linear(4, 16)), (""relu"", ReLU()), (""lin2"", Linear(16, 3)), (""sm"", Softmax(1)));
        var criterion = CrossEntropyLoss();
        var pred = model.forward(x);
        var loss = {|KL0101:criterion.forward(pred, y)|};
        loss.backward();
    }
}"),
            new("KL0101 Sequential of modules, call form inline", "KL0101", @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = nn.Sequential(Linear(4, 3), Softmax(1));
        var criterion = nn.CrossEntropyLoss();
        var loss = {|KL0101:criterion.call(model.call(x), y)|};
    }
}"),
            new("KL0101 Sequential ending in softmax then dropout", "KL0101", @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 3), Softmax(1), Dropout(0.1));
        var loss = {|KL0101:CrossEntropyLoss().forward(model.forward(x), y)|};
    }
}"),
            new("KL0101 append decides the head", "KL0101", @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential((""lin"", Linear(4, 3)));
        model.append(""sm"", Softmax(1));
        var criterion = CrossEntropyLoss();
        var loss = {|KL0101:criterion.forward(model.forward(x), y)|};
    }
}"),
            new("KL0101 chained append", "KL0101", @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential((""lin"", Linear(4, 3))).append(""sm"", Softmax(1));
        var loss = {|KL0101:CrossEntropyLoss().forward(model.forward(x), y)|};
    }
}"),
            new("KL0101 custom module returns softmax(x, 1), fields typed Loss<>", "KL0101", Net("Net", @"        x = fc1.forward(x);
        x = relu(x);
        x = fc2.forward(x);
        return softmax(x, 1);") + @"
class Trainer
{
    private readonly Net model = new Net();
    private readonly Loss<Tensor, Tensor, Tensor> criterion = CrossEntropyLoss();

    void Step(Tensor x, Tensor y)
    {
        using var pred = model.forward(x);
        var loss = {|KL0101:criterion.forward(pred, y)|};
    }
}"),
            new("KL0101 custom module returns functional.softmax", "KL0101", Net("Net", @"        return functional.softmax(fc2.forward(relu(fc1.forward(x))), 1);") + @"
class Trainer
{
    void Step(Net model, Tensor x, Tensor y)
    {
        var loss = {|KL0101:cross_entropy(model.forward(x), y)|};
    }
}"),
            new("KL0101 custom module returns torch.softmax", "KL0101", Net("Net", @"        var h = fc2.forward(relu(fc1.forward(x)));
        return torch.softmax(h, 1);") + @"
class Trainer
{
    void Step(Tensor x, Tensor y)
    {
        var model = new Net();
        var loss = {|KL0101:functional.cross_entropy(model.forward(x), y)|};
    }
}"),
            new("KL0101 custom module returns x.softmax(1), reassigned local", "KL0101", Net("Net", @"        x = fc1.forward(x);
        x = fc2.forward(x);
        x = x.softmax(1);
        return x;") + @"
class Trainer
{
    Loss<Tensor, Tensor, Tensor> criterion;
    Trainer() { criterion = new CrossEntropyLoss(); }

    void Step(Net model, Tensor x, Tensor y)
    {
        var loss = {|KL0101:criterion.forward(model.forward(x), y)|};
    }
}"),
            new("KL0101 field module initialised with Softmax(1), this.sm.forward", "KL0101", Net("Net", @"        return this.sm.forward(fc2.forward(x));", fields: "    private readonly Module<Tensor, Tensor> sm = Softmax(1);") + @"
class Trainer
{
    void Step(Net model, Tensor x, Tensor y)
    {
        var criterion = CrossEntropyLoss();
        var loss = {|KL0101:criterion.forward(model.forward(x), y)|};
    }
}"),
            new("KL0101 field module assigned in constructor, sm.call", "KL0101", Net("Net", @"        return sm.call(fc2.forward(x));", fields: "    private readonly Module<Tensor, Tensor> sm;", ctor: "        sm = Softmax(1);") + @"
class Trainer
{
    void Step(Net model, Tensor x, Tensor y)
    {
        var criterion = CrossEntropyLoss();
        var loss = {|KL0101:criterion.forward(model.forward(x), y)|};
    }
}"),
            new("KL0101 softmax applied in the loop", "KL0101", @"
class Trainer
{
    void Train(Module<Tensor, Tensor> model, IEnumerable<(Tensor, Tensor)> batches)
    {
        var criterion = CrossEntropyLoss();
        foreach (var (x, y) in batches)
        {
            var probs = model.forward(x).softmax(1);
            var loss = {|KL0101:criterion.forward(probs, y)|};
            loss.backward();
        }
    }
}"),
            new("KL0101 both branches softmax", "KL0101", @"
class Trainer
{
    void Train(Tensor x, Tensor y, bool big)
    {
        var small = Sequential(Linear(4, 3), Softmax(1));
        var large = Sequential(Linear(4, 64), ReLU(), Linear(64, 3), Softmax(1));
        Tensor pred;
        if (big) pred = large.forward(x);
        else pred = small.forward(x);
        var loss = {|KL0101:CrossEntropyLoss().forward(pred, y)|};
    }
}"),
            new("KL0101 model field from constructor, loss field", "KL0101", @"
class Trainer
{
    private readonly Sequential model;
    private readonly CrossEntropyLoss criterion = CrossEntropyLoss();

    public Trainer()
    {
        model = Sequential((""lin"", Linear(4, 3)), (""sm"", Softmax(1)));
    }

    Tensor Step(Tensor x, Tensor y) => {|KL0101:criterion.forward(model.forward(x), y)|};
}"),
            new("KL0101 model property, Tuple overload of Sequential", "KL0101", @"
class Trainer
{
    public Module<Tensor, Tensor> Model { get; } = Sequential(
        new Tuple<string, Module<Tensor, Tensor>>(""lin"", Linear(4, 3)),
        Tuple.Create<string, Module<Tensor, Tensor>>(""sm"", Softmax(1)));

    void Step(Tensor x, Tensor y)
    {
        Loss<Tensor, Tensor, Tensor> criterion = CrossEntropyLoss();
        var loss = {|KL0101:criterion.forward(Model.forward(x), y)|};
    }
}"),
            new("KL0101 negative: Sequential built from a list", "KL0101", @"
class Trainer
{
    void Step(Tensor x, Tensor y)
    {
        var layers = new List<Module<Tensor, Tensor>> { Linear(4, 3), Softmax(1) };
        var model = Sequential(layers);
        var loss = CrossEntropyLoss().forward(model.forward(x), y);
    }
}"),
            new("KL0101 negative: Sequential handed to a helper before use", "KL0101", @"
class Trainer
{
    static void ReplaceHead(Sequential model) { }

    void Step(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 3), Softmax(1));
        ReplaceHead(model);
        var loss = CrossEntropyLoss().forward(model.forward(x), y);
    }
}"),
            new("KL0101 negative: prediction reassigned in a loop body after the loss", "KL0101", @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 3));
        var pred = model.forward(x);
        for (var i = 0; i < 3; i++)
        {
            var loss = CrossEntropyLoss().forward(pred, y);
            pred = pred.softmax(1);
        }
    }
}"),
            new("KL0101 model field assigned in a Build method", "KL0101", @"
class Trainer
{
    private Module<Tensor, Tensor>? model;
    private Loss<Tensor, Tensor, Tensor>? criterion;

    void Build()
    {
        model = Sequential((""lin"", Linear(4, 3)), (""sm"", Softmax(1)));
        criterion = CrossEntropyLoss();
    }

    Tensor Step(Tensor x, Tensor y) => {|KL0101:criterion!.forward(model!.forward(x), y)|};
}"),
            new("KL0101 negative: model field replaced by logits elsewhere", "KL0101", @"
class Trainer
{
    private Module<Tensor, Tensor> model = Sequential(Linear(4, 3), Softmax(1));

    void UseLogits() => model = Sequential(Linear(4, 3));

    Tensor Step(Tensor x, Tensor y) => CrossEntropyLoss().forward(model.forward(x), y);
}"),
            new("KL0101 model from a factory method, prediction from a helper", "KL0101", @"
class Trainer
{
    static Sequential BuildModel(int classes)
    {
        var model = Sequential((""lin"", Linear(4, classes)));
        model.append(""sm"", Softmax(1));
        return model;
    }

    static Tensor Predict(Module<Tensor, Tensor> model, Tensor x) => model.forward(x);

    void Train(Tensor x, Tensor y)
    {
        var model = BuildModel(3);
        var criterion = CrossEntropyLoss();
        var a = {|KL0101:criterion.forward(model.forward(x), y)|};
        var b = criterion.forward(Predict(model, x), y);
    }
}"),
            new("KL0101 negative: logits", "KL0101", @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential((""lin1"", Linear(4, 16)), (""relu"", ReLU()), (""lin2"", Linear(16, 3)));
        var criterion = CrossEntropyLoss();
        var logits = model.forward(x);
        var loss = criterion.forward(logits, y);
        var probs = logits.softmax(1);
        var predicted = probs.argmax(1);
    }
}"),
            new("KL0101 negative: branches disagree", "KL0101", @"
class Trainer
{
    void Train(Tensor x, Tensor y, bool big)
    {
        var small = Sequential(Linear(4, 3), Softmax(1));
        var large = Sequential(Linear(4, 64), ReLU(), Linear(64, 3));
        var pred = big ? large.forward(x) : small.forward(x);
        var loss = CrossEntropyLoss().forward(pred, y);
    }
}"),
            new("KL0101 negative: softmax assigned after the loss", "KL0101", @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 3));
        var criterion = CrossEntropyLoss();
        var output = model.forward(x);
        var loss = criterion.forward(output, y);
        output = output.softmax(1);
        Console.WriteLine(output.argmax(1).ToString());
    }
}"),
            new("KL0101 negative: softmax only on one path in forward", "KL0101", Net("Net", @"        var h = fc2.forward(fc1.forward(x));
        if (!training) h = h.softmax(1);
        return h;") + @"
class Trainer
{
    void Step(Net model, Tensor x, Tensor y) => CrossEntropyLoss().forward(model.forward(x), y).backward();
}"),
            new("KL0101 negative: unknown prediction", "KL0101", @"
class Trainer
{
    void Step(Tensor pred, Tensor y, Module<Tensor, Tensor> model, Tensor x)
    {
        var criterion = CrossEntropyLoss();
        var a = criterion.forward(pred, y);
        var b = criterion.forward(model.forward(x), y);
    }
}"),
            new("KL0101 negative: log_softmax into CrossEntropyLoss", "KL0101", @"
class Trainer
{
    void Step(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 3), LogSoftmax(1));
        var loss = CrossEntropyLoss().forward(model.forward(x), y);
    }
}"),
            new("KL0101 negative: loss variable holds NLLLoss", "KL0101", @"
class Trainer
{
    void Step(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 3), Softmax(1));
        Loss<Tensor, Tensor, Tensor> criterion = NLLLoss();
        var loss = criterion.forward(model.forward(x).log(), y);
    }
}"),

            // ---------------- KL0102: BCELoss on unbounded outputs
            new("KL0102 Sequential ending in Linear", "KL0102", @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential((""lin1"", Linear(4, 16)), (""relu"", ReLU()), (""out"", Linear(16, 1)));
        var criterion = BCELoss();
        var pred = model.forward(x).squeeze(1);
        var loss = {|KL0102:criterion.forward(pred, y)|};
    }
}"),
            new("KL0102 functional, custom module returning a Linear", "KL0102", Net("Net", @"        return fc2.forward(relu(fc1.forward(x)));") + @"
class Trainer
{
    void Step(Net model, Tensor x, Tensor y)
    {
        var loss = {|KL0102:binary_cross_entropy(model.forward(x), y)|};
    }
}"),
            new("KL0102 relu head", "KL0102", @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 1), ReLU());
        Loss<Tensor, Tensor, Tensor> criterion = new BCELoss();
        var loss = {|KL0102:criterion.call(model.call(x), y)|};
    }
}"),
            new("KL0102 negative: Sigmoid module", "KL0102", @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 1), Sigmoid());
        var loss = BCELoss().forward(model.forward(x), y);
    }
}"),
            new("KL0102 negative: sigmoid function in the loop", "KL0102", @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 1));
        var logits = model.forward(x);
        var loss = binary_cross_entropy(torch.sigmoid(logits), y);
    }
}"),

            // ---------------- KL0103: BCEWithLogitsLoss on sigmoid outputs
            new("KL0103 Sequential ending in Sigmoid", "KL0103", @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential((""lin"", Linear(4, 1)), (""sig"", Sigmoid()));
        var criterion = BCEWithLogitsLoss();
        var loss = {|KL0103:criterion.forward(model.forward(x), y)|};
    }
}"),
            new("KL0103 custom module returns torch.sigmoid, functional loss", "KL0103", Net("Net", @"        return torch.sigmoid(fc2.forward(x));") + @"
class Trainer
{
    void Step(Net model, Tensor x, Tensor y)
    {
        var output = model.forward(x);
        var loss = {|KL0103:binary_cross_entropy_with_logits(output, y)|};
    }
}"),
            new("KL0103 x.sigmoid() in the loop", "KL0103", @"
class Trainer
{
    void Train(Module<Tensor, Tensor> model, Tensor x, Tensor y)
    {
        var criterion = BCEWithLogitsLoss();
        var loss = {|KL0103:criterion.forward(model.forward(x).sigmoid(), y)|};
    }
}"),
            new("KL0103 Sigmoid field module in forward", "KL0103", Net("Net", @"        return sig.call(fc2.forward(fc1.forward(x)));", fields: "    private readonly Module<Tensor, Tensor> sig = Sigmoid();") + @"
class Trainer
{
    private readonly Net model = new Net();
    private readonly Loss<Tensor, Tensor, Tensor> criterion;

    Trainer() { criterion = BCEWithLogitsLoss(); }

    Tensor Step(Tensor x, Tensor y) => {|KL0103:criterion.call(model.call(x), y)|};
}"),
            new("KL0103 negative: logits", "KL0103", @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 1));
        var criterion = BCEWithLogitsLoss();
        var logits = model.forward(x);
        var loss = criterion.forward(logits, y);
        var probs = torch.sigmoid(logits);
    }
}"),

            // ---------------- KL0104: NLLLoss without log_softmax
            new("KL0104 softmax head", "KL0104", @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 3), Softmax(1));
        var criterion = NLLLoss();
        var loss = {|KL0104:criterion.forward(model.forward(x), y)|};
    }
}"),
            new("KL0104 raw logits, functional", "KL0104", Net("Net", @"        return fc2.forward(x);") + @"
class Trainer
{
    void Step(Net model, Tensor x, Tensor y)
    {
        var loss = {|KL0104:nll_loss(model.forward(x), y)|};
    }
}"),
            new("KL0104 sigmoid", "KL0104", @"
class Trainer
{
    void Step(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 3));
        Loss<Tensor, Tensor, Tensor> criterion = NLLLoss();
        var loss = {|KL0104:criterion.forward(functional.sigmoid(model.forward(x)), y)|};
    }
}"),
            new("KL0104 negative: LogSoftmax module", "KL0104", @"
class Trainer
{
    void Train(Tensor x, Tensor y)
    {
        var model = Sequential((""lin"", Linear(4, 3)), (""logsm"", LogSoftmax(1)));
        var loss = NLLLoss().forward(model.forward(x), y);
    }
}"),
            new("KL0104 negative: log_softmax function", "KL0104", Net("Net", @"        return log_softmax(fc2.forward(x), 1);") + @"
class Trainer
{
    void Step(Net model, Tensor x, Tensor y) => nll_loss(model.forward(x), y).backward();
}"),
            new("KL0104 negative: LogSoftmax field", "KL0104", Net("Net", @"        return logsm.forward(fc2.forward(x));", fields: "    private readonly Module<Tensor, Tensor> logsm = LogSoftmax(1);") + @"
class Trainer
{
    void Step(Net model, Tensor x, Tensor y) => NLLLoss().call(model.call(x), y).backward();
}"),

            // ---------------- KL0009: TorchSharp Dropout
            new("KL0009 Dropout out of range", "KL0009", @"
class Trainer
{
    void Build(Tensor x)
    {
        var a = Dropout({|KL0009:1.0|});
        var b = nn.Dropout({|KL0009:1|});
        var c = Dropout(p: {|KL0009:-0.1|});
        var d = Dropout2d({|KL0009:1.5|});
        var e = functional.dropout(x, {|KL0009:1.0|});
        var f = Sequential((""drop"", Dropout({|KL0009:1d|})), (""lin"", Linear(4, 3)));
        var keep = 1.0;
        var g = Dropout(p: {|KL0009:keep|});
    }
}"),
            new("KL0009 negative: Dropout in range", "KL0009", @"
class Trainer
{
    void Build(Tensor x, double rate)
    {
        var a = Dropout(0.5);
        var b = Dropout();
        var c = Dropout(0.0);
        var d = Dropout(rate);
        var e = functional.dropout(x, 0.999);
        var f = Dropout(inplace: true);
        var rate2 = 1.0;
        rate2 = 0.5;
        var g = Dropout(rate2);
    }
}"),
        };
    }
}
