using System.Linq;
using System.Threading;
using KerasLint.Analysis;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KerasLint.Rules
{
    /// <summary>The edit that gives the output head another activation, wherever the current one is set.</summary>
    internal static class ActivationFix
    {
        public static FixPlan Plan(string key, string title, LibraryApi api, HeadInfo head, string activation, CancellationToken cancellationToken)
        {
            var plan = new FixPlan();
            switch (head.Source)
            {
                case ActivationSource.DenseDefault:
                    plan.Action(key, title).AddNamedArgument(head.DenseLocation, "activation", activation);
                    break;
                case ActivationSource.DenseArgument:
                case ActivationSource.ActivationLayer:
                    if (FixPlan.CanReplace(head.ActivationSite)) plan.Action(key, title).ReplaceValue(head.ActivationSite!, activation);
                    break;
                case ActivationSource.DenseActivationObject:
                    if (head.ActivationSite is { } site)
                    {
                        var current = site.UseLocation.SourceTree?.GetText(cancellationToken).ToString(site.UseLocation.SourceSpan);
                        if (current != null && api.ActivationExpressionSource(current, activation) is { } expression) plan.Action(key, title).ReplaceExpression(site.UseLocation, expression);
                    }

                    break;
                case ActivationSource.SoftmaxLayer:
                    var text = head.LayerLocation.SourceTree?.GetText(cancellationToken).ToString(head.LayerLocation.SourceSpan);
                    if (text != null && api.ActivationLayerSource(text, activation) is { } layer)
                    {
                        plan.Action(key, title).ReplaceExpression(head.LayerLocation, layer);
                    }
                    else if (DenseWithoutActivation(head.DenseLocation, cancellationToken))
                    {
                        // No activation layer to put in its place (TensorFlow.NET): the Dense takes the activation, the Softmax layer goes.
                        plan.Action(key, title + " on the Dense layer and remove the Softmax layer").AddNamedArgument(head.DenseLocation, "activation", activation).RemoveElement(head.LayerLocation);
                    }

                    break;
            }

            return plan;
        }

        /// <summary>Whether the Dense call or creation at the location is given no activation (at most its units, positionally).</summary>
        private static bool DenseWithoutActivation(Location dense, CancellationToken cancellationToken)
        {
            if (!(dense.SourceTree?.GetRoot(cancellationToken) is { } root) || !root.FullSpan.Contains(dense.SourceSpan)) return false;
            for (var node = root.FindNode(dense.SourceSpan, getInnermostNodeForTie: true); node != null && node.Span == dense.SourceSpan; node = node.Parent)
            {
                var arguments = node switch
                {
                    InvocationExpressionSyntax call => call.ArgumentList,
                    BaseObjectCreationExpressionSyntax creation => creation.ArgumentList,
                    _ => null,
                };
                if (arguments == null) continue;
                return arguments.Arguments.Count(a => a.NameColon == null) <= 1 && !arguments.Arguments.Any(a => a.NameColon?.Name.Identifier.ValueText == "activation");
            }

            return false;
        }
    }
}
