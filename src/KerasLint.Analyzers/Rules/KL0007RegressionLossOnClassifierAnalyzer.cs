using System.Collections.Immutable;
using KerasLint.Analysis;
using KerasLint.Knowledge;
using KerasLint.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Rules
{
    /// <summary>
    /// A regression loss on a classifier's outputs, in every library (decided once on the <see cref="TrainingView"/>):
    /// class probabilities or log-probabilities (a softmax or log_softmax over more than one unit), or a sigmoid or a
    /// multi-unit linear output whose targets are class labels. KL0007 for a compiled setup (Keras.NET, TF.NET: mse,
    /// mae, … on a softmax or sigmoid head), KL0108 for a TorchSharp step (MSELoss, L1Loss, HuberLoss, SmoothL1Loss).
    /// </summary>
    public sealed class KL0007RegressionLossOnClassifierAnalyzer : SetupRuleAnalyzer, IStepRule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.KL0007, Descriptors.KL0108);

        /// <summary>The mistake: the crossentropy to use instead (catalog name) and how the library spells that advice; null when none.</summary>
        private static (string Canonical, string Advice)? Decide(TrainingView view)
        {
            // Similarity and count losses are legitimately used on bounded outputs.
            if (view.Loss is not { IsRegression: true } loss || loss.Function.CanonicalName is "cosine_similarity" or "poisson") return null;
            var p = view.Prediction;
            const string binary = "binary_crossentropy", categorical = "categorical_crossentropy";
            switch (p.Activation)
            {
                case HeadActivation.Sigmoid when view.TargetsAreLabels:
                    return view.LossName(binary, LossInput.Probabilities) is { } bce
                        ? (binary, bce)
                        : null;
                case HeadActivation.Softmax when p.IsClassDistribution:
                    return view.LossName(categorical, LossInput.Probabilities) is { } cce ? (categorical, cce)
                        : view.LossName(categorical, LossInput.Logits) is { } onLogits ? (categorical, onLogits + " on logits") : null;
                case HeadActivation.LogSoftmax when p.IsClassDistribution:
                    return view.LossName(categorical, LossInput.LogProbabilities) is { } nll ? (categorical, nll) : null;
                case HeadActivation.Linear when view.TargetsAreLabels && p.Units is > 1:
                    return view.LossName(categorical, LossInput.Logits) is { } ce ? (categorical, ce + " on logits") : null;
                default:
                    return null;
            }
        }

        internal override void Analyze(TrainingSetup setup, Reporter report)
        {
            if (TrainingViews.Of(setup) is not { } view || Decide(view) is not { } found || setup.Head is not { } head) return;
            var suggestion = found.Canonical;

            var plan = new FixPlan();
            if (FixPlan.CanReplace(setup.Loss.Site))
            {
                plan.Action("KL0007.Crossentropy", $"Use '{suggestion}'").ReplaceValue(setup.Loss.Site, suggestion);
            }

            if (setup.Loss.Form == LossForm.Object) RuleSupport.LossObjectFix(plan, setup, ("KL0007.Crossentropy", $"Use '{suggestion}'", suggestion));
            report.Report(plan.Create(Descriptors.KL0007, setup.Loss.Site.UseLocation, setup.Loss.Site.Text, RuleSupport.HeadPhrase(head), found.Advice, setup.Family.Phrase));
        }

        Diagnostic? IStepRule.AnalyzeStep(TorchTrainingStep step)
        {
            if (Decide(TrainingViews.Of(step)) is not { } found) return null;
            var head = step.Head;
            var units = head.Units is { } u ? $"{u}-unit " : "";
            var what = head.Activation switch
            {
                // A message's few words (the one-hot targets these cases need are in the rule's description).
                HeadActivation.Softmax => $"a {units}softmax",
                HeadActivation.LogSoftmax => $"a {units}log_softmax",
                HeadActivation.Linear => $"a {units}classifier's logits",
                _ => $"{units}sigmoid outputs",
            };
            return TorchStepRuleAnalyzer.Create(Descriptors.KL0108, step, step.Library, TorchStepRuleAnalyzer.LossName(step), what + " (" + TorchStepRuleAnalyzer.Origin(step) + ")", found.Advice);
        }
    }
}
