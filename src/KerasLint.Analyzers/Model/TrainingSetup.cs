using System.Collections.Immutable;
using KerasLint.Knowledge;
using Microsoft.CodeAnalysis;

namespace KerasLint.Model
{
    /// <summary>
    /// The neutral model of one <c>compile</c> call and what flows into it, filled by a library adapter
    /// (Keras.NET; TensorFlow.NET next). Rules read only this model. Anything the code does not fix is
    /// <c>null</c>/Unknown, and rules stay silent on unknowns.
    /// </summary>
    internal sealed class TrainingSetup
    {
        public TrainingSetup(LibraryApi api, KerasFamilyInfo family, LossInfo loss, ImmutableArray<MetricInfo>? metrics,
            HeadInfo? head, ImmutableArray<CallbackInfo> callbacks, bool? hasValidation, StringCompileInfo? stringCompile = null,
            ImmutableArray<HistoryLookup> historyLookups = default, SetupAnchors? anchors = null)
        {
            Anchors = anchors;
            StringCompile = stringCompile;
            HistoryLookups = historyLookups.IsDefault ? ImmutableArray<HistoryLookup>.Empty : historyLookups;
            Api = api;
            Family = family;
            Loss = loss;
            Metrics = metrics;
            Head = head;
            Callbacks = callbacks;
            HasValidation = hasValidation;
        }

        /// <summary>The phrases messages use for the library's API.</summary>
        public LibraryApi Api { get; }

        public KerasFamilyInfo Family { get; }

        public LossInfo Loss { get; }

        /// <summary>Every metric passed to compile, or null when the metrics argument is not a visible array.</summary>
        public ImmutableArray<MetricInfo>? Metrics { get; }

        /// <summary>The output head, or null when the model's layers cannot be determined.</summary>
        public HeadInfo? Head { get; }

        /// <summary>Callbacks that flow into fit (only those whose construction is visible).</summary>
        public ImmutableArray<CallbackInfo> Callbacks { get; }

        /// <summary>Whether fit receives validation data; null when not visible or when fit calls disagree.</summary>
        public bool? HasValidation { get; }

        /// <summary>
        /// The reads of the training History's logs by key in the member that calls fit on the model (the History that
        /// fit returns, traced through single-assignment locals): a fix that renames a metric rewrites them too.
        /// </summary>
        public ImmutableArray<HistoryLookup> HistoryLookups { get; }

        /// <summary>
        /// A compile call whose optimizer and loss are strings that the library does not train as written (TF.NET's
        /// all-string overload), or null when the call passes objects or the library reads strings as written.
        /// </summary>
        public StringCompileInfo? StringCompile { get; }

        /// <summary>
        /// Where in the compile's own member a diagnostic found at a site outside it is reported (the IDE shows only what a
        /// member reports inside itself), or null when the adapter gives none.
        /// </summary>
        public SetupAnchors? Anchors { get; }

        /// <summary>True when every metric string is a known constant (so the set of logged keys is known).</summary>
        public bool AllMetricsKnown => Metrics is { } m && System.Linq.Enumerable.All(m, x => x.Text != null);
    }

    /// <summary>
    /// Places in the compile call of a setup: where a problem whose site lies in another member or file is reported, so
    /// that it shows while the compile's document is edited (the site itself becomes an additional location).
    /// </summary>
    internal sealed class SetupAnchors
    {
        public SetupAnchors(Location compile, Location? metrics)
        {
            Compile = compile;
            Metrics = metrics;
        }

        /// <summary>The compile call's method name (<c>Compile</c> / <c>compile</c>): the anchor of last resort.</summary>
        public Location Compile { get; }

        /// <summary>The compile call's metrics argument (the value passed), or null when none is written.</summary>
        public Location? Metrics { get; }
    }

