using Keras;
using Keras.Layers;
using Keras.Models;
using Numpy;

namespace KerasNetSample
{
    /// <summary>A fraud detector (one 0/1 target per transaction) compiled with the multi-class loss: over one unit it is constant.</summary>
    public static class FraudCategoricalOneUnit
    {
        public static BaseModel Train(NDarray transactions, NDarray isFraud)
        {
            var model = new Sequential();
            model.Add(new Dense(64, activation: "relu", input_shape: new Shape(30)));
            model.Add(new Dense(1, activation: "sigmoid"));

            model.Compile(optimizer: "adam", loss: "categorical_crossentropy", metrics: new[] { "binary_accuracy" });   // KL0016
            model.Fit(transactions, isFraud, batch_size: 256, epochs: 5, validation_split: 0.2f);
            return model;
        }
    }
}
