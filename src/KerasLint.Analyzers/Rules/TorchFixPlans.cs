using KerasLint.Analysis;
using KerasLint.Knowledge;
using KerasLint.Model;

namespace KerasLint.Rules
{
    /// <summary>
    /// What each TorchSharp id's fixes do, in the one edit vocabulary (<see cref="FixPlan"/>, placed on the model's
    /// locations by <see cref="TorchFixEdits"/>; made by the code-fix layer's one applier): the recommended action
    /// first. The rules that report these ids (<see cref="TorchStepRuleAnalyzer.Create"/>,
    /// <see cref="TorchReadoutRuleAnalyzer.Create"/>) carry the plan of the id they report.
    /// </summary>
    internal static class TorchFixPlans
    {
        public const string KL0004RemoveSoftmaxKey = "KL0004.RemoveSoftmax";
        public const string KL0101RemoveSoftmaxKey = "KL0101.RemoveSoftmax";
        public const string KL0101UseNllLossKey = "KL0101.UseLogSoftmaxAndNllLoss";
        public const string KL0102UseWithLogitsKey = "KL0102.UseBceWithLogits";
        public const string KL0102RemoveActivationKey = "KL0102.RemoveActivationUseBceWithLogits";
        public const string KL0103RemoveSigmoidKey = "KL0103.RemoveSigmoid";
        public const string KL0103UseBceLossKey = "KL0103.UseBceLoss";
        public const string KL0104ApplyLogSoftmaxKey = "KL0104.ApplyLogSoftmax";
        public const string KL0104UseCrossEntropyKey = "KL0104.UseCrossEntropyLoss";
        public const string KL0104RemoveActivationKey = "KL0104.RemoveActivationApplyLogSoftmax";
        public const string KL0105TwoClassesKey = "KL0105.OutputTwoClasses";
        public const string KL0105BinaryLossKey = "KL0105.UseBinaryLoss";
        public const string KL0106ThresholdKey = "KL0106.Threshold";
        public const string KL0107CompareClassesKey = "KL0107.CompareArgmax";
        public const string KL0108UseCrossentropyKey = "KL0108.UseMatchingCrossentropy";
        public const string KL0109UseCrossEntropyKey = "KL0109.UseCrossEntropyOnLogits";
        public const string KL0110AbsoluteErrorKey = "KL0110.AbsoluteError";