    /// <summary>The Keras version family the analysis assumes, how it was chosen, and the phrase messages use.</summary>
    internal sealed class KerasFamilyInfo
    {
        public KerasFamilyInfo(KerasFamily family, string source, string? phrase = null, KerasVersion? version = null, System.Version? libraryVersion = null)
        {
            LibraryVersion = libraryVersion;
            Version = version != null && version.Family == family ? version : KerasVersion.Of(family);
            Family = family;
            Source = source;
            this.phrase = phrase;
        }

        private readonly string? phrase;

        public KerasFamily Family { get; }

        /// <summary>The family and, when configured (<c>keraslint.keras_version = 2.6.0</c>), the concrete version.</summary>
        public KerasVersion Version { get; }

        /// <summary>TensorFlow.NET's Keras: the TensorFlow.Keras version analysed (configured or referenced); otherwise null.</summary>
        public System.Version? LibraryVersion { get; }

        /// <summary>E.g. "Keras.NET 3.8.5" or "keraslint.keras_version = 2.2".</summary>
        public string Source { get; }

        /// <summary>
        /// What messages say, in a few characters: the library and the family or version whose semantics the verdict
        /// follows, e.g. "Keras.NET, tf.keras 2.x" or "Keras.NET, Keras 2.3.1" (how it was chosen, <see cref="Source"/>,
        /// is in each rule's description and page, not in the message).
        /// </summary>
        public string Phrase => phrase ?? Name(Version);

        /// <summary>A family or a configured version in a few characters: "tf.keras 2.x", "Keras 2.3.1", "tf.keras 2.6.0".</summary>
        public static string Name(KerasVersion version) =>
            version.Version == null ? version.Family.ShortName() : (version.IsTfKeras ? "tf.keras " : "Keras ") + version.Version;
    }

    /// <summary>What messages say about a library's API (rules never spell library API themselves).</summary>
    internal sealed class LibraryApi
    {
        private readonly System.Func<string, string, string?> activationLayer;
        private readonly System.Func<string, string, string?>? activationExpression;
        private readonly System.Func<string, string, string?>? lossObject;

        public LibraryApi(string noValidationPhrase, System.Func<string, string, string?> activationLayer,
            string missingKeyConsequence = "", System.Func<string, string, string?>? activationExpression = null,
            System.Func<string, string, string?>? lossObject = null, string unknownNameOutcome = "")
        {
            UnknownNameOutcome = unknownNameOutcome;
            this.lossObject = lossObject;
            NoValidationPhrase = noValidationPhrase;
            this.activationLayer = activationLayer;
            MissingKeyConsequence = missingKeyConsequence;
            this.activationExpression = activationExpression;
        }

        /// <summary>What the library does with a loss or metric string it does not know (KL0013's message), naming the library.</summary>
        public string UnknownNameOutcome { get; }

        /// <summary>What a callback does when its key is never logged (appended to KL0008's message), or "".</summary>
        public string MissingKeyConsequence { get; }

        /// <summary>
        /// Source of an activation expression (e.g. <c>keras.activations.Sigmoid</c>) that replaces one written as
        /// <paramref name="current"/> (<see cref="ActivationSource.DenseActivationObject"/>); null when none can.
        /// </summary>
        public string? ActivationExpressionSource(string current, string activation) => activationExpression?.Invoke(current, activation);

        /// <summary>
        /// Source of a loss object computing <paramref name="canonical"/> (e.g. categorical_crossentropy) written the way
        /// <paramref name="current"/> is (factory or class); null when the library has none or the expression is not a creation.
        /// </summary>
        public string? LossObjectSource(string current, string canonical) => lossObject?.Invoke(current, canonical);

        /// <summary>Why no val_ key is logged, e.g. "Fit gets neither validation_data nor validation_split".</summary>
        public string NoValidationPhrase { get; }

        /// <summary>Source of an activation layer that replaces a softmax layer written as <paramref name="softmaxLayer"/>; null when none can.</summary>
        public string? ActivationLayerSource(string softmaxLayer, string activation) => activationLayer(softmaxLayer, activation);
    }

