using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace KerasLint.Proofs.Training;

/// <summary>The proofs' MLP (784-100-10 for MNIST): Linear, ReLU, Linear. <c>forward</c> returns the pre-activation
/// outputs; the head activation (softmax, sigmoid, none) belongs to the setup under test.</summary>
public sealed class Mlp : Module<Tensor, Tensor>
{
    private readonly Linear hidden;
    private readonly Linear output;

    public Mlp(int inputs, int hiddenUnits, int outputs)
        : base(nameof(Mlp))
    {
        hidden = Linear(inputs, hiddenUnits);
        output = Linear(hiddenUnits, outputs);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => output.forward(functional.relu(hidden.forward(x)));
}

/// <summary>How a model is trained: the same budget for the setups a scenario compares.</summary>
public sealed record TrainSpec(int Hidden, string Optimizer, double LearningRate, int Epochs, int BatchSize, int Seed)
{
    public override string ToString() =>
        $"MLP *-{Hidden}-*, {Optimizer} lr {LearningRate.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {Epochs} epochs, batch {BatchSize}, seed {Seed}";
}

/// <summary>A trained model with its per-epoch mean training loss.</summary>
public sealed record Trained(Mlp Model, IReadOnlyList<double> EpochLoss, double Seconds)
{
    /// <summary>The pre-activation outputs on <paramref name="x"/> (no gradient).</summary>
    public Tensor Outputs(Tensor x)
    {
        using var _ = no_grad();
        Model.eval();
        return Model.forward(x);
    }
}

public static class Trainer
{
    /// <summary>
    /// Trains a fresh MLP with <paramref name="loss"/>(outputs, batch indices) → scalar, mini-batches in a fixed
    /// order per epoch (System.Random(seed + epoch)), weights from torch.manual_seed(seed).
    /// </summary>
    public static Trained Train(ProofContext context, string task, TrainSpec spec, Tensor x, int outputs, Func<Tensor, Tensor, Tensor> loss, Action<int, Mlp>? afterEpoch = null)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        torch.manual_seed(spec.Seed);
        var model = new Mlp((int)x.shape[1], spec.Hidden, outputs);
        model.to(context.Device);
        optim.Optimizer opt = spec.Optimizer switch
        {
            "sgd" => optim.SGD(model.parameters(), spec.LearningRate),
            "adam" => optim.Adam(model.parameters(), spec.LearningRate),
            "rmsprop" => optim.RMSProp(model.parameters(), spec.LearningRate, alpha: 0.9, eps: 1e-7), // Keras / TF.NET defaults: rho 0.9, ε 1e-7
            _ => throw new ArgumentException($"Unknown optimizer '{spec.Optimizer}'.", nameof(spec)),
        };
        var n = (int)x.shape[0];
        var batches = (n + spec.BatchSize - 1) / spec.BatchSize;
        var losses = new List<double>();
        for (var epoch = 0; epoch < spec.Epochs; epoch++)
        {
            model.train();
            var order = MnistSplit.Permutation(n, spec.Seed + epoch);
            using var perm = tensor(order.Select(o => (long)o).ToArray()).to(context.Device);
            double sum = 0;
            for (var b = 0; b < batches; b++)
            {
                using var scope = NewDisposeScope();
                var idx = perm.narrow(0, (long)b * spec.BatchSize, Math.Min(spec.BatchSize, n - b * spec.BatchSize));
                opt.zero_grad();
                var l = loss(model.forward(x.index_select(0, idx)), idx);
                l.backward();
                opt.step();
                sum += l.item<float>() * idx.shape[0];
                context.Report(task, epoch * batches + b + 1, spec.Epochs * batches);
            }

            losses.Add(sum / n);
            afterEpoch?.Invoke(epoch, model);
        }

        return new Trained(model, losses, watch.Elapsed.TotalSeconds);
    }
}
