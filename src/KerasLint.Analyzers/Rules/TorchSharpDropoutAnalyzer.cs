using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using KerasLint.KerasNet;
using KerasLint.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KerasLint.Rules
{
    /// <summary>
    /// KL0009 for TorchSharp: a dropout probability <c>p</c> (a constant, or a local assigned once) outside [0, 1) in <c>torch.nn.Dropout</c>,
    /// <c>Dropout1d/2d/3d</c> or <c>functional.dropout*</c>. (Keras.NET's Dropout is a separate analyzer.)
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TorchSharpDropoutAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KL0009);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var torch = TorchSharpContext.For(start.Compilation);
                if (torch == null) return;
                var symbols = torch.Symbols;
                start.RegisterOperationAction(ctx =>
                {
                    var invocation = (IInvocationOperation)ctx.Operation;
                    var method = invocation.TargetMethod;
                    if (!method.IsStatic || !IsDropout(symbols, method)) return;
                    var argument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "p");
                    if (argument == null || argument.ArgumentKind == ArgumentKind.DefaultValue) return;
                    var rate = new ValueFlow(invocation, ctx.CancellationToken).TraceNumber(argument.Value);
                    if (rate == null) return;
                    var p = rate.Value;
                    if (double.IsNaN(p) || (p >= 0 && p < 1)) return;
                    var consequence = p == 1
                        ? "TorchSharp zeroes every activation while training (verified with TorchSharp 0.107), so nothing reaches the next layer and it cannot learn"
                        : "TorchSharp accepts it at construction and throws ExternalException at the first forward (p must lie in [0, 1])";
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.KL0009, argument.Value.Syntax.GetLocation(),
                        p.ToString("R", CultureInfo.InvariantCulture), consequence));
                }, OperationKind.Invocation);
            });
        }

        private static bool IsDropout(TorchSharpSymbols symbols, IMethodSymbol method)
        {
            if (TorchSharpSymbols.Is(method.ContainingType, symbols.Nn))
            {
                return method.Name == "Dropout" || method.Name == "Dropout1d" || method.Name == "Dropout2d" || method.Name == "Dropout3d";
            }

            return TorchSharpSymbols.Is(method.ContainingType, symbols.Functional)
                && (method.Name == "dropout" || method.Name == "dropout1d" || method.Name == "dropout2d" || method.Name == "dropout3d");
        }
    }
}
