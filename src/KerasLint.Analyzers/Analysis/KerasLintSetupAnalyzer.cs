using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Analysis
{
    /// <summary>
    /// The engine of the compile-based libraries (Keras.NET, TensorFlow.NET): runs every <see cref="SetupRuleAnalyzer"/>
    /// of <see cref="RuleRegistry"/>. Per compilation, a <see cref="CompilationAnalysis"/> holds the setup adapters and
    /// the per-member caches. Per member, at the end of its block: a syntax check (does it name a compile method
    /// at all?), then the member's setups (recognised once, over one shared data-flow index) go through every enabled
    /// rule. Reported from the member's block, the diagnostics are local to it (the IDE shows them while typing and
    /// offers their fixes), and a site that several compile calls share is reported once; a site outside the member
    /// (a head built by a helper, a loss object or a metrics array in a field, a callback made in another method, in
    /// any file) is reported on the part of the compile or fit call that brings it in, with the site as its last
    /// additional location (<see cref="ForeignSites"/>), so it too is live in the compile's document. Nothing is
    /// reported at compilation end.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class KerasLintSetupAnalyzer : DiagnosticAnalyzer
    {
        private readonly ImmutableArray<SetupRuleAnalyzer> rules = RuleRegistry.SetupRules;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = RuleRegistry.DescriptorsOf(RuleRegistry.SetupRules);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var analysis = CompilationAnalysis.ForSetups(start.Compilation);
                if (analysis == null) return;
                var active = rules.Where(r => r.IsEnabled(start.Compilation, start.CancellationToken)).ToImmutableArray();
                if (active.IsEmpty) return;
                start.RegisterOperationBlockAction(ctx =>
                {
                    // Cheap first: a member whose code never names a compile method holds no setup; only then the
                    // member's setups, recognised once for every rule.
                    Reporter? reporter = null;
                    foreach (var block in ctx.OperationBlocks)
                    {
                        if (!CompilationAnalysis.MayHoldSetup(block.Syntax, ctx.CancellationToken)) continue;
                        foreach (var setup in analysis.SetupsOfMember(block, ctx.Options, ctx.CancellationToken))
                        {
                            reporter ??= new Reporter(ctx.ReportDiagnostic, ctx.CancellationToken, l => ForeignSites.IsLocal(l, ctx.OperationBlocks));

                            // A site outside the member (a head built in a constructor, a loss object or a metrics array
                            // in a field, a callback made by a helper, in any file) is reported where this setup's compile
                            // or fit call brings it in: live in the compile's document.
                            reporter.Follow(setup);
                            foreach (var rule in active)
                            {
                                ctx.CancellationToken.ThrowIfCancellationRequested();
                                rule.Analyze(setup, reporter);
                            }
                        }
                    }

                    reporter?.Flush();
                });
            });
        }
    }
}
