using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace KerasLint.Package.Tests;

/// <summary>
/// The rule tables, generated: README.md's (and its "fix everything" dotnet format line) and docs/rules/README.md's (between <c>&lt;!-- rules:begin --&gt;</c> and
/// <c>&lt;!-- rules:end --&gt;</c>) and the release-tracking file AnalyzerReleases.Unshipped.md. Id and title come
/// from the descriptors, category and release severity too; severity as documented, libraries, what a rule fires on
/// and its code fix come from the rows of the same names in each rule page's metadata table (docs/rules/KLxxxx.md).
/// A new rule needs a descriptor (in its own file: every engine's SupportedDiagnostics is read) and a page; then regenerate:
/// <c>KERASLINT_UPDATE_DOCS=1 dotnet test tests/KerasLint.Package.Tests -c Release --filter FullyQualifiedName~GeneratedDocsTests</c>.
/// </summary>
internal static class RuleTables
{
    public const string Begin = "<!-- rules:begin (generated from the descriptors and docs/rules/KLxxxx.md; see tests/KerasLint.Package.Tests/RuleTables.cs) -->";
    public const string End = "<!-- rules:end -->";

    /// <summary>One rule: its descriptors (several when the severity differs by case) and its page's metadata rows.</summary>
    public sealed record Rule(string Id, string Title, string Category, DiagnosticSeverity ReleaseSeverity, string Severity, string Libraries, string FiresOn, string CodeFix);

    public static string ReadmePath => Path.Combine(RepoRoot.Path, "README.md");

    public static string IndexPath => Path.Combine(RepoRoot.Path, "docs", "rules", "README.md");

    public static string UnshippedPath => Path.Combine(RepoRoot.Path, "src", "KerasLint.Analyzers", "AnalyzerReleases.Unshipped.md");

    public static string ShippedPath => Path.Combine(RepoRoot.Path, "src", "KerasLint.Analyzers", "AnalyzerReleases.Shipped.md");

    public static IReadOnlyList<Rule> Rules()
    {
        var descriptors = AnalyzerDescriptors.All;
        return descriptors.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var first = g.OrderBy(d => d.DefaultSeverity).First();
            var page = Path.Combine(RepoRoot.Path, "docs", "rules", g.Key + ".md");
            var text = File.Exists(page) ? File.ReadAllText(page) : "";
            string Row(string name) => Regex.Match(text, @"^\|\s*\**" + Regex.Escape(name) + @"\**\s*\|\s*(.*?)\s*\|\s*$", RegexOptions.Multiline) is { Success: true } m
                ? m.Groups[1].Value
                : $"(no '{name}' row in docs/rules/{g.Key}.md)";
            return new Rule(g.Key, first.Title.ToString(), first.Category, g.Max(d => d.DefaultSeverity),
                Row("Default severity"), Row("Libraries"), Row("Fires on"), Row("Code fix"));
        }).ToArray();
    }

    /// <summary>The markdown table; <paramref name="linkPrefix"/> is the path from the file to docs/rules/.</summary>
    public static string Table(IReadOnlyList<Rule> rules, string linkPrefix)
    {
        var b = new StringBuilder();
        b.Append("| id | title | severity | libraries | fires on | code fix |\n");
        b.Append("|---|---|---|---|---|---|\n");
        foreach (var r in rules)
        {
            b.Append($"| [{r.Id}]({linkPrefix}{r.Id}.md) | {r.Title} | {r.Severity} | {r.Libraries} | {r.FiresOn} | {r.CodeFix} |\n");
        }

        return b.ToString();
    }

    /// <summary>The text with the part between the markers replaced by <paramref name="table"/> (markers required).</summary>
    public static string Splice(string text, string table)
    {
        var begin = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 || end < begin) throw new InvalidOperationException($"Expected the markers '{Begin}' and '{End}'.");
        return text.Substring(0, begin + Begin.Length) + "\n" + table + text.Substring(end);
    }

    /// <summary>README's "fix everything" line with every id that has a code fix (<see cref="DotnetFormatTests.FixableIds"/>).</summary>
    public static string FormatCommand(string readme)
    {
        const string prefix = "dotnet format analyzers MyProject.csproj --diagnostics ";
        var line = prefix + string.Join(" ", DotnetFormatTests.FixableIds()) + " --severity info";
        return Regex.Replace(readme, "^" + Regex.Escape(prefix) + ".*$", _ => line, RegexOptions.Multiline);
    }

    /// <summary>AnalyzerReleases.Unshipped.md: every rule that is not in the shipped file.</summary>
    public static string Unshipped(IReadOnlyList<Rule> rules, string shipped)
    {
        var b = new StringBuilder();
        b.Append("; Unshipped analyzer release\n");
        b.Append("; https://github.com/dotnet/roslyn-analyzers/blob/main/src/Microsoft.CodeAnalysis.Analyzers/ReleaseTrackingAnalyzers.Help.md\n");
        b.Append("; Generated from the descriptors: see tests/KerasLint.Package.Tests/RuleTables.cs.\n");
        b.Append('\n');
        b.Append("### New Rules\n");
        b.Append('\n');
        b.Append("Rule ID | Category | Severity | Notes\n");
        b.Append("--------|----------|----------|-------\n");
        foreach (var r in rules.Where(r => !Regex.IsMatch(shipped, @"^" + r.Id + @"\s*\|", RegexOptions.Multiline)))
        {
            b.Append($"{r.Id} | {r.Category} | {r.ReleaseSeverity} | {r.Title}\n");
        }

        return b.ToString();
    }

    /// <summary>(path, generated text) for every generated file.</summary>
    public static IReadOnlyList<(string Path, string Text)> Generate()
    {
        var rules = Rules();
        return new[]
        {
            (ReadmePath, FormatCommand(Splice(Read(ReadmePath), Table(rules, "docs/rules/")))),
            (IndexPath, Splice(Read(IndexPath), Table(rules, ""))),
            (UnshippedPath, Unshipped(rules, File.Exists(ShippedPath) ? Read(ShippedPath) : "")),
        };
    }

    private static string Read(string path) => File.ReadAllText(path).Replace("\r\n", "\n");
}
