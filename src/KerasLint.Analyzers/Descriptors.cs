using KerasLint.Knowledge;
using Microsoft.CodeAnalysis;

namespace KerasLint
{
    /// <summary>
    /// The diagnostics of the rules written before a rule could declare its own: a new rule declares its id and
    /// descriptor in its file with <see cref="Create"/>, and the tests and generated tables take every engine's
    /// SupportedDiagnostics. Ids come from <see cref="RuleIds"/>; each links to docs/rules/&lt;id&gt;.md (a test checks
    /// the pages exist). Message arguments are documented per rule; an argument
    /// a message no longer shows is still passed (the order stays). A message is one short sentence (at most 160
    /// characters, MessageLengthTests): what the library computes here, naming it and the family, and what to do. How
    /// the family was chosen, the numbers and the reasoning are in the description (shown on expand and in SARIF) and
    /// on the rule page.
    /// </summary>
    internal static class Descriptors
    {
        private const string HelpBase = "https://github.com/keraslint/keraslint/blob/main/docs/rules/";

        public const string CategoryMetrics = "KerasLint.Metrics";
        public const string CategoryLoss = "KerasLint.Loss";
        public const string CategoryModel = "KerasLint.Model";
        public const string CategoryCallbacks = "KerasLint.Callbacks";
        public const string CategoryConfiguration = "KerasLint.Configuration";

        /// <summary>Where the family a Keras rule's message names comes from (the message names it in a few characters).</summary>
        private const string FamilyNote = "The message names the library and the Keras family or version whose semantics apply: keraslint.keras_version (Keras.NET) or keraslint.tfnet_version (TensorFlow.NET) where set, else the referenced assembly's (Keras.NET before 3.8.5 imports standalone Keras 2.0-2.2, later versions tf.keras 2.x, TF 2.2-2.15).";

        /// <summary>What a TorchSharp message's site is (the message names one).</summary>
        private const string TorchSitesNote = "The message names the library and the first site that sets the prediction (\"+N\" counts the others); the diagnostic's additional locations point at every one.";

        /// <summary>{0} metric string, {1} loss string, {2} resolved metric, {3} what it computes (per family), {4} family/library, {5} what to report instead.</summary>
        public static readonly DiagnosticDescriptor KL0001 = Create(
            RuleIds.AccuracyOnRegression,
            "'accuracy' is meaningless with a regression loss",
            "'{0}' is {2} in {4}: meaningless with a regression loss; use '{5}' instead",
            CategoryMetrics,
            DiagnosticSeverity.Warning,
            "With a regression loss such as mean_squared_error, Keras resolves \"accuracy\"/\"acc\" to binary_accuracy (or categorical_accuracy on a wide head). binary_accuracy counts outputs equal to the target after rounding (standalone Keras 2.x) or after (prediction > 0.5) (tf.keras, Keras 3); on continuous targets that stays near zero and never moves. Report the error the loss measures instead (mae, mse), and let callbacks watch it or the loss. Where the output width is not visible, tf.keras 2.2+ and Keras 3 pick binary, categorical or sparse categorical accuracy from the shapes: none of them measures a regression. On a callback the fix watches the loss (val_loss) instead. " + FamilyNote);

        /// <summary>{0} units, {1} what goes wrong under the family ("accuracy" inflated for 2.2/2.3, the loss itself for tf2/3), {2} family/library.</summary>
        public static readonly DiagnosticDescriptor KL0002 = Create(
            RuleIds.BinaryCrossentropyOnMultiClass,
            "binary_crossentropy on a single-label multi-class softmax head",
            "binary_crossentropy on a {0}-unit softmax head in {2} trains each class as a separate yes/no; use (sparse_)categorical_crossentropy",
            CategoryLoss,
            DiagnosticSeverity.Warning,
            "A softmax head picks one class among many; binary_crossentropy scores every unit as an independent binary problem. In Keras ≤ 2.3 and TF ≤ 2.1, \"accuracy\" then resolves to element-wise binary_accuracy, which is inflated ((C-1)/C for a constant all-zero prediction). Use categorical_crossentropy (one-hot labels) or sparse_categorical_crossentropy (integer labels). In tf.keras 2.2+, Keras 3 and TensorFlow.NET, \"accuracy\" resolves by shape to categorical_accuracy, so the metric looks right while the loss ignores that softmax makes exactly one class win and its gradients fight the activation. " + FamilyNote);

