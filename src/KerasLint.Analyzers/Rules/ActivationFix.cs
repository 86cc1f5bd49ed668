using System.Linq;
using System.Threading;
using KerasLint.Analysis;
using KerasLint.Model;
using Microsoft.CodeAnalysis;

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
                case ActivationSource.ActivationFunction:
                    if (head.ActivationSite is { } site)
                    {
                        var current = SourceSpans.TextAt(site.UseLocation, cancellationToken);
                        if (current != null && api.ActivationExpressionSource(current, activation) is { } expression) plan.Action(key, title).ReplaceExpression(site.UseLocation, expression);
                    }

                    // tf.nn.softmax(logits) over the Dense's output: the Dense takes the activation and the function goes (offered
                    // after the call with another function, and alone where the library has no such function).
                    if (head.Source == ActivationSource.ActivationFunction && SourceSpans.IsCallWithoutNamedArgument(head.DenseLocation, "activation", cancellationToken)
                        && SourceSpans.SingleArgumentText(head.LayerLocation, cancellationToken) is { } input)
                    {
                        plan.Action(key, title + $" on the Dense layer and remove {head.ActivationText}()").AddNamedArgument(head.DenseLocation, "activation", activation).ReplaceExpression(head.LayerLocation, input);
                    }

                    break;
                case ActivationSource.SoftmaxLayer:
                    var text = SourceSpans.TextAt(head.LayerLocation, cancellationToken);
                    if (text != null && api.ActivationLayerSource(text, activation) is { } layer)
                    {
                        plan.Action(key, title).ReplaceExpression(head.LayerLocation, layer);
                    }
                    else if (SourceSpans.IsCallWithoutNamedArgument(head.DenseLocation, "activation", cancellationToken))
                    {
                        // No activation layer to put in its place (TensorFlow.NET): the Dense takes the activation, the Softmax layer goes.
                        plan.Action(key, title + " on the Dense layer and remove the Softmax layer").AddNamedArgument(head.DenseLocation, "activation", activation).RemoveElement(head.LayerLocation);
                    }

                    break;
            }

            return plan;
        }
    }
}
