using System.Collections.Immutable;
using System.Linq;
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
        /// <summary>Diagnostic property: what the prediction holds (<see cref="Knowledge.HeadActivation"/>).</summary>
        public const string HeadProperty = "Head";

        /// <summary>Diagnostic property: the <see cref="TorchReadoutKind"/>.</summary>
        public const string KindProperty = "Readout";

        /// <summary>
        /// Diagnostic property: "true" when the prediction is thresholded at 0 as its logit would be: a linear output,
        /// or every activation that decided it is above 0 exactly where its input is (relu, tanh, ...; not softplus).
        /// </summary>
        public const string ZeroThresholdProperty = "ZeroThreshold";

        /// <summary>The diagnostic for a read-out whose prediction is known, or null.</summary>
        internal abstract Diagnostic? Analyze(TorchReadout readout);

        Diagnostic? IReadoutRule.AnalyzeReadout(TorchReadout readout) => Analyze(readout);

        /// <summary>
        /// A diagnostic on the read-out. Additional locations: [0] the prediction, [1] the dimension argument (or the
        /// node), [2] the comparison (or the node), [3] the compared operand (or the node).
        /// </summary>
        internal static Diagnostic Create(DiagnosticDescriptor descriptor, TorchReadout readout, params object[] args)
        {
            var node = readout.Node;
            var additional = new[]
            {
                readout.Prediction.GetLocation(),
                (readout.DimNode ?? node).GetLocation(),
                (readout.Comparison ?? node).GetLocation(),
                (readout.Compared ?? node).GetLocation(),
            };
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(HeadProperty, readout.Head.Activation.ToString())
                .Add(KindProperty, readout.Kind.ToString())
                .Add(ZeroThresholdProperty, ZeroThresholdKept(readout.Head) ? "true" : "false");
            return Diagnostic.Create(descriptor, node.GetLocation(), additional, properties, args);
        }

        private static bool ZeroThresholdKept(TorchHead head) =>
            head.Activation == Knowledge.HeadActivation.Linear
            || (head.Activation is Knowledge.HeadActivation.Tanh or Knowledge.HeadActivation.Unbounded && head.Sites.Length > 0
                && head.Sites.All(s => s.Factory != null && SourceSpans.CalleeName(s.Factory) is { } name && Knowledge.Activations.ZeroThresholdKept(name)));

        /// <summary>The read-out expression as written, on one line, shortened.</summary>
        internal static string Text(TorchReadout readout) => TorchStepRuleAnalyzer.OneLine(readout.Node);

        /// <summary>Whether the read-out compares the prediction with something (<see cref="TorchReadout.Comparison"/>).</summary>
        internal static bool HasComparison(TorchReadout readout) => readout.Comparison != null;

        /// <summary>Where the prediction's values come from: "'Linear(16, 1)' at line 12" and the others.</summary>
        internal static string Origin(TorchReadout readout) => TorchStepRuleAnalyzer.Origin(readout.Head, readout.Node);
    }
}
