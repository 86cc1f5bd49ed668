using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KerasLint.TfNetApi.Tests;

/// <summary>One public API listing (tests/data/api/*.api.txt): type headers and member lines per type.</summary>
public sealed class Listing
{
    private Listing(Dictionary<string, string> headers, Dictionary<string, HashSet<string>> members)
    {
        Headers = headers;
        Members = members;
    }

    /// <summary>Full type name → header line ("abstract class Tensorflow.Keras.Losses.Loss").</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>Full type name → member lines (trimmed).</summary>
    public IReadOnlyDictionary<string, HashSet<string>> Members { get; }

    public static Listing Load(string fileName)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        var members = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        string? current = null;
        string? last = null;
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "api", fileName)))
        {
            if (line.Length == 0) continue;
            if (line.StartsWith("    ", StringComparison.Ordinal))
            {
                last = line.Trim();
                members[current!].Add(last);
                continue;
            }

            var words = line.Split(' ');
            var kindAt = Array.FindIndex(words, w => w is "class" or "interface" or "enum" or "struct" or "delegate");
            if (kindAt is < 0 or > 1)
            {
                // A default value with a line break continues the previous member line.
                members[current!].Remove(last!);
                last += "\n" + line;
                members[current!].Add(last);
                continue;
            }

            var name = words[kindAt + 1];
            var lt = line.IndexOf(" : ", StringComparison.Ordinal);
            var full = line.Substring(line.IndexOf(name, StringComparison.Ordinal), (lt < 0 ? line.Length : lt) - line.IndexOf(name, StringComparison.Ordinal));
            current = full;
            headers[full] = line;
            members[full] = new HashSet<string>(StringComparer.Ordinal);
        }

        return new Listing(headers, members);
    }
}

/// <summary>A declared type or member that the listing does not have, written as the listing would write it.</summary>
public sealed record SurfaceMismatch(string Type, string Line)
{
    public override string ToString() => $"{Type}: {Line}";
}

