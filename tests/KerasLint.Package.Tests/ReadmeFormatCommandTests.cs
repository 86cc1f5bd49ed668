using Xunit;

namespace KerasLint.Package.Tests;

/// <summary>README's "fix everything" command must list every id that has a code fix, generated from the providers (<see cref="DotnetFormatTests.FixableIds"/>).</summary>
public class ReadmeFormatCommandTests
{
    [Fact]
    public void ReadmeFormatCommandListsEveryFixableId()
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot.Path, "README.md"));
        var line = readme.Split('\n').Select(l => l.TrimEnd('\r')).Single(l => l.StartsWith("dotnet format analyzers MyProject.csproj", StringComparison.Ordinal));
        var ids = DotnetFormatTests.FixableIds();
        Assert.Contains("KL0110", ids);
        Assert.Equal("dotnet format analyzers MyProject.csproj --diagnostics " + string.Join(" ", ids) + " --severity info", line);
    }

    [Fact]
    public void EveryFixableIdIsARule()
    {
        var rules = AnalyzerDescriptors.Ids.ToHashSet();
        Assert.All(DotnetFormatTests.FixableIds(), id => Assert.Contains(id, rules));
    }
}
