using KerasLint.Model;
using Microsoft.CodeAnalysis;

namespace KerasLint.Analysis
{
    /// <summary>
    /// Base of the rules over hand-written TorchSharp metrics (<see cref="TorchReadout"/>: argmax, round, a threshold
    /// or an equality applied to a prediction); the TorchSharp engine (<see cref="KerasLintTorchAnalyzer"/>) runs them
    /// over every read-out whose prediction is known (<see cref="IReadoutRule"/>).
    /// </summary>
    public abstract class TorchReadoutRuleAnalyzer : KerasLintRule, IReadoutRule
    {
        /// <summary>The diagnostic for a read-out whose prediction is known, or null.</summary>
        internal abstract Diagnostic? Analyze(TorchReadout readout);

        Diagnostic? IReadoutRule.AnalyzeReadout(TorchReadout readout) => Analyze(readout);

        /// <summary>
        /// A diagnostic on the read-out, carrying the fixes of its id (<see cref="Rules.TorchFixPlans"/>: typed edits on
        /// the model's locations, in the diagnostic's properties and additional locations).
        /// </summary>
        internal static Diagnostic Create(DiagnosticDescriptor descriptor, TorchReadout readout, params object[] args) =>
            Rules.TorchFixPlans.For(descriptor.Id, readout).Create(descriptor, readout.Node.GetLocation(), args);

        /// <summary>The value the prediction exceeds exactly where its logit exceeds 0, as messages say it ("0", "0.5", "ln 2", "1"); null when none is known.</summary>
        internal static string? ZeroLogitThreshold(TorchReadout readout) => TorchFixEdits.ZeroLogitThreshold(readout.Head);

        /// <summary>The read-out expression as written, on one line, shortened.</summary>
        internal static string Text(TorchReadout readout) => TorchStepRuleAnalyzer.OneLine(readout.Node);

        /// <summary>Whether the read-out compares the prediction with something (<see cref="TorchReadout.Comparison"/>).</summary>
        internal static bool HasComparison(TorchReadout readout) => readout.Comparison != null;

        /// <summary>Where the prediction's values come from: "'Linear(16, 1)' at line 12" and the others.</summary>
        internal static string Origin(TorchReadout readout) => TorchStepRuleAnalyzer.Origin(readout.Head, readout.Node);
    }
}