        /// <summary>
        /// {0} metric string, {1} family/library, {2} what that family computes and which fact decides it, {3} what to do.
        /// Warning by default (a custom loss on a multi-unit head under Keras ≤ 2.3 computes the wrong number for integer
        /// labels); the cases that only depend on a fact the code hides are reported at Info severity with the same descriptor.
        /// </summary>
        public static readonly DiagnosticDescriptor KL0003 = Create(
            RuleIds.AmbiguousAccuracy,
            "'accuracy' resolved from a loss that does not decide it",
            "'{0}' in {1}: the loss does not decide which accuracy Keras computes; {3}",
            CategoryMetrics,
            DiagnosticSeverity.Warning,
            "Keras ≤ 2.3 and tf.keras in TF 2.0–2.1 turn \"accuracy\"/\"acc\" into binary, categorical or sparse categorical accuracy by the loss's identity and the output width. With a custom loss on a multi-unit head they pick categorical_accuracy; with integer labels that compares the arg-max with a length-1 axis and reports the share of predictions of class 0. tf.keras 2.2+ and Keras 3 decide from the shapes of the first batch and are right for sparse and one-hot labels, so they are not reported. Name the accuracy you mean. A custom loss on a multi-unit head is a warning; a loss that is not a constant, or a custom loss on a head whose width is not visible, is reported at Info severity (the outcome depends on that hidden fact). " + FamilyNote);

        /// <summary>{0} where the softmax is (layer / activation argument; a TorchSharp site), {1} library and family ("TorchSharp" for TorchSharp).</summary>
        public static readonly DiagnosticDescriptor KL0004 = Create(
            RuleIds.SoftmaxOnOneUnit,
            "softmax over a single unit always outputs 1.0",
            "softmax over a 1-unit output ({0}) is always 1.0 in {1}; use sigmoid",
            CategoryModel,
            DiagnosticSeverity.Error,
            "softmax normalises over the last axis; with one unit every output is exactly 1.0 and its gradient is zero: a loss computed from it never moves (tf.keras 2.x and Keras 3 on TensorFlow let binary_crossentropy read the logit instead, but the outputs and metrics still read 1.0). A single-unit binary classifier needs sigmoid. Reported for Keras.NET and TensorFlow.NET heads (Dense(1) with a softmax activation or layer) and for TorchSharp predictions (Linear(..., 1) then Softmax) trained with a binary or regression loss; with CrossEntropyLoss or NLLLoss, KL0105, KL0101 or KL0104 says it. The message names the library and the family.");

        /// <summary>{0} loss, {1} what it expects, {2} what the head produces, {3} activation to use, {4} family/library.</summary>
        public static readonly DiagnosticDescriptor KL0005 = Create(
            RuleIds.LossExpectsProbabilities,
            "loss expects probabilities the output head does not produce",
            "'{0}' expects {3} probabilities but the output head has no {3} ({4}); use activation '{3}'",
            CategoryLoss,
            DiagnosticSeverity.Warning,
            "Keras's crossentropies (from_logits=False) clip predictions to [1e-7, 1-1e-7] and, for categorical crossentropy, renormalise rows. Fed raw linear or relu outputs they silently compute a clipped, distorted loss instead of failing. categorical_crossentropy and sparse_categorical_crossentropy expect a softmax distribution over the classes; binary_crossentropy expects independent sigmoid probabilities in [0, 1]. A linear or relu head (or, for a categorical loss, a sigmoid head whose outputs do not sum to 1) does not produce them. Use the activation the message names, or (a loss object on a linear head) from_logits: true. " + FamilyNote);

