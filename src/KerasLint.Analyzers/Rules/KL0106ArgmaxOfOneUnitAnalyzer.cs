using System.Collections.Immutable;
using KerasLint.Analysis;
using KerasLint.Knowledge;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Rules
{
    /// <summary>KL0106: argmax over the class axis (1 or -1) of a prediction with 1 unit: always 0.</summary>
    public sealed class KL0106ArgmaxOfOneUnitAnalyzer : TorchReadoutRuleAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KL0106);

        internal override Diagnostic? Analyze(TorchReadout readout)
        {
            if (readout.Kind != TorchReadoutKind.Argmax || readout.Head.Units != 1 || !(readout.Dim is 1 or -1)) return null;
            var threshold = readout.Head.Activation switch
            {
                HeadActivation.Sigmoid => "(pred > 0.5) on sigmoid outputs",
                HeadActivation.Linear => "(pred > 0) on logits",
                _ => ZeroLogitThreshold(readout) switch
                {
                    // Above 0 everywhere: the value at logit 0 (softplus(z) > ln 2 ⇔ z > 0, exp(z) > 1 ⇔ z > 0).
                    "ln 2" => "(pred > ln 2) on softplus outputs",
                    "1" => "(pred > 1) on exp outputs",
                    _ => "(pred > 0) on logits, (pred > 0.5) on sigmoid outputs",
                },
            };
            return Create(Descriptors.KL0106, readout, readout.Library, Text(readout), Origin(readout), threshold);
        }
    }
}
