using KerasLint.Analysis.ValueFlow;
using KerasLint.Knowledge;
using KerasLint.Libraries.TorchSharp;
using KerasLint.Model;

namespace KerasLint.Analyzers.Tests.TorchSharp
{
    /// <summary>
    /// A module field that is not readonly may be written or appended to in any method of its type, so the recogniser
    /// reads every write of it in the compilation (ProgramFlow collects them once per compilation); reading them is
    /// charged to the recogniser's budget (work counted, never timed): a type with many methods and many loss calls (the
    /// fuzz part of bench/ measured 6.5 s of CPU at 10,000 lines when each call walked the type) costs at most the
    /// budget per loss call, and past it the head is unknown.
    /// </summary>
    public class TorchMemberCostTests
    {
        /// <summary>A class whose module field is reassigned in <paramref name="n"/> methods and trained in <paramref name="n"/> others.</summary>
        private static string FieldWrites(int n)
        {
            var text = new System.Text.StringBuilder("public class Trainer\n{\n    private Module<Tensor, Tensor> model = Sequential(Linear(4, 3), Softmax(1));\n");
            for (var i = 0; i < n; i++)
            {
                text.Append($"    public void Build{i}() {{ model = Sequential(Linear(4, 3), Softmax(1)); }}\n");
                text.Append($"    public Tensor Step{i}(Tensor x, Tensor y) {{ var output = model.forward(x); return CrossEntropyLoss().forward(output, y); }}\n");
            }

            return text.Append("}\n").ToString();
        }

        private static async Task<List<(TorchTrainingStep? Step, int Work)>> RecognizeAllAsync(int n)
        {
            var compilation = await TorchModelTestSupport.CompileAsync(FieldWrites(n));
            var symbols = TorchSharpSymbols.TryCreate(compilation)!;
            var program = new ProgramFlow(compilation);
            var results = new List<(TorchTrainingStep?, int)>();
            foreach (var call in TorchModelTestSupport.LossCalls(compilation, symbols))
            {
                var step = TrainingStepRecognizer.Recognize(symbols, program, call, out var work, CancellationToken.None);
                results.Add((step, work));
            }

            return results;
        }

        [Fact]
        public async Task FieldWrittenInFewMethods_HeadIsFound()
        {
            var steps = await RecognizeAllAsync(5);
            Assert.Equal(5, steps.Count);
            Assert.All(steps, s => Assert.Equal(HeadActivation.Softmax, s.Step!.Head.Activation));
        }

        [Fact]
        public async Task FieldReadByManyLossCalls_WorkPerCallStaysWithinTheBudget()
        {
            var small = await RecognizeAllAsync(50);
            var large = await RecognizeAllAsync(400);
            Assert.Equal(50, small.Count);
            Assert.Equal(400, large.Count);

            // Each loss call reads the field's 51 writes (collected once per compilation by ProgramFlow): counted work,
            // more than the few operations of the call itself, and the head is found.
            Assert.All(small, s => Assert.InRange(s.Work, 51, TrainingStepRecognizer.Budget));
            Assert.All(small, s => Assert.Equal(HeadActivation.Softmax, s.Step!.Head.Activation));

            // 401 writes: the work per call grows with the writes it reads, never past the budget (no walk over the
            // whole type per call); the writes are not re-collected per call, so the head is still found.
            Assert.All(large, s => Assert.InRange(s.Work, 401, TrainingStepRecognizer.Budget));
            Assert.All(large, s => Assert.Equal(HeadActivation.Softmax, s.Step!.Head.Activation));
        }
    }
}
