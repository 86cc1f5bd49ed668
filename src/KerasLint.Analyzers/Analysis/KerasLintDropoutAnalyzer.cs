using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Analysis
{
    /// <summary>
    /// The engine of the layer-construction rules of every library (today: a Dropout's rate, KL0009): runs every
    /// <see cref="DropoutRule"/> of <see cref="RuleRegistry"/> over the Dropout layers the dropout adapters (created
    /// per compilation at its start, with the compilation's <see cref="ValueFlow.ProgramFlow"/>) recognise, from narrow
    /// operation actions.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class KerasLintDropoutAnalyzer : DiagnosticAnalyzer
    {
        private readonly ImmutableArray<DropoutRule> rules = RuleRegistry.DropoutRules;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = RuleRegistry.DescriptorsOf(RuleRegistry.DropoutRules);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var program = new ValueFlow.ProgramFlow(start.Compilation);
                var adapters = LibraryRegistration.Adapters<IDropoutAdapter>(start.Compilation, program);
                if (adapters.IsEmpty) return;
                var active = rules.Where(r => r.IsEnabled(start.Compilation, start.CancellationToken)).ToImmutableArray();
                if (active.IsEmpty) return;
                start.RegisterOperationAction(ctx =>
                {
                    foreach (var adapter in adapters)
                    {
                        if (adapter.Dropout(ctx.Operation, program, ctx.Options, ctx.CancellationToken) is not { } dropout) continue;
                        foreach (var rule in active)
                        {
                            if (rule.Analyze(dropout) is { } diagnostic) ctx.ReportDiagnostic(diagnostic);
                        }

                        return;
                    }
                }, OperationKind.ObjectCreation, OperationKind.Invocation);
            });
        }
    }

    /// <summary>Base of the rules over a Dropout layer of any library (<see cref="Model.DropoutInfo"/>).</summary>
    public abstract class DropoutRule : KerasLintRule
    {
        /// <summary>The diagnostic for one Dropout, or null.</summary>
        internal abstract Diagnostic? Analyze(Model.DropoutInfo dropout);
    }
}
