using System.Globalization;

namespace ParticipativeDemocracy.Voting;

/// <summary>Parses the VOTES section into ballots, checking every id against the projects.</summary>
internal sealed class PabulibVoteTable(PabulibSection section, BallotKind kind, PabulibProjectTable projects)
{
    private readonly int _voterColumn = section.Column("voter_id");
    private readonly int _voteColumn = section.Column("vote");
    private readonly int _pointsColumn = section.Column("points");

    public List<Ballot> Read()
    {
        if (_voterColumn < 0 || _voteColumn < 0)
        {
            throw new PabulibFormatException(section.Header.LineNumber, "the VOTES header needs 'voter_id' and 'vote'");
        }

        if (kind == BallotKind.Cumulative && _pointsColumn < 0)
        {
            throw new PabulibFormatException(section.Header.LineNumber, "cumulative votes need a 'points' column");
        }

        var ballots = new List<Ballot>(section.Rows.Count);
        var voters = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in section.Rows)
        {
            PabulibSection.RequireColumns(row, section.Header.Fields.Count, "VOTES");
            var voter = row.Fields[_voterColumn].Trim();
            if (!voters.Add(voter))
            {
                throw new PabulibFormatException(row.LineNumber, $"duplicate voter '{voter}'");
            }

            ballots.Add(ReadBallot(row, voter));
        }

        return ballots;
    }

    private Ballot ReadBallot(CsvRecord row, string voter)
    {
        var ids = SplitList(row.Fields[_voteColumn]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!projects.Ids.Contains(id))
            {
                throw new PabulibFormatException(row.LineNumber, $"voter '{voter}' votes for unknown project '{id}'");
            }

            if (!seen.Add(id))
            {
                throw new PabulibFormatException(row.LineNumber, $"voter '{voter}' lists project '{id}' twice");
            }
        }

        if (kind == BallotKind.ChooseOne && ids.Count > 1)
        {
            throw new PabulibFormatException(row.LineNumber, $"voter '{voter}' chose {ids.Count} projects on a choose-1 ballot");
        }

        var points = _pointsColumn >= 0 && kind == BallotKind.Cumulative ? ReadPoints(row, ids.Count) : null;
        var skip = _pointsColumn >= 0 && kind == BallotKind.Cumulative ? new[] { _voterColumn, _voteColumn, _pointsColumn } : [_voterColumn, _voteColumn];
        return new Ballot(voter, ids, points, PabulibProjectTable.OtherFields(section.Header, row, skip));
    }

    private List<long> ReadPoints(CsvRecord row, int expected)
    {
        var texts = SplitList(row.Fields[_pointsColumn]);
        if (texts.Count != expected)
        {
            throw new PabulibFormatException(row.LineNumber, $"{texts.Count} points for {expected} projects");
        }

        return texts.Select(t => long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var p)
                ? p
                : throw new PabulibFormatException(row.LineNumber, $"points '{t}' is not a whole number"))
            .ToList();
    }

    private static List<string> SplitList(string text) =>
        text.Trim().Length == 0 ? [] : text.Split(',').Select(s => s.Trim()).ToList();
}
