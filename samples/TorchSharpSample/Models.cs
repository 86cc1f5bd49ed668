using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using static TorchSharp.torch.nn.functional;

namespace TorchSharpSample
{
    /// <summary>An MNIST-style classifier written the way many ports from Keras are: softmax at the end of forward.</summary>
    public sealed class DigitClassifier : Module<Tensor, Tensor>
    {
        private readonly Module<Tensor, Tensor> fc1 = Linear(28 * 28, 128);
        private readonly Module<Tensor, Tensor> drop = Dropout(1.0);     // KL0009: p = 1 zeroes every activation
        private readonly Module<Tensor, Tensor> fc2 = Linear(128, 10);

        public DigitClassifier() : base(nameof(DigitClassifier)) => RegisterComponents();

        public override Tensor forward(Tensor input)
        {
            var x = input.flatten(1);
            x = relu(fc1.forward(x));
            x = drop.forward(x);
            x = fc2.forward(x);
            return softmax(x, 1);                                          // probabilities ...
        }
    }

    /// <summary>The same network returning logits: the right input for CrossEntropyLoss.</summary>
    public sealed class DigitLogits : Module<Tensor, Tensor>
    {
        private readonly Module<Tensor, Tensor> fc1 = Linear(28 * 28, 128);
        private readonly Module<Tensor, Tensor> drop = Dropout(0.2);
        private readonly Module<Tensor, Tensor> fc2 = Linear(128, 10);

        public DigitLogits() : base(nameof(DigitLogits)) => RegisterComponents();

        public override Tensor forward(Tensor input) => fc2.forward(drop.forward(relu(fc1.forward(input.flatten(1)))));
    }
}
