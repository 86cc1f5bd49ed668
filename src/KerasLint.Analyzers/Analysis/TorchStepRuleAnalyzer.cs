using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KerasLint.Knowledge;
using KerasLint.Model;
using KerasLint.Libraries.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KerasLint.Analysis
{
    /// <summary>
    /// Base of the rules over hand-written training steps (<see cref="TorchTrainingStep"/>: a loss applied to a
    /// prediction). One narrow operation action on invocations; each loss call is recognised once for every rule.
    /// </summary>
    public abstract class TorchStepRuleAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: how the loss is called (<see cref="TorchLossForm"/>).</summary>
        public const string FormProperty = "Form";

        /// <summary>Diagnostic property: what the prediction holds (<see cref="HeadActivation"/>).</summary>
        public const string HeadProperty = "Head";

        /// <summary>Diagnostic property: comma-separated <see cref="ActivationSiteKind"/> of every site, in order.</summary>
        public const string SitesProperty = "Sites";

        /// <summary>Diagnostic property: "true" when additional location 0 is the loss construction.</summary>
        public const string HasConstructionProperty = "HasConstruction";

        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var torch = CompilationAnalysis.For(start.Compilation)?.TorchSharp;
                if (torch == null) return;
                // Steps whose model lives in another file are decided at compilation end, when every file's
                // operation blocks have been collected (the IDE shows those in full-solution analysis and builds).
                var pending = new ConcurrentBag<IInvocationOperation>();
                start.RegisterOperationBlockAction(ctx => torch.AddBlocks(ctx.OwningSymbol, ctx.OperationBlocks));
                start.RegisterOperationAction(ctx =>
                {
                    var invocation = (IInvocationOperation)ctx.Operation;
                    var step = torch.StepFor(invocation, ctx.CancellationToken, out var deferred);
                    if (deferred) pending.Add(invocation);
                    else Report(step, ctx.ReportDiagnostic, atCompilationEnd: false);
                }, OperationKind.Invocation);
                start.RegisterCompilationEndAction(ctx =>
                {
                    foreach (var invocation in pending)
                    {
                        ctx.CancellationToken.ThrowIfCancellationRequested();
                        Report(torch.StepAtEnd(invocation, ctx.CancellationToken), ctx.ReportDiagnostic, atCompilationEnd: true);
                    }
                });
            });
        }

        private void Report(TorchTrainingStep? step, System.Action<Diagnostic> report, bool atCompilationEnd)
        {
            if (step == null || step.Loss != Loss || !step.Head.IsKnown) return;
            var diagnostic = Analyze(step);
            if (diagnostic == null) return;
            if (atCompilationEnd)
            {
                // The same rule, from its compilation-end descriptor (tagged as such for the hosts).
                diagnostic = Diagnostic.Create(Descriptors.AtCompilationEnd(diagnostic.Descriptor), diagnostic.Location, diagnostic.AdditionalLocations,
                    diagnostic.Properties, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            }

            report(diagnostic);
        }

        /// <summary>The loss this rule is about.</summary>
        internal abstract TorchLossKind Loss { get; }

        /// <summary>The diagnostic for a step of this rule's loss whose prediction is known, or null.</summary>
        internal abstract Diagnostic? Analyze(TorchTrainingStep step);

        /// <summary>
        /// A diagnostic on the loss call. Additional locations: [0] the loss construction (or the call itself when
        /// <see cref="HasConstructionProperty"/> is not "true"), then three per site: its node, its factory (or node) and its input (or node).
        /// </summary>
        internal static Diagnostic Create(DiagnosticDescriptor descriptor, TorchTrainingStep step, params object[] args)
        {
            var additional = new List<Location> { (step.LossConstruction ?? step.LossCall).GetLocation() };
            foreach (var site in step.Head.Sites)
            {
                additional.Add(site.Node.GetLocation());
                additional.Add((site.Factory ?? site.Node).GetLocation());
                additional.Add((site.Input ?? site.Node).GetLocation());
            }

            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(FormProperty, step.Form.ToString())
                .Add(HeadProperty, step.Head.Activation.ToString())
                .Add(SitesProperty, string.Join(",", step.Head.Sites.Select(s => s.Kind.ToString() + (s.Input == null ? "" : ":input"))))
                .Add(HasConstructionProperty, step.LossConstruction != null ? "true" : "false");
            return Diagnostic.Create(descriptor, step.LossCall.GetLocation(), additional, properties, args);
        }

        /// <summary>The loss as the user wrote it: the class for modules, the function for functional calls.</summary>
        internal static string LossName(TorchTrainingStep step) => TorchSharpAdapter.LossName(step.Loss, step.Form);

        /// <summary>Where the prediction's values come from, for messages: "'softmax(x, 1)' (line 12)" and the others, joined.</summary>
        internal static string Origin(TorchTrainingStep step)
        {
            var parts = step.Head.Sites.Take(3).Select(s =>
            {
                var text = string.Join(" ", s.Node.ToString().Split((char[]?)null, System.StringSplitOptions.RemoveEmptyEntries));
                if (text.Length > 60) text = text.Substring(0, 57) + "...";
                var span = s.Node.GetLocation().GetLineSpan();
                var file = s.Node.SyntaxTree == step.LossCall.SyntaxTree ? "" : System.IO.Path.GetFileName(span.Path) + " ";
                return $"'{text}' at {file}line {span.StartLinePosition.Line + 1}";
            }).ToList();
            if (parts.Count == 0) return "the model's output";
            if (step.Head.Sites.Length > parts.Count) parts.Add("...");
            return string.Join(", ", parts);
        }

        internal static string Describe(HeadActivation head) => head switch
        {
            HeadActivation.Softmax => "softmax probabilities",
            HeadActivation.Sigmoid => "sigmoid probabilities",
            HeadActivation.LogSoftmax => "log-probabilities",
            HeadActivation.Linear => "raw logits",
            HeadActivation.Tanh => "tanh outputs in (-1, 1)",
            HeadActivation.Unbounded => "unbounded activations",
            _ => "unknown values",
        };
    }
}
