extern alias analyzers;

using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;

namespace KerasLint.Cli;

/// <summary>One KerasLint finding, as a report prints it.</summary>
public sealed record Finding(string Id, DiagnosticSeverity Severity, string Message, string Path, int Line, int Column, int EndLine, int EndColumn, DiagnosticDescriptor Descriptor);

/// <summary>Loads the projects (MSBuildWorkspace), runs KerasLint's analyzers, optionally applies the fixes, reports.</summary>
internal static class Analysis
{
    /// <summary>KerasLint's analyzers: every concrete DiagnosticAnalyzer with [DiagnosticAnalyzer] in the analyzer assembly.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = Instances<DiagnosticAnalyzer, DiagnosticAnalyzerAttribute>(typeof(analyzers::KerasLint.Knowledge.RuleIds).Assembly);

    /// <summary>KerasLint's code fixes: every concrete CodeFixProvider with [ExportCodeFixProvider] in the code-fix assembly.</summary>
    public static ImmutableArray<CodeFixProvider> CodeFixes { get; } = Instances<CodeFixProvider, ExportCodeFixProviderAttribute>(typeof(analyzers::KerasLint.CodeFixes.KerasLintCodeFixProvider).Assembly);

    private static ImmutableArray<T> Instances<T, TAttribute>(Assembly assembly)
        where T : class
        where TAttribute : Attribute
    {
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            types = e.Types.Where(t => t != null).ToArray()!;
        }

