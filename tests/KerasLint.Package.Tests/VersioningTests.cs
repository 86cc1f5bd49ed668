using System.Text.Json;
using Xunit;

namespace KerasLint.Package.Tests;

/// <summary>
/// Every pack gets its own version (MinVer from git, plus .dev.&lt;time&gt; for uncommitted work), so a consuming
/// project picks up a re-pack after a change without anyone clearing NuGet's cache. Runs on a fresh clone of this
/// repository (as CI does) so that it can commit there.
/// </summary>
[Collection(DotnetCli.Collection)]
public class VersioningTests
{
    private static (int ExitCode, string Output) Git(string directory, params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["GIT_AUTHOR_NAME"] = psi.Environment["GIT_COMMITTER_NAME"] = "test";
        psi.Environment["GIT_AUTHOR_EMAIL"] = psi.Environment["GIT_COMMITTER_EMAIL"] = "test@example.invalid";
        using var p = System.Diagnostics.Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, output.Result + error.Result);
    }

    private static string Pack(string clone, string feed)
    {
        var before = Directory.GetFiles(feed, "KerasLint.*.nupkg").ToHashSet();
        var project = Path.Combine(clone, "src", "KerasLint.Package", "KerasLint.Package.csproj");
        var (exit, log) = DotnetCli.RunIn(clone, TimeSpan.FromMinutes(8), buildFlags: true, "pack", project, "-c", "Release", "-o", feed);
        Assert.True(exit == 0, log);
        var created = Assert.Single(Directory.GetFiles(feed, "KerasLint.*.nupkg"), f => !before.Contains(f));
        return Path.GetFileNameWithoutExtension(created).Substring("KerasLint.".Length);
    }

    /// <summary>Restores the consumer with <paramref name="version"/> (exact, or floating with a forced evaluation) and returns the version it resolved.</summary>
    private static string Restored(string consumer, string root, string version)
    {
        // The packages folder plays the user's global cache: filled by the first restore, never cleared.
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <RestorePackagesPath>{Path.Combine(root, "cache")}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="KerasLint" Version="{version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        var args = version.EndsWith('*') ? new[] { "restore", "Consumer.csproj", "--force-evaluate" } : new[] { "restore", "Consumer.csproj" };
        var (exit, log) = DotnetCli.RunIn(consumer, TimeSpan.FromMinutes(5), buildFlags: true, args);
        Assert.True(exit == 0, log);
        using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(consumer, "obj", "project.assets.json")));
        var library = Assert.Single(assets.RootElement.GetProperty("libraries").EnumerateObject(), l => l.Name.StartsWith("KerasLint/", StringComparison.Ordinal));
        return library.Name.Substring("KerasLint/".Length);
    }

    [Fact]
    public void AConsumerPicksUpEachRepackWithoutClearingTheCache()
    {
        var root = Path.Combine(Path.GetTempPath(), "keraslint-versions-" + Guid.NewGuid().ToString("N"));
        var clone = Path.Combine(root, "clone");
        var feed = Path.Combine(root, "feed");
        var consumer = Path.Combine(root, "consumer");
        Directory.CreateDirectory(feed);
        Directory.CreateDirectory(consumer);
        try
        {
            var (cloneExit, cloneLog) = Git(root, "clone", "--quiet", RepoRoot.Path, clone);
            Assert.True(cloneExit == 0, cloneLog);
            LocalFeed.WriteNuGetConfig(consumer, feed);
            var first = Pack(clone, feed);
            Assert.Matches(@"^0\.1\.0-alpha\.0\.\d+$", first);
            Assert.Equal(first, Restored(consumer, root, first));

            // A committed change: the commit height moves, so does the version.
            File.AppendAllText(Path.Combine(clone, "README.md"), "\nA change.\n");
            Assert.Equal(0, Git(clone, "commit", "--quiet", "-am", "a change").ExitCode);
            var second = Pack(clone, feed);
            Assert.NotEqual(first, second);
            // Pinned to the new version (README's way), restore takes the new package beside the old one in the cache.
            Assert.Equal(second, Restored(consumer, root, second));

            // Uncommitted work: the same commit's version plus .dev.<time>.
            File.AppendAllText(Path.Combine(clone, "README.md"), "\nAnother change, not committed.\n");
            var third = Pack(clone, feed);
            Assert.StartsWith(second + ".dev.", third, StringComparison.Ordinal);
            // A floating version takes the newest in the feed when restore evaluates it.
            Assert.Equal(third, Restored(consumer, root, "0.1.0-*"));
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
            catch (UnauthorizedAccessException)
            {
                // git's read-only objects: harmless too.
            }
        }
    }
}
