using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using KerasLint.Libraries.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Analysis
{
    /// <summary>
    /// The registration every TorchSharp rule shares (after its own EnableConcurrentExecution / ConfigureGeneratedCodeAnalysis): narrow operation actions; a recognition that depends on code in
    /// other files is deferred and decided at compilation end (the adapter binds the declarations it follows then) and
    /// reported through the rule's compilation-end descriptor (<see cref="Descriptors.AtCompilationEnd"/>).
    /// </summary>
    internal static class TorchRuleRegistration
    {
        /// <param name="now">The model of an operation from its own file, and whether it must wait for the other files.</param>
        /// <param name="atEnd">The model of a deferred operation, following every file.</param>
        /// <param name="analyze">The rule: a diagnostic for a model (null when none or silent).</param>
        public static void Register<T>(AnalysisContext context,
            System.Func<TorchSharpAdapter, IOperation, CancellationToken, (T? Model, bool Deferred)> now,
            System.Func<TorchSharpAdapter, IOperation, CancellationToken, T?> atEnd,
            System.Func<T?, Diagnostic?> analyze,
            params OperationKind[] kinds)
            where T : class
        {
            context.RegisterCompilationStartAction(start =>
            {
                var torch = CompilationAnalysis.For(start.Compilation)?.TorchSharp;
                if (torch == null) return;
                var pending = new ConcurrentBag<IOperation>();
                start.RegisterOperationAction(ctx =>
                {
                    // Runs for every invocation of the compilation: nothing is allocated unless there is something to report.
                    var (model, deferred) = now(torch, ctx.Operation, ctx.CancellationToken);
                    if (deferred) pending.Add(ctx.Operation);
                    else if (model != null && analyze(model) is { } diagnostic) ctx.ReportDiagnostic(diagnostic);
                }, kinds);
                start.RegisterCompilationEndAction(ctx =>
                {
                    foreach (var operation in pending)
                    {
                        ctx.CancellationToken.ThrowIfCancellationRequested();
                        if (analyze(atEnd(torch, operation, ctx.CancellationToken)) is { } diagnostic)
                        {
                            // The same rule, from its compilation-end descriptor (tagged as such for the hosts).
                            ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.AtCompilationEnd(diagnostic.Descriptor), diagnostic.Location,
                                diagnostic.AdditionalLocations, diagnostic.Properties, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
                        }
                    }
                });
            });
        }
    }
}
