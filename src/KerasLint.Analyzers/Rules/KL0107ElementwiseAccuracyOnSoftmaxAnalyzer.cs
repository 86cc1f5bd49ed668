using System.Collections.Immutable;
using KerasLint.Analysis;
using KerasLint.Knowledge;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Rules
{
    /// <summary>KL0107: a softmax output (more than one unit) rounded or thresholded at 0.5 and compared with the target element by element.</summary>
    public sealed class KL0107ElementwiseAccuracyOnSoftmaxAnalyzer : TorchReadoutRuleAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KL0107);

        internal override Diagnostic? Analyze(TorchReadout readout)
        {
            var binarises = readout.Kind == TorchReadoutKind.Round || (readout.Kind == TorchReadoutKind.Threshold && readout.Threshold == 0.5);
            if (!binarises || !HasComparison(readout) || readout.Head.Activation != HeadActivation.Softmax || readout.Head.Units == 1) return null;
            var classes = readout.Head.Units is { } c ? $"{c}-class " : "";
            return Create(Descriptors.KL0107, readout, readout.Library, Text(readout), Origin(readout), classes);
        }
    }
}
