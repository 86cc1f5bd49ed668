using System.Collections.Immutable;
using System.Globalization;
using KerasLint.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Rules
{
    /// <summary>KL0009: a Dropout rate ≥ 1 or &lt; 0, in every library (each adapter says what its library does with it).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class KL0009DropoutRateOutOfRangeAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KL0009);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var analysis = CompilationAnalysis.For(start.Compilation);
                if (analysis == null || analysis.DropoutAdapters.IsEmpty) return;
                start.RegisterOperationAction(ctx =>
                {
                    var dropout = analysis.DropoutAt(ctx.Operation, ctx.Options, ctx.CancellationToken);
                    if (dropout?.OutOfRangeBehaviour is not { } behaviour) return;
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.KL0009, dropout.RateLocation,
                        dropout.Rate.ToString("R", CultureInfo.InvariantCulture), behaviour));
                }, OperationKind.ObjectCreation, OperationKind.Invocation);
            });
        }
    }
}
