// Keras.NET public API stand-in (the public SciSharp/Keras.NET API, package 3.8.5). Compile-time only: every body throws.
using System;
using Numpy;

namespace Keras.Layers
{
    /// <summary>Base of every layer. <see cref="Set"/> applies the layer to inputs (functional API).</summary>
    public class BaseLayer : Base
    {
        public BaseLayer Set(params BaseLayer[] inputs) => throw new NotImplementedException();

        public NDarray[] GetWeights() => throw new NotImplementedException();

        public void SetWeights(NDarray[] weights) => throw new NotImplementedException();
    }

    public class Dense : BaseLayer
    {
        public Dense(int units, int? input_dim = null, string activation = "", bool use_bias = true,
            StringOrInstance kernel_initializer = null, string bias_initializer = "zeros",
            StringOrInstance kernel_regularizer = null, string bias_regularizer = "", string activity_regularizer = "",
            string kernel_constraint = "", string bias_constraint = "", Shape input_shape = null)
            => throw new NotImplementedException();
    }

    /// <summary>C# parameter <c>act</c>, sent to Python as kwarg <c>activation</c>.</summary>
    public class Activation : BaseLayer
    {
        public Activation(string act, Shape input_shape = null) => throw new NotImplementedException();
    }

    public class Dropout : BaseLayer
    {
        public Dropout(double rate, Shape noise_shape = null, int? seed = null) => throw new NotImplementedException();
    }

    public class Flatten : BaseLayer
    {
        public Flatten(string data_format = "channels_last") => throw new NotImplementedException();
    }

    public class Conv2D : BaseLayer
    {
        public Conv2D(int filters, Tuple<int, int> kernel_size, Tuple<int, int> strides = null, string padding = "valid",
            string data_format = "channels_last", Tuple<int, int> dilation_rate = null, string activation = "",
            bool use_bias = true, string kernel_initializer = "glorot_uniform", string bias_initializer = "zeros",
            string kernel_regularizer = "", string bias_regularizer = "", string activity_regularizer = "",
            string kernel_constraint = "", string bias_constraint = "", Shape input_shape = null)
            => throw new NotImplementedException();
    }

    public class Conv1D : BaseLayer
    {
        public Conv1D(int filters, int kernel_size, int strides = 1, string padding = "valid", string data_format = "channels_last",
            int dilation_rate = 1, string activation = "", bool use_bias = true, Shape input_shape = null)
            => throw new NotImplementedException();
    }

    public class LSTM : BaseLayer
    {
        public LSTM(int units, string activation = "tanh", string recurrent_activation = "hard_sigmoid", bool use_bias = true,
            string kernel_initializer = "glorot_uniform", string recurrent_initializer = "orthogonal",
            string bias_initializer = "zeros", bool unit_forget_bias = true, string kernel_regularizer = "",
            string recurrent_regularizer = "", string bias_regularizer = "", string activity_regularizer = "",
            string kernel_constraint = "", string recurrent_constraint = "", string bias_constraint = "",
            float dropout = 0.0f, float recurrent_dropout = 0.0f, int implementation = 1, bool return_sequences = false,
            bool return_state = false, bool go_backwards = false, bool stateful = false, bool unroll = false,
            Shape batch_input_shape = null, Shape input_shape = null)
            => throw new NotImplementedException();
    }

    public class GRU : BaseLayer
    {
        public GRU(int units, string activation = "tanh", string recurrent_activation = "hard_sigmoid", bool use_bias = true,
            float dropout = 0.0f, float recurrent_dropout = 0.0f, bool return_sequences = false, bool return_state = false,
            Shape input_shape = null)
            => throw new NotImplementedException();
    }

    public class SimpleRNN : BaseLayer
    {
        public SimpleRNN(int units, string activation = "tanh", bool use_bias = true, float dropout = 0.0f,
            float recurrent_dropout = 0.0f, bool return_sequences = false, Shape input_shape = null)
            => throw new NotImplementedException();
    }

    /// <summary>Softmax activation layer (AdvanceActivation.cs).</summary>
    public class Softmax : BaseLayer
    {
        public Softmax(int axis = -1) => throw new NotImplementedException();
    }

    public class LeakyReLU : BaseLayer
    {
        public LeakyReLU(float alpha = 0.3f) => throw new NotImplementedException();
    }

    public class ReLU : BaseLayer
    {
        public ReLU(float? max_value = null, float negative_slope = 0, float threshold = 0) => throw new NotImplementedException();
    }

    public class Input : BaseLayer
    {
        public Input(Shape shape, Shape batch_shape = null, string name = "", string dtype = "float32", bool sparse = false,
            NDarray tensor = null)
            => throw new NotImplementedException();
    }

    public class Embedding : BaseLayer
    {
        public Embedding(int input_dim, int output_dim, string embeddings_initializer = "uniform",
            string embeddings_regularizer = "", string activity_regularizer = "", string embeddings_constraint = "",
            bool mask_zero = false, int? input_length = null)
            => throw new NotImplementedException();
    }

    public class MaxPooling2D : BaseLayer
    {
        public MaxPooling2D(Tuple<int, int> pool_size = null, Tuple<int, int> strides = null, string padding = "valid",
            string data_format = "channels_last")
            => throw new NotImplementedException();
    }

    public class BatchNormalization : BaseLayer
    {
        public BatchNormalization(int axis = -1, float momentum = 0.99f, float epsilon = 0.001f, bool center = true, bool scale = true)
            => throw new NotImplementedException();
    }

    public class Reshape : BaseLayer
    {
        public Reshape(Shape target_shape, Shape input_shape = null) => throw new NotImplementedException();
    }
}
