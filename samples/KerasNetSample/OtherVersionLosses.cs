using Keras;
using Keras.Layers;
using Keras.Models;
using Numpy;

namespace KerasNetSample
{
    /// <summary>
    /// Loss names of other Keras versions, under the tf.keras this project imports: one that tf.keras spells differently
    /// (the fix writes its name for the same loss) and one that only Keras 3 has (no edit can fix it).
    /// </summary>
    public static class OtherVersionLosses
    {
        public static BaseModel TrainEmbedding(NDarray x, NDarray y)
        {
            var model = new Sequential();
            model.Add(new Dense(32, activation: "relu", input_shape: new Shape(8)));
            model.Add(new Dense(8));

            model.Compile(optimizer: "adam", loss: "cosine_proximity");   // KL0010
            model.Fit(x, y, epochs: 20);
            return model;
        }

        public static BaseModel TrainMask(NDarray x, NDarray y)
        {
            var model = new Sequential();
            model.Add(new Dense(32, activation: "relu", input_shape: new Shape(8)));
            model.Add(new Dense(1, activation: "sigmoid"));

            model.Compile(optimizer: "adam", loss: "dice");   // KL0013
            model.Fit(x, y, epochs: 20);
            return model;
        }
    }
}
