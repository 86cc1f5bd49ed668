using KerasLint.Model;
using Microsoft.CodeAnalysis;

namespace KerasLint.Analysis
{
    /// <summary>
    /// What the TorchSharp engine asks of a rule over hand-written metric read-outs: every <see cref="TorchReadoutRuleAnalyzer"/>,
    /// and a rule of another kind that also judges read-outs (KL0001/KL0110: the same mistake in every library, one implementation).
    /// </summary>
    internal interface IReadoutRule
    {
        /// <summary>The diagnostic for a read-out whose prediction is known, or null.</summary>
        Diagnostic? AnalyzeReadout(TorchReadout readout);
    }
}