        /// <summary>{0} loss object, {1} the head (how its activation is set), {2} family/library.</summary>
        public static readonly DiagnosticDescriptor KL0006 = Create(
            RuleIds.FromLogitsOnProbabilities,
            "crossentropy with from_logits: true on a softmax or sigmoid head",
            "'{0}' with from_logits: true squashes the head's probabilities again ({2}); use from_logits: false",
            CategoryLoss,
            DiagnosticSeverity.Warning,
            "from_logits: true makes a crossentropy apply softmax (or sigmoid) itself. On a head that already applies it, the outputs are squashed twice: predictions crowd towards uniform, the loss floor rises (log(e+C-1)-1 for C classes instead of 0) and gradients shrink, so training is slower and ends worse. Either keep the activation and pass from_logits: false, or output logits. The fix either passes from_logits: false or removes the head's activation. " + FamilyNote);

        /// <summary>{0} optimizer string, {1} loss string, {2} what the library does instead (names its version).</summary>
        public static readonly DiagnosticDescriptor KL0011 = Create(
            RuleIds.StringCompileIgnored,
            "TensorFlow.NET's all-string compile does not train what the strings say",
            "compile(\"{0}\", \"{1}\"): {2}; pass optimizer and loss objects",
            CategoryLoss,
            DiagnosticSeverity.Error,
            "TensorFlow.NET's compile(string optimizer, string loss, string[] metrics) never looked the strings up like Python Keras: TensorFlow.Keras 0.1-0.5 read only \"rmsprop\" and ignored the loss, 0.6.0-0.10.4 throw NotImplementedException unless it is (\"rmsprop\", \"mse\"/\"mae\"), and from 0.10.5 any strings silently train RMSprop with default settings and mean squared error (mean absolute error for \"mae\"). A classifier compiled with (\"adam\", \"sparse_categorical_crossentropy\") regresses integer labels. Pass keras.optimizers.X() and keras.losses.Y() objects. The message names the TensorFlow.Keras version whose behaviour applies (keraslint.tfnet_version where set, else the referenced assembly's).");

        /// <summary>
        /// {0} optimizer string, {1} loss string, {2} what the library does instead (names its version), {3} why no edit
        /// can pass objects and what to do ("loss not constant: pass objects"). The KL0011 cases no edit fixes correctly (every KL0011 carries a fix, so that Fix All and
        /// dotnet format fix them all).
        /// </summary>
        public static readonly DiagnosticDescriptor KL0015 = Create(
            RuleIds.StringCompileWithoutObjects,
            "TensorFlow.NET's all-string compile that no edit can turn into objects",
            "compile(\"{0}\", \"{1}\"): {2}; {3}",
            CategoryLoss,
            DiagnosticSeverity.Error,
            "The same trap as KL0011 (TensorFlow.NET's compile(string optimizer, string loss, string[] metrics) does not train what the strings say: RMSprop and mean squared error from TensorFlow.Keras 0.10.5, a NotImplementedException in 0.6.0-0.10.4, the loss ignored before), where no automatic edit is certainly right: a string that is not a compile-time constant (its value is known only at run time, and TensorFlow.NET has no function that turns a name into a loss or optimizer object), a string naming an optimizer or loss the referenced TensorFlow.Keras has no object for, or, before 0.10.5, a string naming no optimizer or loss (nothing trains in its place). Pass keras.optimizers.X() and keras.losses.Y() objects by hand. The message names the TensorFlow.Keras version whose behaviour applies (keraslint.tfnet_version where set, else the referenced assembly's).");

        /// <summary>{0} loss, {1} head activation, {2} suggested loss, {3} family/library.</summary>
        public static readonly DiagnosticDescriptor KL0007 = Create(
            RuleIds.RegressionLossOnClassifier,
            "regression loss on a classification head",
            "'{0}' is a regression loss on {1} ({3}); use '{2}'",
            CategoryLoss,
            DiagnosticSeverity.Warning,
            "Squared or absolute error on probabilities has vanishing gradients near saturation and is not a proper scoring rule for class probabilities; classifiers train slower and worse than with crossentropy. Use binary_crossentropy on a sigmoid head and categorical_crossentropy (sparse_categorical_crossentropy for integer labels) on a softmax head. " + FamilyNote);

