namespace TfNetSample
{
    /// <summary>A linear (logits) head with a crossentropy that expects probabilities: from_logits is left false.</summary>
    public static class IrisLogitsHead
    {
        public static IModel Train(NDArray measurements, NDArray species)
        {
            var model = keras.Sequential(new List<ILayer>
            {
                keras.layers.Dense(16, activation: "relu"),
                keras.layers.Dense(3),
            });
            model.compile(keras.optimizers.Adam(), keras.losses.SparseCategoricalCrossentropy(), new[] { "accuracy" });   // KL0005
            model.fit(measurements, species, epochs: 100);
            return model;
        }
    }
}
