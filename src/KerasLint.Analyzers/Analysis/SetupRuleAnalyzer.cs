using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KerasLint.Analysis
{
    /// <summary>
    /// Base of the rules over compiled training setups (<see cref="TrainingSetup"/>), whatever library built them.
    /// Per member, at the end of its block: a cached syntax check (does it name a compile method at all?), then the
    /// member's setups (recognised once for every rule, over one shared data-flow index) are analysed. Reported from the
    /// member's block, the diagnostics are local to it (the IDE shows them while typing and offers their fixes), and a
    /// site that several compile calls share is reported once.
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
                var foreign = new ForeignSites();
                start.RegisterOperationBlockAction(ctx =>
                {
                    // Cheap first: a member whose code never names a compile method holds no setup (cached per
                    // block, shared by every rule); only then the member's setups, recognised once for every rule.
                    Reporter? reporter = null;
                    foreach (var block in ctx.OperationBlocks)
                    {
                        if (!analysis.MayHoldSetup(block.Syntax, ctx.CancellationToken)) continue;
                        foreach (var setup in analysis.SetupsOfMember(block, ctx.Options, ctx.CancellationToken))
                        {
                            ctx.CancellationToken.ThrowIfCancellationRequested();
                            Analyze(setup, reporter ??= new Reporter(ctx.ReportDiagnostic, ctx.CancellationToken, l => ForeignSites.IsLocal(l, ctx.OperationBlocks), foreign));
                        }
                    }

                    reporter?.Flush();
                });

                // Sites outside the member that found them (another member or file): once, at compilation end.
                start.RegisterCompilationEndAction(foreign.Report);
            });
        }

        /// <summary>Reports what this rule finds in one setup (the reporter drops repeats).</summary>
        internal abstract void Analyze(TrainingSetup setup, Reporter report);
    }
}
