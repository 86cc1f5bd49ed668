using KerasLint.Proofs.Reporting;

namespace KerasLint.Proofs.Tests;

/// <summary>
/// Keeps docs/rules/KLxxxx.md in agreement with <c>keraslint prove</c>. The pages carry the full run's numbers,
/// which depend on run size and on multithreaded float sums, so the comparison is on what must not drift:
/// every scenario of the rule appears in its page's proof section with the same id, the same claim text and the
/// same verdict as a fresh quick run of the command. Regenerate with
/// <c>dotnet run --project src/KerasLint.Cli.Torch -- prove --update-docs docs/rules</c>.
/// </summary>
[Collection("proofs")]
public sealed class DocsAgreementTests
{
    private readonly QuickProofFixture run;

    public DocsAgreementTests(QuickProofFixture run)
    {
        this.run = run;
    }

    private static string RulesDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KerasLint.sln"))) return Path.Combine(dir.FullName, "docs", "rules");
        }

        throw new InvalidOperationException("No KerasLint.sln above " + AppContext.BaseDirectory);
    }

    public static TheoryData<string> ProvenRules()
    {
        var data = new TheoryData<string>();
        foreach (var r in ProofRunner.ProvenRules()) data.Add(r);
        return data;
    }

    [Theory]
    [MemberData(nameof(ProvenRules))]
    public void Rule_page_proof_section_matches_the_command(string rule)
    {
        var page = Path.Combine(RulesDir(), rule + ".md");
        Assert.True(File.Exists(page), $"Missing docs page {page} for a rule with a proof.");

        var text = File.ReadAllText(page).Replace("\r\n", "\n");
        var expected = run.Results.Where(r => r.Rule == rule).Select(r => (r.Rule, r.Id, r.Verdict)).ToList();
        var documented = DocsUpdater.ReadVerdicts(text);
        Assert.True(expected.SequenceEqual(documented),
            $"{rule}.md proof section says [{string.Join(", ", documented)}] but `keraslint prove --quick --rule {rule}` gives [{string.Join(", ", expected)}]; run `dotnet run --project src/KerasLint.Cli.Torch -- prove --update-docs docs/rules`.");
        var section = text.Substring(text.IndexOf(DocsUpdater.Begin, StringComparison.Ordinal));
        foreach (var r in run.Results.Where(r => r.Rule == rule))
        {
            Assert.Contains("**Claim.** " + r.Claim, section, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Update_replaces_only_the_marked_section_and_round_trips_the_verdicts()
    {
        var dir = Directory.CreateTempSubdirectory("keraslint-docs-").FullName;
        try
        {
            var rule = run.Results[0].Rule;
            var path = Path.Combine(dir, rule + ".md");
            File.WriteAllText(path, $"# {rule}: title\n\nintro\n\n## Proof\n\n{DocsUpdater.Begin}\nold\n{DocsUpdater.End}\n\n## After\n\ntext\n");
            var (written, missing) = DocsUpdater.Update(dir, run.Results, "provenance line");
            Assert.Equal(new[] { path }, written);
            Assert.Equal(run.Results.Select(r => r.Rule).Distinct().Count() - 1, missing.Count);
            var text = File.ReadAllText(path);
            Assert.StartsWith($"# {rule}: title\n\nintro\n\n## Proof\n\n{DocsUpdater.Begin}", text);
            Assert.EndsWith($"{DocsUpdater.End}\n\n## After\n\ntext\n", text);
            Assert.DoesNotContain("\nold\n", text);
            Assert.Contains("provenance line", text);
            Assert.Equal(run.Results.Where(r => r.Rule == rule).Select(r => (r.Rule, r.Id, r.Verdict)), DocsUpdater.ReadVerdicts(text));

            // Idempotent: a second update leaves the page as it is.
            DocsUpdater.Update(dir, run.Results, "provenance line");
            Assert.Equal(text, File.ReadAllText(path));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
