// Keras.NET public API stand-in (the public SciSharp/Keras.NET API, package 3.8.5). Compile-time only: every body throws.
using System;
using System.Collections.Generic;

namespace Keras.Callbacks
{
    /// <summary>Base of every callback; <see cref="Custom"/> wraps a Python-defined one.</summary>
    public class Callback : Base
    {
        public static Callback Custom(string name, string fileOrcode, bool isFile = true) => throw new NotImplementedException();
    }

    /// <summary>Returned by Fit: per-epoch logs keyed by Python metric names ("loss", "accuracy", "val_accuracy", ...).</summary>
    public class History : Callback
    {
        public double[] Epoch => throw new NotImplementedException();

        public Dictionary<string, double[]> HistoryLogs => throw new NotImplementedException();
    }

    public class EarlyStopping : Callback
    {
        public EarlyStopping(string monitor = "val_loss", float min_delta = 0, int patience = 0, int verbose = 0,
            string mode = "auto", float? baseline = null, bool restore_best_weights = false)
            => throw new NotImplementedException();
    }

    public class ModelCheckpoint : Callback
    {
        public ModelCheckpoint(string filepath, string monitor = "val_loss", int verbose = 0, bool save_best_only = true,
            bool save_weights_only = false, string mode = "auto", int period = 1)
            => throw new NotImplementedException();
    }

    public class ReduceLROnPlateau : Callback
    {
        public ReduceLROnPlateau(string monitor = "val_loss", float factor = 0.1f, int patience = 10, int verbose = 0,
            string mode = "auto", float min_delta = 0.0001f, int cooldown = 0, float min_lr = 0)
            => throw new NotImplementedException();
    }

    public class CSVLogger : Callback
    {
        public CSVLogger(string filename, string separator = ",", bool append = false) => throw new NotImplementedException();
    }

    public class TensorBoard : Callback
    {
        public TensorBoard(string log_dir = "./logs", int histogram_freq = 0, int batch_size = 32, bool write_graph = true,
            bool write_grads = false, bool write_images = false, string update_freq = "epoch")
            => throw new NotImplementedException();
    }
}
