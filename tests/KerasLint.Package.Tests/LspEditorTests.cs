using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace KerasLint.Package.Tests;

/// <summary>
/// KerasLint in an editor, for real: a project that references the packed KerasLint (from a local feed, restored first,
/// as csharp-ls does not restore) is opened in csharp-ls 0.28.0 (the LSP server of Neovim, Emacs and Helix; a local
/// dotnet tool of this repository, <c>.config/dotnet-tools.json</c>) driven over stdio as an editor drives it. The client
/// answers <c>workspace/configuration</c> for section <c>csharp</c> with <c>analyzersEnabled: true</c>, opens a document
/// holding one mistake per library, waits for KerasLint's diagnostic (code, severity, range, help link), then types
/// the fix and waits for the diagnostic to clear. csharp-ls does not load third-party code-fix providers, so fixes are
/// covered in-process and through <c>dotnet format</c>; here the fix is typed.
/// </summary>
[Collection(DotnetCli.Collection)]
public class LspEditorTests : IClassFixture<PackedPackage>
{
    /// <summary>A guard against a hung server, not a performance bound: the verdict never depends on how fast it answers.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(6);

    private readonly PackedPackage _pack;
    private readonly ITestOutputHelper _output;

    public LspEditorTests(PackedPackage pack, ITestOutputHelper output)
    {
        _pack = pack;
        _output = output;
    }

    /// <summary>One library's case: the references it needs, a document with one mistake, the fixed document.</summary>
    public sealed record EditorCase(string Library, string Id, string References, string Before, string Flagged, string After)
    {
        public override string ToString() => Library;
    }

    public static TheoryData<string> Libraries() => new() { "Keras.NET", "TensorFlow.NET", "TorchSharp" };

