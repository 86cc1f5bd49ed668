using KerasLint.Rules;
using Xunit;

namespace KerasLint.Analyzers.Tests.TorchSharp
{
    /// <summary>KL0105–KL0110 beyond the per-case checks: no TorchSharp rule (<see cref="TorchNoCrashSweep.Analyzers"/>) fires on another's case, models in other files, messages.</summary>
    public class TorchOutputRuleTests
    {
        [Fact]
        public async Task EveryCaseReportsExactlyWhatItMarksUnderEveryTorchRule()
        {
            // Negatives (thresholded binary classifiers, softmax for reporting, argmax over C ≥ 2, MAE) are silent for
            // every rule, and each positive is reported by its rule only.
            var references = await TorchNoCrashSweep.ReferencesAsync();
            var failures = new List<string>();
            var crashes = new System.Collections.Concurrent.ConcurrentBag<string>();
            foreach (var c in TorchOutputCases.All)
            {
                var (source, expected) = TorchVerifier.Parse(TorchVerifier.Usings + c.Source);
                var diagnostics = await TorchNoCrashSweep.AnalyzeAsync(source, references, crashes, c.Name);
                var got = diagnostics.Select(d => d.Id).OrderBy(x => x).ToList();
                var want = expected.Select(e => e.Id).OrderBy(x => x).ToList();
                if (!got.SequenceEqual(want)) failures.Add($"{c.Name}: expected [{string.Join(", ", want)}], got [{string.Join(", ", got)}]");
            }

            Assert.Empty(failures);
            Assert.Empty(crashes);
        }

        private static readonly string BinaryNet = TorchVerifier.LinearNet(1);

        [Fact]
        public Task ArgmaxOfAOneUnitModelInAnotherFile() =>
            TorchVerifier.VerifyFilesAsync<KL0106ArgmaxOfOneUnitAnalyzer>(@"
class Evaluator
{
    long Correct(Tensor x, Tensor y)
    {
        var model = new Net();
        return {|KL0106:model.forward(x).argmax(1)|}.eq(y).sum().ToInt64();
    }
}", BinaryNet);

        [Fact]
        public Task CrossEntropyOnAOneUnitModelInAnotherFile() =>
            TorchVerifier.VerifyFilesAsync<KL0105CrossEntropyOnOneUnitAnalyzer>(@"
class Trainer
{
    void Step(Tensor x, Tensor y) => {|KL0105:CrossEntropyLoss().forward(new Net().forward(x), y)|};
}", BinaryNet);

        [Fact]
        public async Task MessagesNameTheApiAndWhatToDo()
        {
            var references = await TorchNoCrashSweep.ReferencesAsync();
            var messages = new Dictionary<string, string>();
            var crashes = new System.Collections.Concurrent.ConcurrentBag<string>();
            foreach (var c in TorchOutputCases.All.Where(c => c.Source.Contains("{|KL")))
            {
                var (source, _) = TorchVerifier.Parse(TorchVerifier.Usings + c.Source);
                foreach (var d in await TorchNoCrashSweep.AnalyzeAsync(source, references, crashes, c.Name)) messages.TryAdd(d.Id, d.GetMessage());
            }

            Assert.Equal(6, messages.Count);
            Assert.All(messages.Values, m => Assert.Contains("TorchSharp", m, StringComparison.Ordinal));
            Assert.Contains("BCEWithLogitsLoss", messages["KL0105"], StringComparison.Ordinal);
            Assert.Contains("(pred > 0) on logits", messages["KL0106"], StringComparison.Ordinal);
            Assert.Contains("argmax(1) == target", messages["KL0107"], StringComparison.Ordinal);
            Assert.Contains("CrossEntropyLoss", messages["KL0108"], StringComparison.Ordinal);
            Assert.Contains("use CrossEntropyLoss", messages["KL0109"], StringComparison.Ordinal);
            Assert.Contains("report the loss or MAE", messages["KL0110"], StringComparison.Ordinal);
        }
    }
}
