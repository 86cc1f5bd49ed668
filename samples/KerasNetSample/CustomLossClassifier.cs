using Keras;
using Keras.Layers;
using Keras.Models;
using Numpy;

namespace KerasNetSample
{
    /// <summary>
    /// A 10-class model trained with a loss registered in Python under its own name, for Keras 2.3 (see
    /// samples/.editorconfig): old Keras then resolves "accuracy" to categorical_accuracy, which with integer labels
    /// reports the share of predictions of class 0. tf.keras 2.2+ and Keras 3 resolve it from the shapes (no KL0003).
    /// </summary>
    public static class CustomLossClassifier
    {
        public static BaseModel Train(NDarray x, NDarray labels)
        {
            var input = new Input(new Shape(20));
            var hidden = new Dense(64, activation: "relu").Set(input);
            var output = new Dense(10, activation: "softmax").Set(hidden);
            var model = new Model(new[] { input }, new[] { output });

            model.Compile(optimizer: "adam", loss: "label_smoothed_nll", metrics: new[] { "accuracy" });   // KL0003

            model.Fit(x, labels, epochs: 10);
            return model;
        }
    }
}
