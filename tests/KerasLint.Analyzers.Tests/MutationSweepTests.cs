using System.Reflection;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static KerasLint.Analyzers.Tests.Infrastructure.KerasCode;

namespace KerasLint.Analyzers.Tests
{
    /// <summary>
    /// Every test and sample source, as written and mutated the way real code drifts (a token deleted, an argument
    /// removed or swapped with its neighbour, a string or number literal swapped for another Keras-relevant one, a
    /// line duplicated, a statement wrapped in a block, an if or a loop): no analyzer throws, no diagnostic is
    /// reported twice (same id, span, message), and every code action offered removes its diagnostic without adding
    /// compiler errors. The mutants are generated deterministically and sampled (every k-th) to keep the sweep short.
    /// </summary>
    public class MutationSweepTests
    {
        private readonly Xunit.Abstractions.ITestOutputHelper output;

        public MutationSweepTests(Xunit.Abstractions.ITestOutputHelper output) => this.output = output;

        /// <summary>KERASLINT_SWEEP_SCALE (e.g. 4) checks that many times more mutants, by hand.</summary>
        private static readonly int Scale = int.TryParse(Environment.GetEnvironmentVariable("KERASLINT_SWEEP_SCALE"), out var s) && s > 0 ? s : 1;

        /// <summary>KERASLINT_SWEEP_LOG: a file each checked mutant's failures are appended to as they are found (a long sweep by hand).</summary>
        private static readonly string? Log = Environment.GetEnvironmentVariable("KERASLINT_SWEEP_LOG") is { Length: > 0 } log ? log : null;

        private static readonly string[] Families = { "2.2", "2.3", "tf2", "3" };

        // About how many mutants each sweep checks (all fixes applied on each): about 100 s for both on 2 cores.
        private const int KerasBudget = 100;
        private const int TorchBudget = 50;
        private const int TfNetBudget = 80;

        private static readonly string[] StringPool =
        {
            "accuracy", "acc", "mae", "mse", "val_acc", "val_accuracy", "val_loss", "max", "min", "auto", "softmax", "sigmoid", "relu",
            "binary_crossentropy", "categorical_crossentropy", "sparse_categorical_crossentropy", "crossentropy", "logcosh", "my_loss", "",
        };

        private static readonly string[] NumberPool = { "1", "10", "0", "2", "1.0", "0.5", "-1" };

        /// <summary>The TensorFlow.NET test snippets and samples/TfNetSample's programs, against TF.NET's Binding and Keras (the version detected).</summary>
        public static IEnumerable<(string Name, string Source, IReadOnlyList<MetadataReference> Library)> TfNetSources()
        {
            var sources = TfNet.TfNetNoCrashSweepTests.Snippets()
                .Where(x => !x.Name.StartsWith("TfNetGenerationTests.", StringComparison.Ordinal))
                .Select(x => (x.Name, x.Text.Contains("namespace N") ? ReportedCasesTests.Plain(x.Text) : TfNet.TfNetCode.InMethod(ReportedCasesTests.Plain(x.Text))))
                .ToList();
            var files = SampleFiles("", "TfNetSample").ToList();
            var globalUsings = File.ReadAllText(files.Single(f => Path.GetFileName(f) == "GlobalUsings.cs"));
            sources.AddRange(files.Where(f => Path.GetFileName(f) != "GlobalUsings.cs").Select(f => ("samples/" + Path.GetFileName(f), globalUsings + File.ReadAllText(f))));
            return sources.Select(x => (x.Item1, x.Item2, (IReadOnlyList<MetadataReference>)TfNet.TfNetCode.References));
        }

        public static IEnumerable<(string Name, string Source, MetadataReference Library)> KerasSources() =>
            NoCrashSweepTests.TestSources().Select(o => (string)o[0]).Select(name => (name, InMethod(ReportedCasesTests.Plain(NoCrashSweepTests.Constant(name))), KerasReference))
                .Concat(SampleFiles("using Keras.").Select(f => ("samples/" + Path.GetFileName(f), File.ReadAllText(f), KerasReference)));

        public static IEnumerable<(string Name, string Source, MetadataReference Library)> TorchSources() =>
            TorchSharp.TorchCases.All.Select(c => (c.Name, TorchSharp.TorchVerifier.Parse(TorchSharp.TorchVerifier.Usings + c.Source).Source, TorchSharp.TorchVerifier.TorchSharpReference))
                .Concat(SampleFiles("using TorchSharp;").Select(f => ("samples/" + Path.GetFileName(f), File.ReadAllText(f), TorchSharp.TorchVerifier.TorchSharpReference)));

