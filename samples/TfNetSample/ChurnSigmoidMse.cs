namespace TfNetSample
{
    /// <summary>A churn classifier (sigmoid head) trained with mean squared error: gradients vanish near 0 and 1.</summary>
    public static class ChurnSigmoidMse
    {
        public static IModel Train(NDArray customers, NDArray churned)
        {
            var model = keras.Sequential(keras.layers.Dense(16, activation: "relu"), keras.layers.Dense(1, activation: "sigmoid"));
            model.compile(keras.optimizers.Adam(), new MeanSquaredError(), new[] { "accuracy" });   // KL0007
            model.fit(customers, churned, epochs: 10);
            return model;
        }
    }
}
