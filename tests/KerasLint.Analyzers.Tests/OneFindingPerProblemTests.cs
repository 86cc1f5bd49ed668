using System.Collections.Immutable;
using static KerasLint.Analyzers.Tests.Infrastructure.KerasCode;

namespace KerasLint.Analyzers.Tests
{
    /// <summary>
    /// One diagnostic per problem: over every rule test's source (each Keras family), the TorchSharp cases and the
    /// samples, two different KerasLint ids never fire on the same site for the same cause. A site is the reported
    /// span; the cause is the code the recommended fix edits (the diagnostic's edit locations): two ids whose fixes
    /// would both rewrite the same expression report one problem twice (as KL0004 and KL0005 did on a 1-unit softmax
    /// head: both fixes turned the same "softmax" into "sigmoid").
    /// </summary>
    public class OneFindingPerProblemTests
    {
        private static readonly string[] Families = { "2.2", "2.3", "tf2", "3" };

        /// <summary>
        /// Pairs that meet on one callback but are two mistakes. The metric rules' fixes (KL0001, KL0002, KL0003) rename
        /// the metric's key in the callbacks that monitor it and in History lookups: follow-on edits, so they reach a
        /// callback's key that KL0008 (a key never logged) or KL0012 (a mode that contradicts the key) reports for its
        /// own reason. KL0008's fix writes the mode its renamed key needs, so it reaches the mode KL0012 reports.
        /// Fixing one of a pair leaves the other's problem in place, so both are reported.
        /// </summary>
        private static readonly HashSet<(string, string)> TwoCauses = new()
        {
            ("KL0001", "KL0008"), ("KL0002", "KL0008"), ("KL0003", "KL0008"),
            ("KL0001", "KL0012"), ("KL0002", "KL0012"), ("KL0003", "KL0012"),
            ("KL0008", "KL0012"),
        };

        public static IEnumerable<object[]> KerasSources() => NoCrashSweepTests.TestSources();

        public static IEnumerable<object[]> TorchSources() => NoCrashSweepTests.TorchSharpSources();

        [Theory]
        [MemberData(nameof(KerasSources))]
        public async Task KerasNetTestSource(string name)
        {
            var source = InMethod(ReportedCasesTests.Plain(NoCrashSweepTests.Constant(name)));
            foreach (var family in Families)
            {
                AssertOneFindingPerProblem(name + " @ " + family, await Direct.Analyze(source, family));
            }
        }

        [Theory]
        [MemberData(nameof(TorchSources))]
        public async Task TorchSharpTestSource(string name)
        {
            var c = TorchSharp.TorchCases.All.Single(x => x.Name == name);
            var source = TorchSharp.TorchVerifier.Parse(TorchSharp.TorchVerifier.Usings + c.Source).Source;
            AssertOneFindingPerProblem(name, await Direct.Analyze(source, keras: TorchSharp.TorchVerifier.TorchSharpReference));
        }

        [Fact]
        public async Task Samples()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "KerasLint.sln"))) dir = dir.Parent;
            var root = Path.Combine(dir!.FullName, "samples");
            var files = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
                .ToArray();
            var checkedAny = false;
            foreach (var f in files.Where(f => File.ReadAllText(f).Contains("using Keras")))
            {
                var d = await Direct.Analyze(File.ReadAllText(f));
                checkedAny |= d.Any(x => x.Id.StartsWith("KL", StringComparison.Ordinal));
                AssertOneFindingPerProblem(f, d);
            }

            foreach (var f in files.Where(f => File.ReadAllText(f).Contains("using TorchSharp;")))
            {
                AssertOneFindingPerProblem(f, await Direct.Analyze(File.ReadAllText(f), keras: TorchSharp.TorchVerifier.TorchSharpReference));
            }

            Assert.True(checkedAny, $"the Keras.NET samples ({files.Length} files under {root}) gave no KerasLint diagnostic: the check did not run");
        }

        [Fact]
        public void TheCheckCatchesTwoIdsEditingTheSameHead()
        {
            // Guards the check itself with the case it was written for (KL0004 and KL0005 on one 1-unit softmax head).
            var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class C { string a = \"softmax\"; string l = \"binary_crossentropy\"; }", path: "t.cs");
            var head = Location.Create(tree, new Microsoft.CodeAnalysis.Text.TextSpan(21, 9));
            var loss = Location.Create(tree, new Microsoft.CodeAnalysis.Text.TextSpan(43, 21));
            var kl0004 = Diagnostic.Create(new DiagnosticDescriptor("KL0004", "t", "t", "t", DiagnosticSeverity.Warning, true), head);
            var kl0005 = Diagnostic.Create(new DiagnosticDescriptor("KL0005", "t", "t", "t", DiagnosticSeverity.Warning, true), loss, (IEnumerable<Location>)new[] { head });
            Assert.ThrowsAny<Exception>(() => AssertOneFindingPerProblem("guard", ImmutableArray.Create(kl0004, kl0005)));
        }

        /// <summary>Fails when two different KL ids share a reported span, or when one's edit sites overlap the other's.</summary>
        private static void AssertOneFindingPerProblem(string where, ImmutableArray<Diagnostic> diagnostics)
        {
            var kl = diagnostics.Where(d => d.Id.StartsWith("KL", StringComparison.Ordinal) && d.Location.IsInSource).ToArray();
            for (var i = 0; i < kl.Length; i++)
            {
                for (var j = i + 1; j < kl.Length; j++)
                {
                    var a = kl[i];
                    var b = kl[j];
                    if (a.Id == b.Id || a.Location.SourceTree != b.Location.SourceTree || TwoCauses.Contains((a.Id, b.Id)) || TwoCauses.Contains((b.Id, a.Id))) continue;
                    Assert.False(a.Location.SourceSpan == b.Location.SourceSpan,
                        $"{where}: {a.Id} and {b.Id} both fire at {a.Location.GetLineSpan()}: '{a.GetMessage()}' / '{b.GetMessage()}'");
                    var shared = Sites(a).Where(x => Sites(b).Any(y => x.OverlapsWith(y) || x == y)).ToArray();
                    Assert.True(shared.Length == 0,
                        $"{where}: {a.Id} and {b.Id} report one cause twice (both place it at {string.Join(", ", shared)}): '{a.GetMessage()}' / '{b.GetMessage()}'");
                }
            }
        }

        /// <summary>Where the diagnostic places its problem: its span and the spans its recommended fix edits.</summary>
        private static IEnumerable<Microsoft.CodeAnalysis.Text.TextSpan> Sites(Diagnostic d) =>
            new[] { d.Location }.Concat(d.AdditionalLocations).Where(l => l.IsInSource && l.SourceTree == d.Location.SourceTree).Select(l => l.SourceSpan);
    }
}
