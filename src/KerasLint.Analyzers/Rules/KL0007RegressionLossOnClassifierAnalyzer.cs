using System.Collections.Immutable;
using KerasLint.Analysis;
using KerasLint.Knowledge;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Rules
{
    /// <summary>KL0007: a regression loss (mse, mae, …) on a softmax or sigmoid classification head.</summary>
    public sealed class KL0007RegressionLossOnClassifierAnalyzer : SetupRuleAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.KL0007);

        internal override void Analyze(TrainingSetup setup, Reporter report)
        {
            if (setup.Loss.Function is not { IsRegression: true } f || setup.Head is not { } head) return;

            // Similarity and count losses are legitimately used on bounded outputs.
            if (f.CanonicalName is "cosine_similarity" or "poisson") return;
            string suggestion;
            if (head.Activation == HeadActivation.Sigmoid) suggestion = "binary_crossentropy";
            else if (head.Activation == HeadActivation.Softmax && head.Units != 1) suggestion = "categorical_crossentropy";
            else return;

            var plan = new FixPlan();
            if (FixPlan.CanReplace(setup.Loss.Site))
            {
                plan.Action("KL0007.Crossentropy", $"Use '{suggestion}'").ReplaceValue(setup.Loss.Site, suggestion);
            }

            if (setup.Loss.Form == LossForm.Object) RuleSupport.LossObjectFix(plan, setup, ("KL0007.Crossentropy", $"Use '{suggestion}'", suggestion));
            report.Report(plan.Create(Descriptors.KL0007, setup.Loss.Site.UseLocation, setup.Loss.Site.Text, RuleSupport.HeadPhrase(head), suggestion, setup.Family.Phrase));
        }
    }
}
