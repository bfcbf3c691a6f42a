using System.Globalization;

namespace ParticipativeDemocracy.Voting;

/// <summary>Writes an election as a Pabulib <c>.pb</c> file (UTF-8, no BOM, LF line ends).</summary>
public static class PabulibWriter
{
    public static string Write(Election election)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(election, writer);
        return writer.ToString();
    }

    public static void Write(Election election, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(election);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("META");
        writer.WriteLine("key;value");
        foreach (var entry in election.Meta)
        {
            writer.WriteLine(Row([entry.Key, MetaValue(election, entry)]));
        }

        writer.WriteLine("PROJECTS");
        writer.WriteLine(Row(election.ProjectColumns));
        foreach (var project in election.Projects)
        {
            writer.WriteLine(Row(election.ProjectColumns.Select(c => ProjectValue(project, c))));
        }

        writer.WriteLine("VOTES");
        writer.WriteLine(Row(election.VoteColumns));
        foreach (var ballot in election.Ballots)
        {
            writer.WriteLine(Row(election.VoteColumns.Select(c => BallotValue(ballot, c))));
        }
    }

    private static string MetaValue(Election election, KeyValuePair<string, string> entry) =>
        entry.Key.ToLowerInvariant() switch
        {
            "budget" => election.Budget.ToString(CultureInfo.InvariantCulture),
            "vote_type" => BallotKinds.FromPabulib(entry.Value) == election.Kind ? entry.Value : BallotKinds.ToPabulib(election.Kind),
            _ => entry.Value,
        };

    private static string ProjectValue(Project project, string column) => column switch
    {
        "project_id" => project.Id,
        "cost" => project.Cost.ToString(CultureInfo.InvariantCulture),
        _ => project.Field(column) ?? string.Empty,
    };

    private static string BallotValue(Ballot ballot, string column) => column switch
    {
        "voter_id" => ballot.VoterId,
        "vote" => string.Join(',', ballot.Projects),
        "points" => ballot.Points is null ? string.Empty : string.Join(',', ballot.Points.Select(p => p.ToString(CultureInfo.InvariantCulture))),
        _ => ballot.Fields.TryGetValue(column, out var value) ? value : string.Empty,
    };

    private static string Row(IEnumerable<string> fields) => string.Join(';', fields.Select(Quote));

    private static string Quote(string field) =>
        field.Contains(';', StringComparison.Ordinal) || field.Contains('"', StringComparison.Ordinal) || field.Contains('\n', StringComparison.Ordinal)
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
}
