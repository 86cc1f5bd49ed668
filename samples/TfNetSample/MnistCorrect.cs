namespace TfNetSample
{
    /// <summary>
    /// The reference setup: a linear head with SparseCategoricalCrossentropy(from_logits: true), "accuracy" (sparse
    /// categorical by shape), early stopping on the key TF.NET logs, with validation data. KerasLint stays silent here.
    /// </summary>
    public static class MnistCorrect
    {
        public static IModel Train(NDArray xTrain, NDArray yTrain)
        {
            var model = keras.Sequential(new List<ILayer>
            {
                keras.layers.Flatten(),
                keras.layers.Dense(128, activation: "relu"),
                keras.layers.Dropout(0.2f),
                keras.layers.Dense(10),
            });

            model.compile(optimizer: keras.optimizers.Adam(), loss: keras.losses.SparseCategoricalCrossentropy(from_logits: true), metrics: new[] { "accuracy" });

            var stop = new EarlyStopping(new CallbackParams { Model = model }, monitor: "val_accuracy", patience: 3, restore_best_weights: true);
            model.fit(xTrain, yTrain, batch_size: 128, epochs: 20, validation_split: 0.1f, callbacks: new List<ICallback> { stop });
            return model;
        }
    }
}
