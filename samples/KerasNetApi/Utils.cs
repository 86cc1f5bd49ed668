// Keras.NET public API stand-in (the public SciSharp/Keras.NET API, package 3.8.5). Compile-time only: every body throws.
using System;
using Numpy;

namespace Keras.Utils
{
    public static class Util
    {
        public static NDarray ToCategorical(NDarray y, int? num_classes = null, string dtype = "float32") => throw new NotImplementedException();
    }

    /// <summary>A data generator for FitGenerator.</summary>
    public class Sequence : Base
    {
    }
}
