namespace KerasLint.Analyzers.Tests
{
    /// <summary>
    /// The engines find every rule class (<see cref="RuleRegistry"/>): a new rule needs no registration line. Each class
    /// has one instance, in every list of its kind once; the listed rules keep their instance and their order.
    /// </summary>
    public class RuleDiscoveryTests
    {
        private static readonly Type[] RuleTypes = typeof(KerasLintRule).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(KerasLintRule).IsAssignableFrom(t)).ToArray();

        [Fact]
        public void EveryRuleClassIsInEveryListOfItsKindOnce()
        {
            Assert.NotEmpty(RuleTypes);
            foreach (var type in RuleTypes)
            {
                Assert.Equal(typeof(SetupRuleAnalyzer).IsAssignableFrom(type) ? 1 : 0, RuleRegistry.SetupRules.Count(r => r.GetType() == type));
                Assert.Equal(typeof(IStepRule).IsAssignableFrom(type) ? 1 : 0, RuleRegistry.StepRules.Count(r => r.GetType() == type));
                Assert.Equal(typeof(IReadoutRule).IsAssignableFrom(type) ? 1 : 0, RuleRegistry.ReadoutRules.Count(r => r.GetType() == type));
                Assert.Equal(typeof(DropoutRule).IsAssignableFrom(type) ? 1 : 0, RuleRegistry.DropoutRules.Count(r => r.GetType() == type));
                Assert.Single(RuleRegistry.All.Where(r => r.GetType() == type).Distinct());
            }
        }

        [Fact]
        public void CompleteKeepsTheListedInstancesAndCreatesTheOthers()
        {
            var listed = new KL0004SoftmaxOnOneUnitAnalyzer();
            var rules = RuleRegistry.Complete(new KerasLintRule[] { listed, new KL0004SoftmaxOnOneUnitAnalyzer() },
                new[] { typeof(KL0009DropoutRateOutOfRangeAnalyzer), typeof(KL0004SoftmaxOnOneUnitAnalyzer), typeof(KL0001AccuracyOnRegressionAnalyzer) });
            Assert.Equal(3, rules.Length);
            Assert.Same(listed, rules[0]);
            Assert.IsType<KL0001AccuracyOnRegressionAnalyzer>(rules[1]);
            Assert.IsType<KL0009DropoutRateOutOfRangeAnalyzer>(rules[2]);
        }

        /// <summary>An engine's SupportedDiagnostics covers every rule of its kind, listed or found.</summary>
        [Fact]
        public void EnginesSupportEveryDescriptorOfTheirRules()
        {
            var supported = Engines.All.SelectMany(e => e.SupportedDiagnostics).ToHashSet();
            Assert.All(RuleRegistry.All.SelectMany(r => r.SupportedDiagnostics), d => Assert.Contains(d, supported));
        }
    }
}
