using System.Reflection;
using KerasLint.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KerasLint.Package.Tests;

/// <summary>
/// Every descriptor KerasLint reports: the SupportedDiagnostics of each [DiagnosticAnalyzer] type of the analyzer
/// assembly, where the engines gather their rules' (a rule may declare its descriptor in its own file, and the engines
/// find every rule class). The rule pages, the generated tables and the id checks read this, so a new rule needs no
/// list of ids outside its file.
/// </summary>
internal static class AnalyzerDescriptors
{
    public static Assembly Assembly => typeof(RuleIds).Assembly;

    /// <summary>Every descriptor, each once (a rule may have several of one id that differ in severity only).</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
        .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
        .Distinct()
        .ToArray();

    /// <summary>Every id, sorted.</summary>
    public static IReadOnlyList<string> Ids { get; } = All.Select(d => d.Id).Distinct(StringComparer.Ordinal).OrderBy(id => id, StringComparer.Ordinal).ToArray();

    /// <summary>The ids declared as constants in KerasLint.Knowledge.RuleIds (the rules written before a rule could declare its own id).</summary>
    public static IReadOnlyList<string> RuleIdConstants { get; } = typeof(RuleIds)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .OrderBy(id => id, StringComparer.Ordinal)
        .ToArray();

    /// <summary>The static DiagnosticDescriptor fields of the internal KerasLint.Descriptors class.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> DescriptorsClassFields { get; } =
        Assembly.GetType("KerasLint.Descriptors", throwOnError: true)!
            .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToArray();
}
