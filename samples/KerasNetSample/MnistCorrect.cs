using Keras;
using Keras.Callbacks;
using Keras.Layers;
using Keras.Models;
using Keras.Utils;
using Numpy;

namespace KerasNetSample
{
    /// <summary>
    /// The reference setup: softmax head, categorical_crossentropy, "accuracy" (categorical in every family),
    /// early stopping on the key tf.keras logs, in the right direction. KerasLint stays silent here.
    /// </summary>
    public static class MnistCorrect
    {
        public static double[] Train(NDarray xTrain, NDarray yTrain, NDarray xTest, NDarray yTest)
        {
            var model = new Sequential();
            model.Add(new Flatten());
            model.Add(new Dense(128, activation: "relu"));
            model.Add(new Dropout(0.2));
            model.Add(new Dense(10, activation: "softmax"));

            model.Compile(optimizer: "adam", loss: "categorical_crossentropy", metrics: new[] { "accuracy" });

            var stop = new EarlyStopping(monitor: "val_accuracy", mode: "max", patience: 3, restore_best_weights: true);
            model.Fit(xTrain, Util.ToCategorical(yTrain, 10), batch_size: 128, epochs: 20, validation_split: 0.1f,
                callbacks: new Callback[] { stop });
            return model.Evaluate(xTest, Util.ToCategorical(yTest, 10), verbose: 0);
        }
    }
}