        /// <summary>Item: every fix offered on every unmutated Keras.NET test and sample source, in every family.</summary>
        [Fact]
        public async Task EveryOfferedKerasFixRemovesItsDiagnostic()
        {
            var result = new FixCheck.Result();
            var n = 0;
            foreach (var (name, source, library) in KerasSources())
            {
                // One family per source, in turn (the rule tests cover each family's positives already).
                var family = n % 5 == 4 ? null : Families[n % 5];
                n++;
                await FixCheck.Check(source, family, library, result, label: $"{name} [{family ?? "detected"}]");
                await FixCheck.Check(source, family, library, result, label: $"{name} [{family ?? "detected"}, in memory]", inMemory: true);
            }

            output.WriteLine($"Keras.NET sources: {result.Diagnostics} diagnostics, {result.FixesApplied} fixes applied, {result.Failures.Count} failure(s)");
            Assert.True(result.Failures.Count == 0, string.Join("\n", result.Failures.Distinct().Take(20)));
            Assert.True(result.FixesApplied >= 40, $"only {result.FixesApplied} fixes applied");
        }

        /// <summary>Item: every fix offered on every unmutated TensorFlow.NET test and sample source, with and without a file path.</summary>
        [Fact]
        public async Task EveryOfferedTfNetFixRemovesItsDiagnostic()
        {
            var result = new FixCheck.Result();
            foreach (var (name, source, libraries) in TfNetSources())
            {
                await FixCheck.Check(source, null, libraries, result, label: name);
                await FixCheck.Check(source, null, libraries, result, label: name + " [in memory]", inMemory: true);
            }

            output.WriteLine($"TensorFlow.NET sources: {result.Diagnostics} diagnostics, {result.FixesApplied} fixes applied, {result.Failures.Count} failure(s)");
            Assert.True(result.Failures.Count == 0, string.Join("\n", result.Failures.Distinct().Take(20)));
            Assert.True(result.FixesApplied >= 20, $"only {result.FixesApplied} fixes applied");
        }

        [Fact]
        public Task KerasMutants() => Sweep(KerasSources().Select(s => (s.Name, s.Source, (IReadOnlyList<MetadataReference>)new[] { s.Library })).ToList(), KerasBudget, minimumDiagnostics: 60);

        [Fact]
        public Task TorchSharpMutants() => Sweep(TorchSources().Select(s => (s.Name, s.Source, (IReadOnlyList<MetadataReference>)new[] { s.Library })).ToList(), TorchBudget, minimumDiagnostics: 30);

        [Fact]
        public Task TfNetMutants() => Sweep(TfNetSources().ToList(), TfNetBudget, minimumDiagnostics: 30, families: false);

        private async Task Sweep(List<(string Name, string Source, IReadOnlyList<MetadataReference> Library)> sources, int budget, int minimumDiagnostics, bool families = true)
        {
            var mutants = sources.SelectMany(s => Mutants(s.Source).Select(m => (s.Name, m.Kind, m.Text, s.Library))).ToList();
            var k = Math.Max(1, mutants.Count / (budget * Scale));
            var result = new FixCheck.Result();
            var checkedCount = 0;
            for (var i = 0; i < mutants.Count; i += k)
            {
                var (name, kind, text, library) = mutants[i];
                var family = families ? Families[checkedCount % Families.Length] : null;
                checkedCount++;
                var inMemory = checkedCount % 2 == 0;
                var before = result.Failures.Count;
                await FixCheck.Check(text, family, library, result, label: $"{name} #{i} {kind} [{family}{(inMemory ? ", in memory" : "")}]", inMemory: inMemory);
                if (Log != null) File.AppendAllLines(Log, result.Failures.Skip(before).Prepend($"-- {checkedCount} checked, {result.Failures.Count} failure(s)"));
            }

            output.WriteLine($"{checkedCount} of {mutants.Count} mutants checked: {result.Diagnostics} diagnostics, {result.FixesApplied} fixes applied, {result.Failures.Count} failure(s)");
            Assert.True(result.Failures.Count == 0, $"{result.Failures.Count} failure(s) over {checkedCount} of {mutants.Count} mutants:\n" + string.Join("\n", result.Failures.Distinct().Take(20)));
            Assert.True(result.Diagnostics >= minimumDiagnostics, $"the mutants raised only {result.Diagnostics} diagnostics");
        }

