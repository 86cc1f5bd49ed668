namespace TfNetSample
{
    /// <summary>A regression with "accuracy", as in TensorFlow.NET's own examples: the share of exact predictions of a price.</summary>
    public static class HousePriceAccuracy
    {
        public static IModel Train(NDArray features, NDArray prices)
        {
            var model = keras.Sequential();
            model.add(keras.layers.Dense(64, activation: "relu"));
            model.add(keras.layers.Dense(1));
            model.compile(keras.optimizers.Adam(), keras.losses.MeanSquaredError(), new[] { "accuracy" });   // KL0001
            model.fit(features, prices, epochs: 50);
            return model;
        }
    }
}