        /// <summary>{0} callback, {1} monitored key, {2} why / the keys that exist, {3} family/library.</summary>
        public static readonly DiagnosticDescriptor KL0008 = Create(
            RuleIds.MonitorKeyNeverLogged,
            "callback monitors a key the model never logs",
            "{0} monitors '{1}', never logged in {3}: {2}",
            CategoryCallbacks,
            DiagnosticSeverity.Warning,
            "Keras names logged metrics by family: Keras ≤ 2.2 logs \"accuracy\" as acc/val_acc, later versions log the string you passed (accuracy/val_accuracy). A callback watching a missing key only warns (Keras 2.x, tf.keras: EarlyStopping never fires, ModelCheckpoint never saves) or raises (Keras 3 in auto mode). Without validation_data or validation_split, fit logs no val_ key. tf.keras 2.x creates a class-name metric string such as \"Precision\" with no arguments and logs it under its default name (\"precision\", then \"precision_1\", ... for later objects in the same process). TensorFlow.NET's Keras logs both accuracy strings as \"accuracy\", and its EarlyStopping throws KeyNotFoundException at the end of epoch 1 on a key that is not logged. The message lists the first training keys that are logged. " + FamilyNote);

        /// <summary>{0} rate, {1} what happens under the library/family.</summary>
        public static readonly DiagnosticDescriptor KL0009 = Create(
            RuleIds.DropoutRateOutOfRange,
            "Dropout rate outside [0, 1)",
            "Dropout rate {0} is outside [0, 1): {1}",
            CategoryModel,
            DiagnosticSeverity.Error,
            "A dropout rate of 1 drops everything; Keras 2.0–2.3 silently disable the layer instead, tf.keras raises at the first training step, Keras ≥ 3.14 and TorchSharp output zeros. Rates below 0 or above 1 are rejected at construction (Keras) or at the first forward (TorchSharp). TensorFlow.NET's Dropout has no range check and scales kept units by 1/(1-rate): rate 1 gives NaN (0 * inf) during training, a rate above 1 drops every unit, a negative rate drops nothing and shrinks every output. TorchSharp zeroes every activation at p = 1 (verified with TorchSharp 0.107) and throws ExternalException at the first forward for p outside [0, 1]. " + FamilyNote);

        /// <summary>{0} role (loss/metric), {1} the string, {2} family/library, {3} suggestion text (may be empty).</summary>
        public static readonly DiagnosticDescriptor KL0010 = Create(
            RuleIds.UnknownIdentifier,
            "loss or metric name unknown to this Keras version",
            "'{1}' is not a {0} name in {2}{3}",
            CategoryMetrics,
            DiagnosticSeverity.Warning,
            "Keras looks loss and metric strings up by exact name, and the set of names differs by version (\"logcosh\" is gone in Keras 3, lower-case \"precision\" was never registered in tf.keras). An unknown name fails at compile or at the first batch, far from where it was typed. Keras.NET hands an unknown name to Python Keras, which fails with Python.Runtime.PythonException at Compile or at the first batch. TensorFlow.NET's Keras accepts only the metric strings accuracy, acc, mean_absolute_error, mae, mean_absolute_percentage_error and mape, and throws NotImplementedException at the first training step on any other. Class-name strings such as \"Accuracy\" are not read as that metric before tf.keras 2.6 and in standalone Keras 2.3. The message names the versions that know the name, if any. " + FamilyNote);

