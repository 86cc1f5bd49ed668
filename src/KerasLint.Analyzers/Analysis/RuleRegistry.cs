using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using KerasLint.Rules;
using Microsoft.CodeAnalysis;

namespace KerasLint.Analysis
{
    /// <summary>
    /// Every rule, grouped by the engine that runs it; the engine's SupportedDiagnostics is the union of its rules'
    /// descriptors. A new rule is a class in Rules/ and needs no line here: the rules written before discovery are
    /// listed below, and the static constructor adds every other concrete <see cref="KerasLintRule"/> of this assembly
    /// (one instance per class) to each list of its kind (<see cref="Complete"/>).
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

        /// <summary>
        /// Completes the lists: each rule class, listed or not, has one instance, and it is in every list of its kind
        /// (<see cref="SetupRuleAnalyzer"/>, <see cref="IStepRule"/>, <see cref="IReadoutRule"/>,
        /// <see cref="DropoutRule"/>) once; the listed rules keep their order, the others follow by class name. Runs once
        /// per process (a type scan of this assembly); the lists stay immutable.
        /// </summary>
        static RuleRegistry()
        {
            var rules = Complete(SetupRules.Cast<KerasLintRule>().Concat(StepRules).Concat(ReadoutRules).Concat(DropoutRules), RuleTypes());
            SetupRules = WithKind(SetupRules, rules);
            StepRules = WithKind(StepRules, rules.Where(r => r is IStepRule));
            ReadoutRules = WithKind(ReadoutRules, rules.Where(r => r is IReadoutRule));
            DropoutRules = WithKind(DropoutRules, rules);
        }

        /// <summary>The listed instances (one per class), then one new instance of every other class in <paramref name="types"/>.</summary>
        internal static ImmutableArray<KerasLintRule> Complete(IEnumerable<KerasLintRule> listed, IEnumerable<Type> types)
        {
            var rules = new List<KerasLintRule>();
            var seen = new HashSet<Type>();
            foreach (var rule in listed)
            {
                if (seen.Add(rule.GetType())) rules.Add(rule);
            }

            foreach (var type in types.Where(t => !seen.Contains(t)).OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                if (type.GetConstructor(Type.EmptyTypes) is { } constructor && seen.Add(type)) rules.Add((KerasLintRule)constructor.Invoke(null));
            }

            return rules.ToImmutableArray();
        }

        /// <summary>The concrete rule classes of this assembly (a type that cannot load is skipped).</summary>
        private static IEnumerable<Type> RuleTypes()
        {
            Type?[] types;
            try
            {
                types = typeof(KerasLintRule).Assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException e)
            {
                types = e.Types;
            }

            return types.Where(t => t != null && !t.IsAbstract && typeof(KerasLintRule).IsAssignableFrom(t)).Select(t => t!);
        }

        /// <summary><paramref name="list"/>, then every rule of <typeparamref name="T"/> in <paramref name="rules"/> whose class it lacks.</summary>
        private static ImmutableArray<T> WithKind<T>(ImmutableArray<T> list, IEnumerable<KerasLintRule> rules)
            where T : KerasLintRule
        {
            var builder = list.ToBuilder();
            foreach (var rule in rules.OfType<T>())
            {
                if (!builder.Any(r => r.GetType() == rule.GetType())) builder.Add(rule);
            }

            return builder.ToImmutable();
        }

        /// <summary>Every registered rule.</summary>
        public static IEnumerable<KerasLintRule> All =>
            SetupRules.Cast<KerasLintRule>().Concat(StepRules).Concat(ReadoutRules).Concat(DropoutRules);

        /// <summary>The union of the rules' descriptors, each once.</summary>
        internal static ImmutableArray<DiagnosticDescriptor> DescriptorsOf(IEnumerable<KerasLintRule> rules) =>
            rules.SelectMany(r => r.SupportedDiagnostics).Distinct().ToImmutableArray();
    }
}
