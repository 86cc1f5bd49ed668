using KerasLint.Knowledge;
using KerasLint.Analysis;
using KerasLint.Analysis.ValueFlow;
using KerasLint.Libraries.TorchSharp;

namespace KerasLint.Analyzers.Tests.TorchSharp
{
    /// <summary>
    /// The work the TorchSharp recogniser does on generated input, counted (operations visited by the recogniser
    /// plus write sites examined by the member's <see cref="MemberFlow"/>), never timed: it must grow linearly with the
    /// number of loss calls in one method, and a query past its budget must answer "unknown".
    /// </summary>
    public class TorchFlowCostTests
    {
        /// <summary>One method: <paramref name="n"/> times <c>p = softmax(p, 1); criterion.forward(p, y);</c>.</summary>
        private static string Reassignments(int n)
        {
            var text = new System.Text.StringBuilder("static class Generated\n{\n    static void Step(Tensor x, Tensor y)\n    {\n        var criterion = CrossEntropyLoss();\n        var p = Sequential(Linear(4, 3)).forward(x);\n");
            for (var i = 0; i < n; i++) text.Append("        p = softmax(p, 1);\n        criterion.forward(p, y);\n");
            return text.Append("    }\n}\n").ToString();
        }

        private static async Task<(long Work, int Steps)> WorkAsync(int n)
        {
            var compilation = await TorchModelTestSupport.CompileAsync(Reassignments(n));
            var symbols = TorchSharpSymbols.TryCreate(compilation)!;
            var program = new ProgramFlow(compilation);
            long work = 0;
            var steps = 0;
            IOperation? any = null;
            foreach (var call in TorchModelTestSupport.LossCalls(compilation, symbols))
            {
                var step = TrainingStepRecognizer.Recognize(symbols, program, call, out var recognised, CancellationToken.None);
                Assert.NotNull(step);
                Assert.Equal(HeadActivation.Softmax, step!.Head.Activation); // the work counted is work that found the answer
                work += recognised;
                steps++;
                any = call;
            }

            return (work + program.Member(any!).Visited, steps);
        }

        [Fact]
        public async Task WorkGrowsLinearlyWithReassignedLossCallsInOneMethod()
        {
            var small = await WorkAsync(100);
            var large = await WorkAsync(400);
            Assert.Equal(100, small.Steps);
            Assert.Equal(400, large.Steps);

            // Four times the calls: about four times the work (a walk over every earlier write per call would be sixteen).
            Assert.InRange(large.Work, 3 * small.Work, 5 * small.Work);
            Assert.True(large.Work / large.Steps <= 200, $"work per loss call: {large.Work / large.Steps}");
        }

        /// <summary>A local assigned in more branches than a query may examine: the head is unknown, not guessed.</summary>
        [Fact]
        public async Task QueryPastItsBudgetAnswersUnknown()
        {
            static string Branches(int n)
            {
                var text = new System.Text.StringBuilder("static class Generated\n{\n    static Tensor Step(Tensor x, Tensor y, bool c)\n    {\n        var p = softmax(x, 1);\n");
                for (var i = 0; i < n; i++) text.Append("        if (c) p = softmax(x, 1);\n");
                return text.Append("        return CrossEntropyLoss().forward(p, y);\n    }\n}\n").ToString();
            }

            var few = Assert.Single(await TorchModelTestSupport.StepsAsync(Branches(10)));
            Assert.Equal(HeadActivation.Softmax, few!.Head.Activation);
            var many = Assert.Single(await TorchModelTestSupport.StepsAsync(Branches(MemberFlow.QueryBudget + 10)));
            Assert.False(many!.Head.IsKnown);
        }
    }
}
