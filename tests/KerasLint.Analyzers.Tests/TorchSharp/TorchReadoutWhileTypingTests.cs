using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.CSharp;

namespace KerasLint.Analyzers.Tests.TorchSharp
{
    /// <summary>
    /// A TorchSharp read-out in a statement that does not parse (a token missing while the user types) is not judged:
    /// where the comparison is cut, neither what it counts nor an edit that fixes it is known (the mutation sweep found
    /// KL0107 and KL0110 reported there without a fix). Once the statement is whole it is reported, with its fix.
    /// </summary>
    public class TorchReadoutWhileTypingTests
    {
        private static string Source(string readout) => TorchVerifier.Usings + @"
class Evaluation
{
    long Correct(Tensor x, Tensor y)
    {
        var model = Sequential(Linear(4, 16), ReLU(), Linear(16, 1));
        var pred = model.forward(x);
        " + readout + @"
    }

    long Rounded(Tensor x, Tensor yOneHot)
    {
        var probs = Sequential(Linear(4, 10)).forward(x).softmax(1);
        return 0;
    }
}";

        private static async Task<ImmutableArray<Diagnostic>> AnalyseAsync(string source)
        {
            var compilation = CSharpCompilation.Create("T", new[] { CSharpSyntaxTree.ParseText(source, path: "/0/Test0.cs") },
                Direct.PlatformReferences.Add(TorchVerifier.TorchSharpReference), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            return await compilation.WithAnalyzers(Engines.All).GetAnalyzerDiagnosticsAsync();
        }

        [Theory]
        [InlineData("return pred.eq(y.sum().ToInt64();")]           // the ')' of eq( deleted
        [InlineData("return pred.eq(y).sum().ToInt64(")]            // the call and the statement cut short
        [InlineData("return (pred == y.sum().ToInt64();")]          // an unclosed parenthesis
        public async Task ACutReadoutIsNotJudged(string readout)
        {
            var diagnostics = await AnalyseAsync(Source(readout));
            Assert.DoesNotContain(diagnostics, d => d.Id == "KL0110");
        }

        [Theory]
        [InlineData("return pred.eq(y).sum().ToInt64();")]
        [InlineData("return (pred == y).sum().ToInt64();")]
        public async Task TheWholeStatementIsReportedWithItsFix(string readout)
        {
            var diagnostics = await AnalyseAsync(Source(readout));
            var d = Assert.Single(diagnostics, x => x.Id == "KL0110");
            Assert.NotEmpty(KerasLint.Analysis.FixPlan.Read(d));
        }
    }
}
