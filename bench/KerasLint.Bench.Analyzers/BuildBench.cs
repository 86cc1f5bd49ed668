using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KerasLint.Bench.Analyzers
{
    /// <summary>
    /// Part (e), issue 17: what KerasLint costs a real <c>dotnet build</c>. Writes each generated solution to a temp folder
    /// as an SDK project, restores it once, then rebuilds it (<c>--no-restore --no-incremental</c>, a fresh compiler
    /// process: <c>-p:UseSharedCompilation=false</c>, no node reuse, no build servers) with and without KerasLint's
    /// analyzer items, alternating, and reads the CPU time (user + sys) of the whole build process tree
    /// (<c>getrusage(RUSAGE_CHILDREN)</c> around each build) and of the csc process alone (csc runs through a wrapper
    /// script that appends the shell's <c>times</c>).
    /// </summary>
    public sealed class BuildBench
    {
        /// <summary>The baseline set: the project without KerasLint (the SDK's own analyzers and generators still run).</summary>
        public const string None = "none";

        private static readonly CodeKind[] Kinds = { CodeKind.KerasNet, CodeKind.TorchSharp, CodeKind.Plain };
        private static readonly Regex KerasLintWarning = new(@"warning (KL\d{4})", RegexOptions.CultureInvariant);
        private readonly BenchSettings settings;
        private readonly Action<string> log;
        private readonly string root = Path.Combine(Path.GetTempPath(), "keraslint-build-bench-" + Guid.NewGuid().ToString("N")[..8]);

        /// <summary>The temp folder the generated projects are written to (the csc part uses it too, and deletes it).</summary>
        internal string Root => root;

        public BuildBench(BenchSettings settings, Action<string> log)
        {
            this.settings = settings;
            this.log = log;
        }

        public async Task<ImmutableArray<BuildResult>> RunAsync()
        {
            if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
                throw new PlatformNotSupportedException("The build part reads getrusage(RUSAGE_CHILDREN) and runs csc through a shell script: Linux or macOS.");
            Directory.CreateDirectory(root);
            try
            {
                var sets = BuildSets();
                log($"build: {settings.BuildFiles} files per solution, {settings.BuildPairs} pairs; sets: " +
                    string.Join("; ", sets.Select(s => $"{s.Name} = {(s.Analyzers.IsEmpty ? "no analyzer item" : string.Join(", ", s.Analyzers.Select(Path.GetFileName)))}")));
                var wrapper = WriteCscWrapper();
                var results = ImmutableArray.CreateBuilder<BuildResult>();
                foreach (var kind in Kinds)
                {
                    var solution = SolutionGenerator.Generate(kind, settings.BuildFiles);
                    var project = WriteProject(solution, sets);
                    var restore = await RunDotnetAsync(project, "restore").ConfigureAwait(false);
                    if (restore.ExitCode != 0) throw new InvalidOperationException($"dotnet restore {project} failed:\n{restore.Output}");
                    results.Add(await MeasureAsync(solution, project, wrapper, sets).ConfigureAwait(false));
                }

                return results.ToImmutable();
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
            }
        }

        /// <summary>
        /// "KerasLint": the assemblies the package puts in analyzers/dotnet/cs (src/KerasLint.Package), as the Analyzer items
        /// NuGet adds for them. With --build-experiments also the analyzer assembly alone and an empty analyzer assembly.
        /// </summary>
        private ImmutableArray<BuildSet> BuildSets()
        {
            var sets = ImmutableArray.CreateBuilder<BuildSet>();
            sets.Add(new BuildSet(None, ImmutableArray<string>.Empty));
            var package = PackageAnalyzerAssemblies();
            sets.Add(new BuildSet("KerasLint", package));
            if (settings.BuildExperiments)
            {
                sets.Add(new BuildSet("KerasLint.Analyzers.dll alone", package.Where(p => Path.GetFileName(p) == "KerasLint.Analyzers.dll").ToImmutableArray()));
                sets.Add(new BuildSet("empty analyzer", ImmutableArray.Create(EmitEmptyAnalyzer())));
            }

            return sets.ToImmutable();
        }

        /// <summary>The Release outputs of the projects the package packs into analyzers/dotnet/cs (paths baked in by the csproj).</summary>
        internal static ImmutableArray<string> PackageAnalyzerAssemblies()
        {
            var paths = typeof(BuildBench).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Where(a => a.Key == "PackageAnalyzerAssembly").Select(a => Path.GetFullPath(a.Value!)).ToImmutableArray();
            foreach (var path in paths.Where(p => !File.Exists(p)))
                throw new FileNotFoundException($"{path} is missing: build src/KerasLint.CodeFixes -c Release first (it builds both analyzer assemblies).", path);
            return paths;
        }

        /// <summary>An analyzer assembly with one analyzer that registers one no-op compilation-start action.</summary>
        private string EmitEmptyAnalyzer()
        {
            const string source = """
                using System.Collections.Immutable;
                using Microsoft.CodeAnalysis;
                using Microsoft.CodeAnalysis.Diagnostics;

                [DiagnosticAnalyzer(LanguageNames.CSharp)]
                public sealed class BenchEmptyAnalyzer : DiagnosticAnalyzer
                {
                    private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor("BENCH0000", "Empty", "Never reported", "Benchmark", DiagnosticSeverity.Info, true);
                    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);
                    public override void Initialize(AnalysisContext context)
                    {
                        context.EnableConcurrentExecution();
                        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                        context.RegisterCompilationStartAction(_ => { });
                    }
                }
                """;
            var compilation = CSharpCompilation.Create("KerasLint.Bench.EmptyAnalyzer",
                new[] { CSharpSyntaxTree.ParseText(source, References.ParseOptions) },
                References.Platform.Add(MetadataReference.CreateFromFile(typeof(Compilation).Assembly.Location)),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var path = Path.Combine(root, "analyzers", "KerasLint.Bench.EmptyAnalyzer.dll");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var emit = compilation.Emit(path);
            if (!emit.Success) throw new InvalidOperationException("The empty analyzer does not compile: " + string.Join("; ", emit.Diagnostics));
            return path;
        }

        /// <summary>
        /// csc through a shell that appends its children's user and sys time (POSIX <c>times</c>) to a file. The shell runs
        /// what the Csc task runs without it: the SDK's csc apphost, else <c>dotnet exec csc.dll</c>.
        /// </summary>
        private CscWrapper WriteCscWrapper()
        {
            var bincore = Path.Combine(SdkDirectory(), "Roslyn", "bincore");
            var apphost = Path.Combine(bincore, OperatingSystem.IsWindows() ? "csc.exe" : "csc");
            var csc = File.Exists(apphost) ? $"\"{apphost}\"" : $"\"{DotnetHost()}\" exec \"{Path.Combine(bincore, "csc.dll")}\"";
            if (!File.Exists(apphost) && !File.Exists(Path.Combine(bincore, "csc.dll"))) throw new FileNotFoundException("The SDK's csc was not found.", apphost);
            var dir = Path.Combine(root, "csc");
            Directory.CreateDirectory(dir);
            var script = Path.Combine(dir, "csc-timed");
            var times = Path.Combine(dir, "times.txt");
            File.WriteAllText(script, $"#!/bin/sh\n{csc} \"$@\"\nrc=$?\ntimes >> \"{times}\"\nexit $rc\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return new CscWrapper(dir, "csc-timed", times);
        }

        /// <summary>The dotnet installation this harness runs on (its shared runtime's grandparent folder).</summary>
        private static string DotnetRoot { get; } = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));

        /// <summary>The SDK the builds use (dotnet --version in the temp folder, as the builds run there).</summary>
        internal static string SdkDirectory()
        {
            var psi = new ProcessStartInfo(DotnetHost(), "--version") { RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath() };
            using var process = Process.Start(psi)!;
            var version = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            var sdk = Path.Combine(DotnetRoot, "sdk", version);
            return Directory.Exists(sdk) ? sdk : throw new DirectoryNotFoundException($"SDK {version} not found under {DotnetRoot}.");
        }

        /// <summary>One SDK project (the running runtime's TFM) with the generated files; each analyzer set is a condition on BenchSet.</summary>
        internal string WriteProject(GeneratedSolution solution, ImmutableArray<BuildSet> sets)
        {
            var dir = Path.Combine(root, solution.Name);
            Directory.CreateDirectory(dir);
            foreach (var tree in solution.Trees)
                File.WriteAllText(Path.Combine(dir, Path.GetFileName(tree.FilePath)), tree.GetText().ToString(), Encoding.UTF8);

            var properties = new XElement("PropertyGroup",
                new XElement("TargetFramework", $"net{Environment.Version.Major}.{Environment.Version.Minor}"),
                new XElement("OutputType", "Library"),
                new XElement("Nullable", "disable"),
                new XElement("ImplicitUsings", "disable"),
                new XElement("LangVersion", "latest"),
                new XElement("AssemblyName", solution.Name),
                new XElement("NuGetAudit", "false"));
            var references = new XElement("ItemGroup");
            switch (solution.Kind)
            {
                case CodeKind.KerasNet:
                    // The Keras.NET API stand-in (samples/KerasNetApi), as a prebuilt assembly.
                    var keras = typeof(global::Keras.Models.Sequential).Assembly.Location;
                    var copy = Path.Combine(root, "lib", Path.GetFileName(keras));
                    Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                    File.Copy(keras, copy, overwrite: true);
                    references.Add(new XElement("Reference", new XAttribute("Include", Path.GetFileNameWithoutExtension(keras)), new XElement("HintPath", copy)));
                    break;
                case CodeKind.TorchSharp:
                    references.Add(new XElement("PackageReference", new XAttribute("Include", "TorchSharp"), new XAttribute("Version", TorchSharpVersion())));
                    break;
            }

            var project = new XElement("Project", new XAttribute("Sdk", "Microsoft.NET.Sdk"), properties, references);
            foreach (var set in sets.Where(s => !s.Analyzers.IsEmpty))
            {
                project.Add(new XElement("ItemGroup", new XAttribute("Condition", $"'$(BenchSet)' == '{set.Name}'"),
                    set.Analyzers.Select(a => new XElement("Analyzer", new XAttribute("Include", a)))));
            }

            var path = Path.Combine(dir, solution.Name + ".csproj");
            File.WriteAllText(path, project.ToString());
            return path;
        }

        private static string TorchSharpVersion() =>
            typeof(BuildBench).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TorchSharpVersion").Value!;

        /// <summary>A warmup build (the baseline: disk cache, first-build work), then pairs: the baseline and every other set, in alternating order.</summary>
        private async Task<BuildResult> MeasureAsync(GeneratedSolution solution, string project, CscWrapper wrapper, ImmutableArray<BuildSet> sets)
        {
            log($"build {solution.Name}: {solution.Trees.Length} files ({solution.DeepLearningFiles} with training code), {solution.Lines} lines");
            await BuildAsync(project, wrapper, sets[0]).ConfigureAwait(false);

            var runs = sets.ToDictionary(s => s.Name, _ => new List<BuildRun>(), StringComparer.Ordinal);
            for (var pair = 0; pair < settings.BuildPairs; pair++)
            {
                var order = pair % 2 == 0 ? sets : sets.Reverse().ToImmutableArray();
                foreach (var set in order)
                    runs[set.Name].Add(await BuildAsync(project, wrapper, set).ConfigureAwait(false));
                log($"  pair {pair + 1}: " + string.Join("; ", sets.Select(s => $"{s.Name} {runs[s.Name][^1].TreeCpuS:F2} s (csc {runs[s.Name][^1].CscCpuS:F2} s)")));
            }

            return new BuildResult(solution.Name, solution.Kind, solution.Trees.Length, solution.DeepLearningFiles, solution.Lines, solution.ExpectedDiagnostics,
                sets.Select(s => new BuildSetResult(s.Name, runs[s.Name].ToImmutableArray())).ToImmutableArray());
        }

        private async Task<BuildRun> BuildAsync(string project, CscWrapper wrapper, BuildSet set)
        {
            if (File.Exists(wrapper.TimesFile)) File.Delete(wrapper.TimesFile);
            var before = Cpu.Children();
            var wall = Stopwatch.StartNew();
            var result = await RunDotnetAsync(project, "build", "--no-restore", "--no-incremental", "-c", "Release",
                "-nodeReuse:false", "--disable-build-servers", "-p:UseSharedCompilation=false",
                $"-p:CscToolPath={wrapper.Directory}", $"-p:CscToolExe={wrapper.Exe}", $"-p:BenchSet={set.Name}",
                "-v:q", "-clp:NoSummary").ConfigureAwait(false);
            wall.Stop();
            var after = Cpu.Children();
            if (result.ExitCode != 0) throw new InvalidOperationException($"dotnet build {project} ({set.Name}) failed:\n{result.Output}");
            var csc = File.Exists(wrapper.TimesFile) ? CscCpu(File.ReadAllLines(wrapper.TimesFile)) : double.NaN;
            if (double.IsNaN(csc)) throw new InvalidOperationException($"csc did not run through the wrapper in {project} ({set.Name}):\n{result.Output}");
            // MSBuild may echo a compiler warning more than once: each distinct line counts once.
            var diagnostics = result.Output.Split('\n').Select(l => l.Trim()).Distinct(StringComparer.Ordinal)
                .Select(l => KerasLintWarning.Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value)
                .GroupBy(id => id, StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            return new BuildRun(after - before, csc, wall.Elapsed.TotalSeconds, diagnostics);
        }

        /// <summary>The shell's <c>times</c>: its own user/sys line, then its children's (csc).</summary>
        private static double CscCpu(string[] lines)
        {
            var total = 0.0;
            for (var i = 1; i < lines.Length; i += 2)
                total += lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries).Sum(ParseTimes);
            return lines.Length >= 2 ? total : double.NaN;
        }

        /// <summary>"1m2.345s" → 62.345.</summary>
        private static double ParseTimes(string value)
        {
            var m = value.IndexOf('m', StringComparison.Ordinal);
            return double.Parse(value[..m], CultureInfo.InvariantCulture) * 60 + double.Parse(value[(m + 1)..].TrimEnd('s'), CultureInfo.InvariantCulture);
        }

        internal async Task<(int ExitCode, string Output)> RunDotnetAsync(string project, string command, params string[] args)
        {
            var psi = new ProcessStartInfo(DotnetHost())
            {
                WorkingDirectory = Path.GetDirectoryName(project)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            psi.ArgumentList.Add(command);
            psi.ArgumentList.Add(project);
            psi.ArgumentList.Add("--nologo");
            foreach (var arg in args) psi.ArgumentList.Add(arg);
            // `dotnet run` of this harness sets MSBuild variables that must not leak into the nested builds.
            foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToArray())
                psi.Environment.Remove(key);
            psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            psi.Environment["DOTNET_NOLOGO"] = "1";
            psi.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
            psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().ConfigureAwait(false);
            return (process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
        }

        internal static string DotnetHost() => File.Exists(Path.Combine(DotnetRoot, "dotnet")) ? Path.Combine(DotnetRoot, "dotnet") : "dotnet";

        private sealed record CscWrapper(string Directory, string Exe, string TimesFile);
    }

    /// <summary>A named list of Analyzer items added to the generated project.</summary>
    public sealed record BuildSet(string Name, ImmutableArray<string> Analyzers);

    /// <summary>One build: CPU seconds of the build's process tree and of csc alone, wall seconds, KerasLint warnings by id.</summary>
    public sealed record BuildRun(double TreeCpuS, double CscCpuS, double WallS, ImmutableDictionary<string, int> Diagnostics);

    public sealed record BuildSetResult(string Name, ImmutableArray<BuildRun> Runs);

    /// <summary>The runs of every set on one generated solution; <see cref="Added"/> compares each pair with the baseline's.</summary>
    public sealed record BuildResult(string Solution, CodeKind Kind, int Files, int DeepLearningFiles, int Lines,
        ImmutableDictionary<string, int> ExpectedDiagnostics, ImmutableArray<BuildSetResult> Sets)
    {
        public BuildSetResult Baseline => Sets.Single(s => s.Name == BuildBench.None);

        /// <summary>Per pair, (set − baseline) / baseline in percent, for the tree's or csc's CPU time.</summary>
        public double[] Added(string set, bool csc) =>
            Sets.Single(s => s.Name == set).Runs.Zip(Baseline.Runs, (b, a) => 100 * (csc ? b.CscCpuS / a.CscCpuS - 1 : b.TreeCpuS / a.TreeCpuS - 1)).ToArray();
    }
}