        /// <summary>
        /// {0} role (loss/metric), {1} the string, {2} family/library, {3} what the library does with it, {4} what to do.
        /// The KL0010 cases no edit can fix (every KL0010 carries a fix, so that Fix All and dotnet format fix them all).
        /// </summary>
        public static readonly DiagnosticDescriptor KL0013 = Create(
            RuleIds.UnknownNameWithoutReplacement,
            "Unknown loss or metric name with no built-in replacement",
            "'{1}' is not a {0} name in {2}, and no edit can replace it; {4}",
            CategoryMetrics,
            DiagnosticSeverity.Warning,
            "A loss or metric string the configured Keras version does not know (it fails at compile or at the first batch) where no automatic edit is correct: a loss that only other Keras versions have and no built-in loss of this version computes, or a name whose value is defined where a fix cannot edit it alone (a metrics array kept in a local, a one-element array). Change the code by hand, or set keraslint.keras_version if your Python environment runs another Keras version. Keras.NET hands the name to Python Keras, which fails with Python.Runtime.PythonException at Compile or at the first batch. " + FamilyNote);

        /// <summary>{0} key, {1} value as written, {2} library, {3} the source files it applies to, {4} what is used instead, {5} the accepted forms.</summary>
        public static readonly DiagnosticDescriptor KL0014 = Create(
            RuleIds.UnreadableSetting,
            "KerasLint setting that KerasLint cannot read",
            "{0} = '{1}' in {3} cannot be read; using {4} instead; write {5}",
            CategoryConfiguration,
            DiagnosticSeverity.Warning,
            "KerasLint's options (keraslint.keras_version for Keras.NET, keraslint.tfnet_version for TensorFlow.NET's Keras) choose the Keras semantics every rule applies. A value KerasLint cannot parse would otherwise be ignored without a word, and the rules would silently judge the code by another Keras version than the one you configured. Fix the value, or remove the line to use the version of the referenced assembly. keraslint.keras_version accepts a Keras family (2.2, 2.3, tf2 or 3) or a Keras version such as 2.2.4, 2.3.1, 'tf.keras 2.15.0' or 3.15.1; keraslint.tfnet_version a TensorFlow.Keras version such as 0.15.0 or 0.10.5. The diagnostic is reported once per key and value, for the files the .editorconfig or .globalconfig applies to, and says what is used instead.");

        /// <summary>{0} callback, {1} mode, {2} key, {3} "maximized"/"minimized", {4} what to do ("use mode 'max'"), {5} for mode "auto": the version's rule ("" otherwise; not shown), {6} family/library.</summary>
        public static readonly DiagnosticDescriptor KL0012 = Create(
            RuleIds.MonitorModeContradictsKey,
            "callback mode contradicts the monitored key",
            "{0} with mode '{1}' does not treat '{2}' as {3} in {6}; {4}",
            CategoryCallbacks,
            DiagnosticSeverity.Warning,
            "mode=\"min\" on an accuracy key stops training when accuracy is worst and keeps the worst checkpoint; mode=\"max\" on a loss key does the same with the loss. Mode \"auto\" (the default) guesses the direction from the key's spelling in Keras 2.x, tf.keras and TensorFlow.NET: EarlyStopping maximizes only keys containing 'acc' (up to tf.keras 2.6) or ending in acc/accuracy/auc (tf.keras 2.7+, TensorFlow.NET), ModelCheckpoint and ReduceLROnPlateau only keys containing 'acc', so val_precision, val_recall and (by version) val_auc are minimized. Before TensorFlow.Keras 0.11.4, TensorFlow.NET's EarlyStopping started its best value at +infinity in every mode, so a maximized key never improved (even with mode \"max\"): there, monitor a minimized key such as the loss. The fix sets the mode the key needs. " + FamilyNote);

        /// <summary>{0} the library (the step's or read-out's Library), {1} loss call, {2} where the probabilities come from.</summary>
        public static readonly DiagnosticDescriptor KL0101 = Create(
            RuleIds.CrossEntropyOnProbabilities,
            "CrossEntropyLoss receives probabilities",
            "{0}: {1} on softmax outputs ({2}) applies it twice; remove the softmax",
            CategoryLoss,
            DiagnosticSeverity.Warning,
            "TorchSharp's CrossEntropyLoss and functional.cross_entropy expect raw logits. Softmax before it squashes the logits, so the loss can never approach zero and gradients shrink; training is slower and calibrated worse. TorchSharp, like PyTorch, does not warn. Remove the softmax (pass the logits), or use LogSoftmax with NLLLoss. " + TorchSitesNote);