/// <summary>
/// Reads assemblies as metadata (Roslyn) and writes their public surface in the listings' format, so each
/// declared type header and member can be looked up in the listing.
/// </summary>
public static class ApiSurface
{
    private static readonly SymbolDisplayFormat TypeFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.ExpandValueTuple);

    /// <summary>As <see cref="TypeFormat"/>, with the <c>?</c> of annotated reference types (the protected listing writes them).</summary>
    private static readonly SymbolDisplayFormat AnnotatedTypeFormat = TypeFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static CSharpCompilation Compilation(IEnumerable<MetadataReference> references) =>
        CSharpCompilation.Create("surface", references: PlatformReferences().Concat(references), options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    public static IEnumerable<MetadataReference> PlatformReferences() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.Ordinal))
            .Select(p => MetadataReference.CreateFromFile(p));

    /// <summary>Every public type of the assembly (nested included), with the full name the listings use.</summary>
    public static IEnumerable<INamedTypeSymbol> PublicTypes(IAssemblySymbol assembly)
    {
        IEnumerable<INamedTypeSymbol> Walk(INamespaceOrTypeSymbol container)
        {
            foreach (var member in container.GetMembers())
            {
                if (member is INamespaceSymbol ns)
                {
                    foreach (var t in Walk(ns)) yield return t;
                }
                else if (member is INamedTypeSymbol type && type.DeclaredAccessibility == Accessibility.Public)
                {
                    yield return type;
                    foreach (var t in Walk(type)) yield return t;
                }
            }
        }

        return Walk(assembly.GlobalNamespace);
    }

    public static string FullName(INamedTypeSymbol type) => type.ToDisplayString(TypeFormat);

    public static string TypeName(ITypeSymbol type) => type.ToDisplayString(TypeFormat);

    /// <summary>The header line, e.g. "abstract class Tensorflow.Keras.Losses.Loss" or "class X : Base".</summary>
    public static string Header(INamedTypeSymbol type)
    {
        var full = FullName(type);
        return type.TypeKind switch
        {
            TypeKind.Interface => $"interface {full}",
            TypeKind.Enum => $"enum {full} : System.Enum",
            TypeKind.Delegate => $"delegate {full} : System.MulticastDelegate",
            TypeKind.Struct => $"struct {full} : System.ValueType",
            _ => (type.IsStatic ? "static " : type.IsAbstract ? "abstract " : string.Empty) + $"class {full}"
                 + (type.BaseType is { SpecialType: not SpecialType.System_Object } b ? " : " + TypeName(b) : string.Empty),
        };
    }

    /// <summary>The public members declared by the type, in the listing's format.</summary>
    public static IEnumerable<string> MemberLines(INamedTypeSymbol type)
    {
        var simple = type.Name;
        foreach (var m in type.GetMembers())
        {
            if (m.DeclaredAccessibility != Accessibility.Public || m.IsImplicitlyDeclared) continue;
            var stat = m.IsStatic && m is not IFieldSymbol { IsConst: true } ? "static " : string.Empty;
            switch (m)
            {
                case IMethodSymbol { MethodKind: MethodKind.Constructor } ctor:
                    if (type.TypeKind == TypeKind.Delegate) break;
                    yield return $"{simple}.ctor({Parameters(ctor.Parameters)})";
                    break;
                case IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.Conversion or MethodKind.UserDefinedOperator } method:
                    if (type.TypeKind == TypeKind.Delegate && method.Name != "Invoke") break;
                    var generic = method.TypeParameters.Length > 0 ? "<" + string.Join(",", method.TypeParameters.Select(t => t.Name)) + ">" : string.Empty;
                    yield return $"{stat}{TypeName(method.ReturnType)} {simple}.{method.MetadataName.Split('`')[0]}{generic}({Parameters(method.Parameters)})";
                    break;
                case IPropertySymbol property:
                    var get = property.GetMethod is { DeclaredAccessibility: Accessibility.Public } ? "get; " : string.Empty;
                    var set = property.SetMethod is { DeclaredAccessibility: Accessibility.Public } ? "set; " : string.Empty;
                    var name = property.IsIndexer ? "this[]" : property.Name;
                    yield return $"{stat}{TypeName(property.Type)} {simple}.{name} {{ {get}{set}}}";
                    break;
                case IFieldSymbol field:
                    yield return (field.IsConst ? "const field " : stat + "field ") + $"{TypeName(field.Type)} {simple}.{field.Name}";
                    break;
            }
        }
    }

    /// <summary>
    /// The protected members (<c>protected</c> or <c>protected internal</c>, visible to user subclasses) declared by
    /// the type, in the protected listing's format ("protected virtual Tensorflow.Tensors Layer.Call(…)").
    /// </summary>
    public static IEnumerable<string> ProtectedMemberLines(INamedTypeSymbol type)
    {
        var simple = type.Name;
        foreach (var m in type.GetMembers())
        {
            if (m.DeclaredAccessibility is not (Accessibility.Protected or Accessibility.ProtectedOrInternal) || m.IsImplicitlyDeclared) continue;
            var modifier = m.IsOverride ? "override " : m.IsVirtual ? "virtual " : m.IsStatic ? "static " : string.Empty;
            switch (m)
            {
                case IMethodSymbol { MethodKind: MethodKind.Constructor } ctor:
                    yield return $"protected {simple}.ctor({Parameters(ctor.Parameters, AnnotatedTypeFormat)})";
                    break;
                case IMethodSymbol { MethodKind: MethodKind.Ordinary } method:
                    yield return $"protected {modifier}{method.ReturnType.ToDisplayString(AnnotatedTypeFormat)} {simple}.{method.Name}({Parameters(method.Parameters, AnnotatedTypeFormat)})";
                    break;
                case IPropertySymbol property:
                    yield return $"protected {modifier}{property.Type.ToDisplayString(AnnotatedTypeFormat)} {simple}.{property.Name}";
                    break;
                case IFieldSymbol field:
                    yield return $"protected {modifier}{field.Type.ToDisplayString(AnnotatedTypeFormat)} {simple}.{field.Name}";
                    break;
            }
        }
    }

    private static string Parameters(IEnumerable<IParameterSymbol> parameters, SymbolDisplayFormat? format = null) =>
        string.Join(", ", parameters.Select(p =>
            (p.IsParams ? "params " : string.Empty) + (p.RefKind == RefKind.Out ? "out " : string.Empty) + p.Type.ToDisplayString(format ?? TypeFormat) + " " + p.Name + (p.HasExplicitDefaultValue ? " = " + Literal(p.ExplicitDefaultValue) : string.Empty)));

    private static string Literal(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

    /// <summary>
    /// Every declared public type header and member that the listing lacks. Types in <paramref name="notListed"/>
    /// (placeholders the listings do not show) are skipped.
    /// </summary>
    public static IReadOnlyList<SurfaceMismatch> Compare(IAssemblySymbol assembly, Listing listing, ISet<string> notListed)
    {
        var mismatches = new List<SurfaceMismatch>();
        foreach (var type in PublicTypes(assembly))
        {
            var full = FullName(type);
            if (notListed.Contains(full.Split('<')[0])) continue;
            if (!listing.Headers.TryGetValue(full, out var header))
            {
                mismatches.Add(new SurfaceMismatch(full, "type not in the listing: " + Header(type)));
                continue;
            }

            // Interface headers in the listings name no bases; class headers name only the base class.
            if (Header(type) != header) mismatches.Add(new SurfaceMismatch(full, $"header {Header(type)} ≠ listing {header}"));
            foreach (var line in MemberLines(type))
            {
                if (!listing.Members[full].Contains(line)) mismatches.Add(new SurfaceMismatch(full, line));
            }
        }

        return mismatches;
    }
}
