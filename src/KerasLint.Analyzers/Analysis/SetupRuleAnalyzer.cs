using KerasLint.Model;

namespace KerasLint.Analysis
{
    /// <summary>
    /// Base of the rules over compiled training setups (<see cref="TrainingSetup"/>), whatever library built them; the
    /// setup engine (<see cref="KerasLintSetupAnalyzer"/>) runs them over every setup it recognises.
    /// </summary>
    public abstract class SetupRuleAnalyzer : KerasLintRule
    {
        /// <summary>Reports what this rule finds in one setup (the reporter drops repeats).</summary>
        internal abstract void Analyze(TrainingSetup setup, Reporter report);
    }
}
