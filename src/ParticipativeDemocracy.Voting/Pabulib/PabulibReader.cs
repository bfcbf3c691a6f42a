using System.Globalization;
using System.Text;

namespace ParticipativeDemocracy.Voting;

/// <summary>
/// Reads Pabulib <c>.pb</c> files. Stricter than the reference parser: duplicate ids, unknown
/// projects in votes, wrong column counts and non-numeric numbers are reported with their line.
/// </summary>
public static class PabulibReader
{
    public static Election ReadFile(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader);
    }

    public static Election Parse(string text)
    {
        using var reader = new StringReader(text);
        return Read(reader);
    }

    public static Election Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var sections = PabulibSections.Split(new CsvRecordReader(reader).Records());
        var meta = ReadMeta(sections.Meta);
        var budget = ReadBudget(sections.Meta, meta);
        var kind = ReadKind(sections.Meta, meta);
        var projects = PabulibProjectTable.Read(sections.Projects);
        var ballots = new PabulibVoteTable(sections.Votes, kind, projects).Read();
        return new Election(
            budget,
            kind,
            projects.Projects,
            ballots,
            meta,
            sections.Projects.Header.Fields,
            sections.Votes.Header.Fields);
    }

    internal static decimal ParseNumber(string text, int line, string what)
    {
        var normalized = text.Trim().Replace(',', '.');
        if (!decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new PabulibFormatException(line, $"{what} '{text}' is not a number");
        }

        if (value < 0)
        {
            throw new PabulibFormatException(line, $"{what} '{text}' is negative");
        }

        return value;
    }

    private static List<KeyValuePair<string, string>> ReadMeta(PabulibSection section)
    {
        if (section.Header.Fields.Count != 2)
        {
            throw new PabulibFormatException(section.Header.LineNumber, "the META header must be 'key;value'");
        }

        var meta = new List<KeyValuePair<string, string>>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in section.Rows)
        {
            PabulibSection.RequireColumns(row, 2, "META");
            if (!seen.Add(row.Fields[0].Trim()))
            {
                throw new PabulibFormatException(row.LineNumber, $"duplicate META key '{row.Fields[0]}'");
            }

            meta.Add(new(row.Fields[0].Trim(), row.Fields[1]));
        }

        return meta;
    }

    private static decimal ReadBudget(PabulibSection section, List<KeyValuePair<string, string>> meta)
    {
        var index = meta.FindIndex(e => string.Equals(e.Key, "budget", StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            throw new PabulibFormatException(section.Header.LineNumber, "META has no 'budget'");
        }

        return ParseNumber(meta[index].Value, section.Rows[index].LineNumber, "budget");
    }

    private static BallotKind ReadKind(PabulibSection section, List<KeyValuePair<string, string>> meta)
    {
        var index = meta.FindIndex(e => string.Equals(e.Key, "vote_type", StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            return BallotKind.Approval;
        }

        return BallotKinds.FromPabulib(meta[index].Value)
            ?? throw new PabulibFormatException(section.Rows[index].LineNumber, $"unknown vote_type '{meta[index].Value}'");
    }
}