        /// <summary>{0} the library (the step's or read-out's Library), {1} loss call, {2} what produces the input.</summary>
        public static readonly DiagnosticDescriptor KL0102 = Create(
            RuleIds.BceOnUnboundedOutputs,
            "BCELoss receives unbounded outputs",
            "{0}: {1} needs probabilities but gets {2}; use BCEWithLogitsLoss",
            CategoryLoss,
            DiagnosticSeverity.Warning,
            "BCELoss and functional.binary_cross_entropy take probabilities in [0, 1]; libtorch checks this and throws (ExternalException in TorchSharp) at the first batch with a logit outside the range, and ReLU/tanh outputs fail as soon as one leaves it. BCEWithLogitsLoss applies the sigmoid itself, in a numerically stable way. Use BCEWithLogitsLoss on the logits (or apply a sigmoid first). " + TorchSitesNote);

        /// <summary>{0} the library (the step's or read-out's Library), {1} loss call, {2} where the sigmoid is.</summary>
        public static readonly DiagnosticDescriptor KL0103 = Create(
            RuleIds.BceWithLogitsOnSigmoid,
            "BCEWithLogitsLoss receives sigmoid outputs",
            "{0}: {1} on sigmoid outputs ({2}) applies it twice; remove the sigmoid",
            CategoryLoss,
            DiagnosticSeverity.Warning,
            "BCEWithLogitsLoss applies a sigmoid to its input. A sigmoid before it squashes the outputs twice: predictions stay between 0.5 and 0.73, the loss cannot go below about 0.31 per element, and gradients vanish. Remove the sigmoid (pass the logits), or use BCELoss. " + TorchSitesNote);

        /// <summary>{0} the library (the step's or read-out's Library), {1} loss call, {2} what it receives.</summary>
        public static readonly DiagnosticDescriptor KL0104 = Create(
            RuleIds.NllLossWithoutLogSoftmax,
            "NLLLoss receives outputs that are not log-probabilities",
            "{0}: {1} needs log-probabilities but gets {2}; use log_softmax",
            CategoryLoss,
            DiagnosticSeverity.Warning,
            "NLLLoss only picks -input[target]; it does not normalise. On softmax probabilities, sigmoid outputs or raw logits the value is not a likelihood and can go to minus infinity. Apply log_softmax before NLLLoss, or use CrossEntropyLoss on the logits. " + TorchSitesNote);

        /// <summary>{0} the library (the step's or read-out's Library), {1} loss call, {2} where the 1-unit output comes from.</summary>
        public static readonly DiagnosticDescriptor KL0105 = Create(
            RuleIds.CrossEntropyOnOneUnit,
            "CrossEntropyLoss on a 1-unit output",
            "{0}: {1} on a 1-unit output ({2}) is always 0 and never learns; use BCEWithLogitsLoss or 2 outputs",
            CategoryLoss,
            DiagnosticSeverity.Warning,
            "CrossEntropyLoss normalises over the class axis. With one output unit log_softmax is identically 0: the loss is 0.000 from the first batch, every gradient is 0 and the weights never move. A binary classifier needs either 2 output units with CrossEntropyLoss, or 1 unit with BCEWithLogitsLoss. Use BCEWithLogitsLoss with a float 0/1 target of shape (N, 1), or output 2 classes from the last Linear. " + TorchSitesNote);

        /// <summary>{0} the library (the step's or read-out's Library), {1} the argmax call, {2} where the 1-unit output comes from, {3} the threshold to use.</summary>
        public static readonly DiagnosticDescriptor KL0106 = Create(
            RuleIds.ArgmaxOfOneUnit,
            "argmax over a 1-unit output is always 0",
            "{0}: '{1}' on a 1-unit output ({2}) is always 0; threshold instead: {3}",
            CategoryMetrics,
            DiagnosticSeverity.Warning,
            "argmax over an axis of length 1 returns 0 for every sample. An \"accuracy\" that compares it with the labels measures how many labels are 0, not how good the model is. A 1-unit binary classifier is read by thresholding: logits > 0, sigmoid outputs > 0.5. Threshold instead: (pred > 0) on logits, (pred > 0.5) on sigmoid outputs. " + TorchSitesNote);

