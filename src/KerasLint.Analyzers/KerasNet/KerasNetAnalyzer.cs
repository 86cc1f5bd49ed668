using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KerasLint.KerasNet
{
    /// <summary>
    /// Base of every Keras.NET rule: resolves Keras.NET once per compilation (returns at once when it is not
    /// referenced), recognises each compile call into a <see cref="TrainingSetup"/>, and hands the rule the model.
    /// </summary>
    public abstract class KerasNetAnalyzer : DiagnosticAnalyzer
    {
        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var keras = KerasNetContext.For(start.Compilation);
                if (keras == null) return;
                Register(start, keras);
            });
        }

        internal virtual void Register(CompilationStartAnalysisContext start, KerasNetContext keras)
        {
            // An operation block action (not an operation action on the compile call): the diagnostics point at
            // layers and callbacks elsewhere in the same member, and must be local to the analysed declaration
            // so the IDE shows them while typing and offers their fixes.
            start.RegisterOperationBlockAction(ctx =>
            {
                foreach (var block in ctx.OperationBlocks)
                {
                    foreach (var op in block.DescendantsAndSelf())
                    {
                        ctx.CancellationToken.ThrowIfCancellationRequested();
                        if (!(op is IInvocationOperation invocation) || !keras.IsCompile(invocation)) continue;
                        var setup = keras.SetupFor(invocation, ctx.Options, ctx.CancellationToken);
                        if (setup != null) Analyze(setup, new Reporter(ctx.ReportDiagnostic, ctx.CancellationToken));
                    }
                }
            });
        }

        internal virtual void Analyze(TrainingSetup setup, Reporter report)
        {
        }

        /// <summary>Reports diagnostics for one analysed block.</summary>
        internal readonly struct Reporter
        {
            private readonly System.Action<Diagnostic> report;

            public Reporter(System.Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
            {
                this.report = report;
                CancellationToken = cancellationToken;
            }

            public System.Threading.CancellationToken CancellationToken { get; }

            public void Report(Diagnostic diagnostic) => report(diagnostic);
        }
    }
}
