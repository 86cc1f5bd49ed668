using Keras;
using Keras.Layers;
using Keras.Models;
using Numpy;

namespace KerasNetSample
{
    /// <summary>Iris with a linear head under categorical_crossentropy: Keras clips raw scores as if they were probabilities.</summary>
    public static class IrisLinearHead
    {
        public static BaseModel Train(NDarray measurements, NDarray oneHotSpecies)
        {
            var model = new Sequential();
            model.Add(new Dense(16, activation: "relu", input_shape: new Shape(4)));
            model.Add(new Dense(3));

            model.Compile(optimizer: "adam", loss: "categorical_crossentropy",                  // KL0005
                metrics: new[] { "categorical_accuracy" });
            model.Fit(measurements, oneHotSpecies, epochs: 200, verbose: 0);
            return model;
        }
    }
}
