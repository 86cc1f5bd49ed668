using KerasLint.Analysis;
using KerasLint.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace KerasLint.Analyzers.Tests
{
    /// <summary>
    /// The binding check of the one fix pipeline: an action whose result compiles but makes a call it touches bind to
    /// another overload is not offered, unless the action declares that call's new target.
    /// </summary>
    public class SameOverloadCheckTests
    {
        private const string Source = @"
class C
{
    static void F(object o) { }
    static void F(string s) { }
    static void G(int a, int b = 0) { }
    void M() { F(1); G(1); }
}";

        private static readonly DiagnosticDescriptor Descriptor = new DiagnosticDescriptor("KLTEST", "t", "m", "c", DiagnosticSeverity.Warning, true);

        private static async Task<IReadOnlyList<FixCandidate>> CandidatesAsync(bool inMemory, Func<SyntaxNode, FixPlan> plan)
        {
            using var workspace = new AdhocWorkspace();
            var project = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Create(), "P", "P", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                metadataReferences: Direct.Platform));
            var document = workspace.AddDocument(DocumentInfo.Create(DocumentId.CreateNewId(project.Id), "Test0.cs",
                loader: TextLoader.From(TextAndVersion.Create(SourceText.From(Source), VersionStamp.Create())), filePath: inMemory ? null : "/0/Test0.cs"));
            var root = (await document.GetSyntaxRootAsync())!;
            var diagnostic = plan(root).Create(Descriptor, root.GetLocation());
            return await PlannedFixApplier.CandidatesAsync(document, diagnostic, CancellationToken.None);
        }

        private static SyntaxNode Argument(SyntaxNode root, string callee) =>
            Call(root, callee).ArgumentList.Arguments[0].Expression;

        private static InvocationExpressionSyntax Call(SyntaxNode root, string callee) =>
            root.DescendantNodes().OfType<InvocationExpressionSyntax>().Single(i => i.Expression.ToString() == callee);

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task AnArgumentEditThatSilentlyPicksAnotherOverloadIsNotOffered(bool inMemory)
        {
            // F(1) binds F(object); F("1") compiles and binds F(string): no compiler error says so.
            var candidates = await CandidatesAsync(inMemory, root => new FixPlan().Action("K", "T").ReplaceExpression(Argument(root, "F").GetLocation(), "\"1\""));
            Assert.Empty(candidates);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task AnArgumentEditThatKeepsTheOverloadIsOffered(bool inMemory)
        {
            var candidates = await CandidatesAsync(inMemory, root => new FixPlan().Action("K", "T").ReplaceExpression(Argument(root, "F").GetLocation(), "2"));
            var candidate = Assert.Single(candidates);
            var text = (await (await candidate.Apply(CancellationToken.None)).Projects.Single().Documents.Single().GetTextAsync()).ToString();
            Assert.Contains("F(2);", text);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task ADeclaredNewTargetIsOffered(bool inMemory)
        {
            var candidates = await CandidatesAsync(inMemory, root => new FixPlan().Action("K", "T")
                .ReplaceExpression(Argument(root, "F").GetLocation(), "\"1\"").Retarget(Call(root, "F").GetLocation(), "F"));
            Assert.Single(candidates);
        }

        [Fact]
        public async Task ADeclaredTargetOfAnotherNameIsNotOffered()
        {
            var candidates = await CandidatesAsync(false, root => new FixPlan().Action("K", "T")
                .ReplaceExpression(Argument(root, "F").GetLocation(), "\"1\"").Retarget(Call(root, "F").GetLocation(), "H"));
            Assert.Empty(candidates);
        }

        [Fact]
        public async Task AnAddedArgumentMustKeepTheCallsMethod()
        {
            // G(1) → G(1, b: 2): the same method, its optional parameter given.
            var kept = await CandidatesAsync(false, root => new FixPlan().Action("K", "T").AddNamedExpressionArgument(Call(root, "G").GetLocation(), "b", "2"));
            Assert.Single(kept);
        }
    }
}
