using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using static KerasLint.Analyzers.Tests.TfNet.TfNetCode;

namespace KerasLint.Analyzers.Tests.TfNet
{
    /// <summary>
    /// Half-typed TensorFlow.NET code: every analyzer runs over every TF.NET test source and samples/TfNetSample, truncated
    /// at many points, against both generations and several versions; no analyzer may throw (AD0001).
    /// </summary>
    public class TfNetNoCrashSweepTests
    {
        private const int Step = 40;
        private static readonly string?[] Versions = { null, "0.10.4", "0.5.0", "0.10.3" };

        /// <summary>The TF.NET snippets the rule tests use (their const strings).</summary>
        public static IEnumerable<object[]> TestSources() => Sources().Select(x => new object[] { x.Name });

        /// <summary>The TF.NET snippets by name (also mutated by <see cref="MutationSweepTests"/>).</summary>
        internal static IEnumerable<(string Name, string Text)> Snippets() => Sources();

        private static IEnumerable<(string Name, string Text)> Sources() => typeof(TfNetNoCrashSweepTests).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(TfNetNoCrashSweepTests).Namespace)
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (Name: f.DeclaringType!.Name + "." + f.Name, Text: (string)f.GetRawConstantValue()!))
            .Where(x => x.Text.Contains("compile(") || x.Text.Contains("Dropout("))
            .OrderBy(x => x.Name, StringComparer.Ordinal);

        [Fact]
        public void TheSweepHasSources() => Assert.True(Sources().Count() >= 30, "the sweep found too few TF.NET test sources");

        [Theory]
        [MemberData(nameof(TestSources))]
        public async Task TruncatedTestSource(string name)
        {
            var text = Sources().Single(x => x.Name == name).Text;
            var source = text.Contains("namespace N") ? ReportedCasesTests.Plain(text) : InMethod(ReportedCasesTests.Plain(text));
            await Sweep(source, name.StartsWith("TfNetGenerationTests.", StringComparison.Ordinal) ? Generation2022 : References);
        }

        [Fact]
        public async Task TruncatedSample()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "KerasLint.sln"))) dir = dir.Parent;
            var files = Directory.GetFiles(Path.Combine(dir!.FullName, "samples", "TfNetSample"), "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
                .ToList();
            Assert.NotEmpty(files);

            // The programs rely on the sample's global usings: each is swept with them in front.
            var globalUsings = File.ReadAllText(files.Single(f => Path.GetFileName(f) == "GlobalUsings.cs"));
            foreach (var f in files.Where(f => Path.GetFileName(f) != "GlobalUsings.cs")) await Sweep(globalUsings + File.ReadAllText(f), References);
        }

        private static async Task Sweep(string source, ImmutableArray<MetadataReference> references)
        {
            var exceptions = new ConcurrentBag<string>();
            var cuts = Enumerable.Range(0, source.Length / Step + 1).Select(i => Math.Min(source.Length, i * Step)).Distinct().ToList();
            for (var i = 0; i < cuts.Count; i++)
            {
                var cut = cuts[i];
                var compilation = CSharpCompilation.Create("T", new[] { CSharpSyntaxTree.ParseText(source.Substring(0, cut), path: "/0/Test0.cs") },
                    Direct.PlatformReferences.AddRange(references), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
                var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new ConfigProvider(Versions[i % Versions.Length], KerasLint.Libraries.TfNet.TfNetAdapter.VersionOption));
                var diagnostics = await compilation.WithAnalyzers(KerasCode.EveryAnalyzer,
                    new CompilationWithAnalyzersOptions(options, (ex, _, _) => exceptions.Add($"cut {cut}: {ex}"), concurrentAnalysis: false, logAnalyzerExecutionTime: false))
                    .GetAnalyzerDiagnosticsAsync();
                foreach (var d in diagnostics.Where(d => d.Id is "AD0001" or "AD0002")) exceptions.Add($"cut {cut}: {d}");
            }

            Assert.True(exceptions.IsEmpty, string.Join("\n\n", exceptions.Take(3)));
        }
    }
}