    /// <summary>A string argument's constant value and where its defining literal is (for code fixes).</summary>
    internal sealed class ValueSite
    {
        public ValueSite(string? text, Location useLocation, Location? literalLocation, bool useIsValue = true)
        {
            Text = text;
            UseLocation = useLocation;
            LiteralLocation = literalLocation;
            UseIsValue = useIsValue;
        }

        /// <summary>
        /// Whether <see cref="UseLocation"/> is the value expression itself (false for a parameter's default, where it
        /// is the call or creation): then a fix may replace that one use with a literal when the value comes from a
        /// const, a field or a local read elsewhere too.
        /// </summary>
        public bool UseIsValue { get; }

        /// <summary>The constant string, or null when not a compile-time-visible constant.</summary>
        public string? Text { get; }

        /// <summary>The argument or element expression where the value is used.</summary>
        public Location UseLocation { get; }

        /// <summary>
        /// The string literal a fix may rewrite: the argument itself, or the initializer of a local used only
        /// here. Null when the value comes from a const or field (a fix there would change other uses).
        /// </summary>
        public Location? LiteralLocation { get; }
    }

    internal enum LossKind
    {
        /// <summary>Not a visible constant (a variable, a method call, multi-output losses).</summary>
        Unknown,

        /// <summary>A name Keras knows in this family.</summary>
        BuiltIn,

        /// <summary>A constant name no family knows and no built-in name is close to: a custom registered loss.</summary>
        Custom,

        /// <summary>A constant name this family lacks that is a typo of, or valid in another family as, a built-in name.</summary>
        NotInFamily,
    }

    /// <summary>How the loss is given.</summary>
    internal enum LossForm
    {
        /// <summary>A name: <c>loss: "mse"</c>.</summary>
        String,

        /// <summary>A constructed object: <c>keras.losses.MeanSquaredError()</c>, <c>new CategoricalCrossentropy(from_logits: true)</c>.</summary>
        Object,
    }

    /// <summary>A boolean argument of a constructed loss (e.g. <c>from_logits</c>) and where a fix edits it.</summary>
    internal sealed class BoolSite
    {
        public BoolSite(bool? value, Location? literalLocation, Location creation)
        {
            Value = value;
            LiteralLocation = literalLocation;
            Creation = creation;
        }

        /// <summary>The constant value (the parameter's default when omitted), or null when not a constant.</summary>
        public bool? Value { get; }

        /// <summary>The literal a fix may rewrite; null when the argument is omitted or not a literal.</summary>
        public Location? LiteralLocation { get; }

        /// <summary>The object creation or factory call (a fix may add the argument there).</summary>
        public Location Creation { get; }
    }

    internal sealed class LossInfo
    {
        public LossInfo(LossKind kind, KerasFunction? function, ValueSite site, LossForm form = LossForm.String, BoolSite? fromLogits = null)
        {
            Kind = kind;
            Function = function;
            Site = site;
            Form = form;
            FromLogits = fromLogits;
        }

        public LossKind Kind { get; }

        public LossForm Form { get; }

        /// <summary>For a crossentropy object: its from_logits argument (null for names, which never take logits).</summary>
        public BoolSite? FromLogits { get; }

        /// <summary>The resolved built-in function (BuiltIn only).</summary>
        public KerasFunction? Function { get; }

        public ValueSite Site { get; }

        public string? Canonical => Function?.CanonicalName;
    }

    internal sealed class MetricInfo
    {
        public MetricInfo(ValueSite site, int index, Location? arrayElementLocation, Replacement? emptyCollection = null)
        {
            Site = site;
            Index = index;
            ElementLocation = arrayElementLocation;
            EmptyCollection = emptyCollection;
        }

        public string? Text => Site.Text;

        public ValueSite Site { get; }

        public int Index { get; }

        /// <summary>The element inside an inline array initializer (a fix may remove it), else null.</summary>
        public Location? ElementLocation { get; }

