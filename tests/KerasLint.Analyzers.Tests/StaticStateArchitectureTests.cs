using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace KerasLint.Analyzers.Tests
{
    /// <summary>
    /// Architecture: the analyzer assembly keeps no static mutable state (issue 17.6). Every cache lives in a context
    /// object an engine creates at compilation start (<see cref="Analysis.ValueFlow.ProgramFlow"/>,
    /// <see cref="CompilationAnalysis"/>, the adapters) and passes down, so two analyzers, two compilations or two hosts
    /// never share it. A static field must be readonly and of a type whose value cannot change (strings, descriptors,
    /// immutable collections, delegates, Lazy values of those); a private readonly array is accepted as a constant
    /// table (never handed out, never written).
    /// </summary>
    public class StaticStateArchitectureTests
    {
        private const BindingFlags StaticFields = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

        [Fact]
        public void AnalyzerAssemblyDeclaresNoMutableStaticField()
        {
            var failures = MutableStaticFields(typeof(KerasLintRule).Assembly);
            Assert.True(failures.Count == 0, "static mutable state in the analyzer assembly (move it to a per-compilation context):\n" + string.Join("\n", failures));
        }

        /// <summary>The check finds what it looks for: each kind of mutable static field in this (test) class's fixtures.</summary>
        [Fact]
        public void TheCheckSeesMutableStaticFields()
        {
            var found = MutableStaticFields(typeof(StaticStateArchitectureTests).Assembly)
                .Where(f => f.Contains(nameof(Fixtures), StringComparison.Ordinal)).ToList();
            Assert.Contains(found, f => f.EndsWith(".NotReadonly", StringComparison.Ordinal));
            Assert.Contains(found, f => f.EndsWith(".Table", StringComparison.Ordinal));
            Assert.Contains(found, f => f.EndsWith(".Map", StringComparison.Ordinal));
            Assert.Contains(found, f => f.EndsWith(".Items", StringComparison.Ordinal));
            Assert.Contains(found, f => f.EndsWith(".Hidden", StringComparison.Ordinal));
            Assert.Contains(found, f => f.EndsWith(".PublicArray", StringComparison.Ordinal));
            Assert.Contains(found, f => f.Contains("AutoProperty", StringComparison.Ordinal));
            Assert.DoesNotContain(found, f => f.EndsWith(".Constant", StringComparison.Ordinal) || f.EndsWith(".Name", StringComparison.Ordinal)
                || f.EndsWith(".Names", StringComparison.Ordinal) || f.EndsWith(".PrivateTable", StringComparison.Ordinal));
        }

        private static List<string> MutableStaticFields(Assembly assembly)
        {
            var failures = new List<string>();
            foreach (var type in assembly.GetTypes())
            {
                // Closures and lambda caches the compiler emits (<>c, display classes) are not state the code keeps.
                if (IsCompilerGenerated(type)) continue;
                foreach (var field in type.GetFields(StaticFields))
                {
                    if (field.IsLiteral) continue;
                    var name = $"{type.FullName}.{field.Name}";
                    if (!field.IsInitOnly)
                    {
                        failures.Add(name);
                        continue;
                    }

                    if (type.ContainsGenericParameters) continue; // cannot read it; its declared type is still checked
                    var value = field.GetValue(null);
                    if (IsMutableType(field.FieldType, field.IsPrivate) || (value != null && IsMutableType(value.GetType(), field.IsPrivate))) failures.Add(name);
                }
            }

            return failures;
        }

        private static bool IsCompilerGenerated(Type type)
        {
            for (var t = type; t != null; t = t.DeclaringType)
            {
                if (t.GetCustomAttribute<CompilerGeneratedAttribute>() != null || t.Name.Contains('<', StringComparison.Ordinal)) return true;
            }

            return false;
        }

        /// <summary>A type whose instances can change after the field is set: collections outside System.Collections.Immutable, weak tables, builders; arrays unless private.</summary>
        private static bool IsMutableType(Type type, bool isPrivate)
        {
            if (type.IsArray) return !isPrivate;
            var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
            if (definition == typeof(ConditionalWeakTable<,>) || type == typeof(System.Text.StringBuilder)) return true;
            var ns = type.Namespace ?? "";
            if (ns == "System.Collections.Immutable") return false;
            if (ns.StartsWith("System.Collections", StringComparison.Ordinal) && typeof(IEnumerable).IsAssignableFrom(type) && !type.IsInterface) return true;
            return false;
        }

#pragma warning disable CS0414, CS0169, CA2211, IDE0044, IDE0052 // fixtures of the check above: each is a kind of static field it must tell apart
        private static class Fixtures
        {
            private const int Constant = 1;
            private static readonly string Name = "n";
            private static readonly System.Collections.Immutable.ImmutableArray<string> Names = System.Collections.Immutable.ImmutableArray.Create("a");
            private static readonly string[] PrivateTable = { "a" };
            public static readonly string[] PublicArray = { "a" };
            private static int NotReadonly = 0;
            private static readonly ConditionalWeakTable<object, object> Table = new ConditionalWeakTable<object, object>();
            private static readonly Dictionary<string, int> Map = new Dictionary<string, int>();
            private static readonly List<int> Items = new List<int>();
            private static readonly IReadOnlyDictionary<string, int> Hidden = new Dictionary<string, int>();

            private static int AutoProperty { get; set; }
        }
#pragma warning restore CS0414, CS0169, CA2211, IDE0044, IDE0052
    }
}
