using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace KerasLint.TfNetApi.Tests;

/// <summary>
/// The TensorFlow.NET stand-ins (samples/TfNetApi) declare exactly what the public API listings say: every declared
/// public type header and member appears, character for character, in the listing of its assembly (namespaces,
/// parameter names and defaults included); assembly names and versions are the packages'.
/// </summary>
public class StandInSurfaceTests
{
    /// <summary>Declared by hand because the Keras-surface listings do not show them (Placeholders.cs).</summary>
    private static readonly HashSet<string> NotListed = new(StringComparer.Ordinal)
    {
        "Tensorflow.DisposableObject", "Tensorflow.Axis", "Tensorflow.IVariableV1", "Tensorflow.IDatasetV2",
        "Tensorflow.Common.Types.Nest", "Tensorflow.Common.Types.IOptionalArgs", "Tensorflow.Train.Trackable",
        "Tensorflow.Train.AutoTrackable", "Tensorflow.Util.ValidationDataPack", "Tensorflow.Framework.Models.TypeSpec",
    };

    public static TheoryData<string, string, string> Generations() => new()
    {
        { "current", "Tensorflow.Binding", "TensorFlow.NET-0.150.0.keras-surface.api.txt" },
        { "current", "Tensorflow.Keras", "TensorFlow.Keras-0.15.0.api.txt" },
        { "2022", "Tensorflow.Binding", "TensorFlow.NET-0.70.1.keras-surface.api.txt" },
        { "2022", "Tensorflow.Keras", "TensorFlow.Keras-0.7.0.api.txt" },
    };

