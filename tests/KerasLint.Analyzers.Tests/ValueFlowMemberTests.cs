using System.Collections.Immutable;
using KerasLint.Analysis.ValueFlow;
using Microsoft.CodeAnalysis.Operations;

namespace KerasLint.Analyzers.Tests
{
    /// <summary>
    /// ProgramFlow's member capabilities, library-neutral (issue 17.3): auto-properties (initializer and every write in
    /// the compilation), the last call that adds to a member's value per body (<see cref="ProgramFlow.LastCallsOn"/>),
    /// and calls through virtual methods resolved to the overrides of the compilation (each a possibility). Each has its
    /// "unknown stays unknown" twin and a spent budget.
    /// </summary>
    public partial class ValueFlowTests
    {
        private static string Sort(ImmutableArray<IOperation>? values) => string.Join(",", Texts(values).OrderBy(t => t, StringComparer.Ordinal));

        // ---- auto-properties ----

        [Fact]
        public void Property_InitializerConstructorAndWritesInOtherTypes()
        {
            var values = Values("class C\n{\n    public object P { get; set; } = \"init\";\n    C() { P = 1; }\n    void M() { Probe(P); }\n" + ProbeMethod + "}\n", null, "class D\n{\n    void N(C c) { c.P = 2.5; }\n}\n");
            Assert.Equal("\"init\",1,2.5", Sort(values));
        }

        [Fact]
        public void Property_GetterOnly_SetFromEveryCreationsArgument()
        {
            var values = Values("class C\n{\n    public object P { get; }\n    C(object p) { P = p; }\n    void M() { Probe(P); }\n    static void A() { new C(3); }\n    static void B() { new C(4); }\n" + ProbeMethod + "}\n");
            Assert.Equal("3,4", Sort(values));
        }

        [Fact]
        public void Property_ObjectInitializer()
        {
            var values = Values("class C\n{\n    public object P { get; init; } = 1;\n    void M() { Probe(P); }\n    static C Make() => new C { P = 2 };\n" + ProbeMethod + "}\n");
            Assert.Equal("1,2", Sort(values));
        }

        [Fact]
        public void Property_WithAnAccessorBody_NotFollowed() =>
            Assert.Equal("P", Sort(Values("class C\n{\n    private object f = 1;\n    public object P { get { return f; } }\n    void M() { Probe(P); }\n" + ProbeMethod + "}\n")));

        [Fact]
        public void Property_CompoundWrite_Unknown() =>
            Assert.Null(Values("class C\n{\n    public int P { get; set; } = 1;\n    void M() { P += 2; Probe(P); }\n" + ProbeMethod + "}\n"));

        [Fact]
        public void Property_Virtual_Unknown() =>
            Assert.Null(Values("class C\n{\n    public virtual object P { get; set; } = 1;\n    void M() { Probe(P); }\n" + ProbeMethod + "}\n"));

        [Fact]
        public void Property_ImplementingAnInterface_Unknown() =>
            Assert.Null(Values("interface I { object P { get; set; } }\nclass C : I\n{\n    public object P { get; set; } = 1;\n    void M() { Probe(P); }\n" + ProbeMethod + "}\n"));

        [Fact]
        public void Property_PastDepth_Unknown() =>
            Assert.Null(Values("class C\n{\n    public object P { get; } = 1;\n    void M() { Probe(P); }\n" + ProbeMethod + "}\n", new FlowBudget(maxDepth: 0)));

        // ---- the last call that adds to a member ----

        private static MemberCalls? LastAdds(string source, FlowBudget? budget = null, System.Func<IInvocationOperation, bool>? trusted = null)
        {
            var compilation = Compile("using System.Collections.Generic;\n" + source);
            var member = compilation.GetTypeByMetadataName("C")!.GetMembers("items").Single();
            return new ProgramFlow(compilation).LastCallsOn(member, m => m.Name == "Add", trusted ?? (_ => false), budget ?? new FlowBudget(), CancellationToken.None);
        }

        private static string Lasts(MemberCalls? calls) => string.Join(",", calls!.Lasts.Select(c => c.Syntax.ToString()));

