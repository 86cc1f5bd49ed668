using System.Collections.Immutable;
using KerasLint.Analysis;
using KerasLint.Analysis.ValueFlow;
using KerasLint.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KerasLint.Analyzers.Tests
{
    /// <summary>
    /// The whole-program value flow (Analysis/ValueFlow/ProgramFlow), library-neutral: what an expression may hold across
    /// members and files, unknown where a path is not followed, and the work a query does (bounded by its budget).
    /// </summary>
    public partial class ValueFlowTests
    {
        private static CSharpCompilation Compile(params string[] sources)
        {
            var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, path: $"/0/Test{i}.cs"));
            var compilation = CSharpCompilation.Create("T", trees, Direct.PlatformReferences.Add(KerasCode.KerasReference), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            return compilation;
        }

        /// <summary>The argument of the call <c>Probe(...)</c> in the source.</summary>
        private static IOperation Probe(Compilation compilation)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                var call = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().FirstOrDefault(i => i.Expression.ToString() == "Probe");
                if (call == null) continue;
                var op = (IInvocationOperation)compilation.GetSemanticModel(tree).GetOperation(call)!;
                return op.Arguments[0].Value;
            }

            throw new InvalidOperationException("no Probe call");
        }

        private static ImmutableArray<IOperation>? Values(string source, FlowBudget? budget = null, params string[] more)
        {
            var compilation = Compile(new[] { source }.Concat(more).ToArray());
            return new ProgramFlow(compilation).Values(Probe(compilation), budget ?? new FlowBudget(), CancellationToken.None);
        }

        private static string[] Texts(ImmutableArray<IOperation>? values) => values!.Value.Select(v => v.Syntax.ToString()).ToArray();

        private const string ProbeMethod = "    static void Probe(object o) { }\n";

        [Fact]
        public void Field_InitializerAndEveryAssignment()
        {
            var values = Values("class C\n{\n    private object f = \"init\";\n    C() { f = 1; }\n    void M() { f = 2.5; Probe(f); }\n" + ProbeMethod + "}\n");
            Assert.Equal(new[] { "\"init\"", "1", "2.5" }, Texts(values).OrderBy(t => t, StringComparer.Ordinal).ToArray());
        }

        [Fact]
        public void Field_WrittenThroughRef_Unknown() =>
            Assert.Null(Values("class C\n{\n    private int f = 1;\n    void M() { Set(ref f); Probe(f); }\n    static void Set(ref int x) { x = 2; }\n" + ProbeMethod + "}\n"));

        [Fact]
        public void Field_CompoundWrite_Unknown() =>
            Assert.Null(Values("class C\n{\n    private int f = 1;\n    void M() { f += 2; Probe(f); }\n" + ProbeMethod + "}\n"));

        [Fact]
        public void Field_OfAnotherFile()
        {
            var values = Values("class C\n{\n    void M() { Probe(D.Value); }\n" + ProbeMethod + "}\n", null, "static class D\n{\n    public static readonly string Value = Make();\n    static string Make() => \"made\";\n}\n");
            Assert.Equal(new[] { "\"made\"" }, Texts(values));
        }

        [Fact]
        public void Parameter_EveryCaller()
        {
            var compilation = Compile("class C\n{\n    void A() { Head(10); }\n    void B() { Head(10); }\n    static void Head(int units) { Probe(units); }\n" + ProbeMethod + "}\n");
            Assert.Equal(10.0, new ProgramFlow(compilation).Number(Probe(compilation), new FlowBudget(), CancellationToken.None));
        }

        [Fact]
        public void Parameter_CallersDisagree_NoNumber()
        {
            var compilation = Compile("class C\n{\n    void A() { Head(10); }\n    void B() { Head(1); }\n    static void Head(int units) { Probe(units); }\n" + ProbeMethod + "}\n");
            var flow = new ProgramFlow(compilation);
            Assert.Null(flow.Number(Probe(compilation), new FlowBudget(), CancellationToken.None));
            Assert.Equal(2, flow.Values(Probe(compilation), new FlowBudget(), CancellationToken.None)!.Value.Length);
        }

        [Fact]
        public void Parameter_MethodGroupUse_Unknown() =>
            Assert.Null(Values("class C\n{\n    void A() { Head(10); System.Action<int> a = Head; }\n    static void Head(int units) { Probe(units); }\n" + ProbeMethod + "}\n"));

        [Fact]
        public void Parameter_VirtualMethod_Unknown() =>
            Assert.Null(Values("class C\n{\n    void A() { Head(10); }\n    protected virtual void Head(int units) { Probe(units); }\n" + ProbeMethod + "}\n"));

        [Fact]
        public void Parameter_OfAMethodCalledFromAnotherFile()
        {
            var values = Values("public static class M\n{\n    public static void Head(int units) { Probe(units); }\n" + ProbeMethod + "}\n", null, "class U\n{\n    void A() { M.Head(3); }\n}\n");
            Assert.Equal(new[] { "3" }, Texts(values));
        }

        [Fact]
        public void Conditional_EachBranch()
        {
            var values = Values("class C\n{\n    void M(bool b) { Probe(b ? \"a\" : \"b\"); }\n" + ProbeMethod + "}\n");
            Assert.Equal(new[] { "\"a\"", "\"b\"" }, Texts(values));
        }

        [Fact]
        public void HelperReturns_ThroughLocals()
        {
            var values = Values("class C\n{\n    void M() { var x = Make(); Probe(x); }\n    static object Make() { var o = new System.Text.StringBuilder(); return o; }\n" + ProbeMethod + "}\n");
            Assert.Equal(new[] { "new System.Text.StringBuilder()" }, Texts(values));
        }

        [Fact]
        public void Local_ReachingDefinitions()
        {
            var values = Values("class C\n{\n    void M(bool b) { object x = 1; if (b) x = 2; Probe(x); }\n" + ProbeMethod + "}\n");
            Assert.Equal(new[] { "1", "2" }, Texts(values).OrderBy(t => t, StringComparer.Ordinal).ToArray());
        }

        // ---- budget: depth and visits ----
        private static string FieldChain(int n)
        {
            var members = string.Concat(Enumerable.Range(0, n).Select(i => $"    static readonly object f{i} = f{i + 1};\n"));
            return "class C\n{\n" + members + $"    static readonly object f{n} = \"end\";\n    void M() {{ Probe(f0); }}\n" + ProbeMethod + "}\n";
        }

        [Fact]
        public void Chain_WithinDepth_FollowedWithExactWork()
        {
            var budget = new FlowBudget();
            Assert.Equal(new[] { "\"end\"" }, Texts(Values(FieldChain(3), budget)));

            // f0, f1, f2, f3 and the constant: one visit each.
            Assert.Equal(5, budget.Visits);
        }

        [Fact]
        public void Chain_PastDepth_Unknown()
        {
            var budget = new FlowBudget();
            Assert.Null(Values(FieldChain(FlowBudget.DefaultDepth + 2), budget));
            Assert.True(budget.Visits <= FlowBudget.DefaultDepth + 2, $"visited {budget.Visits}");
        }

        [Fact]
        public void ManyValues_PastVisits_Unknown()
        {
            var writes = string.Concat(Enumerable.Range(0, 200).Select(i => $"    void W{i}() {{ f = {i}; }}\n"));
            var budget = new FlowBudget();
            Assert.Null(Values("class C\n{\n    private int f;\n" + writes + "    void M() { Probe(f); }\n" + ProbeMethod + "}\n", budget));
            Assert.Equal(FlowBudget.DefaultVisits + 1, budget.Visits);
        }

        // ---- linear work for many compile/fit pairs on one model ----
        private static (int Setups, int Callbacks, int Visited) CompileFitPairs(int n)
        {
            var body = string.Concat(Enumerable.Range(0, n).Select(i =>
                "        model.Compile(optimizer: \"adam\", loss: \"mse\", metrics: new[] { \"mae\" });\n" +
                "        model.Fit(x, y, epochs: 1, validation_split: 0.1f, callbacks: new Callback[] { new EarlyStopping(monitor: \"val_mae\") });\n"));
            var source = KerasCode.InMethod("        var model = new Sequential();\n        model.Add(new Dense(1));\n" + body);
            var compilation = Compile(source);
            var tree = compilation.SyntaxTrees.First();
            var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == "Train");
            var root = compilation.GetSemanticModel(tree).GetOperation(method)!;
            var analysis = CompilationAnalysis.ForSetups(compilation)!;
            var setups = analysis.SetupsOfMember(root, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None);
            return (setups.Length, setups.Sum(s => s.Callbacks.Length), analysis.Program.Member(root).Visited);
        }

        [Fact]
        public void CompileFitPairs_EachCompileGetsItsOwnFit_WorkLinear()
        {
            var small = CompileFitPairs(100);
            var large = CompileFitPairs(400);
            Assert.Equal(100, small.Setups);
            Assert.Equal(100, small.Callbacks);
            Assert.Equal(400, large.Setups);
            Assert.Equal(400, large.Callbacks);

            // Four times the pairs, about four times the work (a quadratic path would do sixteen times).
            Assert.True(large.Visited <= 4.5 * small.Visited, $"100 pairs: {small.Visited} visits, 400 pairs: {large.Visited}");
        }
    }
}
