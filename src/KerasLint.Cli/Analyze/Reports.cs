using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Cli;

/// <summary>The three shapes of <c>keraslint analyze</c>'s report.</summary>
internal static class Reports
{
    public static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    /// <summary>Grouped by file (paths relative to <paramref name="root"/>), then a one-line summary.</summary>
    public static void WriteText(TextWriter w, IReadOnlyList<Finding> findings, string root, int projects)
    {
        foreach (var file in findings.GroupBy(f => f.Path))
        {
            w.WriteLine(file.Key.Length == 0 ? "(project-wide)" : Path.GetRelativePath(root, file.Key));
            foreach (var f in file)
            {
                w.WriteLine(f.Path.Length == 0 ? $"  {Level(f.Severity)} {f.Id}: {f.Message}" : $"  {f.Line}:{f.Column}  {Level(f.Severity)} {f.Id}: {f.Message}");
            }

            w.WriteLine();
        }

        int Count(DiagnosticSeverity s) => findings.Count(f => f.Severity == s);
        var files = findings.Select(f => f.Path).Distinct().Count();
        w.WriteLine(findings.Count == 0
            ? $"KerasLint: no findings in {projects} project(s)."
            : $"KerasLint: {Count(DiagnosticSeverity.Error)} error(s), {Count(DiagnosticSeverity.Warning)} warning(s), {Count(DiagnosticSeverity.Info)} info in {files} file(s) of {projects} project(s).");
    }

    /// <summary>As the compiler prints them: <c>path(line,col): warning KLxxxx: message</c> (info findings, like the compiler's, are not printed).</summary>
    public static void WriteMsBuild(TextWriter w, IReadOnlyList<Finding> findings)
    {
        foreach (var f in findings.Where(f => f.Severity >= DiagnosticSeverity.Warning))
        {
            // A project-wide finding (no source location) reads as the compiler prints it: "CSC : warning KL0014: ...".
            w.WriteLine(f.Path.Length == 0
                ? $"CSC : {Level(f.Severity)} {f.Id}: {f.Message}"
                : $"{f.Path}({f.Line},{f.Column}): {Level(f.Severity)} {f.Id}: {f.Message}");
        }
    }

    /// <summary>SARIF 2.1.0: one run, the tool's rules (every descriptor the analyzers support) and one result per finding.</summary>
    public static void WriteSarif(TextWriter w, IReadOnlyList<Finding> findings, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var descriptors = analyzers.SelectMany(a => a.SupportedDiagnostics)
            .GroupBy(d => d.Id).Select(g => g.OrderBy(d => d.DefaultSeverity).First())
            .OrderBy(d => d.Id, StringComparer.Ordinal).ToArray();
        var index = descriptors.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var version = typeof(Reports).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var log = new Dictionary<string, object?>
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new object[]
            {
                new Dictionary<string, object?>
                {
                    ["tool"] = new { driver = new Dictionary<string, object?>
                    {
                        ["name"] = "KerasLint",
                        ["version"] = version,
                        ["informationUri"] = "https://github.com/keraslint/keraslint",
                        ["rules"] = descriptors.Select(d => new Dictionary<string, object?>
                        {
                            ["id"] = d.Id,
                            ["shortDescription"] = new { text = d.Title.ToString(CultureInfo.InvariantCulture) },
                            ["fullDescription"] = new { text = d.Description.ToString(CultureInfo.InvariantCulture) },
                            ["helpUri"] = d.HelpLinkUri,
                            ["defaultConfiguration"] = new { level = SarifLevel(d.DefaultSeverity) },
                            ["properties"] = new { category = d.Category },
                        }).ToArray(),
                    } },
                    ["results"] = findings.Select(f => new Dictionary<string, object?>
                    {
                        ["ruleId"] = f.Id,
                        ["ruleIndex"] = index.TryGetValue(f.Id, out var i) ? i : -1,
                        ["level"] = SarifLevel(f.Severity),
                        ["message"] = new { text = f.Message },
                        ["locations"] = f.Path.Length == 0 ? Array.Empty<object>() : new object[]
                        {
                            new
                            {
                                physicalLocation = new
                                {
                                    artifactLocation = new { uri = new Uri(f.Path).AbsoluteUri },
                                    region = new { startLine = f.Line, startColumn = f.Column, endLine = f.EndLine, endColumn = f.EndColumn },
                                },
                            },
                        },
                    }).ToArray(),
                },
            },
        };
        w.WriteLine(JsonSerializer.Serialize(log, new JsonSerializerOptions { WriteIndented = true }));
    }

    private static string SarifLevel(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => "none",
    };
}
