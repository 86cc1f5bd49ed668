using KerasLint.Libraries.TorchSharp;
using KerasLint.Model;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace KerasLint.Analyzers.Tests.TorchSharp
{
    /// <summary>Compiles TorchSharp test code and reads the recognised models (internal APIs) rather than diagnostics.</summary>
    internal static class TorchModelTestSupport
    {
        public static async Task<CSharpCompilation> CompileAsync(params string[] sources)
        {
            var references = await TorchVerifier.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(TorchVerifier.Usings + s, path: $"/0/Test{i}.cs")).ToArray();
            var compilation = CSharpCompilation.Create("Test", trees, references.Add(TorchVerifier.TorchSharpReference),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            return compilation;
        }

        /// <summary>Every loss-call candidate of the compilation, in file and source order.</summary>
        public static IEnumerable<IInvocationOperation> LossCalls(Compilation compilation, TorchSharpSymbols symbols)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var node in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax>())
                {
                    if (model.GetOperation(node) is IInvocationOperation invocation && TrainingStepRecognizer.IsCandidate(symbols, invocation)) yield return invocation;
                }
            }
        }

        /// <summary>The training steps of the compilation as the adapter decides them (other files followed on demand).</summary>
        public static async Task<List<TorchTrainingStep?>> StepsAsync(params string[] sources)
        {
            var compilation = await CompileAsync(sources);
            var adapter = TorchSharpAdapter.TryCreate(compilation, new KerasLint.Analysis.ValueFlow.ProgramFlow(compilation))!;
            var steps = new List<TorchTrainingStep?>();
            foreach (var call in LossCalls(compilation, adapter.Symbols).ToList())
            {
                steps.Add(adapter.StepFor(call, CancellationToken.None));
            }

            return steps;
        }
    }
}