        return types
            .Where(t => !t.IsAbstract && typeof(T).IsAssignableFrom(t) && t.GetCustomAttribute<TAttribute>() != null && t.GetConstructor(Type.EmptyTypes) != null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (T)Activator.CreateInstance(t)!)
            .ToImmutableArray();
    }

    public static async Task<int> RunAsync(AnalyzeOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (options.Configuration != null) properties["Configuration"] = options.Configuration;
        using var workspace = MSBuildWorkspace.Create(properties);
        var loadErrors = new List<string>();
        using var failures = workspace.RegisterWorkspaceFailedHandler(e =>
        {
            if (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure) loadErrors.Add(e.Diagnostic.Message);
        });

        if (!options.NoRestore && !Restore(options.Path, stderr, cancellationToken)) return AnalyzeCommand.LoadFailed;

        var progress = new Progress(stderr);
        Solution solution;
        try
        {
            solution = await LoadAsync(workspace, options.Path, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or ArgumentException)
        {
            stderr.WriteLine($"error: could not load '{options.Path}': {e.Message}");
            return AnalyzeCommand.LoadFailed;
        }

        var projects = solution.Projects.Where(p => p.Language == LanguageNames.CSharp).ToArray();
        if (projects.Length == 0)
        {
            stderr.WriteLine($"error: no C# project could be loaded from '{options.Path}'.");
            foreach (var m in loadErrors) stderr.WriteLine("  " + m);
            return AnalyzeCommand.LoadFailed;
        }

        foreach (var m in loadErrors) stderr.WriteLine("warning: " + m);

        if (options.Fix)
        {
            var (fixedSolution, applied) = await FixAsync(solution, stderr, cancellationToken).ConfigureAwait(false);
            if (applied > 0)
            {
                if (!workspace.TryApplyChanges(fixedSolution))
                {
                    stderr.WriteLine("error: the fixed files could not be written.");
                    return AnalyzeCommand.LoadFailed;
                }

                stderr.WriteLine($"fixed {applied} finding(s).");
                solution = workspace.CurrentSolution;
            }
        }

        var findings = await FindingsAsync(solution, stderr, cancellationToken).ConfigureAwait(false);
        var writer = options.Output == null ? stdout : new StreamWriter(options.Output);
        try
        {
            switch (options.Format)
            {
                case "msbuild":
                    Reports.WriteMsBuild(writer, findings);
                    break;
                case "sarif":
                    Reports.WriteSarif(writer, findings, Analyzers);
                    break;
                default:
                    Reports.WriteText(writer, findings, Path.GetDirectoryName(options.Path) is { } dir && File.Exists(options.Path) ? dir : options.Path, projects.Length);
                    break;
            }
        }
        finally
        {
            if (options.Output != null) writer.Dispose();
        }

        var threshold = options.FailOn switch
        {
            "error" => DiagnosticSeverity.Error,
            "warning" => DiagnosticSeverity.Warning,
            _ => (DiagnosticSeverity?)null,
        };
        return threshold is { } t && findings.Any(f => f.Severity >= t) ? AnalyzeCommand.Findings : AnalyzeCommand.Clean;
    }

    private static async Task<Solution> LoadAsync(MSBuildWorkspace workspace, string path, IProgress<ProjectLoadProgress> progress, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
        {
            var solutions = Directory.GetFiles(path, "*.sln").Concat(Directory.GetFiles(path, "*.slnx")).ToArray();
            if (solutions.Length == 1) return await workspace.OpenSolutionAsync(solutions[0], progress: progress, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (solutions.Length > 1) throw new ArgumentException($"the folder holds {solutions.Length} solutions ({string.Join(", ", solutions.Select(Path.GetFileName))}); name one.");
            var projects = Directory.EnumerateFiles(path, "*.csproj", SearchOption.AllDirectories)
                .Where(p => !InBuildOutput(Path.GetRelativePath(path, p)))
                .OrderBy(p => p, StringComparer.Ordinal)
                .ToArray();
            if (projects.Length == 0) throw new ArgumentException("the folder holds no solution and no .csproj.");
            foreach (var project in projects)
            {
                // A project loaded earlier as another's reference is already there.
                if (workspace.CurrentSolution.Projects.Any(p => string.Equals(p.FilePath, project, StringComparison.OrdinalIgnoreCase))) continue;
                await workspace.OpenProjectAsync(project, progress: progress, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            return workspace.CurrentSolution;
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".sln" or ".slnx" or ".slnf") return await workspace.OpenSolutionAsync(path, progress: progress, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (extension.EndsWith("proj", StringComparison.Ordinal))
        {
            await workspace.OpenProjectAsync(path, progress: progress, cancellationToken: cancellationToken).ConfigureAwait(false);
            return workspace.CurrentSolution;
        }

        throw new ArgumentException("expected a .sln, .slnx, .csproj or a folder.");
    }

    /// <summary>
    /// <c>dotnet restore</c> on what will be loaded, as <c>dotnet build</c> does first: a project never restored loads
    /// without its references. Restore writes only obj/ (NuGet's assets file), never a source or project file.
    /// </summary>
    private static bool Restore(string path, TextWriter stderr, CancellationToken cancellationToken)
    {
        var targets = Directory.Exists(path) && Directory.GetFiles(path, "*.sln").Concat(Directory.GetFiles(path, "*.slnx")).Count() != 1
            ? Directory.EnumerateFiles(path, "*.csproj", SearchOption.AllDirectories).Where(p => !InBuildOutput(Path.GetRelativePath(path, p))).OrderBy(p => p, StringComparer.Ordinal).ToArray()
            : new[] { path };
        foreach (var target in targets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            stderr.WriteLine($"restoring {Path.GetFileName(target.TrimEnd(Path.DirectorySeparatorChar)) } ...");
            var psi = new System.Diagnostics.ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { "restore", target, "--nologo", "-v:q", "-nodeReuse:false" }) psi.ArgumentList.Add(arg);
            using var process = System.Diagnostics.Process.Start(psi)!;
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                stderr.WriteLine($"error: dotnet restore {target} failed (exit code {process.ExitCode}); the projects cannot be loaded without their packages:");
                stderr.WriteLine(output.Result + errors.Result);
                return false;
            }
        }

        return true;
    }

    private static bool InBuildOutput(string relative)
    {
        var parts = relative.Replace('\\', '/').Split('/');
        return parts.Any(p => p is "bin" or "obj" or "node_modules" || p.StartsWith('.'));
    }

    /// <summary>Every KerasLint diagnostic (warning, error and info; hidden ones are not findings) of the solution's C# projects, once per site.</summary>
    public static async Task<IReadOnlyList<Finding>> FindingsAsync(Solution solution, TextWriter stderr, CancellationToken cancellationToken)
    {
        var all = new List<Finding>();
        foreach (var (_, diagnostics) in await DiagnosticsAsync(solution, stderr, cancellationToken).ConfigureAwait(false))
        {
            foreach (var d in diagnostics)
            {
                if (d.Severity == DiagnosticSeverity.Hidden) continue;
                var span = d.Location.GetMappedLineSpan();
                all.Add(new Finding(d.Id, d.Severity, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
                    span.IsValid ? span.Path : "", span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1,
                    span.EndLinePosition.Line + 1, span.EndLinePosition.Character + 1, d.Descriptor));
            }
        }

        // A file compiled by several projects (or target frameworks) is reported once.
        return all.Distinct()
            .OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToArray();
    }

    private static async Task<List<(Project Project, ImmutableArray<Diagnostic> Diagnostics)>> DiagnosticsAsync(Solution solution, TextWriter stderr, CancellationToken cancellationToken)
    {
        var result = new List<(Project, ImmutableArray<Diagnostic>)>();
        foreach (var project in solution.Projects.Where(p => p.Language == LanguageNames.CSharp))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (compilation == null) continue;
            var options = new CompilationWithAnalyzersOptions(project.AnalyzerOptions,
                onAnalyzerException: (e, analyzer, _) => stderr.WriteLine($"warning: {analyzer.GetType().Name} threw {e.GetType().Name}: {e.Message}"),
                concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
            var diagnostics = await compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            result.Add((project, diagnostics.Where(d => d.Location.IsInSource || d.Location == Location.None).ToImmutableArray()));
        }

        return result;
    }

    /// <summary>
    /// Applies every fixable diagnostic's recommended fix (equivalence key <c>&lt;id&gt;.Recommended</c>, the first
    /// action) with the providers' Fix All, one id at a time, re-analysing after each, until nothing fixable is left.
    /// </summary>
    public static async Task<(Solution Solution, int Applied)> FixAsync(Solution solution, TextWriter stderr, CancellationToken cancellationToken)
    {
        var applied = 0;
        var tried = new HashSet<(ProjectId, string)>();
        for (var pass = 0; pass < 16; pass++)
        {
            var progress = false;
            foreach (var (project, diagnostics) in await DiagnosticsAsync(solution, stderr, cancellationToken).ConfigureAwait(false))
            {
                foreach (var group in diagnostics.Where(d => d.Location.IsInSource).GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    var provider = CodeFixes.FirstOrDefault(p => p.FixableDiagnosticIds.Contains(group.Key));
                    if (provider == null || !tried.Add((project.Id, group.Key + "#" + group.Count()))) continue;
                    var changed = await FixAllAsync(solution.GetProject(project.Id)!, provider, group.Key, group.ToImmutableArray(), cancellationToken).ConfigureAwait(false);
                    if (changed == null) continue;
                    solution = changed;
                    applied += group.Count();
                    progress = true;
                    break; // diagnostics of the other ids are stale now: analyse again
                }

                if (progress) break;
            }

            if (!progress) break;
        }

        return (solution, applied);
    }

    private static async Task<Solution?> FixAllAsync(Project project, CodeFixProvider provider, string id, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var key = id + ".Recommended";
        var first = diagnostics[0];
        var document = project.GetDocument(first.Location.SourceTree);
        if (document == null) return null;

        // The action registered for the first diagnostic tells the equivalence key to fix all with.
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, first, (a, _) => actions.Add(a), cancellationToken);
        await provider.RegisterCodeFixesAsync(context).ConfigureAwait(false);
        var chosen = actions.FirstOrDefault(a => a.EquivalenceKey == key) ?? actions.FirstOrDefault();
        if (chosen == null) return null;

        var fixAll = provider.GetFixAllProvider();
        CodeAction? action = chosen;
        if (fixAll != null && diagnostics.Length > 1)
        {
            var fixAllContext = new FixAllContext(document, provider, FixAllScope.Project, chosen.EquivalenceKey, new[] { id }, new Diagnostics(diagnostics), cancellationToken);
            action = await fixAll.GetFixAsync(fixAllContext).ConfigureAwait(false);
        }

        if (action == null) return null;
        var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
        var apply = operations.OfType<ApplyChangesOperation>().FirstOrDefault();
        return apply?.ChangedSolution;
    }

    /// <summary>The diagnostics Fix All works through: the ones analysed for the project.</summary>
    private sealed class Diagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _all;

        public Diagnostics(ImmutableArray<Diagnostic> all) => _all = all;

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_all.Where(d => d.Location.SourceTree != null && string.Equals(d.Location.SourceTree.FilePath, document.FilePath, StringComparison.Ordinal)).ToArray());

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_all.Where(d => !d.Location.IsInSource).ToArray());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_all);
    }

    /// <summary>Project loads, one stderr line each (a solution can take minutes to evaluate).</summary>
    private sealed class Progress : IProgress<ProjectLoadProgress>
    {
        private readonly TextWriter _stderr;

        public Progress(TextWriter stderr) => _stderr = stderr;

        public void Report(ProjectLoadProgress value)
        {
            if (value.Operation != ProjectLoadOperation.Resolve) return;
            var tfm = value.TargetFramework is { } t ? $" ({t})" : "";
            _stderr.WriteLine($"loaded {Path.GetFileName(value.FilePath)}{tfm} in {value.ElapsedTime.TotalSeconds:0.0} s");
        }
    }
}
