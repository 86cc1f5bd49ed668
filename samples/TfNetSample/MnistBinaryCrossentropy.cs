namespace TfNetSample
{
    /// <summary>A 10-class softmax head trained with binary crossentropy: every class becomes its own yes/no problem.</summary>
    public static class MnistBinaryCrossentropy
    {
        public static IModel Train(NDArray images, NDArray oneHot)
        {
            var inputs = keras.Input(shape: 784);
            var hidden = keras.layers.Dense(128, activation: "relu").Apply(inputs);
            var outputs = keras.layers.Dense(10, activation: "softmax").Apply(hidden);
            var model = keras.Model(inputs, outputs);
            model.compile(keras.optimizers.Adam(),
                keras.losses.BinaryCrossentropy(),                                              // KL0002
                new[] { "accuracy" });
            model.fit(images, oneHot, epochs: 5);
            return model;
        }
    }
}
