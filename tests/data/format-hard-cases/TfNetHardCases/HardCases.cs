using Tensorflow.Keras.Engine;
using Tensorflow.NumPy;
using static Tensorflow.KerasApi;

namespace TfNetHardCases
{
    public static class HardCases
    {
        // KL0004 first: a Softmax layer after Dense(1); TensorFlow.NET has no Activation layer to put in its place.
        public static void SoftmaxLayer()
        {
            var model = keras.Sequential(keras.layers.Dense(1), keras.layers.Softmax());
            model.compile(keras.optimizers.Adam(), keras.losses.BinaryCrossentropy());
        }

        // KL0011 first (once): a loss string that is not a constant; no edit can name its object, so it is KL0015 (no fix).
        public static void LossNotConstant()
        {
            var model = keras.Sequential(keras.layers.Dense(10));
            model.compile("adam", System.Environment.GetEnvironmentVariable("LOSS"), new[] { "mae" });
        }

        // Then: an all-string compile with null metrics (objects would make the call ambiguous).
        public static void NullMetrics()
        {
            var model = keras.Sequential(keras.layers.Dense(10));
            model.compile("adam", "mse", null);
        }

        // KL0010 first: an unknown metric in an array with an explicit length.
        public static void ExplicitLength()
        {
            var model = keras.Sequential(keras.layers.Dense(10));
            model.compile(keras.optimizers.Adam(), keras.losses.MeanSquaredError(), new string[2] { "mae", "None" });
        }

        // The ordinary cases of the same ids, met after the hard ones.
        public static void Ordinary()
        {
            var a = keras.Sequential(keras.layers.Dense(1, activation: "softmax"));
            a.compile(keras.optimizers.Adam(), keras.losses.BinaryCrossentropy());
            var b = keras.Sequential(keras.layers.Dense(10));
            b.compile("sgd", "mse", new[] { "mae" });
            var c = keras.Sequential(keras.layers.Dense(10));
            c.compile(keras.optimizers.Adam(), keras.losses.MeanSquaredError(), new[] { "mae", "mse" });
        }
    }
}
