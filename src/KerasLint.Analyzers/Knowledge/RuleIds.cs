namespace KerasLint.Knowledge
{
    /// <summary>
    /// Every KerasLint rule id: the public contract (users suppress and configure by these). The analyzer's
    /// descriptors, the docs pages and the <c>keraslint prove</c> scenarios all refer to these constants.
    /// </summary>
    public static class RuleIds
    {
        // Keras.NET (and, later, TensorFlow.NET Keras) rules.
        public const string AccuracyOnRegression = "KL0001";
        public const string BinaryCrossentropyOnMultiClass = "KL0002";
        public const string AmbiguousAccuracy = "KL0003";
        public const string SoftmaxOnOneUnit = "KL0004";
        public const string LossExpectsProbabilities = "KL0005";
        public const string FromLogitsOnProbabilities = "KL0006";
        public const string RegressionLossOnClassifier = "KL0007";
        public const string MonitorKeyNeverLogged = "KL0008";
        public const string DropoutRateOutOfRange = "KL0009";
        public const string UnknownIdentifier = "KL0010";
        public const string StringCompileIgnored = "KL0011";
        public const string MonitorModeContradictsKey = "KL0012";
        public const string UnknownNameWithoutReplacement = "KL0013";
        public const string UnreadableSetting = "KL0014";
        public const string StringCompileWithoutObjects = "KL0015";

        // TorchSharp training-code rules.
        public const string CrossEntropyOnProbabilities = "KL0101";
        public const string BceOnUnboundedOutputs = "KL0102";
        public const string BceWithLogitsOnSigmoid = "KL0103";
        public const string NllLossWithoutLogSoftmax = "KL0104";
        public const string CrossEntropyOnOneUnit = "KL0105";
        public const string ArgmaxOfOneUnit = "KL0106";
        public const string ElementwiseAccuracyOnSoftmax = "KL0107";
        public const string RegressionLossOnTorchClassifier = "KL0108";
        public const string BceOnSoftmax = "KL0109";
        public const string ExactEqualityOnRegression = "KL0110";
    }
}
