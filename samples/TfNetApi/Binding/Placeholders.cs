// Types the TensorFlow.NET API listings do not show (they are outside the Keras surface) but that listed members
// need. Only their names, namespaces and the conversions user code relies on are declared; nothing else.
using System;
using System.Collections.Generic;
using Tensorflow.NumPy;

namespace Tensorflow
{
    public abstract class DisposableObject
    {
        protected DisposableObject() { }
    }

    /// <summary>An axis or axes; user code passes ints (<c>axis: 1</c>).</summary>
    public class Axis
    {
        protected Axis() { }

        public static implicit operator Axis(int axis) => throw new NotImplementedException();

        public static implicit operator Axis(int[] axis) => throw new NotImplementedException();
    }

    public interface IVariableV1
    {
    }

    public interface IDatasetV2
    {
    }
}

namespace Tensorflow.Common.Types
{
    public class Nest<T>
    {
        protected Nest() { }
    }

    public interface IOptionalArgs
    {
    }
}

namespace Tensorflow.Framework.Models
{
    /// <summary>Needed by <c>keras.Input(..., TypeSpec type_spec = null, ...)</c>.</summary>
    public class TypeSpec
    {
        protected TypeSpec() { }
    }
}

namespace Tensorflow.Train
{
    public class Trackable
    {
        protected Trackable() { }
    }

    public class AutoTrackable : Trackable
    {
        protected AutoTrackable() { }
    }
}

namespace Tensorflow.Util
{
    /// <summary><c>fit(validation_data: (x_val, y_val))</c>: implicit from the tuples TensorFlow.NET accepts.</summary>
    public class ValidationDataPack
    {
        protected ValidationDataPack() { }

        public static implicit operator ValidationDataPack((NDArray, NDArray) validation_data) => throw new NotImplementedException();

        public static implicit operator ValidationDataPack((NDArray, NDArray, NDArray) validation_data) => throw new NotImplementedException();

        public static implicit operator ValidationDataPack((IEnumerable<NDArray>, NDArray) validation_data) => throw new NotImplementedException();

        public static implicit operator ValidationDataPack((IEnumerable<NDArray>, NDArray, NDArray) validation_data) => throw new NotImplementedException();
    }
}