    [Theory]
    [MemberData(nameof(Libraries))]
    public async Task DiagnosticAppearsWhileTypingAndClearsWhenFixed(string library)
    {
        Assert.True(_pack.ExitCode == 0, "dotnet pack failed:\n" + _pack.Log);
        var nupkg = Assert.Single(_pack.Packages, p => Path.GetFileName(p).StartsWith("KerasLint.", StringComparison.Ordinal));
        var version = Path.GetFileNameWithoutExtension(nupkg).Substring("KerasLint.".Length);
        var (toolExit, toolLog) = DotnetCli.RunIn(RepoRoot.Path, TimeSpan.FromMinutes(5), buildFlags: false, "tool", "restore");
        Assert.True(toolExit == 0, "dotnet tool restore failed:\n" + toolLog);

        var editorCase = Case(library);
        var dir = Path.Combine(Path.GetTempPath(), "keraslint-lsp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            // The package from its local feed (no project reference to the analyzer), restored into a private folder so
            // that a stale copy of the same version in the global cache cannot stand in for the packed one.
            File.WriteAllText(Path.Combine(dir, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="keraslint-local" value="{Path.GetDirectoryName(nupkg)}" />
                  </packageSources>
                </configuration>
                """);
            File.WriteAllText(Path.Combine(dir, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>disable</Nullable>
                    <ImplicitUsings>disable</ImplicitUsings>
                    <RestorePackagesPath>{Path.Combine(dir, "packages")}</RestorePackagesPath>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="KerasLint" Version="{version}" PrivateAssets="all" />
                {editorCase.References}
                  </ItemGroup>
                </Project>
                """);
            var file = Path.Combine(dir, "Program.cs");
            File.WriteAllText(file, editorCase.Before);
            var (restoreExit, restoreLog) = DotnetCli.RunIn(dir, TimeSpan.FromMinutes(5), buildFlags: false, "restore");
            Assert.True(restoreExit == 0, "dotnet restore failed:\n" + restoreLog);

            using var guard = new CancellationTokenSource(HangGuard);
            using var server = LspClient.Start("dotnet", new[] { "tool", "run", "csharp-ls" }, RepoRoot.Path,
                section => section == "csharp" ? new JsonObject { ["analyzersEnabled"] = true } : null);
            await server.InitializeAsync(dir, guard.Token);
            var uri = new Uri(file).AbsoluteUri;

            server.DidOpen(uri, editorCase.Before);
            var found = await WaitFor(server, uri, items => items.Any(d => Code(d) == editorCase.Id), guard.Token, editorCase);

            var ours = found.Where(d => Code(d) == editorCase.Id).ToArray();
            var diagnostic = Assert.Single(ours);
            Assert.Equal(editorCase.Flagged, TextAt(editorCase.Before, diagnostic!["range"]!));
            Assert.Equal(LspSeverity(editorCase.Id), diagnostic["severity"]!.GetValue<int>());
            Assert.EndsWith($"docs/rules/{editorCase.Id}.md", diagnostic["codeDescription"]?["href"]?.GetValue<string>() ?? "", StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(diagnostic["message"]?.GetValue<string>()));

            // Typing the fix (one edit of the open buffer, not saved) clears the diagnostic.
            server.DidChange(uri, 2, editorCase.After);
            var after = await WaitFor(server, uri, items => items.All(d => Code(d) != editorCase.Id), guard.Token, editorCase);
            Assert.DoesNotContain(after, d => Code(d)?.StartsWith("KL", StringComparison.Ordinal) == true);
            Assert.DoesNotContain(after, d => Code(d) is { } code && code.StartsWith("CS", StringComparison.Ordinal) && d!["severity"]?.GetValue<int>() == 1);

            _output.WriteLine($"{library}: {editorCase.Id} seen and cleared; pull diagnostics: {server.PullsDiagnostics}");
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

    /// <summary>Asks for the document's diagnostics until <paramref name="done"/> holds for them.</summary>
    private static async Task<JsonArray> WaitFor(LspClient server, string uri, Func<JsonArray, bool> done, CancellationToken cancellationToken, EditorCase editorCase)
    {
        JsonArray last = new();
        try
        {
            while (true)
            {
                last = await server.DiagnosticsAsync(uri, cancellationToken);
                if (done(last)) return last;
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"{editorCase.Library}: the server never got there for {editorCase.Id}; last diagnostics: {last.ToJsonString()}\nserver log (tail):\n{Tail(server.ServerLog)}");
        }
    }

    private static string Tail(string log) => log.Length > 6000 ? log.Substring(log.Length - 6000) : log;

    private static string? Code(JsonNode? diagnostic) => diagnostic?["code"]?.GetValue<string>();

    /// <summary>The text an LSP range covers (lines and UTF-16 characters, zero-based).</summary>
    private static string TextAt(string text, JsonNode range)
    {
        var lines = text.Split('\n');
        int Offset(JsonNode position)
        {
            var line = position["line"]!.GetValue<int>();
            var character = position["character"]!.GetValue<int>();
            return lines.Take(line).Sum(l => l.Length + 1) + character;
        }

        var start = Offset(range["start"]!);
        return text.Substring(start, Offset(range["end"]!) - start);
    }

    /// <summary>The LSP severity of a rule's default severity (1 error, 2 warning, 3 information, 4 hint).</summary>
    private static int LspSeverity(string id)
    {
        var descriptor = AnalyzerDescriptors.All.First(d => d.Id == id);
        return descriptor.DefaultSeverity switch
        {
            DiagnosticSeverity.Error => 1,
            DiagnosticSeverity.Warning => 2,
            DiagnosticSeverity.Info => 3,
            _ => 4,
        };
    }

    private static EditorCase Case(string library)
    {
        switch (library)
        {
            case "Keras.NET":
            {
                var keras = BuiltStandIn(Path.Combine("samples", "KerasNetApi", "KerasNetApi.csproj"), "Keras.dll");
                const string before = """
                    using Keras;
                    using Keras.Layers;
                    using Keras.Models;

                    internal static class Program
                    {
                        private static void Main()
                        {
                            var model = new Sequential();
                            model.Add(new Dense(16, activation: "relu", input_shape: new Shape(8)));
                            model.Add(new Dense(1));
                            model.Compile(optimizer: "adam", loss: "mse", metrics: new[] { "accuracy" });
                        }
                    }

                    """;
                return new EditorCase(library, "KL0001", $"""    <Reference Include="Keras" HintPath="{keras}" />""",
                    before, "\"accuracy\"", before.Replace("\"accuracy\"", "\"mae\"", StringComparison.Ordinal));
            }

            case "TensorFlow.NET":
            {
                var binding = BuiltStandIn(Path.Combine("samples", "TfNetApi", "Binding", "TfNetBinding.csproj"), "Tensorflow.Binding.dll");
                var keras = BuiltStandIn(Path.Combine("samples", "TfNetApi", "Keras", "TfNetKeras.csproj"), "Tensorflow.Keras.dll");
                const string before = """
                    using Tensorflow.Keras.Engine;
                    using Tensorflow.Keras.Losses;
                    using Tensorflow.NumPy;
                    using static Tensorflow.KerasApi;

                    internal static class Program
                    {
                        private static void Main()
                        {
                        }

                        public static IModel Train(NDArray images, NDArray labels)
                        {
                            var model = keras.Sequential(
                                keras.layers.Flatten(),
                                keras.layers.Dense(128, activation: "relu"),
                                keras.layers.Dense(10, activation: "softmax"));
                            model.compile(optimizer: keras.optimizers.Adam(),
                                loss: new SparseCategoricalCrossentropy(from_logits: true),
                                metrics: new[] { "accuracy" });
                            model.fit(images, labels, epochs: 5);
                            return model;
                        }
                    }

                    """;
                return new EditorCase(library, "KL0006",
                    $"""
                        <Reference Include="Tensorflow.Binding" HintPath="{binding}" />
                        <Reference Include="Tensorflow.Keras" HintPath="{keras}" />
                    """,
                    before, "true", before.Replace("from_logits: true", "from_logits: false", StringComparison.Ordinal));
            }

            case "TorchSharp":
            {
                const string before = """
                    using TorchSharp;
                    using static TorchSharp.torch;
                    using static TorchSharp.torch.nn;

                    internal static class Program
                    {
                        private static void Main()
                        {
                        }

                        public static Tensor Step(Module<Tensor, Tensor> model, Tensor x, Tensor y)
                        {
                            var logits = model.forward(x);
                            var probabilities = logits.softmax(1);
                            return functional.cross_entropy(probabilities, y);
                        }
                    }

                    """;
                return new EditorCase(library, "KL0101", """    <PackageReference Include="TorchSharp" Version="0.107.0" />""",
                    before, "functional.cross_entropy(probabilities, y)",
                    before.Replace("            var probabilities = logits.softmax(1);\n", "", StringComparison.Ordinal)
                        .Replace("cross_entropy(probabilities, y)", "cross_entropy(logits, y)", StringComparison.Ordinal));
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(library), library, "No editor case for this library.");
        }
    }

    /// <summary>Builds a compile-time stand-in of a library that is not on NuGet and returns its assembly's path.</summary>
    private static string BuiltStandIn(string project, string assembly)
    {
        var (exit, log) = DotnetCli.Run(TimeSpan.FromMinutes(5), "build", project, "-c", "Release");
        Assert.True(exit == 0, log);
        var path = Path.Combine(RepoRoot.Path, Path.GetDirectoryName(project)!, "bin", "Release", "netstandard2.0", assembly);
        Assert.True(File.Exists(path), path);
        return path;
    }
}
