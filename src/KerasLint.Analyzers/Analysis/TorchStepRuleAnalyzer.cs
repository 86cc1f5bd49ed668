using System.Linq;
using KerasLint.Knowledge;
using KerasLint.Model;
using Microsoft.CodeAnalysis;

namespace KerasLint.Analysis
{
    /// <summary>
    /// Base of the rules over hand-written training steps (<see cref="TorchTrainingStep"/>: a loss applied to a
    /// prediction); the TorchSharp engine (<see cref="KerasLintTorchAnalyzer"/>) runs them over every step whose
    /// prediction is known and whose loss the rule <see cref="Handles"/>.
    /// </summary>
    public abstract class TorchStepRuleAnalyzer : KerasLintRule, IStepRule
    {
        /// <summary>The loss this rule is about.</summary>
        internal abstract TorchLossKind Loss { get; }

        /// <summary>Whether the rule is about this loss (by default: <see cref="Loss"/> only).</summary>
        internal virtual bool Handles(TorchLossKind loss) => loss == Loss;

        /// <summary>The diagnostic for a step of this rule's loss whose prediction is known, or null.</summary>
        internal abstract Diagnostic? Analyze(TorchTrainingStep step);

        Diagnostic? IStepRule.AnalyzeStep(TorchTrainingStep step) => Handles(step.Loss) ? Analyze(step) : null;

        /// <summary>
        /// A diagnostic on the loss call, carrying the fixes of its id (<see cref="Rules.TorchFixPlans"/>: typed edits
        /// on the model's locations, in the diagnostic's properties and additional locations).
        /// </summary>
        internal static Diagnostic Create(DiagnosticDescriptor descriptor, TorchTrainingStep step, params object[] args) =>
            Rules.TorchFixPlans.For(descriptor.Id, step).Create(descriptor, step.LossCall.GetLocation(), args);

        /// <summary>The loss as the user wrote it: the class for modules, the function for functional calls.</summary>
        internal static string LossName(TorchTrainingStep step) => TorchLossNames.Of(step.Loss, step.Form);

        /// <summary>Another loss, spelled in the step's form (for "use X" advice).</summary>
        internal static string LossName(TorchLossKind loss, TorchLossForm form) => TorchLossNames.Of(loss, form);

        /// <summary>Where the prediction's values come from, for messages: "'softmax(x, 1)' at line 12" (see <see cref="Origin(TorchHead, SyntaxNode)"/>).</summary>
        internal static string Origin(TorchTrainingStep step) => Origin(step.Head, step.LossCall);

        /// <summary>The step for messages that speak of every library (with the step's <see cref="TorchTrainingStep.Library"/>): "'Softmax(1)' at line 12".</summary>
        internal static string Phrase(TorchTrainingStep step) => Origin(step);

        /// <summary>An expression as written, on one line, shortened to <paramref name="max"/> characters (a message's few words).</summary>
        internal static string OneLine(SyntaxNode node, int max = 40)
        {
            var text = string.Join(" ", node.ToString().Split((char[]?)null, System.StringSplitOptions.RemoveEmptyEntries));
            return text.Length > max ? text.Substring(0, max - 1) + "…" : text;
        }

        /// <summary>
        /// Where a head's values come from, for messages: the first site, shortened, with its line
        /// ("'softmax(x, 1)' at line 12"; in another file, "… at Model.cs line 12"), and "+N" for the other sites
        /// (the diagnostic's additional locations point at every one).
        /// </summary>
        internal static string Origin(TorchHead head, SyntaxNode at)
        {
            if (head.Sites.Length == 0) return "the model's output";
            var s = head.Sites[0];
            var span = s.Node.GetLocation().GetLineSpan();
            var file = s.Node.SyntaxTree == at.SyntaxTree ? "" : System.IO.Path.GetFileName(span.Path) + " ";
            return $"'{OneLine(s.Node, 28)}' at {file}line {span.StartLinePosition.Line + 1}" + (head.Sites.Length > 1 ? $" +{head.Sites.Length - 1}" : "");
        }

        internal static string Describe(HeadActivation head) => head switch
        {
            HeadActivation.Softmax => "softmax probabilities",
            HeadActivation.Sigmoid => "sigmoid probabilities",
            HeadActivation.LogSoftmax => "log-probabilities",
            HeadActivation.Linear => "raw logits",
            HeadActivation.Tanh => "tanh outputs",
            HeadActivation.Unbounded => "unbounded outputs",
            _ => "unknown values",
        };
    }
}