        [Fact]
        public void LastCalls_InEveryConstructor_NoneIsNotPossible()
        {
            var calls = LastAdds("class C\n{\n    readonly List<object> items = new List<object>();\n    C() { items.Add(1); items.Add(2); }\n    int Count() => items.Count;\n}\n");
            Assert.Equal("items.Add(2)", Lasts(calls));
            Assert.False(calls!.MayHaveNone);
        }

        [Fact]
        public void LastCalls_AMethodOfAnotherFile_EachBodyAPossibility()
        {
            var compilation = Compile("using System.Collections.Generic;\npartial class C\n{\n    readonly List<object> items = new List<object>();\n    public C() { items.Add(1); }\n}\n", "partial class C\n{\n    public void Build() { items.Add(2); items.Add(3); }\n}\n");
            var member = compilation.GetTypeByMetadataName("C")!.GetMembers("items").Single();
            var calls = new ProgramFlow(compilation).LastCallsOn(member, m => m.Name == "Add", _ => false, new FlowBudget(), CancellationToken.None);
            Assert.Equal("items.Add(1),items.Add(3)", Lasts(calls));
            Assert.False(calls!.MayHaveNone);
        }

        [Fact]
        public void LastCalls_OnlyInAMethod_NoneIsPossible()
        {
            var calls = LastAdds("class C\n{\n    List<object> items = new List<object>();\n    void Build() { items.Add(1); }\n}\n");
            Assert.Equal("items.Add(1)", Lasts(calls));
            Assert.True(calls!.MayHaveNone);
        }

        [Fact]
        public void LastCalls_None()
        {
            var calls = LastAdds("class C\n{\n    List<object> items = new List<object>();\n    int Count() => items.Count;\n}\n");
            Assert.Empty(calls!.Lasts);
            Assert.True(calls.MayHaveNone);
        }

        [Fact]
        public void LastCalls_InABranch_Unknown() =>
            Assert.Null(LastAdds("class C\n{\n    readonly List<object> items = new List<object>();\n    C(bool b) { items.Add(1); if (b) items.Add(2); }\n}\n"));

        [Fact]
        public void LastCalls_ValueAliasedThroughALocal_Unknown() =>
            Assert.Null(LastAdds("class C\n{\n    readonly List<object> items = new List<object>();\n    C() { items.Add(1); var l = items; l.Add(2); }\n}\n"));

        [Fact]
        public void LastCalls_PassedToACall_UnknownUnlessTrusted()
        {
            const string source = "class C\n{\n    readonly List<object> items = new List<object>();\n    C() { items.Add(1); Log(items); }\n    static void Log(object o) { }\n}\n";
            Assert.Null(LastAdds(source));
            Assert.Equal("items.Add(1)", Lasts(LastAdds(source, trusted: call => call.TargetMethod.Name == "Log")));
        }

        [Fact]
        public void LastCalls_WrittenAfterTheCallsInTheSameConstructor_Unknown() =>
            Assert.Null(LastAdds("class C\n{\n    readonly List<object> items = new List<object>();\n    C() { items.Add(1); items = new List<object>(); }\n}\n"));

        [Fact]
        public void LastCalls_WrittenInAMethod_Unknown() =>
            Assert.Null(LastAdds("class C\n{\n    List<object> items = new List<object>();\n    C() { items.Add(1); }\n    void Reset() { items = new List<object>(); }\n}\n"));

        [Fact]
        public void LastCalls_PastVisits_Unknown()
        {
            const string source = "class C\n{\n    readonly List<object> items = new List<object>();\n    C() { items.Add(1); items.Add(2); items.Add(3); }\n}\n";
            Assert.NotNull(LastAdds(source, new FlowBudget(maxVisits: 3)));
            Assert.Null(LastAdds(source, new FlowBudget(maxVisits: 2)));
        }

        // ---- calls through virtual methods ----

        private const string Hierarchy = "class A\n{\n    public virtual object Make() => 1;\n}\nclass B : A\n{\n    public override object Make() => 2;\n}\n";

        [Fact]
        public void Virtual_StaticTypeOfTheCompilation_EveryOverride() =>
            Assert.Equal("1,2", Sort(Values("class C\n{\n    void M(A a) { Probe(a.Make()); }\n" + ProbeMethod + "}\n" + Hierarchy)));

