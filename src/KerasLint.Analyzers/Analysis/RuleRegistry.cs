using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KerasLint.Rules;
using Microsoft.CodeAnalysis;

namespace KerasLint.Analysis
{
    /// <summary>
    /// Every rule, one registration line each, grouped by the engine that runs it. A new rule is a class in Rules/
    /// and one line here; the engine's SupportedDiagnostics is the union of its rules' descriptors.
    /// </summary>
    public static class RuleRegistry
    {
        /// <summary>Rules over compiled training setups (Keras.NET, TensorFlow.NET): <see cref="KerasLintSetupAnalyzer"/>.</summary>
        internal static ImmutableArray<SetupRuleAnalyzer> SetupRules { get; } = ImmutableArray.Create<SetupRuleAnalyzer>(
            new KL0001AccuracyOnRegressionAnalyzer(),
            new KL0002BinaryCrossentropyOnMultiClassAnalyzer(),
            new KL0003AmbiguousAccuracyAnalyzer(),
            new KL0004SoftmaxOnOneUnitAnalyzer(),
            new KL0005LossExpectsProbabilitiesAnalyzer(),
            new KL0006FromLogitsOnProbabilitiesAnalyzer(),
            new KL0007RegressionLossOnClassifierAnalyzer(),
            new KL0008MonitorKeyNeverLoggedAnalyzer(),
            new KL0010UnknownIdentifierAnalyzer(),
            new KL0011StringCompileIgnoredAnalyzer(),
            new KL0012MonitorModeContradictsKeyAnalyzer());

        /// <summary>
        /// Rules over hand-written training steps (TorchSharp), each an <see cref="IStepRule"/>: <see cref="KerasLintTorchAnalyzer"/>.
        /// A rule of every library (one mistake, decided once on the neutral view, each library's id) is listed here too,
        /// the same instance as in <see cref="SetupRules"/>: it judges setups and steps.
        /// </summary>
        internal static ImmutableArray<KerasLintRule> StepRules { get; } = ImmutableArray.Create<KerasLintRule>(
            SetupRules.OfType<KL0002BinaryCrossentropyOnMultiClassAnalyzer>().Single(),
            SetupRules.OfType<KL0004SoftmaxOnOneUnitAnalyzer>().Single(),
            SetupRules.OfType<KL0005LossExpectsProbabilitiesAnalyzer>().Single(),
            SetupRules.OfType<KL0006FromLogitsOnProbabilitiesAnalyzer>().Single(),
            SetupRules.OfType<KL0007RegressionLossOnClassifierAnalyzer>().Single(),
            new KL0105CrossEntropyOnOneUnitAnalyzer());

        /// <summary>
        /// Rules over hand-written metric read-outs (TorchSharp), each an <see cref="IReadoutRule"/>: <see cref="KerasLintTorchAnalyzer"/>.
        /// A rule of every library is listed here too, the same instance as in <see cref="SetupRules"/>: it judges setups and read-outs.
        /// </summary>
        internal static ImmutableArray<KerasLintRule> ReadoutRules { get; } = ImmutableArray.Create<KerasLintRule>(
            new KL0106ArgmaxOfOneUnitAnalyzer(),
            new KL0107ElementwiseAccuracyOnSoftmaxAnalyzer(),
            SetupRules.OfType<KL0001AccuracyOnRegressionAnalyzer>().Single());

        /// <summary>Rules over the Dropout layers of every library: <see cref="KerasLintDropoutAnalyzer"/>.</summary>
        internal static ImmutableArray<DropoutRule> DropoutRules { get; } = ImmutableArray.Create<DropoutRule>(
            new KL0009DropoutRateOutOfRangeAnalyzer());

        /// <summary>Every registered rule.</summary>
        public static IEnumerable<KerasLintRule> All =>
            SetupRules.Cast<KerasLintRule>().Concat(StepRules).Concat(ReadoutRules).Concat(DropoutRules);

        /// <summary>The union of the rules' descriptors, each once.</summary>
        internal static ImmutableArray<DiagnosticDescriptor> DescriptorsOf(IEnumerable<KerasLintRule> rules) =>
            rules.SelectMany(r => r.SupportedDiagnostics).Distinct().ToImmutableArray();
    }
}
