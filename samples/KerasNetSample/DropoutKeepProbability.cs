using Keras;
using Keras.Layers;
using Keras.Models;
using Numpy;

namespace KerasNetSample
{
    /// <summary>
    /// A "keep probability" of 1.0 carried over from TF1 code into Keras's Dropout, which takes the drop rate.
    /// </summary>
    public static class DropoutKeepProbability
    {
        private const double KeepProbability = 1.0;

        public static BaseModel Train(NDarray images, NDarray oneHotLabels)
        {
            var model = new Sequential();
            model.Add(new Flatten());
            model.Add(new Dense(256, activation: "relu"));
            model.Add(new Dropout(KeepProbability));                                            // KL0009
            model.Add(new Dense(10, activation: "softmax"));

            model.Compile(optimizer: "adam", loss: "categorical_crossentropy", metrics: new[] { "accuracy" });
            model.Fit(images, oneHotLabels, batch_size: 128, epochs: 10);
            return model;
        }
    }
}
