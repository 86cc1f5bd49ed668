using KerasLint.Bench.Analyzers;
using Microsoft.CodeAnalysis;
using Xunit;

namespace KerasLint.Bench.Tests
{
    /// <summary>
    /// The fuzz part measures what it means to: every generated shape compiles without errors and stays within the lines
    /// asked for, and a mutant differs from its source and is deterministic (same seed, same text).
    /// </summary>
    public class FuzzGeneratorTests
    {
        public static TheoryData<CodeKind, string> Cases()
        {
            var data = new TheoryData<CodeKind, string>();
            foreach (var kind in new[] { CodeKind.KerasNet, CodeKind.TorchSharp })
            {
                foreach (var shape in FuzzGenerator.Shapes) data.Add(kind, shape);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void Every_shape_compiles_and_stays_within_its_size(CodeKind kind, string shape)
        {
            var file = FuzzGenerator.Generate(kind, shape, 400);
            var errors = file.CreateCompilation().GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            Assert.InRange(file.Lines, 200, 400);
        }

        [Theory]
        [InlineData(CodeKind.KerasNet)]
        [InlineData(CodeKind.TorchSharp)]
        public void Mutants_differ_from_their_source_and_repeat_with_their_seed(CodeKind kind)
        {
            foreach (var shape in FuzzGenerator.Mutated)
            {
                var source = FuzzGenerator.Generate(kind, shape, 1000).Tree.GetText().ToString();
                var mutant = FuzzGenerator.Mutate(kind, shape, 1000, seed: 1000).Tree.GetText().ToString();
                Assert.NotEqual(source, mutant);
                Assert.Equal(mutant, FuzzGenerator.Mutate(kind, shape, 1000, seed: 1000).Tree.GetText().ToString());
            }
        }
    }
}
