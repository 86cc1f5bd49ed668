using Keras;
using Keras.Callbacks;
using Keras.Layers;
using Keras.Models;
using Keras.Optimizers;
using Numpy;

namespace KerasNetSample
{
    /// <summary>
    /// Next-value forecasting with an LSTM: the Stack Overflow "val_acc stays at 0.0 while the loss drops" report.
    /// </summary>
    public static class SensorLstmRegression
    {
        private const string Loss = "mean_squared_error";

        public static BaseModel Train(NDarray windows, NDarray next, NDarray valWindows, NDarray valNext)
        {
            var model = new Sequential();
            model.Add(new LSTM(50, input_shape: new Shape(30, 1)));
            model.Add(new Dense(1));

            var metrics = new[] { "acc" };                                                     // KL0001
            model.Compile(optimizer: new Adam(lr: 0.001f), loss: Loss, metrics: metrics);

            var stop = new EarlyStopping(monitor: "val_acc", mode: "max", patience: 5);        // KL0001
            model.Fit(windows, next, batch_size: 64, epochs: 100,
                validation_data: new[] { valWindows, valNext }, callbacks: new Callback[] { stop });
            return model;
        }
    }
}
