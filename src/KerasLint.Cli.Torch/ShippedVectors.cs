namespace KerasLint.Cli;

/// <summary>The conformance files embedded in the tool (tests/data, see KerasLint.Cli.Torch.csproj), by file name.</summary>
public static class ShippedVectors
{
    private const string Prefix = "vectors/";

    public static IReadOnlyList<string> Names { get; } = typeof(ShippedVectors).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
        .Select(n => n.Substring(Prefix.Length))
        .OrderBy(n => n, StringComparer.Ordinal)
        .ToArray();

    public static string Read(string name)
    {
        using var s = typeof(ShippedVectors).Assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new ArgumentException($"No shipped vectors file '{name}'.", nameof(name));
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }
}
