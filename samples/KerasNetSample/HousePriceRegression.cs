using Keras;
using Keras.Callbacks;
using Keras.Layers;
using Keras.Models;
using Numpy;

namespace KerasNetSample
{
    /// <summary>
    /// Boston-housing style regression: 13 features, one price. "accuracy" here counts predictions that land exactly
    /// on the price after thresholding, and EarlyStopping watches a key (val_acc) tf.keras never logs.
    /// </summary>
    public static class HousePriceRegression
    {
        public static BaseModel Train(NDarray features, NDarray prices)
        {
            var model = new Sequential();
            model.Add(new Dense(64, activation: "relu", input_shape: new Shape(13)));
            model.Add(new Dense(64, activation: "relu"));
            model.Add(new Dense(1));

            model.Compile(optimizer: "rmsprop", loss: "mse", metrics: new[] { "accuracy" });   // KL0001

            var stop = new EarlyStopping(monitor: "val_acc", patience: 20);                  // KL0008
            model.Fit(features, prices, batch_size: 16, epochs: 500, validation_split: 0.2f,
                callbacks: new Callback[] { stop });
            return model;
        }
    }
}
