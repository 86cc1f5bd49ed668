using System;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace TorchSharpSample
{
    /// <summary>
    /// A reusable trainer that receives its model and loss through its constructor (a different class and file from
    /// where they are built): KL0101 is decided from what every caller passes (<see cref="Program"/> builds it with a
    /// softmax-ending <see cref="DigitClassifier"/> and CrossEntropyLoss).
    /// </summary>
    public sealed class Trainer
    {
        private readonly Module<Tensor, Tensor> model;
        private readonly Loss<Tensor, Tensor, Tensor> criterion;

        public Trainer(Module<Tensor, Tensor> model, Loss<Tensor, Tensor, Tensor> criterion)
        {
            this.model = model;
            this.criterion = criterion;
        }

        public float Step(Tensor x, Tensor y, optim.Optimizer optimizer)
        {
            optimizer.zero_grad();
            var loss = criterion.forward(model.forward(x), y);                  // KL0101
            loss.backward();
            optimizer.step();
            return loss.item<float>();
        }
    }
}
