// Keras.NET public API stand-in (the public SciSharp/Keras.NET API, package 3.8.5). Compile-time only: every body throws.
using System;

namespace Keras.Optimizers
{
    public class SGD : Base
    {
        public SGD(float lr = 0.01f, float momentum = 0.0f, float decay = 0.0f, bool nesterov = false) => throw new NotImplementedException();
    }

    public class RMSprop : Base
    {
        public RMSprop(float lr = 0.01f, float rho = 0.9f, float? epsilon = null, float decay = 0.0f) => throw new NotImplementedException();
    }

    public class Adagrad : Base
    {
        public Adagrad(float lr = 0.01f, float? epsilon = null, float decay = 0.0f) => throw new NotImplementedException();
    }

    public class Adadelta : Base
    {
        public Adadelta(float lr = 1.0f, float rho = 0.95f, float? epsilon = null, float decay = 0.0f) => throw new NotImplementedException();
    }

    public class Adam : Base
    {
        public Adam(float lr = 0.001f, float beta_1 = 0.9f, float beta_2 = 0.999f, float? epsilon = null, float decay = 0.0f,
            bool amsgrad = false)
            => throw new NotImplementedException();
    }

    public class Adamax : Base
    {
        public Adamax(float lr = 0.002f, float beta_1 = 0.9f, float beta_2 = 0.999f, float? epsilon = null, float decay = 0.0f)
            => throw new NotImplementedException();
    }

    /// <summary>Quirk of Keras.NET: instantiates Python Adamax.</summary>
    public class Nadam : Base
    {
        public Nadam(float lr = 0.002f, float beta_1 = 0.9f, float beta_2 = 0.999f) => throw new NotImplementedException();
    }
}
