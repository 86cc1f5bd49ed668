using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace KerasLint.Analysis
{
    /// <summary>What a code fix edits.</summary>
    internal enum FixEditKind
    {
        /// <summary>Replace a string literal token's value (trivia kept).</summary>
        ReplaceString,

        /// <summary>Append a named string argument to an object creation.</summary>
        AddNamedArgument,

        /// <summary>Remove an element from an array initializer.</summary>
        RemoveElement,

        /// <summary>Replace an expression with new source text (trivia kept).</summary>
        ReplaceExpression,

        /// <summary>Append a named argument whose value is source text (e.g. <c>from_logits: true</c>) to a creation or call.</summary>
        AddNamedExpressionArgument,

        /// <summary>
        /// No text: declares that the call at the location is meant to bind, after the action, to a method called
        /// <see cref="FixEdit.Value"/> (another overload, or another method), where otherwise every call an action
        /// touches must keep its method.
        /// </summary>
        Retarget,

        /// <summary>
        /// Remove an activation applied at the location: a call (<see cref="FixEdit.Name"/> "Function": the call, and a
        /// stack of the same call under it, unwrapped to its input, operand 0; "ModuleCall": a module called on its
        /// input, operand 0), an element of a container factory's arguments ("SequentialElement"), or a statement that
        /// appends it ("Append": the statement, or the call unwrapped to its receiver, operand 0).
        /// </summary>
        RemoveActivation,

        /// <summary>
        /// Switch a factory by name: the invoked method or created type at the location becomes <see cref="FixEdit.Value"/>
        /// (the adapter's wording, e.g. a loss or activation factory), declared as the call's new target; when no method of
        /// that name binds there and operand 0 is given (the function's input), the input's own method of that name is
        /// called with the call's other argument (<c>torch.softmax(x, 1)</c> → <c>x.log_softmax(1)</c>).
        /// </summary>
        SwitchFactory,

        /// <summary>Wrap the expression at the location in a call of its method <see cref="FixEdit.Name"/> with the arguments <see cref="FixEdit.Value"/> (after any earlier edit of the same expression).</summary>
        WrapInCall,

        /// <summary>Change the integer literal at the location to <see cref="FixEdit.Value"/> (a width); not made when the location is not an integer literal.</summary>
        SetInteger,

        /// <summary>
        /// Replace the expression at the location with <see cref="FixEdit.Value"/>, a template whose <c>{0}</c>, <c>{1}</c>, ...
        /// are the expressions at the operand locations (parenthesised where needed); made only when the result has the
        /// original expression's type.
        /// </summary>
        Rewrite,

        /// <summary>The integral <c>.item&lt;T&gt;()</c> that reads the expression at the location through calls on it, read as a float where a float is accepted in its place (nothing when there is none).</summary>
        ReadAsFloat,
    }

    internal sealed class FixEdit
    {
        public FixEdit(FixEditKind kind, int location, string name, string value, IReadOnlyList<int>? operands = null)
        {
            Kind = kind;
            Location = location;
            Name = name;
            Value = value;
            Operands = operands ?? System.Array.Empty<int>();
        }

        /// <summary>Indices into the diagnostic's additional locations of the expressions the edit reads (see <see cref="FixEditKind"/>).</summary>
        public IReadOnlyList<int> Operands { get; }

        public FixEditKind Kind { get; }

        /// <summary>Index into the diagnostic's additional locations.</summary>
        public int Location { get; }

        public string Name { get; }

        public string Value { get; }
    }

    internal sealed class FixAction
    {
        /// <summary>
        /// The equivalence key a diagnostic's first (recommended) action is registered under: one per id, so that
        /// Fix All started from any diagnostic (dotnet format takes the first action of the first diagnostic it meets)
        /// applies every diagnostic's recommended fix, whichever that is, and the outcome does not depend on order.
        /// </summary>
        public static string RecommendedKey(string id) => id + ".Recommended";

        public FixAction(string equivalenceKey, string title, IReadOnlyList<FixEdit> edits)
        {
            EquivalenceKey = equivalenceKey;
            Title = title;
            Edits = edits;
        }

        /// <summary>Same for every diagnostic fixed the same way (Fix All groups by it).</summary>
        public string EquivalenceKey { get; }

        public string Title { get; }

        public IReadOnlyList<FixEdit> Edits { get; }
    }

    /// <summary>
    /// The code fixes an analyzer offers for one diagnostic, carried in the diagnostic's properties and
    /// additional locations so that the code-fix provider only applies them (the analyzer knows the model).
    /// </summary>
    internal sealed class FixPlan
    {
        private const char FieldSeparator = '\u001f';
        private const char EditSeparator = '\u001e';

        private readonly List<Location> locations = new List<Location>();
        private readonly List<(string Key, string Title, List<FixEdit> Edits)> actions = new List<(string, string, List<FixEdit>)>();

        /// <summary>
        /// The indexes of the actions that cannot be made (<see cref="Impossible"/>): dropped from the diagnostic. A list,
        /// as short as the plan's actions (a set of int would be compiled for KerasLint alone in every fresh compiler process).
        /// </summary>
        private readonly List<int> impossible = new List<int>();

        public static FixPlan None => new FixPlan();

        /// <summary>Starts an action; edits added until the next call belong to it.</summary>
        public FixPlan Action(string equivalenceKey, string title)
        {
            actions.Add((equivalenceKey, title, new List<FixEdit>()));
            return this;
        }

        /// <summary>Marks the current action as one that cannot be made (a site the edits cannot reach): it is not carried.</summary>
        public FixPlan Impossible()
        {
            if (actions.Count > 0 && !impossible.Contains(actions.Count - 1)) impossible.Add(actions.Count - 1);
            return this;
        }

        /// <summary>Marks the current action as one that cannot be made when <paramref name="condition"/> holds.</summary>
        public FixPlan ImpossibleIf(bool condition) => condition ? Impossible() : this;

        /// <summary>Adds the actions of another plan (same diagnostic) after this plan's.</summary>
        public FixPlan Append(FixPlan other)
        {
            for (var i = 0; i < other.actions.Count; i++)
            {
                var (key, title, edits) = other.actions[i];
                Action(key, title);
                if (other.impossible.Contains(i)) Impossible();
                foreach (var e in edits) Edit(e.Kind, other.locations[e.Location], e.Name, e.Value, e.Operands.Select(o => other.locations[o]).ToArray());
            }

            return this;
        }

        public FixPlan RemoveActivation(Location site, string siteKind, Location? input) =>
            Edit(FixEditKind.RemoveActivation, site, siteKind, "", input == null ? System.Array.Empty<Location>() : new[] { input });

        public FixPlan SwitchFactory(Location call, string name, Location? input = null) =>
            Edit(FixEditKind.SwitchFactory, call, "", name, input == null ? System.Array.Empty<Location>() : new[] { input });

        public FixPlan WrapInCall(Location expression, string method, string arguments) => Edit(FixEditKind.WrapInCall, expression, method, arguments);

        public FixPlan SetInteger(Location literal, int value) => Edit(FixEditKind.SetInteger, literal, "", value.ToString(CultureInfo.InvariantCulture));

        public FixPlan Rewrite(Location expression, string template, params Location[] operands) => Edit(FixEditKind.Rewrite, expression, "", template, operands);

        public FixPlan ReadAsFloat(Location expression) => Edit(FixEditKind.ReadAsFloat, expression, "", "");

        public FixPlan ReplaceString(Location literal, string value) => Edit(FixEditKind.ReplaceString, literal, "", value);

        public FixPlan AddNamedArgument(Location creation, string name, string value) => Edit(FixEditKind.AddNamedArgument, creation, name, value);

        public FixPlan RemoveElement(Location element) => Edit(FixEditKind.RemoveElement, element, "", "");

        public FixPlan ReplaceExpression(Location expression, string text) => Edit(FixEditKind.ReplaceExpression, expression, "", text);

        /// <summary>Declares that the action makes the call (invocation or object creation) at the location bind to a method called <paramref name="method"/> (see <see cref="FixEditKind.Retarget"/>).</summary>
        public FixPlan Retarget(Location call, string method) => Edit(FixEditKind.Retarget, call, "", method);

        /// <summary>
        /// Gives a string value a new constant: edits its literal when the literal is used only here, otherwise
        /// replaces this one use (a const, a field, a local read elsewhere) with a literal, leaving other uses alone.
        /// </summary>
        public FixPlan ReplaceValue(Model.ValueSite site, string value) =>
            site.LiteralLocation is { } literal ? ReplaceString(literal, value) : ReplaceExpression(site.UseLocation, Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true));

        /// <summary>Whether <see cref="ReplaceValue"/> can edit the site.</summary>
        public static bool CanReplace(Model.ValueSite? site) => site != null && (site.LiteralLocation != null || site.UseIsValue);

        /// <summary>Whether an action has been started.</summary>
        public bool HasActions => actions.Count > impossible.Count;

        public FixPlan AddNamedExpressionArgument(Location creationOrCall, string name, string expression) => Edit(FixEditKind.AddNamedExpressionArgument, creationOrCall, name, expression);

        public Diagnostic Create(DiagnosticDescriptor descriptor, Location location, params object?[] args) =>
            Create(descriptor, location, descriptor.DefaultSeverity, args);

        public Diagnostic Create(DiagnosticDescriptor descriptor, Location location, DiagnosticSeverity severity, params object?[] args)
        {
            var properties = Properties();
            return severity == descriptor.DefaultSeverity
                ? Diagnostic.Create(descriptor, location, locations, properties, args)
                : Diagnostic.Create(descriptor, location, severity, locations, properties, args);
        }

        /// <summary>The same diagnostic (id, descriptor texts, message, severity, location) carrying this plan instead of its own.</summary>
        public Diagnostic Carry(Diagnostic d) =>
            Diagnostic.Create(d.Id, d.Descriptor.Category, d.GetMessage(CultureInfo.InvariantCulture), d.Severity, d.DefaultSeverity,
                d.Descriptor.IsEnabledByDefault, d.WarningLevel, d.Descriptor.Title, d.Descriptor.Description, d.Descriptor.HelpLinkUri, d.Location,
                additionalLocations: locations, customTags: d.Descriptor.CustomTags, properties: Properties());

        private ImmutableDictionary<string, string?> Properties()
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();

            // An action may edit other files too (a site the whole-program flow found there): the fix applier resolves
            // each edit's own document and offers the action only when the whole result compiles.
            var carried = actions.Where((_, i) => !impossible.Contains(i)).ToList();
            properties["fix.count"] = carried.Count.ToString(CultureInfo.InvariantCulture);
            for (var i = 0; i < carried.Count; i++)
            {
                var (key, title, edits) = carried[i];
                properties[$"fix.{i}.key"] = key;
                properties[$"fix.{i}.title"] = title;
                var encoded = new List<string>();
                foreach (var e in edits)
                {
                    encoded.Add(string.Join(FieldSeparator.ToString(), ((int)e.Kind).ToString(CultureInfo.InvariantCulture), e.Location.ToString(CultureInfo.InvariantCulture),
                        string.Join(",", e.Operands.Select(o => o.ToString(CultureInfo.InvariantCulture))), e.Name, e.Value));
                }

                properties[$"fix.{i}.edits"] = string.Join(EditSeparator.ToString(), encoded);
            }

            return properties.ToImmutable();
        }

        /// <summary>The actions a diagnostic carries (read by the code-fix providers).</summary>
        public static IReadOnlyList<FixAction> Read(Diagnostic diagnostic)
        {
            var result = new List<FixAction>();
            var p = diagnostic.Properties;
            if (!p.TryGetValue("fix.count", out var countText) || !int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count)) return result;
            for (var i = 0; i < count; i++)
            {
                if (!p.TryGetValue($"fix.{i}.key", out var key) || key == null || !p.TryGetValue($"fix.{i}.title", out var title) || title == null) continue;
                p.TryGetValue($"fix.{i}.edits", out var editsText);
                var edits = new List<FixEdit>();
                var ok = true;
                foreach (var e in (editsText ?? "").Split(new[] { EditSeparator }, System.StringSplitOptions.RemoveEmptyEntries))
                {
                    var f = e.Split(new[] { FieldSeparator }, 5);
                    if (f.Length != 5 || !int.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kind)
                        || !int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var loc) || loc >= diagnostic.AdditionalLocations.Count)
                    {
                        ok = false;
                        break;
                    }

                    var operands = new List<int>();
                    foreach (var o in f[2].Split(new[] { ',' }, System.StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (!int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out var operand) || operand >= diagnostic.AdditionalLocations.Count) ok = false;
                        else operands.Add(operand);
                    }

                    if (!ok) break;
                    edits.Add(new FixEdit((FixEditKind)kind, loc, f[3], f[4], operands));
                }

                if (ok && edits.Count > 0) result.Add(new FixAction(key, title, edits));
            }

            return result;
        }

        /// <summary>
        /// The actions two diagnostics of the same problem at one site both carry (same key, title, and edits at the same
        /// locations), in <paramref name="first"/>'s order: what a site shared by several setups can be fixed with for all
        /// of them (a callback watched by two compiles is given the key both log); null when they share none.
        /// </summary>
        public static FixPlan? Common(Diagnostic first, Diagnostic other)
        {
            var theirs = Read(other).Select(a => Signature(a, other)).ToList();
            var plan = new FixPlan();
            foreach (var action in Read(first))
            {
                if (!theirs.Contains(Signature(action, first))) continue;
                plan.Action(action.EquivalenceKey, action.Title);
                foreach (var e in action.Edits) plan.Edit(e.Kind, first.AdditionalLocations[e.Location], e.Name, e.Value, e.Operands.Select(o => first.AdditionalLocations[o]).ToArray());
            }

            return plan.HasActions ? plan : null;
        }

        /// <summary>The actions of a diagnostic whose every edit is at a location <paramref name="editable"/> accepts, in order.</summary>
        public static FixPlan EditingOnly(Diagnostic diagnostic, System.Func<Location, bool> editable)
        {
            var plan = new FixPlan();
            foreach (var action in Read(diagnostic))
            {
                if (!action.Edits.All(e => editable(diagnostic.AdditionalLocations[e.Location]))) continue;
                plan.Action(action.EquivalenceKey, action.Title);
                foreach (var e in action.Edits) plan.Edit(e.Kind, diagnostic.AdditionalLocations[e.Location], e.Name, e.Value);
            }

            return plan;
        }

        private static string Signature(FixAction action, Diagnostic diagnostic) =>
            action.EquivalenceKey + EditSeparator + action.Title + EditSeparator + string.Join(EditSeparator.ToString(), action.Edits.Select(e =>
                string.Join(FieldSeparator.ToString(), ((int)e.Kind).ToString(CultureInfo.InvariantCulture), Span(diagnostic.AdditionalLocations[e.Location]), e.Name, e.Value,
                    string.Join(",", e.Operands.Select(o => Span(diagnostic.AdditionalLocations[o]))))));

        private static string Span(Location l) =>
            l.SourceTree?.FilePath + FieldSeparator + l.SourceSpan.Start.ToString(CultureInfo.InvariantCulture) + FieldSeparator + l.SourceSpan.Length.ToString(CultureInfo.InvariantCulture);

        private FixPlan Edit(FixEditKind kind, Location location, string name, string value, IReadOnlyList<Location>? operands = null)
        {
            if (actions.Count == 0 || impossible.Contains(actions.Count - 1)) return this;
            var index = IndexOf(location);
            var operandIndices = (operands ?? System.Array.Empty<Location>()).Select(IndexOf).ToList();

            // The same edit reached twice (a literal both a metric and a History key read through one local): made once.
            var edits = actions[actions.Count - 1].Edits;
            if (!edits.Any(e => e.Kind == kind && e.Location == index && e.Name == name && e.Value == value && e.Operands.SequenceEqual(operandIndices))) edits.Add(new FixEdit(kind, index, name, value, operandIndices));
            return this;
        }

        private int IndexOf(Location location)
        {
            var index = locations.IndexOf(location);
            if (index >= 0) return index;
            locations.Add(location);
            return locations.Count - 1;
        }
    }
}
