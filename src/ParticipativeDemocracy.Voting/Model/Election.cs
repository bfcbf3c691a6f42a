using System.Globalization;

namespace ParticipativeDemocracy.Voting;

/// <summary>
/// A participatory-budgeting election. <paramref name="Meta"/> keeps every META entry in file
/// order; the column lists keep the PROJECTS and VOTES headers (unknown columns included).
/// </summary>
public sealed record Election(
    decimal Budget,
    BallotKind Kind,
    IReadOnlyList<Project> Projects,
    IReadOnlyList<Ballot> Ballots,
    IReadOnlyList<KeyValuePair<string, string>> Meta,
    IReadOnlyList<string> ProjectColumns,
    IReadOnlyList<string> VoteColumns)
{
    public static Election Create(decimal budget, BallotKind kind, IReadOnlyList<Project> projects, IReadOnlyList<Ballot> ballots)
    {
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(ballots);
        var meta = new List<KeyValuePair<string, string>>
        {
            new("description", "generated"),
            new("num_projects", projects.Count.ToString(CultureInfo.InvariantCulture)),
            new("num_votes", ballots.Count.ToString(CultureInfo.InvariantCulture)),
            new("budget", budget.ToString(CultureInfo.InvariantCulture)),
            new("vote_type", BallotKinds.ToPabulib(kind)),
        };
        var projectColumns = new List<string> { "project_id", "cost" };
        projectColumns.AddRange(projects.SelectMany(p => p.Fields.Keys).Distinct(StringComparer.Ordinal));
        var voteColumns = new List<string> { "voter_id", "vote" };
        if (kind == BallotKind.Cumulative)
        {
            voteColumns.Add("points");
        }

        voteColumns.AddRange(ballots.SelectMany(b => b.Fields.Keys).Distinct(StringComparer.Ordinal));
        return new Election(budget, kind, projects, ballots, meta, projectColumns, voteColumns);
    }

    public string? MetaValue(string key) =>
        Meta.Where(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase)).Select(e => e.Value).FirstOrDefault();
}
