using System.Threading;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KerasLint.Analysis
{
    /// <summary>
    /// Base of the rules over compiled training setups (<see cref="TrainingSetup"/>), whatever library built them.
    /// Per member: a narrow operation action notes whether it holds a compile call (a symbol comparison); at the end
    /// of the member the setups (recognised once for every rule, over one shared data-flow index) are analysed. Reported
    /// from the member's block, the diagnostics are local to it (the IDE shows them while typing and offers their fixes),
    /// and a site that several compile calls share is reported once.
    /// </summary>
    public abstract class SetupRuleAnalyzer : DiagnosticAnalyzer
    {
        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var analysis = CompilationAnalysis.For(start.Compilation);
                if (analysis == null || analysis.SetupAdapters.IsEmpty) return;
                start.RegisterOperationBlockStartAction(block =>
                {
                    IInvocationOperation? compile = null;
                    block.RegisterOperationAction(ctx =>
                    {
                        var invocation = (IInvocationOperation)ctx.Operation;
                        if (compile == null && analysis.IsCompile(invocation)) Interlocked.CompareExchange(ref compile, invocation, null);
                    }, OperationKind.Invocation);
                    block.RegisterOperationBlockEndAction(ctx =>
                    {
                        if (compile == null) return;
                        var reporter = new Reporter(ctx.ReportDiagnostic, ctx.CancellationToken);
                        foreach (var setup in analysis.SetupsOfMember(compile, ctx.Options, ctx.CancellationToken))
                        {
                            ctx.CancellationToken.ThrowIfCancellationRequested();
                            Analyze(setup, reporter);
                        }

                        reporter.Flush();
                    });
                });
            });
        }

        /// <summary>Reports what this rule finds in one setup (the reporter drops repeats).</summary>
        internal abstract void Analyze(TrainingSetup setup, Reporter report);
    }
}