        /// <summary>
        /// When the metric is in an inline <c>new[] { … }</c> or <c>[…]</c> that cannot lose all its elements one by one
        /// (<c>new[] { }</c> has no type to infer, <c>[]</c> fits several overloads): that collection and an empty one of
        /// the parameter's type that a fix may put in its place. Else null.
        /// </summary>
        public Replacement? EmptyCollection { get; }
    }

    /// <summary>Where the output head's activation comes from.</summary>
    internal enum ActivationSource
    {
        /// <summary>Dense without an activation argument (Keras.NET's "" default means linear).</summary>
        DenseDefault,

        /// <summary>Dense(..., activation: "...") or positionally.</summary>
        DenseArgument,

        /// <summary>A following <c>Activation("...")</c> layer.</summary>
        ActivationLayer,

        /// <summary>A following <c>Softmax()</c> layer.</summary>
        SoftmaxLayer,

        /// <summary>Dense's activation given as an object or function (<c>keras.activations.Softmax</c>), not a string.</summary>
        DenseActivationObject,

        /// <summary>An activation function applied to the output (TensorFlow.NET's <c>tf.nn.softmax(logits)</c>).</summary>
        ActivationFunction,
    }

    /// <summary>An expression a fix replaces with new source (typed, so the rule stays free of syntax).</summary>
    internal sealed class Replacement
    {
        public Replacement(Location location, string text)
        {
            Location = location;
            Text = text;
        }

        public Location Location { get; }

        public string Text { get; }
    }

    /// <summary>
    /// A compile call whose optimizer and loss are strings the library does not train as written (TF.NET's
    /// <c>compile(string, string, string[])</c>): what really happens, and the object arguments that say what was meant.
    /// </summary>
    internal sealed class StringCompileInfo
    {
        public StringCompileInfo(string optimizer, string loss, string outcome, bool throws, Location location, ImmutableArray<Replacement> replacements, string replacementPhrase, string? unfixable = null)
        {
            Unfixable = unfixable;
            Optimizer = optimizer;
            Loss = loss;
            Outcome = outcome;
            Throws = throws;
            Location = location;
            Replacements = replacements;
            ReplacementPhrase = replacementPhrase;
        }

        /// <summary>The optimizer string as written (or "?" when not a constant).</summary>
        public string Optimizer { get; }

        /// <summary>The loss string as written (or "?" when not a constant).</summary>
        public string Loss { get; }

        /// <summary>One sentence naming the library version: what trains instead, or that the call throws.</summary>
        public string Outcome { get; }

        /// <summary>True when the call throws rather than training something else.</summary>
        public bool Throws { get; }

        /// <summary>Where the diagnostic points (the compile call).</summary>
        public Location Location { get; }

        /// <summary>The argument rewrites that pass objects matching the strings; empty when a string has no object.</summary>
        public ImmutableArray<Replacement> Replacements { get; }

        /// <summary>The objects the fix passes, in the library's API (for the fix title), e.g. "keras.optimizers.Adam()".</summary>
        public string ReplacementPhrase { get; }

        /// <summary>
        /// Why no edit can pass objects and what to do (KL0015's message), e.g. "loss not constant: pass objects"; null when
        /// <see cref="Replacements"/> holds the fix.
        /// </summary>
        public string? Unfixable { get; }
    }

    internal sealed class HeadInfo
    {
        public HeadInfo(int? units, Location? unitsLocation, HeadActivation activation, string? activationText,
            ActivationSource source, ValueSite? activationSite, Location layerLocation, Location denseLocation, string phrase)
        {
            Phrase = phrase;
            Units = units;
            UnitsLocation = unitsLocation;
            Activation = activation;
            ActivationText = activationText;
            Source = source;
            ActivationSite = activationSite;
            LayerLocation = layerLocation;
            DenseLocation = denseLocation;
        }

        /// <summary>The last Dense layer's units, or null when not constant.</summary>
        public int? Units { get; }

        public Location? UnitsLocation { get; }

