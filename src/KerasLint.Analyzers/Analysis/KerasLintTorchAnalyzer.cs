using System.Collections.Concurrent;
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
    /// <see cref="TorchStepRuleAnalyzer"/>s, and KL0004) and <see cref="TorchReadoutRuleAnalyzer"/> of <see cref="RuleRegistry"/>. Per compilation, the step adapter (created
    /// at compilation start) recognises each loss call and each read-out once for every rule, from narrow operation
    /// actions; one whose prediction depends on code in other files is deferred and decided at compilation end (the
    /// adapter binds the declarations it follows then) and reported through the rule's compilation-end descriptor
    /// (<see cref="Descriptors.AtCompilationEnd"/>).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class KerasLintTorchAnalyzer : DiagnosticAnalyzer
    {
        private readonly ImmutableArray<KerasLintRule> stepRules = RuleRegistry.StepRules;
        private readonly ImmutableArray<TorchReadoutRuleAnalyzer> readoutRules = RuleRegistry.ReadoutRules;

        /// <summary>The rules' descriptors and their compilation-end variants (a deferred step or read-out is reported at compilation end).</summary>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = RuleRegistry.DescriptorsOf(RuleRegistry.StepRules.Concat(RuleRegistry.ReadoutRules))
            .SelectMany(d => new[] { d, Descriptors.AtCompilationEnd(d) }).Distinct().ToImmutableArray();

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var torch = LibraryRegistration.StepAdapter(start.Compilation);
                if (torch == null) return;
                var steps = stepRules.Where(r => r.IsEnabled(start.Compilation, start.CancellationToken)).Cast<IStepRule>().ToImmutableArray();
                var readouts = readoutRules.Where(r => r.IsEnabled(start.Compilation, start.CancellationToken)).ToImmutableArray();
                if (steps.IsEmpty && readouts.IsEmpty) return;
                var pendingSteps = new ConcurrentBag<IInvocationOperation>();
                var pendingReadouts = new ConcurrentBag<IOperation>();
                start.RegisterOperationAction(ctx =>
                {
                    // Runs for every invocation and binary operator of the compilation: nothing is allocated unless
                    // there is something to report.
                    var operation = ctx.Operation;
                    if (!steps.IsEmpty && operation is IInvocationOperation invocation)
                    {
                        var step = torch.StepFor(invocation, ctx.CancellationToken, out var deferred);
                        if (deferred) pendingSteps.Add(invocation);
                        else if (step != null) Run(steps, step, ctx.ReportDiagnostic, atEnd: false);
                    }

                    if (!readouts.IsEmpty)
                    {
                        torch.NoteCall(operation);
                        var readout = torch.ReadoutFor(operation, ctx.CancellationToken, out var deferred);
                        if (deferred) pendingReadouts.Add(operation);
                        else if (readout != null) Run(readouts, readout, ctx.ReportDiagnostic, atEnd: false);
                    }
                }, OperationKind.Invocation, OperationKind.Binary);
                start.RegisterCompilationEndAction(ctx =>
                {
                    foreach (var invocation in pendingSteps)
                    {
                        ctx.CancellationToken.ThrowIfCancellationRequested();
                        if (torch.StepAtEnd(invocation, ctx.CancellationToken) is { } step) Run(steps, step, ctx.ReportDiagnostic, atEnd: true);
                    }

                    foreach (var operation in pendingReadouts)
                    {
                        ctx.CancellationToken.ThrowIfCancellationRequested();
                        if (torch.ReadoutAtEnd(operation, ctx.CancellationToken) is { } readout) Run(readouts, readout, ctx.ReportDiagnostic, atEnd: true);
                    }
                });
            });
        }

        private static void Run(ImmutableArray<IStepRule> rules, TorchTrainingStep step, System.Action<Diagnostic> report, bool atEnd)
        {
            if (!step.Head.IsKnown) return;
            foreach (var rule in rules)
            {
                if (rule.AnalyzeStep(step) is { } diagnostic) report(atEnd ? AtEnd(diagnostic) : diagnostic);
            }
        }

        private static void Run(ImmutableArray<TorchReadoutRuleAnalyzer> rules, TorchReadout readout, System.Action<Diagnostic> report, bool atEnd)
        {
            if (!readout.Head.IsKnown) return;
            foreach (var rule in rules)
            {
                if (rule.Analyze(readout) is { } diagnostic) report(atEnd ? AtEnd(diagnostic) : diagnostic);
            }
        }

        /// <summary>The same diagnostic, from the rule's compilation-end descriptor (tagged as such for the hosts).</summary>
        private static Diagnostic AtEnd(Diagnostic diagnostic) =>
            Diagnostic.Create(Descriptors.AtCompilationEnd(diagnostic.Descriptor), diagnostic.Location,
                diagnostic.AdditionalLocations, diagnostic.Properties, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A library of hand-written training (TorchSharp): it recognises loss calls and metric read-outs.</summary>
    internal interface IStepAdapter
    {
        /// <summary>The training step of a loss call from its own file; <paramref name="deferred"/> when other files decide it.</summary>
        TorchTrainingStep? StepFor(IInvocationOperation invocation, CancellationToken cancellationToken, out bool deferred);

        /// <summary>The training step of a deferred loss call, following every file (compilation end only).</summary>
        TorchTrainingStep? StepAtEnd(IInvocationOperation invocation, CancellationToken cancellationToken);

        /// <summary>The read-out of a metric expression from its own file; <paramref name="deferred"/> when other files decide it.</summary>
        TorchReadout? ReadoutFor(IOperation operation, CancellationToken cancellationToken, out bool deferred);

        /// <summary>The read-out of a deferred operation, following every file (compilation end only).</summary>
        TorchReadout? ReadoutAtEnd(IOperation operation, CancellationToken cancellationToken);

        /// <summary>Notes a call of a project method that takes a tensor (its callers decide what its parameter holds).</summary>
        void NoteCall(IOperation operation);
    }
}
