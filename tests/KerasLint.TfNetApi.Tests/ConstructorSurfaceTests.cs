using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace KerasLint.TfNetApi.Tests;

/// <summary>
/// What user code builds and subclasses exists in the stand-ins as the listings say: every listed constructor of a
/// declared type is declared (the public comparison only checks that what is declared is listed, so a missing
/// <c>Sequential(SequentialArgs)</c> went unseen), and the protected members that subclassed models override
/// (<c>Layer.Call</c>, …) are the protected listing's.
/// </summary>
public class ConstructorSurfaceTests
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "int", "float", "string", "bool", "long", "double", "object", "void", "byte", "sbyte", "short", "ushort", "uint",
        "ulong", "char", "decimal", "nint", "nuint", "params",
    };

    public static TheoryData<string, string, string, string> Generations() => new()
    {
        { "current", "TensorFlow.NET-0.150.0.keras-surface.api.txt", "TensorFlow.Keras-0.15.0.api.txt", "Tensorflow.Binding" },
        { "current", "TensorFlow.NET-0.150.0.keras-surface.api.txt", "TensorFlow.Keras-0.15.0.api.txt", "Tensorflow.Keras" },
        { "2022", "TensorFlow.NET-0.70.1.keras-surface.api.txt", "TensorFlow.Keras-0.7.0.api.txt", "Tensorflow.Binding" },
        { "2022", "TensorFlow.NET-0.70.1.keras-surface.api.txt", "TensorFlow.Keras-0.7.0.api.txt", "Tensorflow.Keras" },
    };

    [Theory]
    [MemberData(nameof(Generations))]
    public void Every_listed_constructor_of_a_declared_type_is_declared(string generation, string bindingListing, string kerasListing, string assembly)
    {
        var binding = Listing.Load(bindingListing);
        var keras = Listing.Load(kerasListing);
        var listing = assembly == "Tensorflow.Binding" ? binding : keras;
        var (_, asm) = StandIns.Load(generation, assembly);
        var missing = new List<string>();
        var checkedCount = 0;
        foreach (var type in ApiSurface.PublicTypes(asm))
        {
            var full = ApiSurface.FullName(type);
            if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || !listing.Members.TryGetValue(full, out var lines)) continue;
            var declared = ApiSurface.MemberLines(type).ToHashSet(StringComparer.Ordinal);
            foreach (var line in lines.Where(l => l.StartsWith(type.Name + ".ctor(", StringComparison.Ordinal) && !l.EndsWith("[implicit]", StringComparison.Ordinal)))
            {
                // A constructor whose parameter type no listing shows (SafeTensorHandle, Operation, …) cannot be declared exactly.
                if (ParameterTypes(line).Any(t => !Keywords.Contains(t) && !t.StartsWith("System.", StringComparison.Ordinal)
                                                  && !binding.Headers.ContainsKey(t) && !keras.Headers.ContainsKey(t))) continue;
                checkedCount++;
                if (!declared.Contains(line)) missing.Add($"{full}: {line}");
            }
        }

        Assert.True(missing.Count == 0, "listed constructors the stand-ins lack:\n" + string.Join("\n", missing));
        Assert.True(checkedCount > 20, $"only {checkedCount} constructors checked");
    }

    [Theory]
    [InlineData("current", "Tensorflow.Keras.Engine.Sequential", "Sequential.ctor(Tensorflow.Keras.ArgsDefinition.SequentialArgs args)")]
    [InlineData("current", "Tensorflow.Keras.Engine.Model", "Model.ctor(Tensorflow.Keras.ArgsDefinition.ModelArgs args)")]
    [InlineData("current", "Tensorflow.Keras.Engine.Functional", "Functional.ctor(Tensorflow.Tensors inputs, Tensorflow.Tensors outputs, string name = null)")]
    [InlineData("current", "Tensorflow.Keras.Engine.Layer", "Layer.ctor(Tensorflow.Keras.ArgsDefinition.LayerArgs args)")]
    [InlineData("2022", "Tensorflow.Keras.Engine.Sequential", "Sequential.ctor(Tensorflow.Keras.ArgsDefinition.SequentialArgs args)")]
    [InlineData("2022", "Tensorflow.Keras.Layers.Dense", "Dense.ctor(Tensorflow.Keras.ArgsDefinition.DenseArgs args)")]
    public void The_model_constructors_subclasses_call_are_public(string generation, string type, string line)
    {
        var (_, asm) = StandIns.Load(generation, "Tensorflow.Keras");
        var symbol = ApiSurface.PublicTypes(asm).Single(t => ApiSurface.FullName(t) == type);
        Assert.Contains(line, ApiSurface.MemberLines(symbol));
    }

    [Fact]
    public void Protected_members_are_the_protected_listing()
    {
        var listing = ProtectedListing();
        var (_, asm) = StandIns.Load("current", "Tensorflow.Keras");
        var types = ApiSurface.PublicTypes(asm).ToDictionary(ApiSurface.FullName, StringComparer.Ordinal);
        var declared = types.Values.SelectMany(t => ApiSurface.ProtectedMemberLines(t).Select(l => (Type: ApiSurface.FullName(t), Line: l))).ToList();
        var extra = declared.Where(d => !listing.TryGetValue(d.Type, out var ls) || !ls.Contains(d.Line)).ToList();
        Assert.True(extra.Count == 0, "protected members not in the protected listing:\n" + string.Join("\n", extra));
        foreach (var (type, line) in new[]
                 {
                     ("Tensorflow.Keras.Engine.Layer", "protected virtual Tensorflow.Tensors Layer.Call(Tensorflow.Tensors inputs, Tensorflow.Tensors state = null, bool? training = null, Tensorflow.Common.Types.IOptionalArgs? optional_args = null)"),
                     ("Tensorflow.Keras.Engine.Sequential", "protected override Tensorflow.Tensors Sequential.Call(Tensorflow.Tensors inputs, Tensorflow.Tensors state = null, bool? training = null, Tensorflow.Common.Types.IOptionalArgs? optional_args = null)"),
                     ("Tensorflow.Keras.Engine.Functional", "protected override Tensorflow.Tensors Functional.Call(Tensorflow.Tensors inputs, Tensorflow.Tensors state = null, bool? training = null, Tensorflow.Common.Types.IOptionalArgs? optional_args = null)"),
                 })
        {
            Assert.Contains(line, listing[type]);
            Assert.Contains((type, line), declared);
        }
    }

    [Fact]
    public void The_2022_generation_declares_no_protected_members()
    {
        // The protected listing is of 0.15.0; the 2022 stand-ins declare only what their public listings show.
        var (_, asm) = StandIns.Load("2022", "Tensorflow.Keras");
        Assert.Empty(ApiSurface.PublicTypes(asm).SelectMany(ApiSurface.ProtectedMemberLines));
    }

    [Fact]
    public void Subclassed_models_compile_against_the_current_stand_ins()
    {
        const string code = """
            using System.Collections.Generic;
            using Tensorflow;
            using Tensorflow.Common.Types;
            using Tensorflow.Keras;
            using Tensorflow.Keras.ArgsDefinition;
            using Tensorflow.Keras.Engine;
            using static Tensorflow.KerasApi;

            class Mlp : Sequential
            {
                public Mlp(int classes) : base(new SequentialArgs { Name = "mlp" })
                {
                    add(keras.layers.Dense(64, activation: "relu"));
                    this.add(keras.layers.Dense(classes));
                    base.add(keras.layers.Softmax());
                }
            }

            class Net : Model
            {
                private readonly ILayer _hidden;
                private readonly ILayer _out;

                public Net() : base(new ModelArgs())
                {
                    _hidden = keras.layers.Dense(64, activation: "relu");
                    _out = keras.layers.Dense(10);
                }

                protected override Tensors Call(Tensors inputs, Tensors state = null, bool? training = null, IOptionalArgs? optional_args = null)
                {
                    var h = _hidden.Apply(inputs);
                    return _out.Apply(h);
                }
            }
            """;
        var (compilation, _) = StandIns.Load("current", "Tensorflow.Keras");
        var user = compilation.WithAssemblyName("user").AddSyntaxTrees(CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest)));
        var errors = user.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void A_subclass_cannot_call_a_parameterless_constructor_that_is_not_listed()
    {
        // Sequential lists only Sequential(SequentialArgs): `class M : Sequential { }` fails as it does against the real assembly.
        var (compilation, _) = StandIns.Load("current", "Tensorflow.Keras");
        var user = compilation.WithAssemblyName("user").AddSyntaxTrees(CSharpSyntaxTree.ParseText("class M : Tensorflow.Keras.Engine.Sequential { }"));
        Assert.Contains(user.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error && d.GetMessage().Contains("Sequential", StringComparison.Ordinal));
    }

    private static IEnumerable<string> ParameterTypes(string ctorLine)
    {
        var open = ctorLine.IndexOf('(');
        var text = ctorLine.Substring(open + 1, ctorLine.LastIndexOf(')') - open - 1);
        var depth = 0;
        var start = 0;
        var parts = new List<string>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '<' or '(') depth++;
            else if (text[i] is '>' or ')') depth--;
            else if (text[i] == ',' && depth == 0)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        if (text.Trim().Length > 0) parts.Add(text[start..]);
        foreach (var part in parts)
        {
            var declaration = part.Split(" = ", 2)[0].Trim();
            var type = declaration[..declaration.LastIndexOf(' ')];
            foreach (Match token in Regex.Matches(type, @"[A-Za-z_][A-Za-z0-9_.]*")) yield return token.Value;
        }
    }

    /// <summary>tests/data/api/TensorFlow.Keras-0.15.0.protected.txt: full type name → member lines without their "# file:line".</summary>
    private static Dictionary<string, HashSet<string>> ProtectedListing()
    {
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        HashSet<string>? current = null;
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "api", "TensorFlow.Keras-0.15.0.protected.txt")))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (!line.StartsWith(' '))
            {
                var words = line.Split(' ');
                var name = words[Array.IndexOf(words, "class") + 1];
                result[name] = current = new HashSet<string>(StringComparer.Ordinal);
                continue;
            }

            current!.Add(line.Split("   #", 2)[0].Trim());
        }

        return result;
    }
}