        public HeadActivation Activation { get; }

        public string? ActivationText { get; }

        public ActivationSource Source { get; }

        /// <summary>The activation string's site (DenseArgument, ActivationLayer), else null.</summary>
        public ValueSite? ActivationSite { get; }

        /// <summary>The creation of the layer that sets the activation (Dense, Activation or Softmax).</summary>
        public Location LayerLocation { get; }

        /// <summary>The creation of the Dense layer that sets the units.</summary>
        public Location DenseLocation { get; }

        /// <summary>How the code sets the activation, in the library's API (e.g. <c>Dense(1, activation: "softmax")</c>).</summary>
        public string Phrase { get; }

        /// <summary>Where a diagnostic about the activation points.</summary>
        public Location ActivationLocation => ActivationSite?.UseLocation ?? LayerLocation;
    }

    internal sealed class CallbackInfo
    {
        public CallbackInfo(MonitorCallback kind, string name, ValueSite monitor, bool monitorIsDefault, ValueSite? mode, Location creation,
            ImmutableArray<Location> routes = default, bool shared = false)
        {
            Shared = shared;
            Routes = routes.IsDefault ? ImmutableArray<Location>.Empty : routes;
            MonitorIsDefault = monitorIsDefault;
            Kind = kind;
            Name = name;
            Monitor = monitor;
            Mode = mode;
            Creation = creation;
        }

        public MonitorCallback Kind { get; }

        /// <summary>"EarlyStopping", "ModelCheckpoint", "ReduceLROnPlateau".</summary>
        public string Name { get; }

        /// <summary>The monitored key (default "val_loss" when omitted; then its location is the creation).</summary>
        public ValueSite Monitor { get; }

        /// <summary>True when the monitor argument is omitted (the parameter default applies).</summary>
        public bool MonitorIsDefault { get; }

        /// <summary>The explicit mode argument, or null when omitted ("auto").</summary>
        public ValueSite? Mode { get; }

        public Location Creation { get; }

        /// <summary>
        /// The expressions of a fit call that bring this callback in, innermost first (the element of the callbacks
        /// collection, then the callbacks argument): where a problem of a callback made in another member is reported.
        /// </summary>
        public ImmutableArray<Location> Routes { get; }

        /// <summary>
        /// True when the callback is made outside the fit's member and may reach other fits too (a helper with several
        /// callers, a field read elsewhere, a route not followed): a fix made for this setup could break another.
        /// </summary>
        public bool Shared { get; }

        /// <summary>The same callback brought in through <paramref name="routes"/> (innermost first).</summary>
        public CallbackInfo Via(bool shared, params Location[] routes) => new CallbackInfo(Kind, Name, Monitor, MonitorIsDefault, Mode, Creation, routes.ToImmutableArray(), shared);
    }

    /// <summary>
    /// A key read from the logs of the History that fit returns (<c>h.HistoryLogs["val_acc"]</c> in Keras.NET,
    /// <c>history.history["accuracy"]</c> in TensorFlow.NET; also <c>TryGetValue</c> and <c>ContainsKey</c>).
    /// </summary>
    internal sealed class HistoryLookup
    {
        public HistoryLookup(ValueSite key) => Key = key;

        /// <summary>The key (its text is null when it is not a visible constant: the lookup may read any key).</summary>
        public ValueSite Key { get; }
    }

    /// <summary>A Dropout layer or call with a constant rate, and what the library does with a rate outside [0, 1).</summary>
    internal sealed class DropoutInfo
    {
        public DropoutInfo(double rate, Location rateLocation, string? outOfRangeBehaviour)
        {
            Rate = rate;
            RateLocation = rateLocation;
            OutOfRangeBehaviour = outOfRangeBehaviour;
        }

        public double Rate { get; }

        public Location RateLocation { get; }

        /// <summary>What happens with this rate, naming the library and version (null when the rate is in range).</summary>
        public string? OutOfRangeBehaviour { get; }
    }
}
