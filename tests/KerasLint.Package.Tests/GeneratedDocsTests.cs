using Xunit;

namespace KerasLint.Package.Tests;

/// <summary>
/// README's rule table, docs/rules/README.md's and the release-tracking file are generated (<see cref="RuleTables"/>):
/// this fails when one differs from what the descriptors and rule pages give. With KERASLINT_UPDATE_DOCS=1 it
/// rewrites them instead (then fails, so a regeneration is never mistaken for a pass).
/// </summary>
public class GeneratedDocsTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var (path, _) in RuleTables.Generate()) data.Add(Path.GetRelativePath(RepoRoot.Path, path).Replace('\\', '/'));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void FileMatchesTheGeneratedText(string file)
    {
        var (path, generated) = RuleTables.Generate().Single(g => Path.GetRelativePath(RepoRoot.Path, g.Path).Replace('\\', '/') == file);
        var current = File.ReadAllText(path).Replace("\r\n", "\n");
        if (current == generated) return;
        if (Environment.GetEnvironmentVariable("KERASLINT_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, generated);
            Assert.Fail($"{file} was regenerated; review and commit it, then run the test again.");
        }

        Assert.Fail($"{file} differs from the table generated from the descriptors and docs/rules/KLxxxx.md. Regenerate it: " +
            "KERASLINT_UPDATE_DOCS=1 dotnet test tests/KerasLint.Package.Tests -c Release --filter FullyQualifiedName~GeneratedDocsTests");
    }

    [Fact]
    public void EveryRuleHasItsPageRows()
    {
        Assert.All(RuleTables.Rules(), r =>
        {
            Assert.DoesNotContain("(no '", r.Libraries + r.FiresOn + r.CodeFix + r.Severity, StringComparison.Ordinal);
        });
    }
}
