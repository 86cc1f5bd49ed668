namespace TfNetSample
{
    /// <summary>EarlyStopping in mode "min" on an accuracy: it stops when accuracy stops falling.</summary>
    public static class ModeMinOnAccuracy
    {
        public static IModel Train(NDArray x, NDArray y)
        {
            var model = keras.Sequential(keras.layers.Dense(10));
            model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(from_logits: true), new[] { "accuracy" });
            var stop = new EarlyStopping(new CallbackParams { Model = model }, monitor: "val_accuracy", mode: "min");   // KL0012
            model.fit(x, y, epochs: 30, validation_split: 0.2f, callbacks: new List<ICallback> { stop });
            return model;
        }
    }
}
