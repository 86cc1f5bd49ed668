using System;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using static TorchSharp.torch.nn.functional;

namespace TorchSharpSample
{
    /// <summary>
    /// The Keras traps that TorchSharp users write by hand, since there is no compile(loss, metrics): a 1-unit head
    /// trained or read as a multi-class one, softmax outputs scored element-wise, a classifier trained with a
    /// regression loss, BCE on a softmax, and "accuracy" on a regression (KL0105–KL0110).
    /// </summary>
    public static class MetricMistakes
    {
        private const int BatchSize = 64;

        public static void Run()
        {
            BinaryWithCrossEntropy();
            IrisWithElementwiseAccuracy();
            IrisWithMse();
            TopicsWithBce();
            HousePrices();
        }

        /// <summary>KL0105: CrossEntropyLoss on one output unit is always 0; KL0106: argmax of that unit is always 0.</summary>
        private static void BinaryWithCrossEntropy()
        {
            var model = Sequential(Linear(8, 16), ReLU(), Linear(16, 1));
            var x = randn(BatchSize, 8);
            var y = randint(0, 2, BatchSize).unsqueeze(1).to_type(ScalarType.Float32);   // a 0/1 column, as for BCE
            var output = model.forward(x);
            var loss = CrossEntropyLoss().forward(output, y);                // KL0105
            var labels = y.squeeze(1).@long();
            var correct = output.argmax(1).eq(labels).sum().ToInt64();      // KL0106
            var right = output.squeeze(1).gt(0).@long().eq(labels).sum().ToInt64();
            Console.WriteLine($"binary: loss {loss.item<float>():F4}, argmax 'accuracy' {correct}, thresholded {right}");
        }

        /// <summary>KL0107: rounding a 3-class softmax and comparing it with one-hot rows scores ≥ 2/3 for nothing.</summary>
        private static void IrisWithElementwiseAccuracy()
        {
            var model = Sequential(Linear(4, 16), ReLU(), Linear(16, 3), Softmax(1));
            var x = randn(BatchSize, 4);
            var yOneHot = one_hot(randint(0, 3, BatchSize), 3).to_type(ScalarType.Float32);
            var probs = model.forward(x);
            var hits = probs.round();                                        // KL0107
            var accuracy = hits.eq(yOneHot).to_type(ScalarType.Float32).mean().item<float>();
            var truth = probs.argmax(1).eq(yOneHot.argmax(1)).to_type(ScalarType.Float32).mean().item<float>();
            Console.WriteLine($"iris: element-wise {accuracy:F3}, real {truth:F3}");
        }

        /// <summary>KL0108: MSE on softmax probabilities trains, but slower and worse than crossentropy on logits.</summary>
        private static void IrisWithMse()
        {
            var model = Sequential(Linear(4, 16), ReLU(), Linear(16, 3), Softmax(1));
            var x = randn(BatchSize, 4);
            var yOneHot = one_hot(randint(0, 3, BatchSize), 3).to_type(ScalarType.Float32);
            var criterion = MSELoss();
            var loss = criterion.forward(model.forward(x), yOneHot);         // KL0108
            Console.WriteLine($"iris mse: {loss.item<float>():F4}");
        }

        /// <summary>KL0109: BCELoss on a 5-class softmax trains independent yes/no questions.</summary>
        private static void TopicsWithBce()
        {
            var model = Sequential(Linear(300, 64), ReLU(), Linear(64, 5), Softmax(1));
            var x = randn(BatchSize, 300);
            var yOneHot = one_hot(randint(0, 5, BatchSize), 5).to_type(ScalarType.Float32);
            var loss = binary_cross_entropy(model.forward(x), yOneHot);      // KL0109
            Console.WriteLine($"topics bce: {loss.item<float>():F4}");
        }

        /// <summary>KL0110: exact equality on regression outputs counts float hits (about 0); the MAE is the number to report.</summary>
        private static void HousePrices()
        {
            var model = Sequential(Linear(13, 32), ReLU(), Linear(32, 1));
            var x = randn(BatchSize, 13);
            var y = randn(BatchSize, 1);
            var pred = model.forward(x);
            var loss = mse_loss(pred, y);
            var exact = (pred == y).sum().ToInt64();                         // KL0110
            var mae = (pred - y).abs().mean().item<float>();
            Console.WriteLine($"prices: mse {loss.item<float>():F4}, exact hits {exact}, mae {mae:F4}");
        }
    }
}
