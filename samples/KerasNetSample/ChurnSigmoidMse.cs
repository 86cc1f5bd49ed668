using Keras;
using Keras.Layers;
using Keras.Models;
using Numpy;

namespace KerasNetSample
{
    /// <summary>Customer churn (yes/no) with a sigmoid head trained on squared error.</summary>
    public static class ChurnSigmoidMse
    {
        public static BaseModel Train(NDarray customers, NDarray churned)
        {
            var model = new Sequential();
            model.Add(new Dense(32, activation: "relu", input_shape: new Shape(12)));
            model.Add(new Dense(1, activation: "sigmoid"));

            model.Compile(optimizer: "adam", loss: "mse", metrics: new[] { "accuracy" });      // KL0007
            model.Fit(customers, churned, epochs: 30, validation_split: 0.2f);
            return model;
        }
    }
}
