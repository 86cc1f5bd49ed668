using KerasLint.Model;
using Microsoft.CodeAnalysis;

namespace KerasLint.Analysis
{
    /// <summary>
    /// What the TorchSharp engine asks of a rule over hand-written training steps: every <see cref="TorchStepRuleAnalyzer"/>,
    /// and a rule of another kind that also judges steps (KL0004: the same mistake in every library, one implementation).
    /// </summary>
    internal interface IStepRule
    {
        /// <summary>The diagnostic for a step whose prediction is known, or null (the rule checks the loss it is about).</summary>
        Diagnostic? AnalyzeStep(TorchTrainingStep step);
    }
}
