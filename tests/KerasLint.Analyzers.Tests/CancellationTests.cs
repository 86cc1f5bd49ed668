using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using static KerasLint.Analyzers.Tests.Infrastructure.KerasCode;

namespace KerasLint.Analyzers.Tests
{
    /// <summary>
    /// The analyzers honour cancellation: cancelled mid-analysis, the run either finishes with every diagnostic or
    /// stops with <see cref="OperationCanceledException"/>; an analyzer never turns cancellation into a crash (AD0001).
    /// </summary>
    public class CancellationTests
    {
        private static string ManyModels(int count)
        {
            var sb = new StringBuilder("using Keras; using Keras.Models; using Keras.Layers; using Keras.Callbacks;\npublic class Many {\n");
            for (var i = 0; i < count; i++)
            {
                sb.Append($@"    public void M{i}() {{
        var model = new Sequential();
        model.Add(new Dense(64, activation: ""relu""));
        model.Add(new Dropout(1.0));
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] {{ ""accuracy"" }});
    }}
");
            }

            return sb.Append("}\n").ToString();
        }

        [Fact]
        public async Task Cancelled_analysis_stops_cleanly_or_completes()
        {
            var compilationSource = ManyModels(150);
            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
            var full = await Direct.Compile(compilationSource).WithAnalyzers(EveryAnalyzer.ToImmutableArray(), options).GetAnalyzerDiagnosticsAsync();
            Assert.Equal(150, full.Count(d => d.Id == "KL0001"));

            var cancelledRuns = 0;
            foreach (var delayMs in new[] { 0, 1, 5, 20, 50, 100 })
            {
                var exceptions = new ConcurrentBag<Exception>();
                var withAnalyzers = Direct.Compile(compilationSource).WithAnalyzers(
                    EveryAnalyzer.ToImmutableArray(),
                    new CompilationWithAnalyzersOptions(options, (ex, _, _) => exceptions.Add(ex), concurrentAnalysis: true, logAnalyzerExecutionTime: false));
                using var cts = new CancellationTokenSource();
                cts.CancelAfter(delayMs);
                try
                {
                    var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cts.Token);
                    Assert.Equal(full.Length, diagnostics.Length);
                    Assert.DoesNotContain(diagnostics, d => d.Id is "AD0001");
                }
                catch (OperationCanceledException)
                {
                    cancelledRuns++;
                }

                Assert.True(exceptions.IsEmpty, string.Join("\n", exceptions.Take(2)));
            }

            // The immediate cancellation at least must have been observed.
            Assert.True(cancelledRuns >= 1, "no run was cancelled");
        }
    }
}
