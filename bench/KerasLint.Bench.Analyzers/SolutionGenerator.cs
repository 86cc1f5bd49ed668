using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KerasLint.Bench.Analyzers
{
    public enum CodeKind { KerasNet, TorchSharp, Plain }

    /// <summary>
    /// A generated in-memory solution (one project): parsed trees, references, a file with training setups
    /// (<see cref="DeepLearningDocument"/>, null in a plain solution), a file without Keras.NET or TorchSharp code
    /// (<see cref="PlainDocument"/>), and rule id → number of setups written to trigger it (<see cref="ExpectedDiagnostics"/>).
    /// </summary>
    public sealed record GeneratedSolution(string Name, CodeKind Kind, ImmutableArray<SyntaxTree> Trees, ImmutableArray<MetadataReference> References,
        string? DeepLearningDocument, string PlainDocument, ImmutableDictionary<string, int> ExpectedDiagnostics, int DeepLearningFiles)
    {
        public int Lines => Trees.Sum(t => t.GetText().Lines.Count);

        /// <summary>A fresh compilation over the same parsed trees: nothing bound yet.</summary>
        public CSharpCompilation CreateCompilation() => CSharpCompilation.Create(Name, Trees, References, Analyzers.References.Options);

        public SyntaxTree Tree(string path) => Trees.Single(t => t.FilePath == path);
    }

    /// <summary>
    /// Generates solutions of ordinary C# (records, loops, LINQ, switch, async, cross-file calls) in which a share of
    /// the files hold Keras.NET or TorchSharp training setups, some of them wrong on purpose. Deterministic.
    /// </summary>
    public static class SolutionGenerator
    {
        /// <summary>One file in <paramref name="deepLearningEvery"/> holds training code (7: about 14%).</summary>
        public static GeneratedSolution Generate(CodeKind kind, int files, int deepLearningEvery = 7)
        {
            var name = $"{kind}{files}";
            var trees = ImmutableArray.CreateBuilder<SyntaxTree>(files);
            var expected = new Dictionary<string, int>(StringComparer.Ordinal);
            string? dlDocument = null;
            string? lastNet = null;
            var lastNetSoftmax = false;
            var dl = 0;
            for (var i = 0; i < files; i++)
            {
                var path = $"/bench/{name}/File{i:D4}.cs";
                string text;
                if (kind != CodeKind.Plain && i % deepLearningEvery == deepLearningEvery - 1)
                {
                    if (kind == CodeKind.TorchSharp && dl % 4 == 0)
                    {
                        // A model file: a Module subclass other files train (cross-file lookup).
                        lastNetSoftmax = dl % 8 == 0;
                        text = Templates.TorchUsings + Namespace(i, Templates.ModuleSubclass($"Net{i}", lastNetSoftmax) + ServiceClass(i));
                        lastNet = $"{NamespaceName(i)}.Net{i}";
                    }
                    else
                    {
                        var setups = PickSetups(kind, dl, lastNet, lastNetSoftmax);
                        foreach (var rule in setups.Select(s => s.Rule).OfType<string>())
                            expected[rule] = expected.GetValueOrDefault(rule) + 1;
                        text = DeepLearningFile(kind, i, setups);
                        dlDocument ??= path;
                    }

                    dl++;
                }
                else
                {
                    text = PlainFile(i);
                }

                trees.Add(CSharpSyntaxTree.ParseText(text, Analyzers.References.ParseOptions, path, Encoding.UTF8));
            }

            return new GeneratedSolution(name, kind, trees.MoveToImmutable(), ReferencesFor(kind), dlDocument,
                $"/bench/{name}/File{files / 2 - (files / 2 % deepLearningEvery == deepLearningEvery - 1 ? 1 : 0):D4}.cs",
                expected.ToImmutableDictionary(StringComparer.Ordinal), dl);
        }

        /// <summary>
        /// One file with <paramref name="setups"/> training setups (Keras.NET compile calls or TorchSharp loss calls),
        /// all in one method or one per method.
        /// </summary>
        public static GeneratedSolution ManySetups(CodeKind kind, int setups, bool oneMethod)
        {
            var templates = kind == CodeKind.KerasNet ? Templates.KerasInline : Templates.Torch;
            var parameters = kind == CodeKind.KerasNet ? Templates.KerasParameters : Templates.TorchParameters;
            var expected = new Dictionary<string, int>(StringComparer.Ordinal);
            var body = new StringBuilder();
            body.Append("    public class Setups\n    {\n");
            if (oneMethod) body.Append($"        public void TrainAll({parameters})\n        {{\n");
            for (var s = 0; s < setups; s++)
            {
                var template = templates[s % templates.Length];
                if (template.Rule != null) expected[template.Rule] = expected.GetValueOrDefault(template.Rule) + 1;
                if (!oneMethod) body.Append($"        public void Train{s}({parameters})\n        {{\n");
                body.Append(Indent(template.BodyFor(s.ToString(System.Globalization.CultureInfo.InvariantCulture)), 1));
                if (!oneMethod) body.Append("        }\n\n");
            }

            if (oneMethod) body.Append("        }\n");
            body.Append("    }\n");
            var name = $"{kind}{setups}{(oneMethod ? "InOneMethod" : "Methods")}";
            var usings = kind == CodeKind.KerasNet ? Templates.KerasUsings : Templates.TorchUsings;
            var path = $"/bench/{name}/Setups.cs";
            var tree = CSharpSyntaxTree.ParseText(usings + "namespace Bench.Many\n{\n" + body + "}\n", Analyzers.References.ParseOptions, path, Encoding.UTF8);
            return new GeneratedSolution(name, kind, ImmutableArray.Create(tree), ReferencesFor(kind), path, path,
                expected.ToImmutableDictionary(StringComparer.Ordinal), 1);
        }

        public static ImmutableArray<MetadataReference> ReferencesFor(CodeKind kind) => kind switch
        {
            CodeKind.KerasNet => Analyzers.References.Platform.Add(Analyzers.References.Keras),
            CodeKind.TorchSharp => Analyzers.References.Platform.Add(Analyzers.References.TorchSharp),
            _ => Analyzers.References.Platform,
        };

        private static SetupTemplate[] PickSetups(CodeKind kind, int dl, string? lastNet, bool lastNetSoftmax)
        {
            if (kind == CodeKind.KerasNet)
                return new[] { Templates.Keras[(2 * dl) % Templates.Keras.Length], Templates.Keras[(2 * dl + 1) % Templates.Keras.Length] };
            var first = Templates.Torch[dl % Templates.Torch.Length];
            var second = lastNet != null ? Templates.CrossFileModel(lastNet, lastNetSoftmax) : Templates.Torch[(dl + 2) % Templates.Torch.Length];
            return new[] { first, second };
        }

        private static string DeepLearningFile(CodeKind kind, int i, SetupTemplate[] setups)
        {
            var parameters = kind == CodeKind.KerasNet ? Templates.KerasParameters : Templates.TorchParameters;
            var sb = new StringBuilder();
            sb.Append($"    public class Training{i}\n    {{\n");
            sb.Append($"        private readonly List<double> history = new List<double>();\n\n");
            for (var s = 0; s < setups.Length; s++)
            {
                var suffix = s.ToString(System.Globalization.CultureInfo.InvariantCulture);
                sb.Append(Indent(setups[s].MembersFor(suffix), 1));
                sb.Append($"        public void Setup{s}({parameters})\n        {{\n");
                sb.Append(Indent(setups[s].BodyFor(suffix), 1));
                sb.Append("        }\n\n");
            }

            sb.Append("""
                        public double Smoothed(int window)
                        {
                            if (history.Count == 0) return 0;
                            return history.Skip(Math.Max(0, history.Count - window)).Average();
                        }

                        public IEnumerable<string> Report() => history.Select((v, k) => $"epoch {k}: {v:F4}").Where(s => s.Length > 0);
                    }

                """);
            var usings = kind == CodeKind.KerasNet ? Templates.KerasUsings : Templates.TorchUsings;
            return usings + Namespace(i, sb.ToString() + ServiceClass(i));
        }

        private static string Indent(string text, int levels)
        {
            var pad = new string(' ', 4 * levels);
            return string.Join("\n", text.Split('\n').Select(l => l.Length == 0 ? l : pad + l));
        }

        private static string NamespaceName(int i) => $"Bench.App.Area{i % 20}";

        private static string Namespace(int i, string members) => $"namespace {NamespaceName(i)}\n{{\n{members}}}\n";

        private static string PlainFile(int i) => """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Text;
            using System.Threading.Tasks;

            """ + Namespace(i, ServiceClass(i));

        /// <summary>An ordinary class: a record, fields, loops, LINQ, a switch, async, and a call into the previous file's class.</summary>
        private static string ServiceClass(int i)
        {
            var previous = i == 0 ? "" : $$"""

                        public int Combine({{NamespaceName(i - 1)}}.Service{{i - 1}} other) => other.Threshold + Threshold + items.Count;

                """;
            return $$"""
                    public sealed record Item{{i}}(int Id, string Name, decimal Price, DateTime Created);

                    public class Service{{i}}
                    {
                        private readonly List<Item{{i}}> items = new List<Item{{i}}>();
                        private readonly Dictionary<string, int> counts = new Dictionary<string, int>(StringComparer.Ordinal);

                        public int Threshold { get; set; } = {{i % 17 + 3}};

                        public void Add(int id, string name, decimal price)
                        {
                            if (string.IsNullOrEmpty(name)) throw new ArgumentException("empty name", nameof(name));
                            items.Add(new Item{{i}}(id, name, price, DateTime.UtcNow));
                            counts[name] = counts.TryGetValue(name, out var n) ? n + 1 : 1;
                        }

                        public decimal Total()
                        {
                            decimal sum = 0;
                            foreach (var item in items)
                            {
                                if (item.Price > Threshold) sum += item.Price;
                                else sum += item.Price / 2;
                            }

                            return sum;
                        }

                        public IReadOnlyList<string> TopNames(int count) => items
                            .Where(x => x.Price > 0)
                            .GroupBy(x => x.Name)
                            .OrderByDescending(g => g.Count())
                            .ThenBy(g => g.Key, StringComparer.Ordinal)
                            .Take(count)
                            .Select(g => $"{g.Key}:{g.Count()}")
                            .ToList();

                        public string Describe()
                        {
                            var sb = new StringBuilder();
                            for (int k = 0; k < items.Count; k++)
                            {
                                var item = items[k];
                                switch (item.Id % 3)
                                {
                                    case 0:
                                        sb.Append("zero ").Append(item.Name);
                                        break;
                                    case 1:
                                        sb.AppendFormat("{0}={1:F2}", item.Name, item.Price);
                                        break;
                                    default:
                                        sb.Append(item.Created.ToString("O"));
                                        break;
                                }

                                sb.AppendLine();
                            }

                            return sb.ToString();
                        }

                        public async Task<int> CountAsync(Func<Item{{i}}, bool> filter)
                        {
                            await Task.Yield();
                            return items.Count(filter);
                        }

                        public Dictionary<int, List<Item{{i}}>> Buckets()
                        {
                            var result = new Dictionary<int, List<Item{{i}}>>();
                            foreach (var item in items)
                            {
                                var key = (int)Math.Floor(item.Price / 10m);
                                if (!result.TryGetValue(key, out var list))
                                {
                                    list = new List<Item{{i}}>();
                                    result[key] = list;
                                }

                                list.Add(item);
                            }

                            return result;
                        }
                {{previous}}
                        private static int Fibonacci(int n)
                        {
                            int a = 0, b = 1;
                            while (n-- > 0) (a, b) = (b, a + b);
                            return a;
                        }
                    }

                """;
        }
    }
}
