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
            start.RegisterOperationAction(ctx =>
            {
                var invocation = (IInvocationOperation)ctx.Operation;
                if (!keras.IsCompile(invocation)) return;
                var setup = keras.SetupFor(invocation, ctx.Options, ctx.CancellationToken);
                if (setup != null) Analyze(setup, new Reporter(ctx));
            }, OperationKind.Invocation);
        }

        internal virtual void Analyze(TrainingSetup setup, Reporter report)
        {
        }

        /// <summary>Reports diagnostics for one operation action.</summary>
        internal readonly struct Reporter
        {
            private readonly OperationAnalysisContext context;

            public Reporter(OperationAnalysisContext context) => this.context = context;

            public System.Threading.CancellationToken CancellationToken => context.CancellationToken;

            public void Report(Diagnostic diagnostic) => context.ReportDiagnostic(diagnostic);
        }
    }
}
