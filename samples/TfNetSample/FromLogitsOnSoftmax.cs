namespace TfNetSample
{
    /// <summary>from_logits: true after a softmax head: the probabilities are squashed a second time.</summary>
    public static class FromLogitsOnSoftmax
    {
        public static IModel Train(NDArray images, NDArray labels)
        {
            var model = Build();
            model.compile(optimizer: keras.optimizers.Adam(),
                loss: new SparseCategoricalCrossentropy(from_logits: true),                     // KL0006
                metrics: new[] { "accuracy" });
            model.fit(images, labels, epochs: 5);
            return model;
        }

        private static Sequential Build() => keras.Sequential(
            keras.layers.Flatten(),
            keras.layers.Dense(128, activation: "relu"),
            keras.layers.Dense(10, activation: "softmax"));
    }
}
