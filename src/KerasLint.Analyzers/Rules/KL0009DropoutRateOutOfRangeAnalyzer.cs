using System.Collections.Immutable;
using System.Globalization;
using KerasLint.Knowledge;
using KerasLint.KerasNet;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KerasLint.Rules
{
    /// <summary>KL0009 (Keras.NET): a Dropout rate ≥ 1 or &lt; 0. TorchSharp's Dropout has its own analyzer.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class KL0009DropoutRateOutOfRangeAnalyzer : KerasNetAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.KL0009);

        internal override void Register(CompilationStartAnalysisContext start, KerasNetContext keras)
        {
            if (keras.Symbols.Dropout == null) return;
            start.RegisterOperationAction(ctx =>
            {
                var dropout = keras.DropoutFor((IObjectCreationOperation)ctx.Operation, ctx.Options, ctx.CancellationToken);
                if (dropout != null) Analyze(dropout, ctx);
            }, OperationKind.ObjectCreation);
        }

        private static void Analyze(DropoutInfo dropout, OperationAnalysisContext ctx)
        {
            var rate = dropout.Rate;
            if (rate >= 0 && rate < 1) return;
            var family = dropout.Family;
            string consequence = family.Family switch
            {
                KerasFamily.Keras22 or KerasFamily.Keras23 => rate >= 1
                    ? "Keras 2.0–2.3 clamp it to 1 and then skip the layer, so no dropout happens at all"
                    : "Keras 2.0–2.3 clamp it to 0, so no dropout happens at all",
                KerasFamily.TfKeras2 => rate == 1
                    ? "tf.keras accepts it at construction, then tf.nn.dropout raises ValueError at the first training step"
                    : "tf.keras raises ValueError when the layer is constructed",
                _ => rate == 1
                    ? "Keras 3 outputs all zeros during training (3.14 and later; backend-dependent before)"
                    : "Keras 3 raises ValueError when the layer is constructed",
            };
            ctx.ReportDiagnostic(FixPlan.None.Create(Descriptors.KL0009, dropout.RateLocation,
                rate.ToString("0.###", CultureInfo.InvariantCulture), consequence + " (" + family.Phrase + ")"));
        }
    }
}
