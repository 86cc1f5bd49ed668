namespace KerasLint.Package.Tests;

/// <summary>Finds the repository root: the nearest directory above the test binaries that holds KerasLint.sln.</summary>
internal static class RepoRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "KerasLint.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No KerasLint.sln in any directory above {AppContext.BaseDirectory}.");
    }
}
