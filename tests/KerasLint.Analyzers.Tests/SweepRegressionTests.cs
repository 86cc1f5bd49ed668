using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using KerasLint.Analyzers.Tests.TfNet;
using static KerasLint.Analyzers.Tests.Infrastructure.KerasCode;

namespace KerasLint.Analyzers.Tests
{
    /// <summary>
    /// The cases the 20× mutation sweep (<c>KERASLINT_SWEEP_SCALE=20</c>, <see cref="MutationSweepTests"/>) found for
    /// Keras.NET and TensorFlow.NET, each as a small source: the diagnostic carries a fix, and every fix offered removes
    /// it without adding a compiler error, in a document with a path and in an in-memory one (<see cref="FixCheck"/>).
    /// Where the fixed code is well-formed, the verifier also checks the exact result.
    /// </summary>
    public class SweepRegressionTests
    {
        private static async Task Holds(string source, string id, IEnumerable<MetadataReference> libraries, string? family = null)
        {
            var compilation = CSharpCompilation.Create("P", new[] { CSharpSyntaxTree.ParseText(source) }, Direct.Platform.AddRange(libraries), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var diagnostics = await compilation.WithAnalyzers(EveryAnalyzer, Direct.OptionsFor(family)).GetAnalyzerDiagnosticsAsync();
            Assert.Contains(diagnostics, d => d.Id == id);
            foreach (var inMemory in new[] { false, true })
            {
                var result = new FixCheck.Result();
                await FixCheck.Check(source, family, libraries, result, label: inMemory ? "in memory" : "with a path", inMemory: inMemory);
                Assert.True(result.Failures.Count == 0, string.Join("\n", result.Failures));
                Assert.True(result.FixesApplied > 0, "no fix was applied");
            }
        }

        private static Task HoldsTfNet(string body, string id) => Holds(TfNetCode.InMethod(body), id, TfNetCode.References);

        // ---- TensorFlow.NET KL0011: a string that names no optimizer or loss gets the object that trains now ----

        [Theory]
        [InlineData("binary_crossentropy", "adam", "RMSprop", "MeanSquaredError")] // swapped: what trains now
        [InlineData("adam", "accuracy", "Adam", "MeanSquaredError")] // a metric as the loss: the named optimizer is kept
        [InlineData("max", "mae", "RMSprop", "MeanAbsoluteError")] // "mae" trains MeanAbsoluteError
        public Task KL0011_UnnamedString_PassWhatTrainsNow(string optimizer, string loss, string optimizerObject, string lossObject) =>
            TfNetFixTest<KL0011StringCompileIgnoredAnalyzer, KL0011StringCompileIgnoredCodeFixProvider>.Run(
                TfNetCode.InMethod($"        var model = keras.Sequential(keras.layers.Dense(1));\n        {{|KL0011:model.compile(\"{optimizer}\", \"{loss}\", new string[0])|}};\n"),
                TfNetCode.InMethod($"        var model = keras.Sequential(keras.layers.Dense(1));\n        model.compile(keras.optimizers.{optimizerObject}(), keras.losses.{lossObject}(), new string[0]);\n"));

        [Fact]
        public async Task KL0011_TitleSaysWhichStringNamesNothing()
        {
            var d = await TfNetCode.Single(TfNetCode.InMethod(@"        var model = keras.Sequential(keras.layers.Dense(10, activation: ""softmax""));
        model.compile(""max"", ""sparse_categorical_crossentropy"", new[] { ""accuracy"" });
"), "KL0011");
            Assert.Equal("Pass keras.optimizers.RMSprop() and keras.losses.SparseCategoricalCrossentropy(), what trains now ('max' names no optimizer)", FixPlan.Read(d).Single().Title);
        }

        [Fact]
        public Task KL0011_UnnamedOptimizer_EveryHost() => HoldsTfNet(@"        var model = keras.Sequential(keras.layers.Dense(10, activation: ""softmax""));
        model.compile(""max"", ""sparse_categorical_crossentropy"", new[] { ""accuracy"" });
", "KL0011");

        /// <summary>A metrics argument that does not parse (<c>[] { … }</c>): the objects bind to the overload without metrics' ambiguity.</summary>
        [Fact]
        public Task KL0011_BrokenMetricsArgument() => HoldsTfNet(@"        var model = keras.Sequential(keras.layers.Dense(10, activation: ""softmax""));
        model.compile(""adam"", ""sparse_categorical_crossentropy"", [] { ""accuracy"" });
", "KL0011");

        // ---- TensorFlow.NET KL0007: a loss object written without its argument list (a token deleted) ----

        [Fact]
        public Task KL0007_LossObjectWithoutArgumentList() => HoldsTfNet(@"        var model = keras.Sequential(keras.layers.Dense(1, activation: ""sigmoid""));
        model.compile(keras.optimizers.Adam(), new MeanSquaredError), new[] { ""accuracy"" });
", "KL0007");

        // ---- TensorFlow.NET KL0004: tf.nn.softmax over a 1-unit Dense in the functional API: tf.nn.sigmoid where the
        // library has it (TensorFlow.NET's is generic, which the stand-ins leave out), else the Dense takes 'sigmoid' ----

        private const string TfNnSoftmaxOnOneUnit = @"        var inputs = keras.Input(shape: 784);
        var logits = keras.layers.Dense(1).Apply(inputs);
        var model = keras.Model(inputs, {|KL0004:tf.nn.softmax(logits)|});
        model.compile(keras.optimizers.Adam(), keras.losses.BinaryCrossentropy());
";

        [Fact]
        public Task KL0004_TfNnSoftmax_DenseTakesSigmoid() =>
            TfNetFixTest<KL0004SoftmaxOnOneUnitAnalyzer, KL0004SoftmaxOnOneUnitCodeFixProvider>.Run(
                TfNetCode.InMethod(TfNnSoftmaxOnOneUnit),
                TfNetCode.InMethod(ReportedCasesTests.Plain(TfNnSoftmaxOnOneUnit).Replace("Dense(1)", @"Dense(1, activation: ""sigmoid"")").Replace("tf.nn.softmax(logits)", "logits")));

        [Fact]
        public async Task KL0004_TfNnSoftmax_PlansTheSameFunctionFirst()
        {
            var d = await TfNetCode.Single(TfNetCode.InMethod(ReportedCasesTests.Plain(TfNnSoftmaxOnOneUnit)), "KL0004");
            Assert.Equal(new[] { "Use 'sigmoid'", "Use 'sigmoid' on the Dense layer and remove softmax()" }, FixPlan.Read(d).Select(a => a.Title));
        }

        [Fact]
        public Task KL0004_TfNnSoftmax_EveryHost() => HoldsTfNet(ReportedCasesTests.Plain(TfNnSoftmaxOnOneUnit), "KL0004");

        // ---- Keras.NET KL0001: a duplicated fit line reads the same History lookup twice ----

        [Fact]
        public Task KL0001_DuplicatedFitLine_OneEditPerLookup() => Holds(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(1, input_shape: new Shape(8)));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] { ""acc"" });
        var stop = new EarlyStopping(monitor: ""val_acc"", mode: ""max"");
        var history = model.Fit(x, y, validation_split: 0.2f, callbacks: new Callback[] { stop });
        var history = model.Fit(x, y, validation_split: 0.2f, callbacks: new Callback[] { stop });
        Console.WriteLine(history.HistoryLogs[""val_acc""][0]);
"), "KL0001", new[] { KerasReference }, "3");

        // ---- Keras.NET KL0001 (issue 18 item 3): a renamed accuracy key moves History lookups only where the meaning is kept ----

        private static Task Fix1(string before, string after) =>
            FixTest<KL0001AccuracyOnRegressionAnalyzer, KL0001AccuracyOnRegressionCodeFixProvider>.Run(
                "using System.Linq;\n" + InMethod(before), "using System.Linq;\n" + InMethod(ReportedCasesTests.Plain(after)), "tf2", "KL0001.Recommended");

        private const string Regression = @"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] { {|KL0001:""accuracy""|} });
        var history = model.Fit(x, y, epochs: 10, validation_split: 0.2f);
";

        /// <summary>The best of the values through a local, TryGetValue's out variable and Enumerable.Max: each Max becomes Min.</summary>
        [Fact]
        public Task BestThroughLocalsAndStaticCalls_Flips() => Fix1(Regression + @"        var curve = history.HistoryLogs[""val_accuracy""];
        var best = curve.Max();
        var first = Enumerable.Max(history.HistoryLogs[""accuracy""]);
        if (history.HistoryLogs.TryGetValue(""val_accuracy"", out var values)) Console.WriteLine(values.Max() + "" at "" + Array.IndexOf(values, values.Max()));
", (Regression + @"        var curve = history.HistoryLogs[""val_mae""];
        var best = curve.Min();
        var first = Enumerable.Min(history.HistoryLogs[""mae""]);
        if (history.HistoryLogs.TryGetValue(""val_mae"", out var values)) Console.WriteLine(values.Min() + "" at "" + Array.IndexOf(values, values.Min()));
").Replace(@"""accuracy""", @"""mae"""));

        /// <summary>Values compared with a threshold or ranked would silently mean the opposite: those lookups are left and named in the title.</summary>
        [Fact]
        public Task ComparedOrRankedValues_LeftAsTheyAre() => Fix1(Regression + @"        if (history.HistoryLogs[""val_accuracy""].Last() > 0.9) Console.WriteLine(""good"");
        var top = history.HistoryLogs[""accuracy""].OrderByDescending(v => v).First();
        var reached = history.HistoryLogs[""val_accuracy""].Max() >= 0.95;
        var plotted = history.HistoryLogs[""val_accuracy""][0];
", (Regression + @"        if (history.HistoryLogs[""val_accuracy""].Last() > 0.9) Console.WriteLine(""good"");
        var top = history.HistoryLogs[""accuracy""].OrderByDescending(v => v).First();
        var reached = history.HistoryLogs[""val_accuracy""].Max() >= 0.95;
        var plotted = history.HistoryLogs[""val_mae""][0];
").Replace(@"new[] { {|KL0001:""accuracy""|} }", @"new[] { ""mae"" }"));

        [Fact]
        public async Task ComparedOrRankedValues_NamedInTheTitle()
        {
            var d = await Direct.Single("using System.Linq;\n" + InMethod(ReportedCasesTests.Plain(Regression + @"        if (history.HistoryLogs[""val_accuracy""].Last() > 0.9) Console.WriteLine(""good"");
        var plotted = history.HistoryLogs[""val_accuracy""][0];
        var best = history.HistoryLogs[""val_accuracy""].Max();
")), "KL0001", "tf2");
            Assert.Equal("Replace 'accuracy' with 'mae'; 2 history lookups 'val_accuracy' → 'val_mae' (its best value: Max → Min); "
                + "history lookup 'val_accuracy' left as it is (its values are compared or ranked, and 'val_mae' is best when lowest)", FixPlan.Read(d)[0].Title);
        }

        /// <summary>The sweep's check of item 3 (<see cref="FixCheck.HistoryMeaning"/>) tells a kept meaning from a changed one.</summary>
        [Fact]
        public void HistoryMeaning_SeesARenameThatInvertsTheBest()
        {
            static string Meaning(string body) => FixCheck.HistoryMeaning(CSharpSyntaxTree.ParseText("using System.Linq;\n" + InMethod(body)));
            const string Best = @"        var h = new System.Collections.Generic.Dictionary<string, double[]>();
        var best = h[""val_accuracy""].Max();
        var good = h[""val_accuracy""].Last() > 0.9;
";
            Assert.Equal(Meaning(Best), Meaning(Best.Replace(@"""val_accuracy""].Max()", @"""val_mae""].Min()")));
            Assert.NotEqual(Meaning(Best), Meaning(Best.Replace(@"""val_accuracy""].Max()", @"""val_mae""].Max()")));
            Assert.NotEqual(Meaning(Best), Meaning(Best.Replace(@"""val_accuracy""].Last()", @"""val_mae""].Last()")));
        }
    }
}
