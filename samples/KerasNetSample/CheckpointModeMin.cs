using Keras;
using Keras.Callbacks;
using Keras.Layers;
using Keras.Models;
using Numpy;

namespace KerasNetSample
{
    /// <summary>A checkpoint that keeps the model with the lowest validation accuracy.</summary>
    public static class CheckpointModeMin
    {
        public static BaseModel Train(NDarray x, NDarray oneHot, NDarray xVal, NDarray oneHotVal)
        {
            var model = new Sequential();
            model.Add(new Dense(64, activation: "relu", input_shape: new Shape(32)));
            model.Add(new Dense(5, activation: "softmax"));
            model.Compile(optimizer: "adam", loss: "categorical_crossentropy", metrics: new[] { "accuracy" });

            var best = new ModelCheckpoint("best.h5", monitor: "val_accuracy", mode: "min", save_best_only: true);   // KL0012
            model.Fit(x, oneHot, epochs: 50, validation_data: new[] { xVal, oneHotVal }, callbacks: new Callback[] { best });
            return model;
        }
    }
}
