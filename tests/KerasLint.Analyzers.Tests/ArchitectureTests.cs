using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Analyzers.Tests
{
    /// <summary>
    /// Pins the layering of the analyzer assembly by binding its sources (src/KerasLint.Analyzers): rules see neutral
    /// models only (no syntax, no library), the engine meets the libraries through their registration only, and the
    /// assembly declares a handful of DiagnosticAnalyzer types (one per engine), not one per rule.
    /// </summary>
    public class ArchitectureTests
    {
        /// <summary>The most DiagnosticAnalyzer types the analyzer assembly may declare.</summary>
        private const int MaxAnalyzers = 4;

        private static readonly Lazy<CSharpCompilation> Sources = new Lazy<CSharpCompilation>(CompileSources);

        [Fact]
        public void RulesReferenceNoSyntaxAndNoLibrary()
        {
            var failures = References("Rules", symbol => IsSyntax(symbol) || IsLibrary(symbol));
            Assert.True(failures.Count == 0, "Rules/ must work on the neutral models only:\n" + string.Join("\n", failures));
        }

        [Fact]
        public void EngineMeetsTheLibrariesOnlyThroughRegistration()
        {
            var failures = References("Analysis", IsLibrary, except: "LibraryRegistration.cs");
            Assert.True(failures.Count == 0, "Analysis/ names library types only in LibraryRegistration.cs:\n" + string.Join("\n", failures));
        }

        [Fact]
        public void AssemblyDeclaresOneAnalyzerPerEngine()
        {
            var analyzers = typeof(KerasLintRule).Assembly.GetTypes().Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t)).Select(t => t.Name).ToList();
            Assert.True(analyzers.Count is > 0 and <= MaxAnalyzers, $"{analyzers.Count} DiagnosticAnalyzer types: {string.Join(", ", analyzers)}");
            var rules = typeof(KerasLintRule).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(KerasLintRule).IsAssignableFrom(t)).ToList();
            Assert.All(rules, r => Assert.Equal("KerasLint.Rules", r.Namespace));
            Assert.Equal(rules.Count, RuleRegistry.All.Select(r => r.GetType()).Distinct().Count());
        }

        [Fact]
        public void TheCheckSeesWhatItLooksFor()
        {
            // The checks above bind the sources: they would pass vacuously if nothing bound. Library types are named in
            // Libraries/ and syntax is navigated there; both must be seen.
            Assert.NotEmpty(References("Libraries", IsLibrary));
            Assert.NotEmpty(References("Libraries", IsSyntax));
        }

        /// <summary>The libraries: one folder each under src/KerasLint.Analyzers/Libraries.</summary>
        public static TheoryData<string> Libraries() => new TheoryData<string>(LibraryFolders());

        [Fact]
        public void EveryLibraryHasItsFolder() => Assert.Equal(new[] { "KerasNet", "TfNet", "TorchSharp" }, LibraryFolders());

        private static string[] LibraryFolders() =>
            Directory.GetDirectories(Path.Combine(AnalyzerRoot, "Libraries")).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal).ToArray();

        /// <summary>
        /// Adding a library touches its folder and one registration line: outside Libraries/&lt;Name&gt;/, the only
        /// code that binds to the library's types is one line of LibraryRegistration.cs (in the engines, the rules,
        /// the model, the knowledge, the settings analyzer, and the other libraries: nothing).
        /// </summary>
        [Theory]
        [MemberData(nameof(Libraries))]
        public void LibraryIsNamedOnlyInItsFolderAndOneRegistrationLine(string library)
        {
            var compilation = Sources.Value;
            var folder = Path.Combine(AnalyzerRoot, "Libraries", library) + Path.DirectorySeparatorChar;
            var ns = "KerasLint.Libraries." + library;
            var outside = new List<string>();
            var registrationLines = new HashSet<int>();
            var inside = 0;
            foreach (var tree in compilation.SyntaxTrees)
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var node in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
                {
                    var info = model.GetSymbolInfo(node);
                    var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
                    var declared = (symbol as INamespaceSymbol ?? symbol?.ContainingNamespace)?.ToDisplayString() ?? "";
                    if (symbol is INamespaceSymbol || !(declared == ns || declared.StartsWith(ns + ".", StringComparison.Ordinal))) continue;
                    var line = tree.GetLineSpan(node.Span).StartLinePosition.Line + 1;
                    if (tree.FilePath.StartsWith(folder, StringComparison.Ordinal)) inside++;
                    else if (Path.GetFileName(tree.FilePath) == "LibraryRegistration.cs") registrationLines.Add(line);
                    else outside.Add($"{Path.GetFileName(tree.FilePath)}:{line}: {symbol!.ToDisplayString()}");
                }
            }

            Assert.True(inside > 0, $"nothing in Libraries/{library}/ binds to {ns}: the check sees nothing");
            Assert.True(outside.Count == 0, $"{library} is named outside Libraries/{library}/ and its registration line:\n" + string.Join("\n", outside));
            Assert.True(registrationLines.Count == 1, $"LibraryRegistration.cs names {library} on {registrationLines.Count} lines ({string.Join(", ", registrationLines)}); one line per library");
        }

        /// <summary>
        /// The converse, by construction: without Libraries/&lt;Name&gt;/ and its registration line the analyzer's
        /// sources still compile, so a library is its folder plus that line (and its own tests, docs and sample).
        /// </summary>
        [Theory]
        [MemberData(nameof(Libraries))]
        public void AnalyzerCompilesWithoutTheLibrary(string library)
        {
            var folder = Path.Combine(AnalyzerRoot, "Libraries", library) + Path.DirectorySeparatorChar;
            var needle = $"KerasLint.Libraries.{library}.";
            var removedLines = 0;
            string Edit(string path, string text)
            {
                if (Path.GetFileName(path) != "LibraryRegistration.cs") return text;
                var lines = text.Split('\n');
                var kept = lines.Where(l => !l.Contains(needle, StringComparison.Ordinal)).ToArray();
                removedLines += lines.Length - kept.Length;
                return string.Join("\n", kept);
            }

            var compilation = CompileSources(path => !path.StartsWith(folder, StringComparison.Ordinal), Edit);
            Assert.Equal(1, removedLines);
            Assert.True(compilation.SyntaxTrees.Count() < Sources.Value.SyntaxTrees.Count(), $"Libraries/{library}/ holds no source file");
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(10).ToList();
            Assert.True(errors.Count == 0, $"without Libraries/{library}/ the analyzer does not compile:\n" + string.Join("\n", errors));
        }

        private static string AnalyzerRoot => Path.Combine(RepoRoot.Path, "src", "KerasLint.Analyzers");

        /// <summary>Every symbol a folder's files bind to that <paramref name="forbidden"/> matches: "file:line: symbol".</summary>
        private static List<string> References(string folder, Func<ISymbol, bool> forbidden, string? except = null)
        {
            var compilation = Sources.Value;
            var failures = new List<string>();
            var prefix = Path.Combine(AnalyzerRoot, folder) + Path.DirectorySeparatorChar;
            foreach (var tree in compilation.SyntaxTrees.Where(t => t.FilePath.StartsWith(prefix, StringComparison.Ordinal)))
            {
                if (except != null && Path.GetFileName(tree.FilePath) == except) continue;
                var model = compilation.GetSemanticModel(tree);
                foreach (var node in tree.GetRoot().DescendantNodes().Where(n => n is SimpleNameSyntax))
                {
                    var info = model.GetSymbolInfo(node);
                    var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
                    if (symbol == null || !forbidden(symbol)) continue;
                    var line = tree.GetLineSpan(node.Span).StartLinePosition.Line + 1;
                    failures.Add($"{Path.GetFileName(tree.FilePath)}:{line}: {symbol.ToDisplayString()}");
                }
            }

            return failures;
        }

        /// <summary>A C# syntax type, or a syntax node, tree or token (a type, or a member of one, or a value of one).</summary>
        private static bool IsSyntax(ISymbol symbol)
        {
            if (symbol is INamespaceSymbol) return false;
            return IsSyntaxType(symbol as ITypeSymbol) || IsSyntaxType(symbol.ContainingType) || IsSyntaxType(TypeOf(symbol));
        }

        private static bool IsSyntaxType(ITypeSymbol? type)
        {
            for (var t = type; t != null; t = t.BaseType)
            {
                var ns = t.ContainingNamespace?.ToDisplayString() ?? "";
                if (ns.StartsWith("Microsoft.CodeAnalysis.CSharp", StringComparison.Ordinal)) return true;
                if (ns == "Microsoft.CodeAnalysis" && t.Name is "SyntaxNode" or "SyntaxTree" or "SyntaxToken" or "SyntaxTrivia" or "SyntaxNodeOrToken") return true;
            }

            return false;
        }

        /// <summary>A type declared under KerasLint.Libraries, or a member of one.</summary>
        private static bool IsLibrary(ISymbol symbol)
        {
            var ns = (symbol as INamespaceSymbol ?? symbol.ContainingNamespace)?.ToDisplayString() ?? "";
            return ns.StartsWith("KerasLint.Libraries", StringComparison.Ordinal) && symbol is not INamespaceSymbol;
        }

        private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
        {
            IPropertySymbol p => p.Type,
            IFieldSymbol f => f.Type,
            ILocalSymbol l => l.Type,
            IParameterSymbol p => p.Type,
            IMethodSymbol m => m.ReturnType,
            _ => null,
        };

        private static CSharpCompilation CompileSources()
        {
            var compilation = CompileSources(_ => true, (_, text) => text);
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
            Assert.True(errors.Count == 0, "The analyzer sources do not bind: " + string.Join("\n", errors));
            return compilation;
        }

        /// <summary>The analyzer's sources that <paramref name="include"/> keeps, each text through <paramref name="edit"/>, compiled (not checked).</summary>
        private static CSharpCompilation CompileSources(Func<string, bool> include, Func<string, string, string> edit)
        {
            var sep = Path.DirectorySeparatorChar;
            var trees = Directory.GetFiles(AnalyzerRoot, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(sep + "obj" + sep) && !f.Contains(sep + "bin" + sep) && include(f))
                .Select(f => CSharpSyntaxTree.ParseText(edit(f, File.ReadAllText(f)), CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), path: f))
                .ToList();
            var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
                .Append(typeof(Compilation).Assembly.Location)
                .Append(typeof(CSharpCompilation).Assembly.Location)
                .Distinct()
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
            return CSharpCompilation.Create("KerasLint.Analyzers", trees, references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        }
    }
}
