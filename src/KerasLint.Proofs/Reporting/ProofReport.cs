using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KerasLint.Proofs.Reporting;

/// <summary>Markdown and JSON renderings of proof results (the CLI draws the text table itself).</summary>
public static class ProofReport
{
    /// <summary>Markdown: per scenario a heading with the verdict, the claim, the setups and the rows.</summary>
    public static string Markdown(IEnumerable<ScenarioResult> results, bool includeTimings = true)
    {
        var sb = new StringBuilder();
        foreach (var r in results)
        {
            sb.Append("#### ").Append(r.Rule).Append(" · `").Append(r.Id).Append("`: ").Append(r.Verdict).AppendLine();
            sb.AppendLine();
            sb.Append("**Claim.** ").AppendLine(r.Claim);
            sb.AppendLine();
            foreach (var s in r.Setups) sb.Append("- ").AppendLine(s);
            sb.AppendLine();
            sb.AppendLine("| family | row | value | reference | check | holds | evidence |");
            sb.AppendLine("|---|---|---|---|---|---|---|");
            foreach (var row in r.Rows)
            {
                sb.Append("| ").Append(row.Family)
                  .Append(" | ").Append(Escape(row.Measured))
                  .Append(" | ").Append(Escape(row.Value.ToString()))
                  .Append(" | ").Append(row.Check.Relation == Relation.Stated ? "—" : Escape(row.ReferenceLabel) + ": " + Escape(row.Reference.ToString()))
                  .Append(" | ").Append(Escape(row.Check.Describe()))
                  .Append(" | ").Append(row.Check.Relation == Relation.Stated ? "—" : row.Holds ? "yes" : "**no**")
                  .Append(" | ").Append(Escape(row.EvidenceText))
                  .AppendLine(" |");
            }

            sb.AppendLine();
            foreach (var n in r.Notes) sb.Append("> ").AppendLine(Escape(n));
            if (r.Notes.Count > 0) sb.AppendLine();
            if (includeTimings) sb.Append("_Ran in ").Append(r.Seconds.ToString("0.0", CultureInfo.InvariantCulture)).AppendLine(" s._").AppendLine();
        }

        return sb.ToString();
    }

    /// <summary>JSON for machines: options, verdict, and every scenario with its rows.</summary>
    public static string Json(IReadOnlyList<ScenarioResult> results, ProofOptions options, string device, double seconds)
    {
        var root = new JsonObject
        {
            ["quick"] = options.Quick,
            ["device"] = device,
            ["families"] = new JsonArray(options.Families.Select(f => (JsonNode)KerasLint.Knowledge.KerasFamilies.Id(f)).ToArray()),
            ["holds"] = results.All(r => r.Holds),
            ["seconds"] = Math.Round(seconds, 3),
            ["scenarios"] = new JsonArray(results.Select(r => (JsonNode)new JsonObject
            {
                ["rule"] = r.Rule,
                ["id"] = r.Id,
                ["title"] = r.Title,
                ["claim"] = r.Claim,
                ["verdict"] = r.Verdict,
                ["holds"] = r.Holds,
                ["measured_rows"] = r.Rows.Count(x => x.Evidence == Evidence.Measured),
                ["cited_rows"] = r.Rows.Count(x => x.Evidence == Evidence.Cited),
                ["seconds"] = Math.Round(r.Seconds, 3),
                ["setups"] = new JsonArray(r.Setups.Select(s => (JsonNode)s).ToArray()),
                ["notes"] = new JsonArray(r.Notes.Select(s => (JsonNode)s).ToArray()),
                ["rows"] = new JsonArray(r.Rows.Select(row => (JsonNode)new JsonObject
                {
                    ["family"] = row.Family,
                    ["measured"] = row.Measured,
                    ["value"] = CellNode(row.Value),
                    ["reference_label"] = row.ReferenceLabel,
                    ["reference"] = CellNode(row.Reference),
                    ["relation"] = row.Check.Relation.ToString(),
                    ["margin"] = row.Check.Margin,
                    ["holds"] = row.Holds,
                    ["evidence"] = row.Evidence == Evidence.Measured ? "measured" : "cited",
                    ["citation"] = row.Citation,
                }).ToArray()),
            }).ToArray()),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static JsonNode? CellNode(Cell c) =>
        c.Number is { } n ? (double.IsNaN(n) || double.IsInfinity(n) ? JsonValue.Create(n.ToString(CultureInfo.InvariantCulture)) : JsonValue.Create(n)) : c.Text is { } t ? JsonValue.Create(t) : null;

    private static string Escape(string s) => s.Replace("|", "\\|").Replace("\n", " ");
}