    [Theory]
    [MemberData(nameof(Generations))]
    public void Every_declared_type_and_member_is_in_the_listing(string generation, string assembly, string listingFile)
    {
        var (compilation, asm) = StandIns.Load(generation, assembly);
        var mismatches = ApiSurface.Compare(asm, Listing.Load(listingFile), NotListed);
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(40)));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Theory]
    [InlineData("current", "Tensorflow.Binding", "0.150.0.0")]
    [InlineData("current", "Tensorflow.Keras", "0.15.0.0")]
    [InlineData("2022", "Tensorflow.Binding", "0.70.1.0")]
    [InlineData("2022", "Tensorflow.Keras", "0.7.0.0")]
    public void Assembly_names_and_versions_are_the_packages(string generation, string assembly, string version)
    {
        var (_, asm) = StandIns.Load(generation, assembly);
        Assert.Equal(assembly, asm.Identity.Name);
        Assert.Equal(Version.Parse(version), asm.Identity.Version);
    }

    [Theory]
    // The members the analyzer binds to (from the listings in tests/data/api/; each must be declared, not only allowed).
    [InlineData("current", "Tensorflow.Binding", "Tensorflow.Keras.Engine.IModel", "void IModel.compile(string optimizer, string loss, string[] metrics)")]
    [InlineData("current", "Tensorflow.Binding", "Tensorflow.Keras.Engine.IModel", "void IModel.compile(Tensorflow.Keras.Engine.IOptimizer optimizer, Tensorflow.Keras.Losses.ILossFunc loss, string[] metrics)")]
    [InlineData("current", "Tensorflow.Binding", "Tensorflow.Keras.Engine.IModel", "void IModel.compile(Tensorflow.Keras.Engine.IOptimizer optimizer, Tensorflow.Keras.Losses.ILossFunc loss, Tensorflow.Keras.Metrics.IMetricFunc[] metrics)")]
    [InlineData("current", "Tensorflow.Binding", "Tensorflow.Keras.Engine.IModel", "void IModel.compile(Tensorflow.Keras.Engine.IOptimizer optimizer, Tensorflow.Keras.Losses.ILossFunc loss)")]
    [InlineData("current", "Tensorflow.Binding", "Tensorflow.Keras.ILayer", "Tensorflow.Tensors ILayer.Apply(Tensorflow.Tensors inputs, Tensorflow.Tensors states = null, bool? training = false, Tensorflow.Common.Types.IOptionalArgs optional_args = null)")]
    [InlineData("current", "Tensorflow.Binding", "Tensorflow.Keras.Layers.ILayersApi", "Tensorflow.Keras.ILayer ILayersApi.Dense(int units, string activation = null, Tensorflow.Shape input_shape = null)")]
    [InlineData("current", "Tensorflow.Binding", "Tensorflow.Keras.Layers.ILayersApi", "Tensorflow.Keras.ILayer ILayersApi.Dropout(float rate, Tensorflow.Shape noise_shape = null, int? seed = null)")]
    [InlineData("current", "Tensorflow.Binding", "Tensorflow.Keras.Losses.ILossesApi", "Tensorflow.Keras.Losses.ILossFunc ILossesApi.SparseCategoricalCrossentropy(string reduction = null, string name = null, bool from_logits = false)")]
    [InlineData("current", "Tensorflow.Binding", "Tensorflow.Keras.IOptimizerApi", "Tensorflow.Keras.Engine.IOptimizer IOptimizerApi.Adam(float learning_rate = 0.001, float beta_1 = 0.9, float beta_2 = 0.999, float epsilon = 1E-07, bool amsgrad = false, string name = \"Adam\")")]
    [InlineData("current", "Tensorflow.Binding", "Tensorflow.tensorflow.nn_internal", "Tensorflow.Tensor nn_internal.softmax(Tensorflow.Tensor logits, int axis = -1, string name = null)")]
    [InlineData("current", "Tensorflow.Binding", "Tensorflow.Binding", "static Tensorflow.tensorflow Binding.tf { get; }")]
    [InlineData("current", "Tensorflow.Keras", "Tensorflow.KerasApi", "static Tensorflow.Keras.KerasInterface KerasApi.keras { get; }")]
    [InlineData("current", "Tensorflow.Keras", "Tensorflow.Keras.KerasInterface", "Tensorflow.Keras.Engine.Sequential KerasInterface.Sequential(params Tensorflow.Keras.ILayer[] layers)")]
    [InlineData("current", "Tensorflow.Keras", "Tensorflow.Keras.KerasInterface", "Tensorflow.Keras.Engine.IModel KerasInterface.Model(Tensorflow.Tensors inputs, Tensorflow.Tensors outputs, string name = null)")]
    [InlineData("current", "Tensorflow.Keras", "Tensorflow.Keras.Losses.SparseCategoricalCrossentropy", "SparseCategoricalCrossentropy.ctor(bool from_logits = false, string reduction = null, string name = null)")]
    [InlineData("current", "Tensorflow.Keras", "Tensorflow.Keras.Callbacks.EarlyStopping", "EarlyStopping.ctor(Tensorflow.Keras.Callbacks.CallbackParams parameters, string monitor = \"val_loss\", float min_delta = 0, int patience = 0, int verbose = 1, string mode = \"auto\", float baseline = 0, bool restore_best_weights = false, int start_from_epoch = 0)")]
    [InlineData("current", "Tensorflow.Keras", "Tensorflow.Keras.Engine.Sequential", "void Sequential.add(Tensorflow.Keras.ILayer layer)")]
    [InlineData("2022", "Tensorflow.Keras", "Tensorflow.Keras.Engine.Model", "void Model.compile(Tensorflow.Keras.Optimizers.OptimizerV2 optimizer = null, Tensorflow.Keras.Losses.ILossFunc loss = null, string[] metrics = null)")]
    [InlineData("2022", "Tensorflow.Keras", "Tensorflow.Keras.Engine.Model", "void Model.compile(string optimizer, string loss, string[] metrics)")]
    public void The_members_the_analyzer_binds_to_are_declared(string generation, string assembly, string type, string line)
    {
        var (_, asm) = StandIns.Load(generation, assembly);
        var symbol = ApiSurface.PublicTypes(asm).Single(t => ApiSurface.FullName(t) == type);
        Assert.Contains(line, ApiSurface.MemberLines(symbol));
    }

    [Theory]
    // A wrong namespace, parameter name, default or overload shape is reported.
    [InlineData("namespace Tensorflow.Keras.Engine { public interface ILayer { } }", "Tensorflow.Keras.Engine.ILayer")]
    [InlineData("namespace Tensorflow.Keras.Losses { public class SparseCategoricalCrossentropy { public SparseCategoricalCrossentropy(bool fromLogits = false, string reduction = null, string name = null) { } } }", "fromLogits")]
    [InlineData("namespace Tensorflow.Keras.Losses { public class SparseCategoricalCrossentropy { public SparseCategoricalCrossentropy(bool from_logits = true, string reduction = null, string name = null) { } } }", "from_logits = true")]
    [InlineData("namespace Tensorflow.Keras.Losses { public class SparseCategoricalCrossentropy { public SparseCategoricalCrossentropy(string reduction = null, string name = null, bool from_logits = false) { } } }", "SparseCategoricalCrossentropy.ctor(string reduction")]
    public void A_wrong_declaration_is_reported(string source, string expectedInMessage)
    {
        var compilation = CSharpCompilation.Create("Tensorflow.Keras", new[] { CSharpSyntaxTree.ParseText(source) },
            ApiSurface.PlatformReferences(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var mismatches = ApiSurface.Compare(compilation.Assembly, Listing.Load("TensorFlow.Keras-0.15.0.api.txt"), new HashSet<string>());
        Assert.Contains(mismatches, m => m.ToString().Contains(expectedInMessage, StringComparison.Ordinal));
    }

    [Fact]
    public void The_listings_carry_the_facts_stand_ins_most_often_get_wrong()
    {
        var binding = Listing.Load("TensorFlow.NET-0.150.0.keras-surface.api.txt");
        Assert.Contains("Tensorflow.Keras.Engine.ICallback", binding.Headers.Keys);
        Assert.Contains("Tensorflow.Keras.Engine.IOptimizer", binding.Headers.Keys);
        Assert.Contains("Tensorflow.IInitializer", binding.Headers.Keys);
        Assert.Contains("Tensorflow.TF_DataType", binding.Headers.Keys);
        Assert.Contains("Tensorflow.Keras.ILayer", binding.Headers.Keys);
    }

    [Fact]
    public void Typical_tfnet_code_compiles_against_the_current_stand_ins()
    {
        const string code = """
            using System.Collections.Generic;
            using Tensorflow.Keras;
            using Tensorflow.Keras.Callbacks;
            using Tensorflow.Keras.Engine;
            using Tensorflow.NumPy;
            using static Tensorflow.Binding;
            using static Tensorflow.KerasApi;

            static class Program
            {
                static void Main(NDArray x, NDArray y, NDArray xv, NDArray yv)
                {
                    var model = keras.Sequential(new List<ILayer> { keras.layers.Flatten(), keras.layers.Dense(128, activation: "relu"), keras.layers.Dropout(0.2f), keras.layers.Dense(10, activation: "softmax") });
                    model.add(keras.layers.Softmax());
                    model.compile(optimizer: keras.optimizers.Adam(), loss: keras.losses.SparseCategoricalCrossentropy(from_logits: true), metrics: new[] { "accuracy" });
                    model.compile("adam", "sparse_categorical_crossentropy", new[] { "accuracy" });
                    model.compile(keras.optimizers.RMSprop(), new Tensorflow.Keras.Losses.CategoricalCrossentropy(true), new[] { keras.metrics.CategoricalAccuracy() });
                    var es = new EarlyStopping(new CallbackParams { Model = model, Epochs = 5 }, "val_accuracy", patience: 2);
                    model.fit(x, y, batch_size: 64, epochs: 2, validation_split: 0.2f, callbacks: new List<ICallback> { es });
                    model.fit(x, y, validation_data: (xv, yv));
                    var (x_train, y_train, x_test, y_test) = keras.datasets.mnist.load_data();
                    var inputs = keras.Input(shape: 784);
                    var h = keras.layers.Dense(64, activation: keras.activations.Relu).Apply(inputs);
                    var outputs = keras.layers.Dense(10).Apply(h);
                    IModel functional = keras.Model(inputs, outputs, name: "mnist_model");
                    functional.compile(keras.optimizers.Adam(0.001f), keras.losses.SparseCategoricalCrossentropy(from_logits: true), new string[] { "accuracy" });
                    var p = tf.nn.softmax(outputs);
                }
            }
            """;
        var (compilation, _) = StandIns.Load("current", "Tensorflow.Keras");
        var user = compilation.WithAssemblyName("user").AddSyntaxTrees(CSharpSyntaxTree.ParseText(code));
        var errors = user.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}

/// <summary>Loads the built stand-in assemblies (samples/TfNetApi) as metadata.</summary>
internal static class StandIns
{
    public static (CSharpCompilation Compilation, IAssemblySymbol Assembly) Load(string generation, string assembly)
    {
        var folder = generation == "current" ? Path.Combine("samples", "TfNetApi") : Path.Combine("samples", "TfNetApi", "Generation2022");
        var keras = generation == "current" ? "TfNetKeras" : "TfNetKeras2022";
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var bin = Path.Combine(RepoRoot(), folder, "Keras", "bin", configuration, "netstandard2.0");
        Assert.True(File.Exists(Path.Combine(bin, "Tensorflow.Keras.dll")), $"{keras} is not built at {bin}");
        var refs = new[] { "Tensorflow.Binding.dll", "Tensorflow.Keras.dll" }.Select(f => (MetadataReference)MetadataReference.CreateFromFile(Path.Combine(bin, f))).ToList();
        var compilation = ApiSurface.Compilation(refs);
        var asm = compilation.References.Select(compilation.GetAssemblyOrModuleSymbol).OfType<IAssemblySymbol>().Single(a => a.Identity.Name == assembly);
        return (compilation, asm);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "KerasLint.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("KerasLint.sln not found above " + AppContext.BaseDirectory);
    }
}
