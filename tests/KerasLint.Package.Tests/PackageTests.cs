using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Xunit;

namespace KerasLint.Package.Tests;

/// <summary>Runs <c>dotnet pack src/KerasLint.Package -c Release</c> once, into a temporary folder.</summary>
public sealed class PackedPackage : IDisposable
{
    private readonly string _outputDir = Path.Combine(Path.GetTempPath(), "keraslint-pack-" + Guid.NewGuid().ToString("N"));

    public PackedPackage()
    {
        Directory.CreateDirectory(_outputDir);
        var project = Path.Combine(RepoRoot.Path, "src", "KerasLint.Package", "KerasLint.Package.csproj");
        (ExitCode, Log) = DotnetCli.Run(TimeSpan.FromMinutes(8), "pack", project, "-c", "Release", "-o", _outputDir);
        Packages = Directory.GetFiles(_outputDir, "*.nupkg");
    }

    public int ExitCode { get; }

    public string Log { get; }

    public string[] Packages { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_outputDir, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

[Collection(DotnetCli.Collection)]
public class PackageTests : IClassFixture<PackedPackage>
{
    private const string AnalyzerDir = "analyzers/dotnet/cs/";

    private readonly PackedPackage _pack;

    public PackageTests(PackedPackage pack) => _pack = pack;

    private string Nupkg
    {
        get
        {
            Assert.True(_pack.ExitCode == 0, "dotnet pack failed:\n" + _pack.Log);
            var single = Assert.Single(_pack.Packages, p => Path.GetFileName(p).StartsWith("KerasLint.", StringComparison.Ordinal));
            Assert.Matches(@"^KerasLint\.\d+\.\d+\.\d+.*\.nupkg$", Path.GetFileName(single));
            return single;
        }
    }

    private static string[] EntryNames(string nupkg)
    {
        using var zip = ZipFile.OpenRead(nupkg);
        return zip.Entries.Select(e => e.FullName.Replace('\\', '/')).ToArray();
    }

    [Fact]
    public void ContainsAnalyzerAndCodeFixesUnderAnalyzersDotnetCs()
    {
        var entries = EntryNames(Nupkg);
        Assert.Contains(AnalyzerDir + "KerasLint.Analyzers.dll", entries);
        Assert.Contains(AnalyzerDir + "KerasLint.CodeFixes.dll", entries);
    }

    [Fact]
    public void ContainsNoRoslynAssembliesAndNoLibFolder()
    {
        var entries = EntryNames(Nupkg);
        Assert.DoesNotContain(entries, e => Path.GetFileName(e).StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.OrdinalIgnoreCase));
        var dlls = entries.Where(e => e.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).OrderBy(e => e, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { AnalyzerDir + "KerasLint.Analyzers.dll", AnalyzerDir + "KerasLint.CodeFixes.dll" }, dlls);
    }

    [Fact]
    public void NuspecMarksADevelopmentDependencyWithoutDependencies()
    {
        using var zip = ZipFile.OpenRead(Nupkg);
        var nuspecEntry = Assert.Single(zip.Entries, e => e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
        using var stream = nuspecEntry.Open();
        var doc = XDocument.Load(stream);
        var metadata = doc.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        Assert.Equal("KerasLint", Value("id"));
        Assert.Equal("true", Value("developmentDependency"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        // Analyzers run inside the compiler: the package must not drag Roslyn or anything else into the user's graph.
        var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency").ToArray();
        Assert.Empty(dependencies);
    }

    [Fact]
    public void PackedAssembliesCompileAgainstRoslyn48OrOlder()
    {
        // Roslyn 4.8.0 keeps the package loadable in VS 17.8+, Rider and the .NET 8 SDK.
        using var zip = ZipFile.OpenRead(Nupkg);
        foreach (var name in new[] { "KerasLint.Analyzers.dll", "KerasLint.CodeFixes.dll" })
        {
            var entry = zip.GetEntry(AnalyzerDir + name)!;
            using var copy = new MemoryStream();
            using (var s = entry.Open()) s.CopyTo(copy);
            copy.Position = 0;
            using var pe = new PEReader(copy);
            var md = pe.GetMetadataReader();
            var roslynRefs = md.AssemblyReferences
                .Select(h => md.GetAssemblyReference(h))
                .Where(r => md.GetString(r.Name).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
                .ToArray();
            if (name == "KerasLint.Analyzers.dll")
            {
                // The descriptors alone make the analyzer reference Microsoft.CodeAnalysis.
                Assert.NotEmpty(roslynRefs);
            }

            Assert.All(roslynRefs, r => Assert.True(r.Version <= new Version(4, 8, 0, 0), $"{name} references {md.GetString(r.Name)} {r.Version}."));
            // netstandard2.0, so that .NET Framework (Visual Studio) and .NET hosts both load it.
            Assert.Contains(md.AssemblyReferences, h => md.GetString(md.GetAssemblyReference(h).Name) == "netstandard");
        }
    }

    [Fact]
    public void InstalledFromTheNupkgItReportsOnTheKerasNetSample()
    {
        // A user's project: the KerasLint package from a local feed (no project references to the analyzer), Keras.NET
        // (here the stand-in's Keras.dll), the sample's sources and its .editorconfig. Packages restore into a
        // private folder so a stale copy of the same version in the global cache cannot mask a broken package.
        var nupkg = Nupkg;
        var version = Path.GetFileNameWithoutExtension(nupkg).Substring("KerasLint.".Length);
        var (apiExit, apiLog) = DotnetCli.Run(TimeSpan.FromMinutes(5), "build", Path.Combine("samples", "KerasNetApi", "KerasNetApi.csproj"), "-c", "Release");
        Assert.True(apiExit == 0, apiLog);
        var kerasDll = Path.Combine(RepoRoot.Path, "samples", "KerasNetApi", "bin", "Release", "netstandard2.0", "Keras.dll");
        Assert.True(File.Exists(kerasDll), kerasDll);

        var dir = Path.Combine(Path.GetTempPath(), "keraslint-consumer-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var feed = Path.GetDirectoryName(nupkg)!;
            LocalFeed.WriteNuGetConfig(dir, feed);
            File.WriteAllText(Path.Combine(dir, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>disable</Nullable>
                    <RestorePackagesPath>{Path.Combine(dir, "packages")}</RestorePackagesPath>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="KerasLint" Version="{version}" PrivateAssets="all" />
                    <Reference Include="Keras" HintPath="{kerasDll}" />
                  </ItemGroup>
                </Project>
                """);
            var sampleDir = Path.Combine(RepoRoot.Path, "samples", "KerasNetSample");
            foreach (var source in Directory.EnumerateFiles(sampleDir, "*.cs"))
            {
                File.Copy(source, Path.Combine(dir, Path.GetFileName(source)));
            }

            File.Copy(Path.Combine(RepoRoot.Path, "samples", ".editorconfig"), Path.Combine(dir, ".editorconfig"));

            var (exit, log) = DotnetCli.Run(TimeSpan.FromMinutes(5), "build", Path.Combine(dir, "Consumer.csproj"), "-c", "Release");
            Assert.True(exit == 0, log);
            Assert.DoesNotContain("AD0001", log, StringComparison.Ordinal);
            Assert.DoesNotContain("CS8032", log, StringComparison.Ordinal);

            var reported = SampleMarkers.Reported(log).Where(d => d.Id.StartsWith("KL", StringComparison.Ordinal))
                .Select(d => $"{Path.GetFileName(d.Path)}:{d.Line} {d.Id}")
                .Distinct().OrderBy(x => x, StringComparer.Ordinal).ToArray();
            var marked = SampleMarkers.In(sampleDir)
                .Select(m => $"{Path.GetFileName(m.Path)}:{m.Line} {m.Id}")
                .Distinct().OrderBy(x => x, StringComparer.Ordinal).ToArray();
            Assert.NotEmpty(marked);
            Assert.Equal(marked, reported);
        }
        finally
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }
}
