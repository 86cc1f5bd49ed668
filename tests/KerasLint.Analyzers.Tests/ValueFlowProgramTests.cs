using System.Collections.Immutable;
using KerasLint.Analysis.ValueFlow;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KerasLint.Analyzers.Tests
{
    /// <summary>
    /// ProgramFlow's capabilities shared by every adapter (issue 17.3): constructor arguments through every creation of
    /// the compilation (every caller must agree for a number), fields set from constructor arguments, and values wrapped
    /// in tuples and records (deconstruction, <c>.Item2</c>, named elements, positional records). Each has an "unknown
    /// stays unknown" twin, and a spent budget answers unknown.
    /// </summary>
    public partial class ValueFlowTests
    {
        private static double? NumberOf(string source, params string[] more)
        {
            var compilation = Compile(new[] { source }.Concat(more).ToArray());
            return new ProgramFlow(compilation).Number(Probe(compilation), new FlowBudget(), CancellationToken.None);
        }

        private static string Sorted(ImmutableArray<IOperation>? values) => string.Join(",", Texts(values).OrderBy(t => t, StringComparer.Ordinal));

        // ---- constructor arguments: every new T(...), new(...), : base(...), : this(...) ----

        private const string Net = "class Net\n{\n    public Net(int classes) { C.Probe(classes); }\n}\n";

        private static string Prober(string body) => "class C\n{\n" + body + "    public static void Probe(object o) { }\n}\n";

        private static IOperation ProbeIn(Compilation compilation)
        {
            // Probe is called as C.Probe(...) from Net's constructor here.
            foreach (var tree in compilation.SyntaxTrees)
            {
                var call = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().FirstOrDefault(i => i.Expression.ToString() == "C.Probe");
                if (call == null) continue;
                return ((IInvocationOperation)compilation.GetSemanticModel(tree).GetOperation(call)!).Arguments[0].Value;
            }

            throw new InvalidOperationException("no C.Probe call");
        }

        private static ImmutableArray<IOperation>? CtorValues(FlowBudget? budget, params string[] sources)
        {
            var compilation = Compile(sources);
            return new ProgramFlow(compilation).Values(ProbeIn(compilation), budget ?? new FlowBudget(), CancellationToken.None);
        }

        [Fact]
        public void Constructor_EveryCreationInTheCompilation()
        {
            Assert.Equal("1,10", Sorted(CtorValues(null, Net, Prober("    void A() { new Net(10); }\n"), "class D\n{\n    Net n = new Net(classes: 1);\n}\n")));
        }

        [Fact]
        public void Constructor_ImplicitNewAndBase()
        {
            var values = CtorValues(null, Net, Prober("    Net n = new(4);\n"), "class Wide : Net\n{\n    public Wide() : base(7) { }\n}\n");
            Assert.Equal("4,7", Sorted(values));
        }

        [Fact]
        public void Constructor_ThisInitializer()
        {
            var values = CtorValues(null, "class Other\n{\n    public Other(int c) { C.Probe(c); }\n    public Other() : this(9) { }\n}\n", Prober("    void M() { new Other(); }\n"));
            Assert.Equal("9", Sorted(values));
        }

        [Fact]
        public void Constructor_CallersAgree_Number()
        {
            var compilation = Compile(Net, Prober("    void A() { new Net(10); }\n    void B() { new Net(10); }\n"));
            Assert.Equal(10.0, new ProgramFlow(compilation).Number(ProbeIn(compilation), new FlowBudget(), CancellationToken.None));
        }

        [Fact]
        public void Constructor_CallersDisagree_NoNumber()
        {
            var compilation = Compile(Net, Prober("    void A() { new Net(10); }\n    void B() { new Net(1); }\n"));
            Assert.Null(new ProgramFlow(compilation).Number(ProbeIn(compilation), new FlowBudget(), CancellationToken.None));
        }

        [Fact]
        public void Constructor_NeverCreated_Unknown() => Assert.Null(CtorValues(null, Net, Prober("")));

        [Fact]
        public void Constructor_TypeNamedThroughAnAlias_Unknown() =>
            Assert.Null(CtorValues(null, Net, Prober("    void A() { new Net(10); }\n"), "using Alias = Net;\nclass D\n{\n    Alias a = new Alias(3);\n}\n"));

        [Fact]
        public void Constructor_OptionalParameterAndADerivedType_Unknown() =>
            Assert.Null(CtorValues(null, "class Net\n{\n    public Net(int classes = 2) { C.Probe(classes); }\n}\nclass Sub : Net { }\n", Prober("    void A() { new Net(10); }\n")));

        [Fact]
        public void Constructor_ParameterWritten_Unknown() =>
            Assert.Null(CtorValues(null, "class Net\n{\n    public Net(int classes) { classes++; C.Probe(classes); }\n}\n", Prober("    void A() { new Net(10); }\n")));

        [Fact]
        public void Constructor_PastDepth_Unknown() =>
            Assert.Null(CtorValues(new FlowBudget(maxDepth: 0), Net, Prober("    void A() { new Net(10); }\n")));

        // ---- fields set from constructor arguments ----

        [Fact]
        public void Field_SetFromAConstructorArgument_EveryCreation()
        {
            // A mutable field: every write in the compilation, through the constructor's parameter to every creation.
            var values = Values(Prober("    void M() { var n = new Holder(3); Probe(Holder.Last); }\n") + "class Holder\n{\n    public static int Last;\n    public Holder(int v) { Last = v; }\n}\nclass E\n{\n    void N() { new Holder(5); }\n}\n");
            Assert.Equal("3,5", Sorted(values));
        }

        [Fact]
        public void ReadonlyField_SetFromAConstructorArgument_ThisCreation()
        {
            // A readonly field read through an instance: what the creation that made it passed (not every creation's).
            var values = Values(Prober("    void M() { var o = new Out(7); Probe(o.P); }\n") + "class Out\n{\n    public readonly object P;\n    public Out(object p) { P = p; }\n}\nclass E\n{\n    void N() { new Out(8); }\n}\n");
            Assert.Equal("7", Sorted(values));
        }

        [Fact]
        public void ReadonlyField_OfAnInstanceNotFollowed_AllWrites()
        {
            // The instance is a parameter nobody passes: the field falls back to its writes in the whole compilation.
            var values = Values(Prober("    void M(Out o) { Probe(o.P); }\n") + "class Out\n{\n    public readonly object P;\n    public Out(object p) { P = p; }\n}\nclass E\n{\n    void N() { new Out(8); }\n}\n");
            Assert.Equal("8", Sorted(values));
        }

        // ---- tuples and records ----

        private const string Pair = "    static (object Logits, object Probs) Forward() => (1, \"probs\");\n";

        [Fact]
        public void Tuple_Deconstruction() =>
            Assert.Equal("\"probs\"", Sorted(Values(Prober(Pair + "    void M() { var (logits, probs) = Forward(); Probe(probs); }\n"))));

        [Fact]
        public void Tuple_DeconstructionIntoExistingLocals() =>
            Assert.Equal("1", Sorted(Values(Prober(Pair + "    void M() { object a, b; (a, b) = Forward(); Probe(a); }\n"))));

        [Fact]
        public void Tuple_Item2() =>
            Assert.Equal("\"probs\"", Sorted(Values(Prober(Pair + "    void M() { var t = Forward(); Probe(t.Item2); }\n"))));

        [Fact]
        public void Tuple_NamedElement() =>
            Assert.Equal("1", Sorted(Values(Prober(Pair + "    void M() { Probe(Forward().Logits); }\n"))));

        /// <summary>A virtual method: every override of the compilation is a possibility (see ValueFlowMemberTests).</summary>
        [Fact]
        public void Tuple_FromAVirtualMethod_EveryOverride() =>
            Assert.Equal("2,3", Sorted(Values(Prober("    protected virtual (object, object) Forward() => (1, 2);\n    void M() { var (a, b) = Forward(); Probe(b); }\n") + "class D : C\n{\n    protected override (object, object) Forward() => (1, 3);\n}\n")));

        [Fact]
        public void Tuple_FromAnAbstractMethodWithoutOverride_Unknown() =>
            Assert.Null(Values("abstract class C\n{\n    protected abstract (object, object) Forward();\n    void M() { var (a, b) = Forward(); Probe(b); }\n    public static void Probe(object o) { }\n}\n"));

        [Fact]
        public void Tuple_PastVisits_Unknown()
        {
            var budget = new FlowBudget(maxVisits: 2);
            Assert.Null(Values(Prober(Pair + "    void M() { var (logits, probs) = Forward(); Probe(probs); }\n"), budget));
            Assert.Equal(3, budget.Visits);
        }

        private const string Output = "record Output(object Logits, object Probs);\n";

        [Fact]
        public void Record_PositionalProperty() =>
            Assert.Equal("\"p\"", Sorted(Values(Prober("    static Output Make(object x) => new Output(x, \"p\");\n    void M() { var o = Make(1); Probe(o.Probs); }\n") + Output)));

        /// <summary>A with-expression is not followed: the read stays an opaque leaf (the property read itself), never the creation's 2 or the 3.</summary>
        [Fact]
        public void Record_WithExpression_NotFollowed() =>
            Assert.Equal("o.Probs", Sorted(Values(Prober("    void M() { var o = new Output(1, 2) with { Probs = 3 }; Probe(o.Probs); }\n") + Output)));

        [Fact]
        public void Record_InitOnlyPropertySetInTheInitializer() =>
            Assert.Equal("4", Sorted(Values(Prober("    void M() { var o = new Box { Value = 4 }; Probe(o.Value); }\n") + "class Box\n{\n    public object Value { get; init; }\n}\n")));

        /// <summary>Not projected onto the creation's 4: an auto-property with a setter holds any of its writes in the compilation.</summary>
        [Fact]
        public void Record_PropertyWithASetter_NotProjected() =>
            Assert.Equal("4,5", Sorted(Values(Prober("    void M() { var o = new Box { Value = 4 }; o.Value = 5; Probe(o.Value); }\n") + "class Box\n{\n    public object Value { get; set; }\n}\n")));
    }
}
