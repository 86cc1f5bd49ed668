using KerasLint.Rules;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace KerasLint.Analyzers.Tests.TorchSharp
{
    public class TorchRuleTests
    {
        public static IEnumerable<object[]> CaseNames => TorchCases.All.Select(c => new object[] { c.Name });

        [Theory]
        [MemberData(nameof(CaseNames))]
        public Task Case(string name)
        {
            var c = TorchCases.All.Single(x => x.Name == name);
            return c.Rule switch
            {
                "KL0101" => TorchVerifier.VerifyAsync<KL0006FromLogitsOnProbabilitiesAnalyzer>(c.Source),
                "KL0102" => TorchVerifier.VerifyAsync<KL0005LossExpectsProbabilitiesAnalyzer>(c.Source),
                "KL0103" => TorchVerifier.VerifyAsync<KL0006FromLogitsOnProbabilitiesAnalyzer>(c.Source),
                "KL0104" => TorchVerifier.VerifyAsync<KL0005LossExpectsProbabilitiesAnalyzer>(c.Source),
                "KL0105" => TorchVerifier.VerifyAsync<KL0105CrossEntropyOnOneUnitAnalyzer>(c.Source),
                "KL0106" => TorchVerifier.VerifyAsync<KL0106ArgmaxOfOneUnitAnalyzer>(c.Source),
                "KL0107" => TorchVerifier.VerifyAsync<KL0107ElementwiseAccuracyOnSoftmaxAnalyzer>(c.Source),
                "KL0108" => TorchVerifier.VerifyAsync<KL0007RegressionLossOnClassifierAnalyzer>(c.Source),
                "KL0109" => TorchVerifier.VerifyAsync<KL0002BinaryCrossentropyOnMultiClassAnalyzer>(c.Source),
                "KL0110" => TorchVerifier.VerifyAsync<KL0001AccuracyOnRegressionAnalyzer>(c.Source),
                "KL0009" => TorchVerifier.VerifyAsync<KL0009DropoutRateOutOfRangeAnalyzer>(c.Source),
                _ => throw new InvalidOperationException(c.Rule),
            };
        }

        [Fact]
        public async Task EveryPositiveCaseOfOneRuleIsSilentForTheOtherLossRules()
        {
            // A rule must not fire on another rule's positive case (each loss has exactly one rule). A rule that reports
            // two of these ids (KL0006's rule: KL0101, KL0103; KL0005's: KL0102, KL0104) is checked on its own cases by
            // the theory above, which expects exactly the case's diagnostics (so its other id stays silent there).
            foreach (var c in TorchCases.All.Where(c => c.Rule != "KL0009" && c.Source.Contains("{|KL")))
            {
                var plain = TorchVerifier.Parse(c.Source).Source;
                if (c.Rule is not ("KL0101" or "KL0103")) await TorchVerifier.VerifyAsync<KL0006FromLogitsOnProbabilitiesAnalyzer>(plain);
                if (c.Rule is not ("KL0102" or "KL0104")) await TorchVerifier.VerifyAsync<KL0005LossExpectsProbabilitiesAnalyzer>(plain);
            }
        }

        [Fact]
        public async Task MessageNamesTheLossAndTheSoftmax()
        {
            var (source, _) = TorchVerifier.Parse(TorchVerifier.Usings + TorchCases.All[0].Source);
            var test = new RuleTest<KL0006FromLogitsOnProbabilitiesAnalyzer> { TestCode = source };
            test.TestState.AdditionalReferences.Add(TorchVerifier.TorchSharpReference);
            test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.KL0101).WithSpan(16, 20, 16, 46)
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("TorchSharp", "CrossEntropyLoss", "'(\"sm\", Softmax(1))' at line 13"));
            await test.RunAsync();
        }

        [Fact]
        public async Task SilentWithoutTorchSharp()
        {
            const string source = @"
namespace TorchSharp { public static class torch { public static class nn { public static object CrossEntropyLoss() => new object(); public static object Softmax(long d) => new object(); } } }
class C { void M() { var l = TorchSharp.torch.nn.CrossEntropyLoss(); var s = TorchSharp.torch.nn.Softmax(1); } }";
            var test = new RuleTest<KL0006FromLogitsOnProbabilitiesAnalyzer> { TestCode = source };
            await test.RunAsync();
        }
    }
}
