using Keras;
using Keras.Layers;
using Keras.Models;
using Numpy;

namespace KerasNetSample
{
    /// <summary>A spam filter whose single output unit goes through softmax: it predicts 1.0 for every e-mail.</summary>
    public static class SpamSoftmaxOneUnit
    {
        public static BaseModel Train(NDarray bagOfWords, NDarray isSpam)
        {
            var model = new Sequential(new BaseLayer[]
            {
                new Dense(32, activation: "relu", input_shape: new Shape(5000)),
                new Dense(1, activation: "softmax"),                                            // KL0004
            });

            model.Compile(optimizer: "adam", loss: "binary_crossentropy", metrics: new[] { "binary_accuracy" });
            model.Fit(bagOfWords, isSpam, batch_size: 32, epochs: 10, validation_split: 0.1f);
            return model;
        }
    }
}
