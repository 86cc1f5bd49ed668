using Keras.Callbacks;
using Keras.Layers;
using Keras.Models;
using Numpy;

namespace KerasNetHardCases
{
    public static class HardCases
    {
        // KL0001 first: the metrics array is kept in a local that already holds the natural metric ("mae").
        public static void MetricsInALocal(NDarray x, NDarray y)
        {
            var model = new Sequential();
            model.Add(new Dense(1));
            var metrics = new[] { "accuracy", "mae" };
            model.Compile(optimizer: "sgd", loss: "mse", metrics: metrics);
        }

        // KL0008 first: one callback watched by two compiles that log different keys.
        public static void SharedCallback(NDarray x, NDarray y)
        {
            var model = new Sequential();
            model.Add(new Dense(10, activation: "softmax"));
            var stop = new EarlyStopping(monitor: "val_acc", mode: "max");
            model.Compile(optimizer: "adam", loss: "categorical_crossentropy", metrics: new[] { "accuracy" });
            model.Fit(x, y, validation_split: 0.2f, callbacks: new Callback[] { stop });
            model.Compile(optimizer: "sgd", loss: "categorical_crossentropy", metrics: new[] { "categorical_accuracy" });
            model.Fit(x, y, validation_split: 0.2f, callbacks: new Callback[] { stop });
        }

        // The ordinary cases of the same ids, met after the hard ones.
        public static void Ordinary(NDarray x, NDarray y)
        {
            var model = new Sequential();
            model.Add(new Dense(1));
            model.Compile(optimizer: "adam", loss: "mse", metrics: new[] { "accuracy" });
            var stop = new EarlyStopping(monitor: "val_acc");
            model.Fit(x, y, validation_split: 0.2f, callbacks: new Callback[] { stop });
        }
    }
}
