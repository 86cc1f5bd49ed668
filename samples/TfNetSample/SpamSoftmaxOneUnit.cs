namespace TfNetSample
{
    /// <summary>A spam filter whose single output unit goes through softmax: it predicts 1.0 for every e-mail.</summary>
    public static class SpamSoftmaxOneUnit
    {
        public static IModel Train(NDArray bagOfWords, NDArray isSpam)
        {
            var model = keras.Sequential(
                keras.layers.Dense(32, activation: "relu"),
                keras.layers.Dense(1, activation: keras.activations.Softmax));                  // KL0004
            model.compile(keras.optimizers.Adam(), keras.losses.BinaryCrossentropy(), new[] { "accuracy" });
            model.fit(bagOfWords, isSpam, epochs: 10);
            return model;
        }
    }
}