        [Fact]
        public void MutantsAreDeterministicAndVaried()
        {
            var source = KerasSources().First().Source;
            var a = Mutants(source).ToList();
            Assert.Equal(a.Select(m => m.Text), Mutants(source).Select(m => m.Text));
            Assert.Equal(new[] { "delete-token", "duplicate-line", "remove-argument", "swap-arguments", "swap-literal", "wrap-statement" },
                a.Select(m => m.Kind).Distinct().OrderBy(x => x, StringComparer.Ordinal));
        }

        /// <summary>Every mutant of a source, in a fixed order.</summary>
        public static IEnumerable<(string Kind, string Text)> Mutants(string source)
        {
            var root = CSharpSyntaxTree.ParseText(source).GetRoot();
            var body = root.DescendantNodes().OfType<MethodDeclarationSyntax>().Select(m => (SyntaxNode?)m.Body ?? m.ExpressionBody).Where(b => b != null).ToList();
            bool InBody(SyntaxNode n) => body.Any(b => b!.Span.Contains(n.Span));

            foreach (var token in root.DescendantTokens().Where(t => t.Parent != null && InBody(t.Parent)))
            {
                yield return ("delete-token", source.Remove(token.SpanStart, token.Span.Length));
            }

            foreach (var list in root.DescendantNodes().OfType<ArgumentListSyntax>().Where(InBody))
            {
                var args = list.Arguments;
                for (var i = 0; i < args.Count; i++)
                {
                    yield return ("remove-argument", root.ReplaceNode(list, list.WithArguments(args.RemoveAt(i))).ToFullString());
                    if (i + 1 < args.Count)
                    {
                        var (a, b) = (args[i].Span, args[i + 1].Span);
                        yield return ("swap-arguments", source.Substring(0, a.Start) + source.Substring(b.Start, b.Length) + source.Substring(a.End, b.Start - a.End) + source.Substring(a.Start, a.Length) + source.Substring(b.End));
                    }
                }
            }

            var literals = root.DescendantNodes().OfType<LiteralExpressionSyntax>().Where(InBody).ToList();
            for (var i = 0; i < literals.Count; i++)
            {
                var l = literals[i];
                string? replacement = l.Kind() switch
                {
                    SyntaxKind.StringLiteralExpression => SymbolDisplay.FormatLiteral(StringPool[(i * 7 + l.SpanStart) % StringPool.Length], true),
                    SyntaxKind.NumericLiteralExpression => NumberPool[(i * 3 + l.SpanStart) % NumberPool.Length],
                    _ => null,
                };
                if (replacement != null && replacement != l.Token.Text) yield return ("swap-literal", source.Remove(l.SpanStart, l.Span.Length).Insert(l.SpanStart, replacement));
            }

            var lines = source.Split('\n');
            var statements = root.DescendantNodes().OfType<StatementSyntax>().Where(s => s.Parent is BlockSyntax && InBody(s)).ToList();
            var statementLines = new HashSet<int>(statements.Select(s => s.GetLocation().GetLineSpan().StartLinePosition.Line));
            foreach (var line in statementLines.OrderBy(x => x))
            {
                yield return ("duplicate-line", string.Join("\n", lines.Take(line + 1).Concat(lines.Skip(line))));
            }

            var wrappers = new[] { ("{ ", " }"), ("if (x != null) { ", " }"), ("for (int i__ = 0; i__ < 2; i__++) { ", " }"), ("System.Action a__ = () => { ", " }; a__();") };
            for (var i = 0; i < statements.Count; i++)
            {
                var s = statements[i];
                if (s is LocalDeclarationStatementSyntax && i + 1 < statements.Count) continue; // its scope would end with the block
                var (open, close) = wrappers[i % wrappers.Length];
                yield return ("wrap-statement", source.Insert(s.Span.End, close).Insert(s.SpanStart, open));
            }
        }

        private static IEnumerable<string> SampleFiles(string marker, string? folder = null)
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "KerasLint.sln"))) dir = dir.Parent;
            var sep = Path.DirectorySeparatorChar;
            return Directory.GetFiles(folder == null ? Path.Combine(dir!.FullName, "samples") : Path.Combine(dir!.FullName, "samples", folder), "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{sep}obj{sep}") && !f.Contains($"{sep}bin{sep}") && !f.Contains($"{sep}KerasNetApi{sep}") && !f.Contains($"{sep}TfNetApi{sep}"))
                .Where(f => File.ReadAllText(f).Contains(marker))
                .OrderBy(f => f, StringComparer.Ordinal);
        }
    }
}
