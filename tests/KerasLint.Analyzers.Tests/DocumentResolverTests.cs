using KerasLint.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace KerasLint.Analyzers.Tests
{
    /// <summary>
    /// The one document resolver of every fix (issue 18): it finds the document a diagnostic location speaks of with and
    /// without file paths, for a linked file (one path in several projects: the fixed document's project first), across
    /// projects, and for a diagnostic computed on an earlier tree of the same document.
    /// </summary>
    public class DocumentResolverTests
    {
        private static readonly DiagnosticDescriptor Descriptor = new DiagnosticDescriptor("KLRESOLVE", "t", "m", "c", DiagnosticSeverity.Warning, true);

        private static (Solution Solution, ProjectId A, ProjectId B) TwoProjects()
        {
            var workspace = new AdhocWorkspace();
            var a = ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Create(), "A", "A", LanguageNames.CSharp, metadataReferences: Direct.Platform);
            var b = ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Create(), "B", "B", LanguageNames.CSharp, metadataReferences: Direct.Platform);
            return (workspace.CurrentSolution.AddProject(a).AddProject(b), a.Id, b.Id);
        }

        private static Solution Add(Solution solution, ProjectId project, out DocumentId id, string name, string? path, string text = "class C { }")
        {
            id = DocumentId.CreateNewId(project);
            return solution.AddDocument(DocumentInfo.Create(id, name, loader: TextLoader.From(TextAndVersion.Create(SourceText.From(text), VersionStamp.Create())), filePath: path));
        }

        /// <summary>A diagnostic on a tree parsed apart from the solution (an earlier snapshot, another host's tree) with the given path.</summary>
        private static Diagnostic On(string treePath) =>
            Diagnostic.Create(Descriptor, Location.Create(CSharpSyntaxTree.ParseText("class C { }", path: treePath), new TextSpan(0, 5)));

        [Fact]
        public async Task TheVeryTreeIsItsDocument()
        {
            var (solution, a, _) = TwoProjects();
            solution = Add(solution, a, out var id, "Test0.cs", null);
            var document = solution.GetDocument(id)!;
            var tree = (await document.GetSyntaxTreeAsync())!;
            var diagnostic = Diagnostic.Create(Descriptor, Location.Create(tree, new TextSpan(0, 5)));
            Assert.Equal(id, DocumentResolver.Find(document, diagnostic, diagnostic.Location)!.Id);
        }

        [Fact]
        public void AnInMemoryDocumentIsFoundByItsName_InTheContextsProjectFirst()
        {
            var (solution, a, b) = TwoProjects();
            solution = Add(solution, a, out var inA, "Model.cs", null);
            solution = Add(solution, b, out var inB, "Model.cs", null);
            solution = Add(solution, b, out var context, "Train.cs", null);
            var diagnostic = On("Train.cs");
            var foreign = Location.Create(CSharpSyntaxTree.ParseText("class M { }", path: "Model.cs"), new TextSpan(0, 5));

            // The diagnostic's own location names the context document; the other location, the document of that name in the same project.
            Assert.Equal(context, DocumentResolver.Find(solution.GetDocument(context)!, diagnostic, diagnostic.Location)!.Id);
            Assert.Equal(inB, DocumentResolver.Find(solution.GetDocument(context)!, diagnostic, foreign)!.Id);
            Assert.NotEqual(inA, inB);
        }

        [Fact]
        public void ALinkedFileResolvesToTheFixedDocumentsProject()
        {
            var (solution, a, b) = TwoProjects();
            const string path = "/src/Shared/Model.cs";
            solution = Add(solution, a, out var inA, "Model.cs", path);
            solution = Add(solution, b, out var inB, "Model.cs", path);
            solution = Add(solution, b, out var contextB, "Train.cs", "/src/B/Train.cs");
            solution = Add(solution, a, out var contextA, "Train.cs", "/src/A/Train.cs");
            var foreign = Location.Create(CSharpSyntaxTree.ParseText("class M { }", path: path), new TextSpan(0, 5));

            Assert.Equal(inB, DocumentResolver.Find(solution.GetDocument(contextB)!, On("/src/B/Train.cs"), foreign)!.Id);
            Assert.Equal(inA, DocumentResolver.Find(solution.GetDocument(contextA)!, On("/src/A/Train.cs"), foreign)!.Id);
        }

        [Fact]
        public void AnEarlierTreeOfTheDocumentIsMatchedByPath_AndAnUnknownPathByNothing()
        {
            var (solution, a, _) = TwoProjects();
            solution = Add(solution, a, out var id, "Train.cs", "/src/A/Train.cs");
            solution = Add(solution, a, out var other, "Other.cs", "/src/A/Other.cs");
            var context = solution.GetDocument(other)!;
            var diagnostic = On("/src/A/Other.cs");
            Assert.Equal(id, DocumentResolver.Find(context, diagnostic, On("/src/A/Train.cs").Location)!.Id);
            Assert.Null(DocumentResolver.Find(context, diagnostic, On("/src/A/Missing.cs").Location));
            Assert.Null(DocumentResolver.Find(context, diagnostic, Location.Create(CSharpSyntaxTree.ParseText("class M { }"), new TextSpan(0, 5))));
        }
    }
}
