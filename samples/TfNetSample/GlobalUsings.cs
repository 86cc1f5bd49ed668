// The namespaces every sample program uses (TensorFlow.NET's Keras API and NumPy arrays; `keras` from KerasApi).
global using System.Collections.Generic;
global using Tensorflow;
global using Tensorflow.Keras;
global using Tensorflow.Keras.Callbacks;
global using Tensorflow.Keras.Engine;
global using Tensorflow.Keras.Losses;
global using Tensorflow.NumPy;
global using static Tensorflow.KerasApi;
