using System.Globalization;
using System.Text;
using ParticipativeDemocracy.Voting;

namespace ParticipativeDemocracy.Cli.Voting;

/// <summary>The rules shown by <c>pd compare</c> and the side-by-side table.</summary>
internal static class RuleComparison
{
    public static readonly (string Label, CountingOptions Options)[] MainRules =
    [
        ("greedy", new(CountingRule.Greedy)),
        ("mes", new(CountingRule.EqualShares)),
        ("mes+add1", new(CountingRule.EqualShares, Completion: Completion.Add1)),
        ("mes+add1-full", new(CountingRule.EqualShares, Completion: Completion.Add1Full)),
        ("phragmen", new(CountingRule.Phragmen)),
    ];

    public static string Format(Election election, IReadOnlyList<(string Label, CountingResult Result)> results)
    {
        var votes = TallyText.VoteCounts(election);
        var funded = results.SelectMany(r => r.Result.Selected).Distinct(StringComparer.Ordinal)
            .OrderByDescending(id => votes.GetValueOrDefault(id)).ThenBy(id => id, StringComparer.Ordinal).ToList();
        string[] header = ["project", "cost", "votes", .. results.Select(r => r.Label)];
        var rows = funded.Select(id => ProjectRow(election, id, votes, results)).ToList();
        rows.Add(Summary("funded", results, r => r.Selected.Count.ToString(CultureInfo.InvariantCulture)));
        rows.Add(Summary("total cost", results, r => TallyText.Money(r.TotalCost)));
        rows.Add(Summary("voters with a funded choice", results, r => VotersServed(election, r).ToString(CultureInfo.InvariantCulture)));
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Budget {TallyText.Money(election.Budget)}, {election.Ballots.Count} voters, {election.Projects.Count} projects; ties broken by project id");
        text.AppendLine();
        text.Append(TextTable.Render(header, rows, rightAligned: [.. Enumerable.Range(1, header.Length - 1)]));
        return text.ToString();
    }

    /// <summary>Voters with at least one project they voted for among the funded ones.</summary>
    public static int VotersServed(Election election, CountingResult result)
    {
        var selected = result.Selected.ToHashSet(StringComparer.Ordinal);
        return election.Ballots.Count(b => b.Projects.Any(selected.Contains));
    }

    private static string[] ProjectRow(Election election, string id, Dictionary<string, int> votes, IReadOnlyList<(string Label, CountingResult Result)> results)
    {
        var project = election.Projects.First(p => p.Id == id);
        var marks = results.Select(r => r.Result.Selected.Contains(id) ? "yes" : "-");
        return [.. new[] { id, TallyText.Money(project.Cost), votes.GetValueOrDefault(id).ToString(CultureInfo.InvariantCulture) }.Concat(marks)];
    }

    private static string[] Summary(string label, IReadOnlyList<(string Label, CountingResult Result)> results, Func<CountingResult, string> value) =>
        [.. new[] { label, string.Empty, string.Empty }.Concat(results.Select(r => value(r.Result)))];
}
