using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KerasLint.Analysis
{
    /// <summary>
    /// The engine of hand-written training (TorchSharp): runs every step rule (<see cref="IStepRule"/>: the
    /// <see cref="TorchStepRuleAnalyzer"/>s, and the rules of every library) and read-out rule (<see cref="IReadoutRule"/>) of <see cref="RuleRegistry"/>. Per compilation, the step adapter (created
    /// at compilation start with the compilation's <see cref="ValueFlow.ProgramFlow"/>) recognises each loss call and
    /// each read-out once for every rule, from narrow operation actions. A prediction that depends on code in other
    /// members or files is followed there on demand (declarations bound once per compilation, every query budgeted),
    /// so the diagnostic is reported from the loss call's own document while it is analysed (live in an editor).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class KerasLintTorchAnalyzer : DiagnosticAnalyzer
    {
        private readonly ImmutableArray<KerasLintRule> stepRules = RuleRegistry.StepRules;
        private readonly ImmutableArray<KerasLintRule> readoutRules = RuleRegistry.ReadoutRules;

        /// <summary>The rules' descriptors (every diagnostic is reported from the loss call's or read-out's own document, none at compilation end).</summary>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = RuleRegistry.DescriptorsOf(RuleRegistry.StepRules.Concat(RuleRegistry.ReadoutRules));

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var adapters = LibraryRegistration.Adapters<IStepAdapter>(start.Compilation, new ValueFlow.ProgramFlow(start.Compilation));
                if (adapters.IsEmpty) return;
                var steps = stepRules.Where(r => r.IsEnabled(start.Compilation, start.CancellationToken)).Cast<IStepRule>().ToImmutableArray();
                var readouts = readoutRules.Where(r => r.IsEnabled(start.Compilation, start.CancellationToken)).Cast<IReadoutRule>().ToImmutableArray();
                if (steps.IsEmpty && readouts.IsEmpty) return;
                start.RegisterOperationAction(ctx =>
                {
                    // Runs for every invocation and binary operator of the compilation: nothing is allocated unless
                    // there is something to report.
                    // The first library that recognises the operation owns it (a call is one library's).
                    var operation = ctx.Operation;
                    foreach (var adapter in adapters)
                    {
                        var recognised = false;
                        if (!steps.IsEmpty && operation is IInvocationOperation invocation && adapter.StepFor(invocation, ctx.CancellationToken) is { } step)
                        {
                            Run(steps, step, ctx.ReportDiagnostic);
                            recognised = true;
                        }

                        if (!readouts.IsEmpty && adapter.ReadoutFor(operation, ctx.CancellationToken) is { } readout)
                        {
                            Run(readouts, readout, ctx.ReportDiagnostic);
                            recognised = true;
                        }

                        if (recognised) return;
                    }
                }, OperationKind.Invocation, OperationKind.Binary);
            });
        }

        private static void Run(ImmutableArray<IStepRule> rules, TorchTrainingStep step, System.Action<Diagnostic> report)
        {
            if (!step.Head.IsKnown) return;
            foreach (var rule in rules)
            {
                if (rule.AnalyzeStep(step) is { } diagnostic) report(diagnostic);
            }
        }

        private static void Run(ImmutableArray<IReadoutRule> rules, TorchReadout readout, System.Action<Diagnostic> report)
        {
            if (!readout.Head.IsKnown) return;
            foreach (var rule in rules)
            {
                if (rule.AnalyzeReadout(readout) is { } diagnostic) report(diagnostic);
            }
        }
    }

    /// <summary>A library of hand-written training (TorchSharp): it recognises loss calls and metric read-outs.</summary>
    internal interface IStepAdapter
    {
        /// <summary>The training step of a loss call (following other members and files on demand), or null.</summary>
        TorchTrainingStep? StepFor(IInvocationOperation invocation, CancellationToken cancellationToken);

        /// <summary>The read-out of a metric expression (following other members and files on demand), or null.</summary>
        TorchReadout? ReadoutFor(IOperation operation, CancellationToken cancellationToken);
    }
}