        /// <summary>{0} the library (the step's or read-out's Library), {1} the rounding/threshold expression, {2} where the softmax comes from, {3} units phrase.</summary>
        public static readonly DiagnosticDescriptor KL0107 = Create(
            RuleIds.ElementwiseAccuracyOnSoftmax,
            "element-wise accuracy on a softmax output",
            "{0}: '{1}' on {3}softmax outputs ({2}) is element-wise, inflating accuracy; use argmax(1) == target",
            CategoryMetrics,
            DiagnosticSeverity.Warning,
            "Rounding or thresholding softmax probabilities and comparing them with one-hot targets scores every class as an independent yes/no question (Keras's binary_accuracy): with 10 classes an all-zero prediction already scores 0.9. The accuracy of a single-label classifier compares argmax(1) with the class index (or with argmax(1) of the one-hot target). With C classes a model that predicts nothing already scores (C-1)/C. " + TorchSitesNote);

        /// <summary>{0} the library (the step's or read-out's Library), {1} loss call, {2} what the prediction holds, {3} the loss to use.</summary>
        public static readonly DiagnosticDescriptor KL0108 = Create(
            RuleIds.RegressionLossOnTorchClassifier,
            "regression loss on a classifier's outputs",
            "{0}: regression loss {1} on {2}; use {3}",
            CategoryLoss,
            DiagnosticSeverity.Warning,
            "Squared or absolute error on class probabilities or logits is not a proper scoring rule: through a softmax or sigmoid its gradient vanishes as outputs saturate, so classifiers train slower and end worse than with crossentropy. Use BCELoss on sigmoid outputs (or BCEWithLogitsLoss without the sigmoid), NLLLoss on log_softmax outputs, CrossEntropyLoss on logits (removing a softmax). " + TorchSitesNote);

        /// <summary>{0} the library (the step's or read-out's Library), {1} loss call, {2} where the softmax comes from, {3} units phrase.</summary>
        public static readonly DiagnosticDescriptor KL0109 = Create(
            RuleIds.BceOnSoftmax,
            "binary crossentropy on a softmax output",
            "{0}: {1} on a softmax ({2}) is one yes/no per class; use CrossEntropyLoss",
            CategoryLoss,
            DiagnosticSeverity.Warning,
            "A softmax picks one class among C; BCELoss and BCEWithLogitsLoss score every unit as an independent binary problem (and BCEWithLogitsLoss applies a sigmoid on top of the softmax). Training optimises the wrong objective and element-wise metrics look inflated. CrossEntropyLoss on logits is the single-label loss. " + TorchSitesNote);

        /// <summary>{0} the library (the step's or read-out's Library), {1} the comparison, {2} where the 1-unit linear output comes from.</summary>
        public static readonly DiagnosticDescriptor KL0110 = Create(
            RuleIds.ExactEqualityOnRegression,
            "accuracy by exact equality on continuous outputs",
            "{0}: '{1}' tests continuous outputs ({2}) for exact equality, about 0; report the loss or MAE",
            CategoryMetrics,
            DiagnosticSeverity.Warning,
            "A linear 1-unit head trained as a regression outputs real numbers; comparing them with the targets by == / eq counts exact floating-point hits, which is about 0 whatever the model learned. Report the error the loss measures (MSE, MAE). " + TorchSitesNote);

        /// <summary>A descriptor with KerasLint's help link (docs/rules/&lt;id&gt;.md); a rule may declare its own with it, in its file.</summary>
        internal static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity, string description) =>
            new DiagnosticDescriptor(id, title, message, category, severity, isEnabledByDefault: true, description: description, helpLinkUri: HelpBase + id + ".md");
    }
}
