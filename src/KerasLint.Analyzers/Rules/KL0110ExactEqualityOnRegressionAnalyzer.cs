using System.Collections.Immutable;
using KerasLint.Analysis;
using KerasLint.Knowledge;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Rules
{
    /// <summary>KL0110: element-wise equality on the raw outputs of a linear 1-unit head (continuous values).</summary>
    public sealed class KL0110ExactEqualityOnRegressionAnalyzer : TorchReadoutRuleAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KL0110);

        internal override Diagnostic? Analyze(TorchReadout readout) =>
            readout.Kind == TorchReadoutKind.Equality && readout.Head.Activation == HeadActivation.Linear && readout.Head.Units == 1
                ? Create(Descriptors.KL0110, readout, Text(readout), Origin(readout))
                : null;
    }
}
