using System;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using static TorchSharp.torch.nn.functional;

namespace TorchSharpSample
{
    public static class Program
    {
        private const int Epochs = 3;
        private const int BatchSize = 64;

        public static void Main()
        {
            random.manual_seed(1);
            TrainDigits();
            TrainDigitsWithTrainer();
            TrainDigitsCorrectly();
            TrainSpamFilter();
            TrainChurnModel();
            TrainTopicModel();
            MetricMistakes.Run();
        }

        // Synthetic stand-ins for a real loader: images 1x28x28, labels 0..9.
        private static (Tensor X, Tensor Y) DigitBatch() => (rand(BatchSize, 1, 28, 28), randint(0, 10, BatchSize));

        private static (Tensor X, Tensor Y) BinaryBatch(int features) => (randn(BatchSize, features), randint(0, 2, BatchSize).to_type(ScalarType.Float32));

        /// <summary>KL0101: CrossEntropyLoss applies log_softmax itself, but DigitClassifier.forward already returns softmax.</summary>
        private static void TrainDigits()
        {
            var model = new DigitClassifier();
            var criterion = CrossEntropyLoss();
            var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
            for (var epoch = 0; epoch < Epochs; epoch++)
            {
                model.train();
                var (x, y) = DigitBatch();
                optimizer.zero_grad();
                var output = model.forward(x);
                var loss = criterion.forward(output, y);                     // KL0101
                loss.backward();
                optimizer.step();
                Console.WriteLine($"digits epoch {epoch}: loss {loss.item<float>():F4}");
            }
        }

        /// <summary>KL0101 across classes: the same softmax model and CrossEntropyLoss, handed to <see cref="Trainer"/>.</summary>
        private static void TrainDigitsWithTrainer()
        {
            var model = new DigitClassifier();
            var trainer = new Trainer(model, CrossEntropyLoss());
            var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
            var (x, y) = DigitBatch();
            Console.WriteLine($"digits (trainer): loss {trainer.Step(x, y, optimizer):F4}");
        }

        /// <summary>Correct: logits into CrossEntropyLoss; softmax only to report probabilities after the loss. No diagnostic.</summary>
        private static void TrainDigitsCorrectly()
        {
            var model = new DigitLogits();
            var criterion = CrossEntropyLoss();
            var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
            var (x, y) = DigitBatch();
            optimizer.zero_grad();
            var logits = model.forward(x);
            var loss = criterion.forward(logits, y);
            loss.backward();
            optimizer.step();
            var probabilities = logits.softmax(1);
            var correct = (probabilities.argmax(1) == y).sum().ToInt32();
            Console.WriteLine($"digits (logits): loss {loss.item<float>():F4}, {correct}/{BatchSize} correct");
        }

        /// <summary>KL0102: BCELoss needs probabilities, but the Sequential ends in Linear (no sigmoid).</summary>
        private static void TrainSpamFilter()
        {
            var model = Sequential(
                ("hidden", Linear(20, 32)),
                ("relu", ReLU()),
                ("out", Linear(32, 1)));
            Loss<Tensor, Tensor, Tensor> criterion = BCELoss();
            var optimizer = optim.SGD(model.parameters(), 0.01);
            for (var epoch = 0; epoch < Epochs; epoch++)
            {
                var (x, y) = BinaryBatch(20);
                optimizer.zero_grad();
                var score = model.forward(x).squeeze(1);
                var loss = criterion.forward(score, y);                      // KL0102
                loss.backward();
                optimizer.step();
            }
        }

        /// <summary>KL0103: BCEWithLogitsLoss applies sigmoid itself, but the model already ends in Sigmoid.</summary>
        private static void TrainChurnModel()
        {
            var model = Sequential(Linear(12, 16), ReLU(), Linear(16, 1), Sigmoid());
            var criterion = BCEWithLogitsLoss();
            var optimizer = optim.Adam(model.parameters());
            var (x, y) = BinaryBatch(12);
            optimizer.zero_grad();
            var loss = criterion.forward(model.forward(x).squeeze(1), y);    // KL0103
            loss.backward();
            optimizer.step();
        }

        /// <summary>KL0104: nll_loss expects log-probabilities, but receives raw logits.</summary>
        private static void TrainTopicModel()
        {
            var model = Sequential(("embed", Linear(300, 64)), ("relu", ReLU()), ("topics", Linear(64, 5)));
            var optimizer = optim.Adam(model.parameters());
            var x = randn(BatchSize, 300);
            var y = randint(0, 5, BatchSize);
            optimizer.zero_grad();
            var logits = model.call(x);
            var loss = nll_loss(logits, y);                                  // KL0104
            loss.backward();
            optimizer.step();
        }
    }
}
