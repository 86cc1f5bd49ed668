using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace KerasLint.Analyzers.Tests.TorchSharp
{
    /// <summary>
    /// Runs TorchSharp rules on test sources compiled against .NET 8 reference assemblies and the real TorchSharp
    /// 0.107 assembly (metadata only). Sources mark expected diagnostics as {|KL0101:code|}; additional locations
    /// (the sites the fixes use) are not compared here but by the fix tests.
    /// </summary>
    internal static class TorchVerifier
    {
        /// <summary>A custom module <c>Net</c> over one <c>Linear(4, units)</c> layer <c>fc</c>; forward returns <paramref name="output"/>.</summary>
        public static string LinearNet(int units, string output = "fc.forward(x)") => $@"
class Net : Module<Tensor, Tensor>
{{
    private readonly Module<Tensor, Tensor> fc = Linear(4, {units});
    public Net() : base(""Net"") => RegisterComponents();
    public override Tensor forward(Tensor x) => {output};
}}";

        public const string Usings =
            "using System;\n" +
            "using System.Collections.Generic;\n" +
            "using TorchSharp;\n" +
            "using TorchSharp.Modules;\n" +
            "using static TorchSharp.torch;\n" +
            "using static TorchSharp.torch.nn;\n" +
            "using static TorchSharp.torch.nn.functional;\n";

        /// <summary>.NET 8 reference assemblies from the local package cache (the mirror has 8.0.31).</summary>
        public static ReferenceAssemblies Net80 => LibraryReferences.Net80;

        public static MetadataReference TorchSharpReference => LibraryReferences.TorchSharp;

        private static readonly Regex Marker = new Regex(@"\{\|(?<id>KL\d{4}):", RegexOptions.Compiled);

        /// <summary>Strips {|ID:...|} markers and returns the plain source plus the expected diagnostics.</summary>
        public static (string Source, List<DiagnosticResult> Expected) Parse(string marked, string path = "/0/Test0.cs")
        {
            var expected = new List<DiagnosticResult>();
            var text = new System.Text.StringBuilder();
            var stack = new Stack<(string Id, int Start)>();
            var i = 0;
            while (i < marked.Length)
            {
                var m = Marker.Match(marked, i);
                var close = marked.IndexOf("|}", i, StringComparison.Ordinal);
                if (m.Success && (close < 0 || m.Index < close))
                {
                    text.Append(marked, i, m.Index - i);
                    stack.Push((m.Groups["id"].Value, text.Length));
                    i = m.Index + m.Length;
                }
                else if (close >= 0 && stack.Count > 0)
                {
                    text.Append(marked, i, close - i);
                    var (id, start) = stack.Pop();
                    expected.Add(new DiagnosticResult(id, DiagnosticSeverity.Warning).WithSpan(Span(text.ToString(), path, start, text.Length))
                        .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations | DiagnosticOptions.IgnoreSeverity));
                    i = close + 2;
                }
                else
                {
                    text.Append(marked, i, marked.Length - i);
                    break;
                }
            }

            return (text.ToString(), expected);
        }

        private static FileLinePositionSpan Span(string text, string path, int start, int end)
        {
            var source = Microsoft.CodeAnalysis.Text.SourceText.From(text);
            return new FileLinePositionSpan(path, source.Lines.GetLinePositionSpan(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(start, end)));
        }

        public static Task VerifyAsync<TRule>(string markedSource)
            where TRule : KerasLintRule, new() =>
            VerifyFilesAsync<TRule>(markedSource);

        /// <summary>Several files (Test0.cs, Test1.cs, ...), each with the usings prepended.</summary>
        public static async Task VerifyFilesAsync<TRule>(params string[] markedSources)
            where TRule : KerasLintRule, new()
        {
            var test = new RuleTest<TRule>();
            for (var i = 0; i < markedSources.Length; i++)
            {
                var path = $"/0/Test{i}.cs";
                var (source, expected) = Parse(Usings + markedSources[i], path);
                test.TestState.Sources.Add((path, source));
                test.ExpectedDiagnostics.AddRange(expected);
            }

            test.TestState.AdditionalReferences.Add(TorchSharpReference);
            await test.RunAsync();
        }

        /// <summary>Applies code action <paramref name="equivalenceKey"/> to every marked diagnostic, one by one and with Fix All.</summary>
        public static Task VerifyFixAsync<TRule, TFix>(string markedSource, string fixedSource, string equivalenceKey)
            where TRule : KerasLintRule, new()
            where TFix : CodeFixProvider, new() =>
            RunFixAsync<TRule, TFix>(markedSource, fixedSource, equivalenceKey);

        /// <summary>
        /// Checks that the action with <paramref name="equivalenceKey"/> is not offered for the marked diagnostics: not
        /// under its own key, and not as the diagnostic's recommended (first) action either, which hosts see under
        /// "&lt;id&gt;.Recommended" (the provider's candidates are read directly for that).
        /// </summary>
        public static async Task VerifyNoFixAsync<TRule, TFix>(string markedSource, string equivalenceKey)
            where TRule : KerasLintRule, new()
            where TFix : KerasLint.CodeFixes.KerasLintCodeFixProvider, new()
        {
            await RunFixAsync<TRule, TFix>(markedSource, markedSource, equivalenceKey);
            var (source, expected) = Parse(Usings + markedSource, "/0/Test0.cs");
            var references = await Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            using var workspace = new AdhocWorkspace();
            var document = workspace.AddProject("Test", LanguageNames.CSharp)
                .WithCompilationOptions(Engines.Only<TRule, Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions>(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)))
                .WithMetadataReferences(references.Add(TorchSharpReference))
                .AddDocument("Test0.cs", source, filePath: "/0/Test0.cs");
            var compilation = await document.Project.GetCompilationAsync();
            var diagnostics = await compilation!.WithAnalyzers(Engines.All)
                .GetAnalyzerDiagnosticsAsync();
            Assert.Equal(expected.Count, diagnostics.Length);
            foreach (var diagnostic in diagnostics)
            {
                var candidates = await new TFix().CandidatesAsync(document, diagnostic, CancellationToken.None);
                Assert.DoesNotContain(candidates, c => c.Key == equivalenceKey);
            }
        }

        private static Task RunFixAsync<TRule, TFix>(string markedSource, string fixedSource, string equivalenceKey)
            where TRule : KerasLintRule, new()
            where TFix : CodeFixProvider, new() =>
            VerifyFixFilesAsync<TRule, TFix>(new[] { (markedSource, fixedSource) }, equivalenceKey);

        /// <summary>Like <see cref="VerifyFixAsync"/> over several files (Test0.cs, Test1.cs, ...): a fix may edit another file than the diagnostic's.</summary>
        public static async Task VerifyFixFilesAsync<TRule, TFix>((string Before, string After)[] files, string equivalenceKey)
            where TRule : KerasLintRule, new()
            where TFix : CodeFixProvider, new()
        {
            var test = new RuleFixTest<TRule, TFix> { CodeActionEquivalenceKey = equivalenceKey };

            // Steps whose model is in another file are reported at compilation end (non-local diagnostics); hosts
            // that hold those diagnostics (full-solution analysis, dotnet format) can still apply their fixes.
            if (files.Length > 1) test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
            for (var i = 0; i < files.Length; i++)
            {
                var path = $"/0/Test{i}.cs";
                var (source, expected) = Parse(Usings + files[i].Before, path);
                var (fixedText, remaining) = Parse(Usings + files[i].After, path);
                test.TestState.Sources.Add((path, source));
                test.FixedState.Sources.Add((path, fixedText));
                test.ExpectedDiagnostics.AddRange(expected);
                test.FixedState.ExpectedDiagnostics.AddRange(remaining);
                test.BatchFixedState.ExpectedDiagnostics.AddRange(remaining);
            }

            test.TestState.AdditionalReferences.Add(TorchSharpReference);
            test.FixedState.AdditionalReferences.Add(TorchSharpReference);
            test.BatchFixedState.AdditionalReferences.Add(TorchSharpReference);
            await InMemoryHost.WithAndWithoutPaths(test, test.RunAsync, Engines.All, new[] { new TFix() });
        }
    }
}
