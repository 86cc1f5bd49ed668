using Keras;
using Keras.Layers;
using Keras.Models;
using Keras.Utils;
using Numpy;

namespace KerasNetSample
{
    /// <summary>
    /// MNIST with binary_crossentropy on a 10-way softmax: "why is my accuracy 98% with binary_crossentropy?"
    /// </summary>
    public static class MnistBinaryCrossentropy
    {
        public static double[] Train(NDarray xTrain, NDarray yTrain, NDarray xTest, NDarray yTest)
        {
            var model = new Sequential();
            model.Add(new Flatten());
            model.Add(new Dense(128, activation: "relu"));
            model.Add(new Dense(10, activation: "softmax"));

            model.Compile(optimizer: "adam", loss: "binary_crossentropy", metrics: new[] { "accuracy" });   // KL0002

            model.Fit(xTrain, Util.ToCategorical(yTrain, 10), batch_size: 128, epochs: 5, verbose: 1);
            return model.Evaluate(xTest, Util.ToCategorical(yTest, 10), verbose: 0);
        }
    }
}
