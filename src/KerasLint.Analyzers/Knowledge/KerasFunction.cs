using System;

namespace KerasLint.Knowledge
{
    /// <summary>What kind of task a loss or metric is meant for (docs/keras-semantics.md §3a).</summary>
    public enum TaskClass
    {
        /// <summary>Continuous targets (mse, mae, …).</summary>
        Regression,

        /// <summary>0/1 targets, one or many independent sigmoid outputs.</summary>
        Binary,

        /// <summary>One label among C classes, one-hot targets.</summary>
        MultiClassOneHot,

        /// <summary>One label among C classes, integer targets.</summary>
        MultiClassSparse,

        /// <summary>Distributions (KL divergence).</summary>
        Probabilistic,

        /// <summary>Hinge losses (±1 or 0/1 labels on an unbounded score).</summary>
        Hinge,

        /// <summary>Anything else (segmentation, similarity, sequence, confusion counts).</summary>
        Other,
    }

    /// <summary>Whether a larger value of a metric is better.</summary>
    public enum MetricDirection
    {
        Unknown,
        Up,
        Down,
    }

    /// <summary>What the model's output must be for a loss to be meaningful.</summary>
    public enum OutputExpectation
    {
        /// <summary>Any real value (regression, hinge).</summary>
        Any,

        /// <summary>Independent probabilities in [0, 1] (sigmoid).</summary>
        IndependentProbabilities,

        /// <summary>A distribution over the last axis that sums to 1 (softmax).</summary>
        Distribution,
    }

    [Flags]
    public enum FunctionRoles
    {
        None = 0,
        Loss = 1,
        Metric = 2,
        Both = Loss | Metric,
    }

    /// <summary>One built-in Keras loss or metric under its canonical (Keras 3 snake_case) name.</summary>
    public sealed class KerasFunction
    {
        public KerasFunction(string canonicalName, TaskClass task, MetricDirection direction, OutputExpectation expects, FunctionRoles roles, string description)
        {
            CanonicalName = canonicalName;
            Task = task;
            Direction = direction;
            Expects = expects;
            Roles = roles;
            Description = description;
        }

        /// <summary>The Keras 3 snake_case name, e.g. <c>mean_squared_error</c>, <c>kl_divergence</c>, <c>log_cosh</c>.</summary>
        public string CanonicalName { get; }

        public TaskClass Task { get; }

        /// <summary>Direction when used as a metric: accuracies go up, losses and errors go down.</summary>
        public MetricDirection Direction { get; }

        /// <summary>What the prediction has to be for the function to mean something (losses with probabilities).</summary>
        public OutputExpectation Expects { get; }

        public FunctionRoles Roles { get; }

        /// <summary>A short phrase for messages, e.g. "share of outputs that round to the exact target".</summary>
        public string Description { get; }

        public bool IsRegression => Task == TaskClass.Regression;

        public override string ToString() => CanonicalName;
    }

    /// <summary>One spelling of a function accepted by <c>compile</c> in some families.</summary>
    public sealed class KerasName
    {
        public KerasName(string text, string canonical, FunctionRoles role, FamilySet families)
        {
            Text = text;
            Canonical = canonical;
            Role = role;
            Families = families;
        }

        public string Text { get; }

        public string Canonical { get; }

        public FunctionRoles Role { get; }

        public FamilySet Families { get; }
    }
}
