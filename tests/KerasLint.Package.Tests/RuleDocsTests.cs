using System.Reflection;
using System.Text.RegularExpressions;
using KerasLint.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace KerasLint.Package.Tests;

/// <summary>
/// Every rule id is a public contract: it needs a descriptor, a docs page whose title matches the descriptor, and a
/// help link that points at that page. The pages carry the markers the <c>prove</c> helper fills.
/// </summary>
public class RuleDocsTests
{
    private const string ProofBegin = "<!-- proof:begin -->";
    private const string ProofEnd = "<!-- proof:end -->";

    private static readonly Assembly AnalyzerAssembly = typeof(RuleIds).Assembly;

    /// <summary>Every id an analyzer reports (a rule may declare its id in its own file; <see cref="AnalyzerDescriptors"/>).</summary>
    public static IReadOnlyList<string> DeclaredIds => AnalyzerDescriptors.Ids;

    /// <summary>Every descriptor an analyzer reports.</summary>
    private static IReadOnlyList<DiagnosticDescriptor> Descriptors => AnalyzerDescriptors.All;

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var id in DeclaredIds) data.Add(id);
        return data;
    }

    private static string RulesDir => Path.Combine(RepoRoot.Path, "docs", "rules");

    private static string PagePath(string id) => Path.Combine(RulesDir, id + ".md");

    private static DiagnosticDescriptor DescriptorOf(string id)
    {
        // A rule may have several descriptors that differ only in default severity (KL0003: info, and warning for a
        // custom loss on a multi-unit head); the page documents the lowest one as the default.
        var matches = Descriptors.Where(d => d.Id == id).OrderBy(d => d.DefaultSeverity).ToArray();
        Assert.True(matches.Length >= 1, $"Expected a descriptor for {id}, found none.");
        foreach (var other in matches.Skip(1))
        {
            Assert.Equal(matches[0].Title.ToString(), other.Title.ToString());
            Assert.Equal(matches[0].MessageFormat.ToString(), other.MessageFormat.ToString());
            Assert.Equal(matches[0].Category, other.Category);
            Assert.Equal(matches[0].HelpLinkUri, other.HelpLinkUri);
        }

        return matches[0];
    }

    [Fact]
    public void RuleIdsAreWellFormedAndDistinct()
    {
        Assert.NotEmpty(DeclaredIds);
        Assert.All(DeclaredIds, id => Assert.Matches("^KL[0-9]{4}$", id));
        Assert.Equal(DeclaredIds.Count, DeclaredIds.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void EveryDescriptorHasADeclaredIdAndEveryIdADescriptor()
    {
        // Every id of RuleIds and every descriptor of Descriptors is reported by an engine: nothing declared is left
        // out of SupportedDiagnostics, so the pages and tables generated from it see every rule.
        Assert.Empty(AnalyzerDescriptors.RuleIdConstants.Except(DeclaredIds, StringComparer.Ordinal));
        Assert.Empty(AnalyzerDescriptors.DescriptorsClassFields.Except(Descriptors));
        Assert.True(AnalyzerDescriptors.RuleIdConstants.Count > 0 && AnalyzerDescriptors.DescriptorsClassFields.Count >= AnalyzerDescriptors.RuleIdConstants.Count);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void HelpLinkPointsAtTheRulePage(string id)
    {
        var descriptor = DescriptorOf(id);
        Assert.EndsWith($"docs/rules/{id}.md", descriptor.HelpLinkUri, StringComparison.Ordinal);
        Assert.True(Uri.TryCreate(descriptor.HelpLinkUri, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps,
            $"{id}: help link '{descriptor.HelpLinkUri}' is not an absolute https URL.");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void PageExistsWithTheDescriptorTitle(string id)
    {
        var path = PagePath(id);
        Assert.True(File.Exists(path), $"Missing docs page {path}.");
        var firstLine = File.ReadLines(path).First();
        var title = DescriptorOf(id).Title.ToString();
        Assert.Equal($"# {id}: {title}", firstLine);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void PageStatesTheDescriptorsDefaultSeverity(string id)
    {
        var text = ReadPage(id);
        var match = Regex.Match(text, @"^\|\s*\**(?:Default )?severity\**\s*\|\s*\**(\w+)", RegexOptions.Multiline | RegexOptions.IgnoreCase);
        Assert.True(match.Success, $"{id}.md has no '| Default severity | ... |' (or '| Severity | ... |') row in its metadata table.");
        Assert.Equal(DescriptorOf(id).DefaultSeverity.ToString(), match.Groups[1].Value);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void PageHasOneProofSectionWithItsMarkers(string id)
    {
        var text = ReadPage(id);
        var heading = Regex.Matches(text, @"^## Proof\s*$", RegexOptions.Multiline);
        Assert.Single(heading);
        Assert.Equal(1, Count(text, ProofBegin));
        Assert.Equal(1, Count(text, ProofEnd));
        var begin = text.IndexOf(ProofBegin, StringComparison.Ordinal);
        var end = text.IndexOf(ProofEnd, StringComparison.Ordinal);
        Assert.True(heading[0].Index < begin && begin < end, $"{id}.md: the proof markers must follow '## Proof', begin before end.");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void PageCitesKerasLintConfigurationAndSuppression(string id)
    {
        var text = ReadPage(id);
        Assert.Contains($"dotnet_diagnostic.{id}.severity", text, StringComparison.Ordinal);
        Assert.Contains($"#pragma warning disable {id}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void IndexListsEveryRuleWithItsTitle()
    {
        var index = File.ReadAllText(Path.Combine(RulesDir, "README.md"));
        foreach (var id in DeclaredIds)
        {
            Assert.Contains($"[{id}]({id}.md)", index, StringComparison.Ordinal);
            Assert.Contains(DescriptorOf(id).Title.ToString(), index, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RelativeLinksBetweenRulePagesResolve()
    {
        var broken = new List<string>();
        foreach (var file in Directory.EnumerateFiles(RulesDir, "*.md"))
        {
            var dir = Path.GetDirectoryName(file)!;
            foreach (Match m in Regex.Matches(File.ReadAllText(file), @"\]\(([^)#\s]+\.md)(#[^)]*)?\)"))
            {
                var target = m.Groups[1].Value;
                if (target.Contains("://", StringComparison.Ordinal)) continue;
                if (!File.Exists(Path.GetFullPath(Path.Combine(dir, target))))
                {
                    broken.Add($"{Path.GetRelativePath(RepoRoot.Path, file)} -> {target}");
                }
            }
        }

        Assert.True(broken.Count == 0, "Broken links: " + string.Join("; ", broken));
    }

    [Fact]
    public void EveryAnalyzerReportsOnlyDocumentedDescriptors()
    {
        var analyzerTypes = AnalyzerAssembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) != null);
        foreach (var type in analyzerTypes)
        {
            var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
            foreach (var d in analyzer.SupportedDiagnostics)
            {
                Assert.Contains(d.Id, DeclaredIds);
                Assert.Equal(DescriptorOf(d.Id).HelpLinkUri, d.HelpLinkUri);
                Assert.True(File.Exists(PagePath(d.Id)), $"{type.Name} reports {d.Id}, which has no docs page.");
            }
        }
    }

    private static string ReadPage(string id)
    {
        var path = PagePath(id);
        Assert.True(File.Exists(path), $"Missing docs page {path}.");
        return File.ReadAllText(path);
    }

    private static int Count(string text, string what)
    {
        var n = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}
