namespace TfNetSample
{
    /// <summary>The all-string compile: since TensorFlow.Keras 0.10.5 it trains RMSprop + mean squared error, whatever the strings say.</summary>
    public static class AllStringCompile
    {
        public static IModel Train(NDArray images, NDArray labels)
        {
            var model = keras.Sequential(keras.layers.Flatten(), keras.layers.Dense(128, activation: "relu"), keras.layers.Dense(10, activation: "softmax"));
            model.compile("adam", "sparse_categorical_crossentropy", new[] { "accuracy" });   // KL0011
            model.fit(images, labels, epochs: 5);
            return model;
        }
    }
}
