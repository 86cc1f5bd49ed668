using System.Text.Json;
using Xunit;

namespace KerasLint.Analyzers.Tests.Knowledge;

/// <summary>A compile-time vectors file of tests/data (copied to data/ beside the tests), its cases by id.</summary>
internal sealed class VectorFile
{
    private readonly Lazy<IReadOnlyDictionary<string, JsonElement>> cases;

    public VectorFile(string fileName) => cases = new(() =>
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", fileName)));
        return doc.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!, e => e.Clone());
    });

    public IReadOnlyDictionary<string, JsonElement> Cases => cases.Value;

    /// <summary>The ids of the cases of one kind ("resolution", "callback").</summary>
    public TheoryData<string> IdsOf(string kind)
    {
        var data = new TheoryData<string>();
        foreach (var (id, e) in Cases)
            if (e.GetProperty("kind").GetString() == kind) data.Add(id);
        return data;
    }
}
