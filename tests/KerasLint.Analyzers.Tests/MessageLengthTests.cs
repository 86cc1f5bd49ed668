using System.Collections.Immutable;
using KerasLint.Libraries.TfNet;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Analyzers.Tests
{
    /// <summary>
    /// Messages are short (issue 20.6): what the library computes here and what to do, in at most
    /// <see cref="MaxLength"/> characters, naming the library (Keras.NET, TensorFlow.NET, TorchSharp). How the family
    /// was chosen, the numbers and the reasoning are in each descriptor's description and the rule page. Measured
    /// over the mutation sweep's corpus (every test and sample source, as written and a sample of its mutants), under
    /// every Keras family, a concrete version, TensorFlow.NET versions of each string-compile generation and an
    /// unreadable setting (KL0014).
    /// </summary>
    public class MessageLengthTests
    {
        public const int MaxLength = 160;

        private static readonly string?[] KerasConfigurations = { null, "2.2", "2.3", "tf2", "3", "tf.keras 2.6.0", "banana" };
        private static readonly string?[] TfNetConfigurations = { null, "0.5.0", "0.10.0", "banana" };

        // About how many mutants per library join the unmutated sources (every k-th, as the mutation sweep samples them).
        private const int MutantBudget = 60;

        private readonly Xunit.Abstractions.ITestOutputHelper output;

        public MessageLengthTests(Xunit.Abstractions.ITestOutputHelper output) => this.output = output;

        [Fact]
        public async Task EveryMessageIsShortAndNamesItsLibrary()
        {
            var keras = WithMutants(MutationSweepTests.KerasSources().Select(s => (s.Name, s.Source, (IReadOnlyList<MetadataReference>)new[] { s.Library })));
            var torch = WithMutants(MutationSweepTests.TorchSources().Select(s => (s.Name, s.Source, (IReadOnlyList<MetadataReference>)new[] { s.Library })));
            var tfNet = WithMutants(MutationSweepTests.TfNetSources());

            var seen = new List<(string Library, string Label, Diagnostic Diagnostic)>();
            foreach (var (name, source, libraries) in keras)
            {
                foreach (var family in KerasConfigurations) seen.AddRange((await Analyze(source, libraries, new ConfigProvider(family))).Select(d => ("Keras.NET", $"{name} [{family}]", d)));
            }

            foreach (var (name, source, libraries) in tfNet)
            {
                foreach (var version in TfNetConfigurations) seen.AddRange((await Analyze(source, libraries, new ConfigProvider(version, TfNetAdapter.VersionOption))).Select(d => ("TensorFlow.NET", $"{name} [{version}]", d)));
            }

            foreach (var (name, source, libraries) in torch)
            {
                seen.AddRange((await Analyze(source, libraries, new ConfigProvider(null))).Select(d => ("TorchSharp", name, d)));
            }

            var messages = seen.Select(s => (s.Library, s.Label, s.Diagnostic.Id, Message: s.Diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture))).ToList();
            var lengths = messages.Select(m => m.Message.Length).OrderBy(n => n).ToList();
            Assert.True(lengths.Count > 0, "the corpus raised no diagnostic");
            output.WriteLine($"{messages.Count} diagnostics, {messages.Select(m => m.Message).Distinct().Count()} distinct messages, ids {string.Join(" ", messages.Select(m => m.Id).Distinct().OrderBy(x => x, StringComparer.Ordinal))}");
            output.WriteLine($"message length: max {lengths[^1]}, median {lengths[lengths.Count / 2]}");
            foreach (var group in messages.GroupBy(m => m.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var longest = group.OrderByDescending(m => m.Message.Length).First();
                output.WriteLine($"{group.Key}: {group.Count()} diagnostics, longest {longest.Message.Length}: {longest.Message}");
            }

            // Every id the corpus should reach (KL0013, KL0014 included): a rule whose messages the corpus never sees is unmeasured.
            var reached = new HashSet<string>(messages.Select(m => m.Id));
            var unreached = Engines.AllIds.Where(id => !reached.Contains(id)).ToList();
            Assert.True(unreached.Count == 0, "the corpus raises no " + string.Join(", ", unreached));

            var tooLong = messages.Where(m => m.Message.Length > MaxLength).GroupBy(m => (m.Id, m.Message)).OrderByDescending(g => g.Key.Message.Length).ToList();
            var unnamed = messages.Where(m => !m.Message.Contains(m.Library, StringComparison.Ordinal)).GroupBy(m => (m.Id, m.Message)).ToList();
            Assert.True(tooLong.Count == 0 && unnamed.Count == 0,
                $"{tooLong.Count} message(s) over {MaxLength} characters:\n" +
                string.Join("\n", tooLong.Take(20).Select(g => $"{g.Key.Id} ({g.Key.Message.Length}, {g.First().Label}): {g.Key.Message}")) +
                $"\n{unnamed.Count} message(s) that do not name their library:\n" +
                string.Join("\n", unnamed.Take(20).Select(g => $"{g.Key.Id} ({g.First().Library}, {g.First().Label}): {g.Key.Message}")));
        }

        /// <summary>Every descriptor carries the detail its message leaves out: a description and a rule page.</summary>
        [Fact]
        public void EveryDescriptorHasADescriptionAndHelpLink()
        {
            var descriptors = Engines.All.SelectMany(a => a.SupportedDiagnostics).Distinct().ToList();
            Assert.Equal(Engines.AllIds, descriptors.Select(d => d.Id).Distinct().OrderBy(id => id));
            foreach (var d in descriptors)
            {
                var description = d.Description.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(description.Length >= 80, $"{d.Id}: description too short ({description.Length}): '{description}'");
                Assert.EndsWith($"docs/rules/{d.Id}.md", d.HelpLinkUri, StringComparison.Ordinal);
                Assert.False(string.IsNullOrWhiteSpace(d.Title.ToString(System.Globalization.CultureInfo.InvariantCulture)), d.Id + ": no title");
            }
        }

        private static List<(string Name, string Source, IReadOnlyList<MetadataReference> Libraries)> WithMutants(IEnumerable<(string Name, string Source, IReadOnlyList<MetadataReference> Libraries)> sources)
        {
            var list = sources.ToList();
            var mutants = list.SelectMany(s => MutationSweepTests.Mutants(s.Source).Select(m => (Name: $"{s.Name} ({m.Kind})", Source: m.Text, s.Libraries))).ToList();
            var k = Math.Max(1, mutants.Count / MutantBudget);
            for (var i = 0; i < mutants.Count; i += k) list.Add(mutants[i]);
            return list;
        }

        private static async Task<ImmutableArray<Diagnostic>> Analyze(string source, IReadOnlyList<MetadataReference> libraries, ConfigProvider config)
        {
            var compilation = CSharpCompilation.Create("T", new[] { CSharpSyntaxTree.ParseText(source, path: "/0/Test0.cs") },
                Direct.PlatformReferences.AddRange(libraries), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, config), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
            var all = await compilation.WithAnalyzers(KerasCode.EveryAnalyzer, options).GetAnalyzerDiagnosticsAsync();
            return all.Where(d => d.Id.StartsWith("KL", StringComparison.Ordinal)).ToImmutableArray();
        }
    }
}
