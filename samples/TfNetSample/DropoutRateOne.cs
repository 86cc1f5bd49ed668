namespace TfNetSample
{
    /// <summary>Dropout(1): TF.NET scales the kept units by 1/(1 - rate), so training produces NaN.</summary>
    public static class DropoutRateOne
    {
        public static IModel Train(NDArray x, NDArray y)
        {
            var model = keras.Sequential(
                keras.layers.Dense(64, activation: "relu"),
                keras.layers.Dropout(1f),                                                       // KL0009
                keras.layers.Dense(1));
            model.compile(keras.optimizers.Adam(), keras.losses.MeanAbsoluteError(), new[] { "mae" });
            model.fit(x, y, epochs: 20);
            return model;
        }
    }
}