        /// <summary>The fixes of a diagnostic with id <paramref name="id"/> on a training step.</summary>
        public static FixPlan For(string id, TorchTrainingStep step)
        {
            var plan = new FixPlan();
            var head = step.Head.Activation;
            switch (id)
            {
                case RuleIds.SoftmaxOnOneUnit:
                    // One logit left: BCELoss takes the sigmoid the head needs inside the loss; other losses keep theirs.
                    if (step.Loss == TorchLossKind.Bce)
                    {
                        plan.Action(KL0004RemoveSoftmaxKey, "Remove the softmax and use BCEWithLogitsLoss (one logit)").RemoveActivation(step.Head).SwitchLoss(step, TorchLossKind.BceWithLogits);
                    }
                    else
                    {
                        plan.Action(KL0004RemoveSoftmaxKey, "Remove the softmax").RemoveActivation(step.Head);
                    }

                    break;

                case RuleIds.CrossEntropyOnProbabilities:
                    plan.Action(KL0101RemoveSoftmaxKey, "Remove the softmax (CrossEntropyLoss takes logits)").RemoveActivation(step.Head);
                    plan.Action(KL0101UseNllLossKey, "Use LogSoftmax with NLLLoss").SoftmaxToLogSoftmax(step.Head).SwitchLoss(step, TorchLossKind.NllLoss);
                    break;

                case RuleIds.BceOnUnboundedOutputs:
                    // A relu's or tanh's outputs are not logits a sigmoid may read: the output before the activation becomes the logit.
                    plan.Action(KL0102UseWithLogitsKey, "Use BCEWithLogitsLoss (applies the sigmoid itself)").ImpossibleIf(head != HeadActivation.Linear).SwitchLoss(step, TorchLossKind.BceWithLogits);
                    plan.Action(KL0102RemoveActivationKey, "Remove the output activation and use BCEWithLogitsLoss (one logit)").ImpossibleIf(head == HeadActivation.Linear)
                        .RemoveActivation(step.Head).SwitchLoss(step, TorchLossKind.BceWithLogits);
                    break;

                case RuleIds.BceWithLogitsOnSigmoid:
                    plan.Action(KL0103RemoveSigmoidKey, "Remove the sigmoid (BCEWithLogitsLoss applies it)").RemoveActivation(step.Head);
                    plan.Action(KL0103UseBceLossKey, "Use BCELoss on the sigmoid outputs").SwitchLoss(step, TorchLossKind.Bce);
                    break;

                case RuleIds.NllLossWithoutLogSoftmax:
                    plan.Action(KL0104ApplyLogSoftmaxKey, "Apply log_softmax");
                    if (head == HeadActivation.Softmax) plan.SoftmaxToLogSoftmax(step.Head);
                    else if (head == HeadActivation.Linear) plan.WrapPredictionInLogSoftmax(step);
                    else plan.Impossible();
                    plan.Action(KL0104UseCrossEntropyKey, "Use CrossEntropyLoss on the logits").ImpossibleIf(head != HeadActivation.Linear).SwitchLoss(step, TorchLossKind.CrossEntropy);

                    // Sigmoid, relu, tanh outputs are not log-probabilities: the output before the activation becomes the logits.
                    plan.Action(KL0104RemoveActivationKey, "Remove the output activation and apply log_softmax (NLLLoss takes log-probabilities)")
                        .ImpossibleIf(!(head is HeadActivation.Sigmoid or HeadActivation.Tanh or HeadActivation.Unbounded))
                        .RemoveActivation(step.Head).WrapPredictionInLogSoftmax(step);
                    break;

                case RuleIds.CrossEntropyOnOneUnit:
                    plan.Action(KL0105BinaryLossKey, head == HeadActivation.Sigmoid ? "Use BCELoss (one sigmoid output, float 0/1 target)" : "Use BCEWithLogitsLoss (one logit, float 0/1 target)");
                    if (head == HeadActivation.Linear) plan.SwitchLoss(step, TorchLossKind.BceWithLogits);
                    else if (head == HeadActivation.Sigmoid) plan.SwitchLoss(step, TorchLossKind.Bce);
                    else plan.Impossible();
                    plan.Action(KL0105TwoClassesKey, "Output 2 classes from the last Linear (CrossEntropyLoss needs C ≥ 2)").SetWidth(step.Head, 2);
                    break;

                case RuleIds.RegressionLossOnTorchClassifier:
                    plan.Action(KL0108UseCrossentropyKey, "Use the matching crossentropy");
                    switch (head)
                    {
                        case HeadActivation.Softmax:
                            plan.RemoveActivation(step.Head).SwitchLoss(step, TorchLossKind.CrossEntropy);
                            break;
                        case HeadActivation.Linear:
                            plan.SwitchLoss(step, TorchLossKind.CrossEntropy);
                            break;
                        case HeadActivation.LogSoftmax:
                            plan.SwitchLoss(step, TorchLossKind.NllLoss);
                            break;
                        case HeadActivation.Sigmoid:
                            plan.SwitchLoss(step, TorchLossKind.Bce);
                            break;
                        default:
                            plan.Impossible();
                            break;
                    }

                    break;

                case RuleIds.BceOnSoftmax:
                    plan.Action(KL0109UseCrossEntropyKey, "Use CrossEntropyLoss on the logits (remove the softmax)").RemoveActivation(step.Head).SwitchLoss(step, TorchLossKind.CrossEntropy);
                    break;
            }

            return plan;
        }

        /// <summary>The fixes of a diagnostic with id <paramref name="id"/> on a read-out.</summary>
        public static FixPlan For(string id, TorchReadout readout)
        {
            var plan = new FixPlan();
            switch (id)
            {
                case RuleIds.ArgmaxOfOneUnit:
                    // The class a one-unit output's logit gives (logit > 0), read where the output is above the value it
                    // takes at logit 0: 0.5 on a sigmoid, 0 on logits, relu, tanh, ..., ln 2 on softplus, 1 on exp.
                    var threshold = TorchFixEdits.ZeroLogitThreshold(readout.Head);
                    var title = readout.Head.Activation switch
                    {
                        HeadActivation.Sigmoid => "Threshold the sigmoid output at 0.5",
                        HeadActivation.Linear => "Threshold the logit at 0",
                        _ when threshold == "0" => "Threshold the output at 0 (where the logit before the activation is)",
                        _ => $"Threshold the output at {threshold} (where the logit before the activation is 0)",
                    };
                    plan.Action(KL0106ThresholdKey, title);
                    if (threshold == null) plan.Impossible();
                    else plan.ThresholdArgmax(readout, threshold);
                    break;

                case RuleIds.ElementwiseAccuracyOnSoftmax:
                    plan.Action(KL0107CompareClassesKey, "Compare classes: argmax(1) of the prediction and of the one-hot target").CompareClasses(readout);
                    break;

                case RuleIds.ExactEqualityOnRegression:
                    // Averaged, the mean absolute error instead of the share of exact hits; a count read as an integer is read as a float.
                    plan.Action(KL0110AbsoluteErrorKey, "Measure the absolute error instead of exact equality").AbsoluteError(readout);
                    break;
            }

            return plan;
        }
    }
}
