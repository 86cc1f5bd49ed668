namespace TfNetSample
{
    /// <summary>EarlyStopping on "val_acc", which TF.NET never logs: fit throws KeyNotFoundException after epoch 1.</summary>
    public static class EarlyStoppingValAcc
    {
        public static IModel Train(NDArray x, NDArray y, NDArray xVal, NDArray yVal)
        {
            var model = keras.Sequential(keras.layers.Dense(64, activation: "relu"), keras.layers.Dense(10));
            model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true), new[] { "accuracy" });
            var callbacks = new List<ICallback>
            {
                new EarlyStopping(new CallbackParams { Model = model }, "val_acc", patience: 2),   // KL0008
            };
            model.fit(x, y, epochs: 30, callbacks: callbacks, validation_data: (xVal, yVal));
            return model;
        }
    }
}
