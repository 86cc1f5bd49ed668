using Keras;
using Keras.Layers;
using Keras.Models;
using Numpy;

namespace KerasNetSample
{
    /// <summary>A typo in a metric name: C# compiles it, Python fails at run time.</summary>
    public static class TypoMetric
    {
        public static BaseModel Train(NDarray x, NDarray y)
        {
            var model = new Sequential();
            model.Add(new Dense(32, activation: "relu", input_shape: new Shape(8)));
            model.Add(new Dense(1));

            model.Compile(optimizer: "adam", loss: "mae", metrics: new[] { "mean_squared_eror" });   // KL0010
            model.Fit(x, y, epochs: 20);
            return model;
        }
    }
}
