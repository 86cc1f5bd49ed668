using KerasLint.Analysis;
using KerasLint.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace KerasLint.Analyzers.Tests
{
    /// <summary>
    /// The expression edits of the one edit vocabulary (<see cref="FixEditKind"/>), made by the one applier on plain C#
    /// (no library): each is made where the syntax has the shape it needs and is not offered otherwise, in a document
    /// with a path and in an in-memory one; the plan carries its operands through the diagnostic's properties.
    /// </summary>
    public class FixVocabularyTests
    {
        private const string Source = @"
class T
{
    public T Act() => this;
    public T Wrap(int d) => this;
    public static T Make() => new T();
    public static T Made() => new T();
    public static string Label() => """";
}
class C
{
    const int N = 3;
    static int Width(int units) => units;
    void M(T x)
    {
        var a = Width(1);
        var b = Width(N);
        var c = x.Act().Act();
        var d = T.Make();
        var e = a + b;
        d.Act();
    }
}";

        private static readonly DiagnosticDescriptor Descriptor = new DiagnosticDescriptor("KLVOCAB", "t", "m", "c", DiagnosticSeverity.Warning, true);

        private static async Task<string?> FixedAsync(bool inMemory, Func<SyntaxNode, FixPlan> plan)
        {
            using var workspace = new AdhocWorkspace();
            var project = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Create(), "P", "P", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                metadataReferences: Direct.Platform));
            var document = workspace.AddDocument(DocumentInfo.Create(DocumentId.CreateNewId(project.Id), "Test0.cs",
                loader: TextLoader.From(TextAndVersion.Create(SourceText.From(Source), VersionStamp.Create())), filePath: inMemory ? null : "/0/Test0.cs"));
            var root = (await document.GetSyntaxRootAsync())!;
            var diagnostic = plan(root).Create(Descriptor, root.GetLocation());
            var candidates = await PlannedFixApplier.CandidatesAsync(document, diagnostic, CancellationToken.None);
            if (candidates.Count == 0) return null;
            var solution = await candidates[0].Apply(CancellationToken.None);
            return (await solution.GetDocument(document.Id)!.GetTextAsync()).ToString();
        }

        private static ExpressionSyntax Initializer(SyntaxNode root, string local) =>
            root.DescendantNodes().OfType<VariableDeclaratorSyntax>().Single(v => v.Identifier.ValueText == local).Initializer!.Value;

        private static ExpressionSyntax FirstArgument(SyntaxNode root, string local) =>
            ((InvocationExpressionSyntax)Initializer(root, local)).ArgumentList.Arguments[0].Expression;

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task SetIntegerChangesAnIntegerLiteralOnly(bool inMemory)
        {
            var literal = await FixedAsync(inMemory, root => new FixPlan().Action("K", "T").SetInteger(FirstArgument(root, "a").GetLocation(), 2));
            Assert.Contains("var a = Width(2);", literal, StringComparison.Ordinal);

            // A named constant is not a literal: its other uses would change too.
            Assert.Null(await FixedAsync(inMemory, root => new FixPlan().Action("K", "T").SetInteger(FirstArgument(root, "b").GetLocation(), 2)));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task RewriteKeepsTheExpressionsType(bool inMemory)
        {
            var kept = await FixedAsync(inMemory, root => new FixPlan().Action("K", "T")
                .Rewrite(Initializer(root, "e").GetLocation(), "Width({0} - {1})", FirstArgument(root, "a").GetLocation(), Initializer(root, "b").GetLocation()));
            Assert.Contains("var e = Width(1 - Width(N));", kept, StringComparison.Ordinal);

            // int → string compiles here (var), but the expression's type changes: not made.
            Assert.Null(await FixedAsync(inMemory, root => new FixPlan().Action("K", "T")
                .Rewrite(Initializer(root, "e").GetLocation(), "{0}.ToString()", Initializer(root, "a").GetLocation())));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task SwitchFactoryRenamesOnlyToAMethodThatBindsWithAFittingResult(bool inMemory)
        {
            var switched = await FixedAsync(inMemory, root => new FixPlan().Action("K", "T").SwitchFactory(Initializer(root, "d").GetLocation(), "Made"));
            Assert.Contains("var d = T.Made();", switched, StringComparison.Ordinal);
            Assert.Null(await FixedAsync(inMemory, root => new FixPlan().Action("K", "T").SwitchFactory(Initializer(root, "d").GetLocation(), "Missing")));

            // Label() binds, but returns a string where a T stood.
            Assert.Null(await FixedAsync(inMemory, root => new FixPlan().Action("K", "T").SwitchFactory(Initializer(root, "d").GetLocation(), "Label")));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task RemovingAStackedCallAndWrappingTheResultCompose(bool inMemory)
        {
            // x.Act().Act(): the stack goes (the inner call would keep the finding), then what is left is wrapped.
            var fixedText = await FixedAsync(inMemory, root =>
            {
                var outer = (InvocationExpressionSyntax)Initializer(root, "c");
                var input = ((MemberAccessExpressionSyntax)outer.Expression).Expression;
                return new FixPlan().Action("K", "T")
                    .RemoveActivation(outer.GetLocation(), "Function", input.GetLocation())
                    .WrapInCall(outer.GetLocation(), "Wrap", "1");
            });
            Assert.Contains("var c = x.Wrap(1);", fixedText, StringComparison.Ordinal);
        }

        [Fact]
        public void OperandsTravelInTheDiagnostic()
        {
            var root = CSharpSyntaxTree.ParseText(Source).GetRoot();
            var plan = new FixPlan().Action("K", "T").Rewrite(Initializer(root, "e").GetLocation(), "{0} + {1}", FirstArgument(root, "a").GetLocation(), Initializer(root, "b").GetLocation())
                .Action("K2", "Never").Impossible().SetInteger(FirstArgument(root, "a").GetLocation(), 5);
            var diagnostic = plan.Create(Descriptor, root.GetLocation());
            var action = Assert.Single(FixPlan.Read(diagnostic));
            var edit = Assert.Single(action.Edits);
            Assert.Equal(FixEditKind.Rewrite, edit.Kind);
            Assert.Equal(new[] { "1", "Width(N)" }, edit.Operands.Select(o => diagnostic.AdditionalLocations[o].SourceTree!.GetText().ToString(diagnostic.AdditionalLocations[o].SourceSpan)));
        }
    }
}
