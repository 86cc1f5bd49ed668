using System.Collections.Concurrent;
using KerasLint.CodeFixes;
using KerasLint.Knowledge;
using KerasLint.Rules;
using Xunit;

namespace KerasLint.Analyzers.Tests.TorchSharp
{
    /// <summary>
    /// KL0106 on outputs that are above 0 everywhere: the threshold that keeps the class the logit gives (z &gt; 0) is the
    /// output's value at z = 0: ln 2 for softplus (softplus(z) = ln(1 + e^z) &gt; ln 2 ⇔ z &gt; 0), 1 for exp (e^z &gt; 1 ⇔ z &gt; 0).
    /// The message states it and the fix thresholds there.
    /// </summary>
    public class TorchThresholdFixTests
    {
        [Theory]
        [InlineData("relu", "0")]
        [InlineData("LeakyReLU", "0")]
        [InlineData("Tanh", "0")]
        [InlineData("softplus", "ln 2")]
        [InlineData("Softplus", "ln 2")]
        [InlineData("softplus_", "ln 2")]
        [InlineData("exp", "1")]
        [InlineData("sigmoid", null)]
        [InlineData("softmax", null)]
        public void ThresholdOfZeroLogitIsTheOutputAtZero(string activation, string? expected) =>
            Assert.Equal(expected, Activations.ThresholdOfZeroLogit(activation));

        [Theory]
        [InlineData(-3.0)]
        [InlineData(-1e-6)]
        [InlineData(1e-6)]
        [InlineData(0.5)]
        [InlineData(4.0)]
        public void TheThresholdsKeepTheSignOfTheLogit(double z)
        {
            // The facts the thresholds rest on, computed: each output exceeds its threshold exactly where z > 0.
            var softplus = System.Math.Log(1 + System.Math.Exp(z));
            Assert.Equal(z > 0, softplus > System.Math.Log(2));
            Assert.Equal(z > 0, System.Math.Exp(z) > 1);
        }

        [Fact]
        public Task SoftplusFunctionOutputIsThresholdedAtLn2() =>
            TorchVerifier.VerifyFixAsync<KL0106ArgmaxOfOneUnitAnalyzer, KL0106CodeFixProvider>(TorchVerifier.LinearNet(1, "functional.softplus(fc.forward(x))") + @"
class Trainer
{
    Tensor Predicted(Net model, Tensor x) => {|KL0106:model.forward(x).argmax(-1)|};
}", TorchVerifier.LinearNet(1, "functional.softplus(fc.forward(x))") + @"
class Trainer
{
    Tensor Predicted(Net model, Tensor x) => model.forward(x).squeeze(-1).gt(System.Math.Log(2)).@long();
}", "KL0106.Recommended");

        [Fact]
        public async Task MessageStatesTheSoftplusThreshold()
        {
            var references = await TorchNoCrashSweep.ReferencesAsync();
            var (source, _) = TorchVerifier.Parse(TorchVerifier.Usings + @"
class Trainer
{
    Tensor Predicted(Tensor x)
    {
        var model = Sequential(Linear(4, 1), Softplus());
        return {|KL0106:model.forward(x).argmax(1)|};
    }
}");
            var crashes = new ConcurrentBag<string>();
            var diagnostic = Assert.Single(await TorchNoCrashSweep.AnalyzeAsync(source, references, crashes, "softplus"), d => d.Id == RuleIds.ArgmaxOfOneUnit);
            Assert.Empty(crashes);
            Assert.Contains("(pred > ln 2) on softplus outputs", diagnostic.GetMessage(), System.StringComparison.Ordinal);
            Assert.Contains("TorchSharp", diagnostic.GetMessage(), System.StringComparison.Ordinal);
        }
    }
}
