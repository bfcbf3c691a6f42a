using System.Globalization;
using System.Text;
using ParticipativeDemocracy.Voting;

namespace ParticipativeDemocracy.Cli.Voting;

/// <summary>Human-readable tally: a table of funded projects, then the explanation.</summary>
internal static class TallyText
{
    public static string Format(Election election, CountingResult result)
    {
        var options = result.Options;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Rule: {TallyChoices.Name(options)} (utility {TallyChoices.Name(options.Utility)}, completion {TallyChoices.Name(options.Completion)}); tie-break: {TallyChoices.Name(options.TieBreak)}, seed {options.Seed}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Budget {Money(election.Budget)}, {election.Ballots.Count} voters, {election.Projects.Count} projects");
        text.AppendLine();
        var votes = VoteCounts(election);
        var rows = result.Selected.Select((id, i) => Row(election, id, i + 1, votes)).ToList();
        text.Append(TextTable.Render(["#", "project", "name", "cost", "votes"], rows, rightAligned: [0, 3, 4]));
        text.AppendLine(CultureInfo.InvariantCulture, $"Total cost: {Money(result.TotalCost)} of {Money(election.Budget)}");
        text.AppendLine();
        text.AppendLine("Explanation:");
        foreach (var line in result.Explanation)
        {
            text.AppendLine("  " + line);
        }

        return text.ToString();
    }

    public static Dictionary<string, int> VoteCounts(Election election) =>
        election.Ballots.SelectMany(b => b.Projects).GroupBy(id => id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public static string Money(decimal amount) => amount.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string[] Row(Election election, string id, int position, Dictionary<string, int> votes)
    {
        var project = election.Projects.First(p => p.Id == id);
        var name = project.Name.Length > 48 ? project.Name[..47] + "…" : project.Name;
        return
        [
            position.ToString(CultureInfo.InvariantCulture),
            id,
            name,
            Money(project.Cost),
            votes.GetValueOrDefault(id).ToString(CultureInfo.InvariantCulture),
        ];
    }
}
