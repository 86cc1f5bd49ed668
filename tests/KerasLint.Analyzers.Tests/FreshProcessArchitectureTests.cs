using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace KerasLint.Analyzers.Tests
{
    /// <summary>
    /// Architecture: what a fresh compiler process pays for KerasLint (issue 17.5; bench/README.md, "What a fresh
    /// compiler process pays"). A dictionary or set instantiated over a value type (an enum, a bool, a value tuple) has
    /// code of its own that the runtime does not ship compiled: csc JITs the whole collection for KerasLint alone, in
    /// every build. Over reference types the collection's shared code is already compiled. So no field of the analyzer
    /// assembly (static tables and per-compilation caches alike) is a hashed collection with a value type among its type
    /// arguments: tables keep their values in arrays or in a small class, keys of two parts a System.Tuple (a class).
    /// </summary>
    public class FreshProcessArchitectureTests
    {
        private const BindingFlags AllFields = BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

        /// <summary>Hashed collections: their code (buckets, entries, enumerators) is instantiated per value type.</summary>
        private static readonly Type[] Hashed =
        {
            typeof(Dictionary<,>), typeof(HashSet<>), typeof(ConcurrentDictionary<,>), typeof(ImmutableDictionary<,>), typeof(ImmutableHashSet<>),
            typeof(IDictionary<,>), typeof(IReadOnlyDictionary<,>), typeof(ISet<>), typeof(IImmutableDictionary<,>), typeof(IImmutableSet<>),
            typeof(ConditionalWeakTable<,>), typeof(SortedDictionary<,>), typeof(ImmutableSortedDictionary<,>), typeof(ILookup<,>),
        };

        [Fact]
        public void NoFieldIsAHashedCollectionOverAValueType()
        {
            var failures = ValueTypedHashedFields(typeof(KerasLintRule).Assembly);
            Assert.True(failures.Count == 0, "hashed collections over a value type in the analyzer assembly (a fresh csc JITs their code for KerasLint alone):\n" + string.Join("\n", failures));
        }

        /// <summary>The check finds what it looks for, in this class's fixtures, and passes what it should.</summary>
        [Fact]
        public void TheCheckSeesValueTypedHashedFields()
        {
            var found = ValueTypedHashedFields(typeof(FreshProcessArchitectureTests).Assembly)
                .Where(f => f.Contains(nameof(Fixtures), StringComparison.Ordinal)).ToList();
            Assert.Contains(found, f => f.Contains(".EnumValues ", StringComparison.Ordinal));
            Assert.Contains(found, f => f.Contains(".TupleKeys ", StringComparison.Ordinal));
            Assert.Contains(found, f => f.Contains(".Flags ", StringComparison.Ordinal));
            Assert.Contains(found, f => f.Contains(".Numbers ", StringComparison.Ordinal));
            Assert.Contains(found, f => f.Contains(".Nested ", StringComparison.Ordinal));
            Assert.DoesNotContain(found, f => f.Contains(".Strings ", StringComparison.Ordinal) || f.Contains(".Array ", StringComparison.Ordinal)
                || f.Contains(".Wrapped ", StringComparison.Ordinal));
        }

        private static List<string> ValueTypedHashedFields(Assembly assembly)
        {
            var failures = new List<string>();
            foreach (var type in assembly.GetTypes())
            {
                foreach (var field in type.GetFields(AllFields))
                {
                    if (IsValueTypedHashed(field.FieldType)) failures.Add($"{type.FullName}.{field.Name} ({field.FieldType})");
                }
            }

            return failures;
        }

        /// <summary>A hashed collection with a value type among its type arguments, or a generic type that holds one (a list of such sets).</summary>
        private static bool IsValueTypedHashed(Type type)
        {
            if (type.IsArray) return IsValueTypedHashed(type.GetElementType()!);
            if (!type.IsGenericType) return false;
            var arguments = type.GetGenericArguments();
            if (Hashed.Contains(type.GetGenericTypeDefinition()) && arguments.Any(a => a.IsValueType && !a.IsGenericParameter)) return true;
            return arguments.Any(IsValueTypedHashed);
        }

#pragma warning disable CS0169, CS0649, IDE0044, IDE0051 // fixtures of the check above
        private sealed class Fixtures
        {
            private readonly ImmutableDictionary<string, DayOfWeek> EnumValues = ImmutableDictionary<string, DayOfWeek>.Empty;
            private readonly Dictionary<(string, int), string> TupleKeys = new Dictionary<(string, int), string>();
            private static readonly ConcurrentDictionary<object, bool> Flags = new ConcurrentDictionary<object, bool>();
            private readonly HashSet<int> Numbers = new HashSet<int>();
            private readonly List<ImmutableHashSet<long>> Nested = new List<ImmutableHashSet<long>>();
            private readonly Dictionary<string, string> Strings = new Dictionary<string, string>();
            private static readonly DayOfWeek[] Array = { DayOfWeek.Monday };
            private readonly Dictionary<string, object> Wrapped = new Dictionary<string, object>();
        }
#pragma warning restore CS0169, CS0649, IDE0044, IDE0051
    }
}
