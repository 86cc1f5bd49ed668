// Keras.NET public API stand-in (the public SciSharp/Keras.NET API, package 3.8.5). Compile-time only: every body throws.
using System;
using System.Collections.Generic;
using Python.Runtime;

namespace Keras
{
    /// <summary>Root of every Keras.NET object that wraps a Python object.</summary>
    public class Base
    {
        public Dictionary<string, object> Parameters { get; } = new Dictionary<string, object>();

        public PyObject PyInstance => throw new NotImplementedException();

        public PyObject InvokeMethod(string method, Dictionary<string, object> args = null) => throw new NotImplementedException();

        public PyObject Init() => throw new NotImplementedException();
    }

    /// <summary>A string (Python name) or a Keras.NET object; implicit from both.</summary>
    public class StringOrInstance
    {
        public PyObject PyObject => throw new NotImplementedException();

        public static implicit operator StringOrInstance(string value) => throw new NotImplementedException();

        public static implicit operator StringOrInstance(Base value) => throw new NotImplementedException();
    }

    /// <summary>A tensor shape: <c>new Shape(28, 28, 1)</c>, or implicit from an int or a tuple of 2–5 ints.</summary>
    public class Shape
    {
        public Shape(params int[] shape) => throw new NotImplementedException();

        public int[] Dimensions => throw new NotImplementedException();

        public static implicit operator Shape(int dim) => throw new NotImplementedException();

        public static implicit operator Shape((int, int) dims) => throw new NotImplementedException();

        public static implicit operator Shape((int, int, int) dims) => throw new NotImplementedException();

        public static implicit operator Shape((int, int, int, int) dims) => throw new NotImplementedException();

        public static implicit operator Shape((int, int, int, int, int) dims) => throw new NotImplementedException();
    }

    /// <summary>Which Python Keras module Keras.NET imports ("tensorflow.keras" from 3.8.5 on).</summary>
    public static class Setup
    {
        public static string KerasModule { get; set; } = "tensorflow.keras";

        public static void UseTfKeras() => throw new NotImplementedException();

        public static void UseOldKeras() => throw new NotImplementedException();
    }

    /// <summary>Evaluates a loss on arrays (cannot be passed to Compile).</summary>
    public static class Losses
    {
        public static Numpy.NDarray BinaryCrossentropy(Numpy.NDarray y_true, Numpy.NDarray y_pred) => throw new NotImplementedException();

        public static Numpy.NDarray CategoricalCrossentropy(Numpy.NDarray y_true, Numpy.NDarray y_pred) => throw new NotImplementedException();

        public static Numpy.NDarray MeanSquaredError(Numpy.NDarray y_true, Numpy.NDarray y_pred) => throw new NotImplementedException();
    }

    /// <summary>Evaluates a metric on arrays (cannot be passed to Compile).</summary>
    public static class Metrics
    {
        public static Numpy.NDarray BinaryAccuracy(Numpy.NDarray y_true, Numpy.NDarray y_pred) => throw new NotImplementedException();

        public static Numpy.NDarray CategoricalAccuracy(Numpy.NDarray y_true, Numpy.NDarray y_pred) => throw new NotImplementedException();
    }
}

namespace Numpy
{
    /// <summary>Numpy.NET's n-dimensional array (package Numpy.Bare).</summary>
    public class NDarray
    {
        public PyObject PyObject => throw new NotImplementedException();

        public int[] shape => throw new NotImplementedException();
    }
}

namespace Python.Runtime
{
    /// <summary>pythonnet's Python object handle (declared here only so the signatures above compile).</summary>
    public class PyObject
    {
    }
}