        [Fact]
        public void Virtual_ReceiverCreatedAsASubclass_ThatOverride() =>
            Assert.Equal("2", Sort(Values("class C\n{\n    void M() { A a = new B(); Probe(a.Make()); }\n" + ProbeMethod + "}\n" + Hierarchy)));

        [Fact]
        public void Virtual_ReceiverFromEveryCaller() =>
            Assert.Equal("2", Sort(Values("class C\n{\n    void M(A a) { Probe(a.Make()); }\n    void N() { M(new B()); }\n" + ProbeMethod + "}\n" + Hierarchy)));

        [Fact]
        public void Virtual_OverrideInAnotherFile() =>
            Assert.Equal("1,2,3", Sort(Values("class C\n{\n    void M(A a) { Probe(a.Make()); }\n" + ProbeMethod + "}\n" + Hierarchy, null, "class D : B\n{\n    public override object Make() => 3;\n}\n")));

        [Fact]
        public void Virtual_BaseCall_IsNotDispatched() =>
            Assert.Equal("1", Sort(Values("class C\n{\n    void M() { Probe(new D().Make()); }\n" + ProbeMethod + "}\n" + Hierarchy + "class D : A\n{\n    public override object Make() => base.Make();\n}\n")));

        [Fact]
        public void Virtual_AbstractWithoutImplementation_NotFollowed()
        {
            var compilation = Compile("abstract class A\n{\n    public abstract object Make();\n}\nclass C\n{\n    void M(A a) { Probe(a.Make()); }\n" + ProbeMethod + "}\n");
            var flow = new ProgramFlow(compilation);
            var call = (IInvocationOperation)KerasLint.Analysis.Operations.Unwrap(Probe(compilation));
            Assert.Null(flow.Implementations(call.TargetMethod, call.Instance, new FlowBudget(), CancellationToken.None));
            Assert.Equal("a.Make()", Sort(flow.Values(call, new FlowBudget(), CancellationToken.None))); // an opaque leaf, never a guessed value
        }

        [Fact]
        public void Virtual_LibraryType_NotFollowed()
        {
            var compilation = Compile("class C\n{\n    void M(object o) { Probe(o.ToString()); }\n" + ProbeMethod + "}\nclass S\n{\n    public override string ToString() => \"s\";\n}\n");
            var call = (IInvocationOperation)KerasLint.Analysis.Operations.Unwrap(Probe(compilation));
            Assert.Null(new ProgramFlow(compilation).Implementations(call.TargetMethod, call.Instance, new FlowBudget(), CancellationToken.None));
        }

        /// <summary>
        /// A long chain of virtual calls on locals: the receivers are followed within the budget's depth, never as deep as
        /// the chain (no stack to spend); past the depth the receiver's static type answers (every override: this or a new B).
        /// </summary>
        [Fact]
        public void Virtual_LongChainOfReceivers_BoundedByDepth()
        {
            var body = new System.Text.StringBuilder("        A a0 = new B();\n");
            for (var i = 1; i <= 2000; i++) body.Append("        var a").Append(i).Append(" = a").Append(i - 1).Append(".Next();\n");
            var source = "class A\n{\n    public virtual A Next() => this;\n}\nclass B : A\n{\n    public override A Next() => new B();\n}\nclass C\n{\n    void M()\n    {\n" + body + "        Probe(a2000);\n    }\n" + ProbeMethod + "}\n";
            var budget = new FlowBudget(maxVisits: 1_000_000);
            Assert.Equal("new B(),this", Sort(Values(source, budget)));
            Assert.InRange(budget.Visits, 1, 200);
        }

        [Fact]
        public void Virtual_PastVisits_Unknown()
        {
            var source = "class C\n{\n    void M(A a) { Probe(a.Make()); }\n" + ProbeMethod + "}\n" + Hierarchy;
            Assert.Null(Values(source, new FlowBudget(maxVisits: 2)));
            Assert.NotNull(Values(source, new FlowBudget(maxVisits: 16)));
        }
    }
}
