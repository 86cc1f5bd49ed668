using System.Text.RegularExpressions;

namespace KerasLint.Package.Tests;

/// <summary>The <c>// KLxxxx</c> comments that mark, in the samples, the lines a diagnostic must be reported on.</summary>
internal static class SampleMarkers
{
    /// <summary>(full path, 1-based line, id) for every KL id named in a // comment of the .cs files below <paramref name="directory"/>.</summary>
    public static IEnumerable<(string Path, int Line, string Id)> In(string directory)
    {
        foreach (var path in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(directory, path).Replace('\\', '/');
            if (relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal)) continue;
            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                var comment = lines[i].IndexOf("//", StringComparison.Ordinal);
                if (comment < 0 || lines[i].TrimStart().StartsWith("///", StringComparison.Ordinal)) continue;
                foreach (Match m in Regex.Matches(lines[i].Substring(comment), @"\bKL\d{4}\b"))
                {
                    yield return (path, i + 1, m.Value);
                }
            }
        }
    }

    /// <summary>(full path, line, id) of every compiler warning or error in an MSBuild log.</summary>
    public static IEnumerable<(string Path, int Line, string Id)> Reported(string log) =>
        Regex.Matches(log, @"^\s*(?<path>.+?\.cs)\((?<line>\d+),\d+\): (?:warning|error) (?<id>[A-Z]+\d+):", RegexOptions.Multiline)
            .Select(m => (m.Groups["path"].Value, int.Parse(m.Groups["line"].Value), m.Groups["id"].Value))
            .Distinct();
}
