using System.Collections.Concurrent;
using System.Reflection;
using static KerasLint.Analyzers.Tests.Infrastructure.KerasCode;

namespace KerasLint.Analyzers.Tests
{
    /// <summary>
    /// Half-typed code: every analyzer in the assembly runs over every Keras.NET and TorchSharp test source and every
    /// sample source, truncated at many points; no analyzer may throw (AD0001) whatever the family.
    /// </summary>
    public class NoCrashSweepTests
    {
        private const int Step = 40;
        private static readonly string[] Families = { "2.2", "2.3", "tf2", "3" };

        /// <summary>The Keras.NET snippets the rule tests use (their const strings), wrapped in a method.</summary>
        public static IEnumerable<object[]> TestSources() => typeof(NoCrashSweepTests).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(NoCrashSweepTests).Namespace)
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (Name: f.DeclaringType!.Name + "." + f.Name, Text: (string)f.GetRawConstantValue()!))
            .Where(x => x.Text.Contains("Compile(") || x.Text.Contains("Dropout("))
            .OrderBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => new object[] { x.Name });

        /// <summary>The value of a test-source constant named "Class.Field".</summary>
        public static string Constant(string name)
        {
            var parts = name.Split('.');
            var field = typeof(NoCrashSweepTests).Assembly.GetTypes().Single(t => t.Name == parts[0] && t.Namespace == typeof(NoCrashSweepTests).Namespace)
                .GetField(parts[1], BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)!;
            return (string)field.GetRawConstantValue()!;
        }

        [Fact]
        public void TheSweepHasSources() => Assert.True(TestSources().Count() >= 20, "the sweep found too few test sources");

        [Theory]
        [MemberData(nameof(TestSources))]
        public async Task TruncatedTestSource(string name)
        {
            var parts = name.Split('.');
            var field = typeof(NoCrashSweepTests).Assembly.GetTypes().Single(t => t.Name == parts[0] && t.Namespace == typeof(NoCrashSweepTests).Namespace)
                .GetField(parts[1], BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)!;
            await Sweep(InMethod(ReportedCasesTests.Plain((string)field.GetRawConstantValue()!)));
        }

        /// <summary>The TorchSharp rule tests' sources (TorchSharp/TorchCases), compiled against the real TorchSharp assembly.</summary>
        public static IEnumerable<object[]> TorchSharpSources() => TorchSharp.TorchCases.All.Select(c => new object[] { c.Name });

        [Theory]
        [MemberData(nameof(TorchSharpSources))]
        public async Task TruncatedTorchSharpSource(string name)
        {
            var c = TorchSharp.TorchCases.All.Single(x => x.Name == name);
            await Sweep(TorchSharp.TorchVerifier.Parse(TorchSharp.TorchVerifier.Usings + c.Source).Source, TorchSharp.TorchVerifier.TorchSharpReference);
        }

        [Fact]
        public async Task TruncatedSamples()
        {
            var root = RepoRoot();
            var files = Directory.Exists(Path.Combine(root, "samples"))
                ? Directory.GetFiles(Path.Combine(root, "samples"), "*.cs", SearchOption.AllDirectories)
                    .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
                    .Where(f => File.ReadAllText(f).Contains("Keras"))
                    .ToList()
                : new List<string>();
            foreach (var f in files) await Sweep(File.ReadAllText(f));
            var torchFiles = Directory.GetFiles(Path.Combine(root, "samples"), "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
                .Where(f => File.ReadAllText(f).Contains("using TorchSharp;"))
                .ToList();
            Assert.NotEmpty(torchFiles);
            foreach (var f in torchFiles) await Sweep(File.ReadAllText(f), TorchSharp.TorchVerifier.TorchSharpReference);
        }

        [Fact]
        public async Task CompleteSourcesProduceDiagnostics()
        {
            // Guards the sweep itself: the analyzers do run on these sources (a broken set-up would find nothing).
            var d = await Direct.Analyze(InMethod(ReportedCasesTests.Plain(KL0001Tests_Source)));
            Assert.Contains(d, x => x.Id == "KL0001");
        }

        [Fact]
        public async Task HarnessSeesAnalyzerExceptions()
        {
            var seen = new ConcurrentBag<Exception>();
            await Direct.Analyze(InMethod(ReportedCasesTests.Plain(KL0001Tests_Source)), null, seen.Add, new Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer[] { new ThrowingAnalyzer() });
            Assert.NotEmpty(seen);
        }

        [Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class ThrowingAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor("TEST01", "t", "t", "t", DiagnosticSeverity.Warning, true);

            public override System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => System.Collections.Immutable.ImmutableArray.Create(Rule);

            public override void Initialize(Microsoft.CodeAnalysis.Diagnostics.AnalysisContext context)
            {
                context.ConfigureGeneratedCodeAnalysis(Microsoft.CodeAnalysis.Diagnostics.GeneratedCodeAnalysisFlags.None);
                context.RegisterOperationAction(_ => throw new InvalidOperationException("boom"), OperationKind.Invocation);
            }
        }

        private const string KL0001Tests_Source = @"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] { ""accuracy"" });
";

        private static async Task Sweep(string source, MetadataReference? library = null)
        {
            var exceptions = new ConcurrentBag<string>();
            var cuts = Enumerable.Range(0, source.Length / Step + 1).Select(i => Math.Min(source.Length, i * Step)).Distinct().ToList();
            for (var i = 0; i < cuts.Count; i++)
            {
                var text = source.Substring(0, cuts[i]);
                var diagnostics = await Direct.Analyze(text, Families[i % Families.Length], ex => exceptions.Add($"cut {cuts[i]}: {ex}"), keras: library);
                foreach (var d in diagnostics.Where(d => d.Id is "AD0001" or "AD0002")) exceptions.Add($"cut {cuts[i]}: {d}");
            }

            Assert.True(exceptions.IsEmpty, string.Join("\n\n", exceptions.Take(3)));
        }

        private static string RepoRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "KerasLint.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("KerasLint.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
