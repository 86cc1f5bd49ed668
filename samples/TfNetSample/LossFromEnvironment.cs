namespace TfNetSample
{
    /// <summary>
    /// The all-string compile with a loss name chosen at run time: TensorFlow.Keras 0.10.5+ trains RMSprop + mean squared
    /// error whatever the variable holds, and no edit can pick the loss object for a value only known at run time.
    /// </summary>
    public static class LossFromEnvironment
    {
        public static IModel Train(NDArray images, NDArray labels)
        {
            var lossName = System.Environment.GetEnvironmentVariable("LOSS") ?? "sparse_categorical_crossentropy";
            var model = keras.Sequential(keras.layers.Flatten(), keras.layers.Dense(128, activation: "relu"), keras.layers.Dense(10, activation: "softmax"));
            model.compile("adam", lossName, new[] { "accuracy" });   // KL0015
            model.fit(images, labels, epochs: 5);
            return model;
        }
    }
}
