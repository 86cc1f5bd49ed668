// Keras.NET public API stand-in (the public SciSharp/Keras.NET API, package 3.8.5). Compile-time only: every body throws.
using System;
using System.Collections.Generic;
using Keras.Callbacks;
using Keras.Layers;
using Keras.Utils;
using Numpy;
using Python.Runtime;

namespace Keras.Models
{
    /// <summary>Compile / fit / evaluate / predict, shared by <see cref="Sequential"/> and <see cref="Model"/>.</summary>
    public class BaseModel : Base
    {
        public void Compile(StringOrInstance optimizer, string loss, string[] metrics = null, float[] loss_weights = null,
            string sample_weight_mode = null, string[] weighted_metrics = null, NDarray[] target_tensors = null)
            => throw new NotImplementedException();

        public void Compile(StringOrInstance optimizer, string[] loss, string[] metrics = null, float[] loss_weights = null,
            string sample_weight_mode = null, string[] weighted_metrics = null, NDarray[] target_tensors = null)
            => throw new NotImplementedException();

        public History Fit(NDarray x, NDarray y, int? batch_size = null, int epochs = 1, int verbose = 1, Callback[] callbacks = null,
            float validation_split = 0.0f, NDarray[] validation_data = null, bool shuffle = true,
            Dictionary<int, float> class_weight = null, NDarray sample_weight = null, int initial_epoch = 0,
            int? steps_per_epoch = null, int? validation_steps = null)
            => throw new NotImplementedException();

        public History Fit(NDarray x, NDarray[] y, int? batch_size = null, int epochs = 1, int verbose = 1, Callback[] callbacks = null,
            float validation_split = 0.0f, NDarray[] validation_data = null, bool shuffle = true,
            Dictionary<int, float> class_weight = null, NDarray sample_weight = null, int initial_epoch = 0,
            int? steps_per_epoch = null, int? validation_steps = null)
            => throw new NotImplementedException();

        public History FitGenerator(Sequence generator, int? steps_per_epoch = null, int epochs = 1, int verbose = 1,
            Callback[] callbacks = null, Sequence validation_data = null, int? validation_steps = null,
            int validation_freq = 1, Dictionary<int, float> class_weight = null, int max_queue_size = 10, int workers = 1,
            bool use_multiprocessing = false, bool shuffle = true, int initial_epoch = 0)
            => throw new NotImplementedException();

        public double[] Evaluate(NDarray x, NDarray y, int? batch_size = null, int verbose = 1, NDarray sample_weight = null,
            int? steps = null, Callback[] callbacks = null)
            => throw new NotImplementedException();

        public NDarray Predict(NDarray x, int? batch_size = null, int verbose = 1, int? steps = null, Callback[] callbacks = null)
            => throw new NotImplementedException();

        public NDarray Predict(List<NDarray> x, int? batch_size = null, int verbose = 1, int? steps = null, Callback[] callbacks = null)
            => throw new NotImplementedException();

        public NDarray[] PredictMultipleOutputs(NDarray x, int? batch_size = null, int verbose = 1, int? steps = null, Callback[] callbacks = null)
            => throw new NotImplementedException();

        public double[] TrainOnBatch(NDarray x, NDarray y, NDarray sample_weight = null, Dictionary<int, float> class_weight = null)
            => throw new NotImplementedException();

        public void Summary(int? line_length = null, float[] positions = null) => throw new NotImplementedException();

        public void Save(string filepath, bool overwrite = true, bool include_optimizer = true) => throw new NotImplementedException();

        public void SaveWeight(string filepath, bool overwrite = true) => throw new NotImplementedException();

        public void LoadWeight(string filepath) => throw new NotImplementedException();

        public string ToJson() => throw new NotImplementedException();

        public static BaseModel LoadModel(string filepath, Dictionary<string, PyObject> custom_objects = null, bool compile = true)
            => throw new NotImplementedException();

        public static BaseModel ModelFromJson(string json_string) => throw new NotImplementedException();

        public static BaseModel ModelFromYaml(string yaml_string) => throw new NotImplementedException();
    }

    /// <summary>A linear stack of layers.</summary>
    public class Sequential : BaseModel
    {
        public Sequential() => throw new NotImplementedException();

        public Sequential(BaseLayer[] layers) => throw new NotImplementedException();

        public void Add(BaseLayer layer) => throw new NotImplementedException();
    }

    /// <summary>A functional-API model from input and output layers.</summary>
    public class Model : BaseModel
    {
        public Model(BaseLayer[] inputs, BaseLayer[] outputs) => throw new NotImplementedException();

        public Model(params BaseLayer[] inputs) => throw new NotImplementedException();
    }
}
