using System.Linq;
using KerasLint.Knowledge;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KerasLint.Analysis
{
    /// <summary>
    /// The typed edits of the TorchSharp fixes (<see cref="FixPlan"/>'s vocabulary), made from the model's locations: a
    /// rule says which (remove the activation, switch the loss, ...), this says where, and the code-fix layer's one
    /// applier makes them. An edit the model cannot place (no site, a site of a kind that cannot be removed, no loss
    /// construction) makes the action <see cref="FixPlan.Impossible"/>.
    /// </summary>
    internal static class TorchFixEdits
    {
        /// <summary>Every site's activation removed: a call unwrapped to its input, a Sequential element or an append dropped.</summary>
        public static FixPlan RemoveActivation(this FixPlan plan, TorchHead head)
        {
            if (head.Sites.IsDefaultOrEmpty) return plan.Impossible();
            foreach (var site in head.Sites)
            {
                switch (site.Kind)
                {
                    case ActivationSiteKind.Function:
                    case ActivationSiteKind.ModuleCall:
                        if (site.Input == null) return plan.Impossible();
                        plan.RemoveActivation(site.Node.GetLocation(), site.Kind.ToString(), site.Input.GetLocation());
                        break;
                    case ActivationSiteKind.SequentialElement:
                    case ActivationSiteKind.Append:
                        plan.RemoveActivation(site.Node.GetLocation(), site.Kind.ToString(), site.Input?.GetLocation());
                        break;
                    default:
                        return plan.Impossible();
                }
            }

            return plan;
        }

        /// <summary>Every softmax site turned into log_softmax (the module factory <c>LogSoftmax</c>, or the function <c>log_softmax</c>).</summary>
        public static FixPlan SoftmaxToLogSoftmax(this FixPlan plan, TorchHead head)
        {
            if (head.Sites.IsDefaultOrEmpty) return plan.Impossible();
            foreach (var site in head.Sites)
            {
                var factory = site.Factory ?? site.Node;
                if (!(factory is InvocationExpressionSyntax)) return plan.Impossible();
                var isFunction = site.Kind == ActivationSiteKind.Function;
                plan.SwitchFactory(factory.GetLocation(), isFunction ? "log_softmax" : "LogSoftmax", isFunction ? site.Input?.GetLocation() : null);
            }

            return plan;
        }

        /// <summary>The loss construction (module form) or the functional call switched to <paramref name="loss"/>, in the step's form.</summary>
        public static FixPlan SwitchLoss(this FixPlan plan, TorchTrainingStep step, TorchLossKind loss)
        {
            if (step.LossConstruction == null) return plan.Impossible();
            var name = TorchLossNames.Of(loss, step.Form);
            return plan.SwitchFactory(step.LossConstruction.GetLocation(), name.Substring(name.LastIndexOf('.') + 1));
        }

        /// <summary>The loss call's prediction argument wrapped in <c>.log_softmax(1)</c> (class dimension 1), after the activation's removal when it was applied there.</summary>
        public static FixPlan WrapPredictionInLogSoftmax(this FixPlan plan, TorchTrainingStep step)
        {
            var first = (step.LossCall as InvocationExpressionSyntax)?.ArgumentList.Arguments.FirstOrDefault();
            if (first == null || first.NameColon != null) return plan.Impossible();
            return plan.WrapInCall(first.Expression.GetLocation(), "log_softmax", "1");
        }

        /// <summary>The prediction's width constant (<c>Linear(16, 1)</c>'s <c>1</c>) set to <paramref name="units"/>.</summary>
        public static FixPlan SetWidth(this FixPlan plan, TorchHead head, int units) =>
            head.UnitsNode == null ? plan.Impossible() : plan.SetInteger(head.UnitsNode.GetLocation(), units);

        /// <summary><c>pred.argmax(dim)</c> → <c>pred.squeeze(dim).gt(threshold).@long()</c>: the same shape and dtype, the class of a one-unit output.</summary>
        public static FixPlan ThresholdArgmax(this FixPlan plan, TorchReadout readout, string threshold)
        {
            if (readout.DimNode == null || !(readout.Node is InvocationExpressionSyntax call)
                || call.ArgumentList.Arguments.Count > (call.Expression is MemberAccessExpressionSyntax m && m.Expression.IsEquivalentTo(readout.Prediction) ? 1 : 2)) return plan.Impossible();
            return plan.Rewrite(readout.Node.GetLocation(), "{0}.squeeze({1}).gt(" + ThresholdSource(threshold) + ").@long()", readout.Prediction.GetLocation(), readout.DimNode.GetLocation());
        }

        /// <summary>The read-out and its compared target each replaced by their <c>argmax(1)</c>: classes compared.</summary>
        public static FixPlan CompareClasses(this FixPlan plan, TorchReadout readout)
        {
            if (readout.Compared == null) return plan.Impossible();
            return plan.Rewrite(readout.Node.GetLocation(), "{0}.argmax(1)", readout.Prediction.GetLocation())
                .Rewrite(readout.Compared.GetLocation(), "{0}.argmax(1)", readout.Compared.GetLocation());
        }

        /// <summary>The equality replaced by the absolute error <c>(pred - y).abs()</c>; an integral count read from it (<c>item&lt;long&gt;()</c>) read as a float.</summary>
        public static FixPlan AbsoluteError(this FixPlan plan, TorchReadout readout)
        {
            if (readout.Compared == null) return plan.Impossible();
            return plan.Rewrite(readout.Node.GetLocation(), "({0} - {1}).abs()", readout.Prediction.GetLocation(), readout.Compared.GetLocation())
                .ReadAsFloat(readout.Node.GetLocation());
        }

        /// <summary>
        /// The threshold on the prediction that keeps the class its logit gives (logit &gt; 0), as messages say it: "0.5"
        /// on a sigmoid, "0" on a linear output and on activations above 0 exactly where their input is (relu, tanh, ...),
        /// "ln 2" on softplus, "1" on exp (<see cref="Activations.ThresholdOfZeroLogit"/>); null when the sites disagree
        /// or the activation keeps no threshold.
        /// </summary>
        public static string? ZeroLogitThreshold(TorchHead head)
        {
            if (head.Activation == HeadActivation.Sigmoid) return "0.5";
            if (head.Activation == HeadActivation.Linear) return "0";
            if (!(head.Activation is HeadActivation.Tanh or HeadActivation.Unbounded) || head.Sites.IsDefaultOrEmpty) return null;
            var thresholds = head.Sites.Select(s => s.Factory != null && SourceSpans.CalleeName(s.Factory) is { } name ? Activations.ThresholdOfZeroLogit(name) : null).Distinct().ToList();
            return thresholds.Count == 1 ? thresholds[0] : null;
        }

        /// <summary>A threshold of <see cref="ZeroLogitThreshold"/> as C# source ("ln 2" → <c>System.Math.Log(2)</c>).</summary>
        public static string ThresholdSource(string threshold) => threshold == "ln 2" ? "System.Math.Log(2)" : threshold;
    }
}
