namespace TfNetSample
{
    /// <summary>Metric strings outside the six TF.NET accepts: fit throws NotImplementedException at the first step.</summary>
    public static class MetricStrings
    {
        public static IModel Train(NDArray x, NDArray y)
        {
            var model = keras.Sequential(keras.layers.Dense(32, activation: "relu"), keras.layers.Dense(1));
            model.compile(keras.optimizers.Adam(), keras.losses.MeanSquaredError(), new[] { "mse" });   // KL0010
            model.fit(x, y, epochs: 20);
            return model;
        }
    }
}
