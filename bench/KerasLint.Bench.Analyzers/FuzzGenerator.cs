using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KerasLint.Bench.Analyzers
{
    /// <summary>One generated or mutated file of the fuzz part: its library, its shape, the size asked for and the tree.</summary>
    public sealed record FuzzFile(CodeKind Kind, string Shape, int TargetLines, SyntaxTree Tree)
    {
        public int Lines => Tree.GetText().Lines.Count;

        /// <summary>A compilation of this file alone, against its library's references.</summary>
        public CSharpCompilation CreateCompilation() =>
            CSharpCompilation.Create($"Fuzz{Kind}{Shape}{TargetLines}", new[] { Tree }, SolutionGenerator.ReferencesFor(Kind), References.Options);
    }

    /// <summary>
    /// Files of a given number of lines built to stress what could grow faster than the file (issue 17, item 5): one method
    /// of reassignment chains (<c>p = act(p); loss(p, y)</c> / a loss local reassigned before each compile), one method of
    /// compile+fit pairs or training steps on one model, one method of every setup template, many classes with the model
    /// and loss in fields, one field written and trained in many methods, nested calls; and seeded mutations of them
    /// (lines deleted, replaced by another line of the file or cut short, so the file no longer parses). Deterministic.
    /// </summary>
    public static class FuzzGenerator
    {
        public static readonly string[] Shapes = { "reassign", "pairs", "long-method", "many-classes", "field-writes", "nested" };

        /// <summary>Shapes that are also mutated (their sizes' mutants are measured as shape "mutated-…").</summary>
        public static readonly string[] Mutated = { "long-method", "many-classes" };

        public static FuzzFile Generate(CodeKind kind, string shape, int lines)
        {
            var header = kind switch
            {
                CodeKind.KerasNet => Templates.KerasUsings,
                CodeKind.TorchSharp => Templates.TorchUsings,
                _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "the fuzz part generates Keras.NET and TorchSharp files"),
            } + "namespace Bench.Fuzz\n{\n";
            var body = lines - header.Count(c => c == '\n') - 2; // the closing brace and the empty last line
            var text = header + (kind == CodeKind.KerasNet ? Keras(shape, body) : Torch(shape, body)) + "}\n";
            return new FuzzFile(kind, shape, lines, Parse(kind, shape, lines, text));
        }

        /// <summary>The file of <paramref name="shape"/> with about one line in 40 deleted, replaced by another of its lines or cut at a random column.</summary>
        public static FuzzFile Mutate(CodeKind kind, string shape, int lines, int seed)
        {
            var source = Generate(kind, shape, lines).Tree.GetText().ToString().Split('\n').ToList();
            var random = new Random(seed);
            for (var m = source.Count / 40; m > 0; m--)
            {
                var i = random.Next(source.Count);
                switch (random.Next(3))
                {
                    case 0:
                        source.RemoveAt(i);
                        break;
                    case 1:
                        source[i] = source[random.Next(source.Count)]; // a line from elsewhere in the file
                        break;
                    default:
                        source[i] = source[i][..random.Next(source[i].Length + 1)];
                        break;
                }
            }

            var name = "mutated-" + shape;
            return new FuzzFile(kind, name, lines, Parse(kind, name, lines, string.Join('\n', source)));
        }

        private static SyntaxTree Parse(CodeKind kind, string shape, int lines, string text) =>
            CSharpSyntaxTree.ParseText(text, References.ParseOptions, $"/bench/fuzz/{kind}-{shape}-{lines}.cs", Encoding.UTF8);

        private static string N(int i) => i.ToString(CultureInfo.InvariantCulture);

        /// <summary>Appends <paramref name="unit"/>(i) while the text stays within <paramref name="lines"/> lines (at least once).</summary>
        private static void Fill(StringBuilder sb, int lines, Func<int, string> unit)
        {
            var count = sb.ToString().Count(c => c == '\n');
            for (var i = 0; ; i++)
            {
                var text = unit(i);
                var added = text.Count(c => c == '\n');
                if (count + added > lines && i > 0) return;
                sb.Append(text);
                count += added;
            }
        }

        private static string Keras(string shape, int lines)
        {
            var sb = new StringBuilder();
            switch (shape)
            {
                case "reassign":
                    sb.Append($"    public class Reassign\n    {{\n        public void Train({Templates.KerasParameters})\n        {{\n");
                    sb.Append("            var model = new Sequential();\n            model.Add(new Dense(1));\n            var loss = \"mse\";\n");
                    Fill(sb, lines - 4, i => $"            loss = {(i % 2 == 0 ? "\"mse\"" : "\"mae\"")};\n" +
                        "            model.Compile(optimizer: \"adam\", loss: loss, metrics: new[] { \"accuracy\" });\n");
                    sb.Append("        }\n    }\n");
                    break;
                case "pairs":
                    sb.Append($"    public class Pairs\n    {{\n        public void Train({Templates.KerasParameters})\n        {{\n");
                    sb.Append("            var model = new Sequential();\n            model.Add(new Dense(1));\n");
                    Fill(sb, lines - 4, _ => "            model.Compile(optimizer: \"adam\", loss: \"mse\", metrics: new[] { \"mae\" });\n" +
                        "            model.Fit(x, y, epochs: 1, validation_split: 0.1f, callbacks: new Callback[] { new EarlyStopping(monitor: \"val_mae\") });\n");
                    sb.Append("        }\n    }\n");
                    break;
                case "long-method":
                    sb.Append($"    public class LongMethod\n    {{\n        public void TrainAll({Templates.KerasParameters})\n        {{\n");
                    Fill(sb, lines - 4, i => Indent(Templates.KerasInline[i % Templates.KerasInline.Length].BodyFor(N(i)), 1));
                    sb.Append("        }\n    }\n");
                    break;
                case "many-classes":
                    // The model, its loss and its callbacks in fields, built in the constructor and another method, compiled in a third.
                    Fill(sb, lines, i => $$"""
                            public class Trainer{{i}}
                            {
                                private readonly Sequential model = new Sequential();
                                private readonly List<Callback> callbacks = new List<Callback>();
                                private static readonly string Loss = {{(i % 3 == 0 ? "\"mse\"" : "\"categorical_crossentropy\"")}};

                                public Trainer{{i}}()
                                {
                                    model.Add(new Dense(32, activation: "relu", input_shape: new Shape(8)));
                                    AddHead(model, {{(i % 3 == 0 ? 1 : 10)}});
                                    callbacks.Add(new EarlyStopping(monitor: "{{(i % 2 == 0 ? "val_acc" : "val_loss")}}"));
                                }

                                private static void AddHead(Sequential m, int units) => m.Add(new Dense(units, activation: {{(i % 3 == 0 ? "\"linear\"" : "\"softmax\"")}}));

                                public void Train(NDarray x, NDarray y)
                                {
                                    model.Compile(optimizer: "adam", loss: Loss, metrics: new[] { "accuracy" });
                                    model.Fit(x, y, epochs: 3, validation_split: 0.2f, callbacks: callbacks.ToArray());
                                }
                            }

                        """);
                    break;
                case "field-writes":
                    // One field written in many methods and compiled in many others: every compile may ask for every write.
                    sb.Append("    public class FieldWrites\n    {\n        private Sequential model = new Sequential();\n        private string loss = \"mse\";\n\n");
                    Fill(sb, lines - 3, i => i % 2 == 0
                        ? $"        public void Build{i}()\n        {{\n            model = new Sequential();\n            model.Add(new Dense({1 + i % 10}));\n            loss = {(i % 4 == 0 ? "\"mse\"" : "\"categorical_crossentropy\"")};\n        }}\n\n"
                        : $"        public void Train{i}(NDarray x, NDarray y)\n        {{\n            model.Compile(optimizer: \"adam\", loss: loss, metrics: new[] {{ \"accuracy\" }});\n            model.Fit(x, y, epochs: 1);\n        }}\n\n");
                    sb.Append("    }\n");
                    break;
                case "nested":
                    // Helpers that return their argument, nested eight deep around each model, and layer arrays inline.
                    sb.Append("    public static class Nested\n    {\n        private static Sequential Wrap(Sequential m) => m;\n\n");
                    sb.Append($"        public static void Train({Templates.KerasParameters})\n        {{\n");
                    Fill(sb, lines - 4, i => $"            var model{i} = Wrap(Wrap(Wrap(Wrap(Wrap(Wrap(Wrap(Wrap(new Sequential(new BaseLayer[] {{ new Dense(8, activation: \"relu\"), new Dense({1 + i % 4}, activation: \"softmax\") }})))))))));\n" +
                        $"            model{i}.Compile(optimizer: \"adam\", loss: {(i % 2 == 0 ? "\"binary_crossentropy\"" : "\"categorical_crossentropy\"")}, metrics: new[] {{ \"accuracy\" }});\n");
                    sb.Append("        }\n    }\n");
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(shape), shape, null);
            }

            return sb.ToString();
        }

        private static string Torch(string shape, int lines)
        {
            var sb = new StringBuilder();
            switch (shape)
            {
                case "reassign":
                    sb.Append($"    public static class Reassign\n    {{\n        public static void Step({Templates.TorchParameters})\n        {{\n");
                    sb.Append("            var criterion = CrossEntropyLoss();\n            var p = Sequential(Linear(4, 3)).forward(x);\n");
                    Fill(sb, lines - 4, i => $"            p = {(i % 2 == 0 ? "softmax(p, 1)" : "relu(p)")};\n            criterion.forward(p, y);\n");
                    sb.Append("        }\n    }\n");
                    break;
                case "pairs":
                    sb.Append($"    public static class Pairs\n    {{\n        public static void Train({Templates.TorchParameters})\n        {{\n");
                    sb.Append("            var model = Sequential(Linear(4, 16), ReLU(), Linear(16, 3), Softmax(1));\n            var criterion = CrossEntropyLoss();\n            var optimizer = torch.optim.Adam(model.parameters(), 0.001);\n");
                    Fill(sb, lines - 4, i => $"            optimizer.zero_grad();\n            var loss{i} = criterion.forward(model.forward(x), y);\n            loss{i}.backward();\n            optimizer.step();\n");
                    sb.Append("        }\n    }\n");
                    break;
                case "long-method":
                    sb.Append($"    public class LongMethod\n    {{\n        public void TrainAll({Templates.TorchParameters})\n        {{\n");
                    Fill(sb, lines - 4, i => Indent(Templates.Torch[i % Templates.Torch.Length].BodyFor(N(i)), 1));
                    sb.Append("        }\n    }\n");
                    break;
                case "many-classes":
                    // A Module subclass per class pair, and a trainer that gets model and loss through its constructor.
                    Fill(sb, lines, i => Templates.ModuleSubclass($"Net{i}", i % 2 == 0) + $$"""
                            public sealed class Trainer{{i}}
                            {
                                private readonly Module<Tensor, Tensor> model;
                                private readonly Loss<Tensor, Tensor, Tensor> criterion;

                                public Trainer{{i}}(Module<Tensor, Tensor> model, Loss<Tensor, Tensor, Tensor> criterion)
                                {
                                    this.model = model;
                                    this.criterion = criterion;
                                }

                                public Tensor Step(Tensor x, Tensor y) => criterion.forward(model.forward(x), y);

                                public static Tensor Run(Tensor x, Tensor y) => new Trainer{{i}}(new Net{{i}}(), {{(i % 3 == 0 ? "NLLLoss()" : "CrossEntropyLoss()")}}).Step(x, y);
                            }

                        """);
                    break;
                case "field-writes":
                    sb.Append("    public class FieldWrites\n    {\n        private Module<Tensor, Tensor> model = Sequential(Linear(4, 3));\n\n");
                    Fill(sb, lines - 3, i => i % 2 == 0
                        ? $"        public void Build{i}()\n        {{\n            model = {(i % 4 == 0 ? "Sequential(Linear(4, 3), Softmax(1))" : "Sequential(Linear(4, 3))")};\n        }}\n\n"
                        : $"        public Tensor Step{i}(Tensor x, Tensor y)\n        {{\n            var output = model.forward(x);\n            return CrossEntropyLoss().forward(output, y);\n        }}\n\n");
                    sb.Append("    }\n");
                    break;
                case "nested":
                    sb.Append($"    public static class Nested\n    {{\n        public static void Step({Templates.TorchParameters})\n        {{\n");
                    Fill(sb, lines - 4, i => $"            var h{i} = relu(relu(relu(relu(Sequential(Linear(4, 8), Sequential(ReLU(), Linear(8, 3)), Softmax(1)).forward(x)).tanh()).sigmoid()).tanh()).softmax(1);\n" +
                        $"            var loss{i} = {(i % 2 == 0 ? "CrossEntropyLoss()" : "NLLLoss()")}.forward(h{i}, y);\n");
                    sb.Append("        }\n    }\n");
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(shape), shape, null);
            }

            return sb.ToString();
        }

        private static string Indent(string text, int levels)
        {
            var pad = new string(' ', 4 * levels);
            return string.Join("\n", text.Split('\n').Select(l => l.Length == 0 ? l : pad + l));
        }
    }
}
