using System.Globalization;
using System.Text;
using System.Text.Json;
using ParticipativeDemocracy.Voting;

namespace ParticipativeDemocracy.Cli.Voting;

/// <summary>Machine-readable tally: rule, selected ids in selection order, exact total as a string.</summary>
internal static class TallyJson
{
    public static string Format(Election election, CountingResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("rule", TallyChoices.Name(result.Options));
            json.WriteString("utility", TallyChoices.Name(result.Options.Utility));
            json.WriteString("completion", TallyChoices.Name(result.Options.Completion));
            json.WriteString("tie_break", TallyChoices.Name(result.Options.TieBreak));
            json.WriteNumber("seed", result.Options.Seed);
            json.WriteStartArray("selected");
            foreach (var id in result.Selected)
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
            json.WriteString("total_cost", result.TotalCost.ToString(CultureInfo.InvariantCulture));
            json.WriteString("budget", election.Budget.ToString(CultureInfo.InvariantCulture));
            if (result.VoterShare is { } share)
            {
                json.WriteString("voter_share", share.ToString(CultureInfo.InvariantCulture));
            }

            json.WriteStartArray("explanation");
            foreach (var line in result.Explanation)
            {
                json.WriteStringValue(line);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
