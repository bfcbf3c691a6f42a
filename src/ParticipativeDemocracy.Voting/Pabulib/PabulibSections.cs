namespace ParticipativeDemocracy.Voting;

/// <summary>A section of a <c>.pb</c> file: its header record and its data records.</summary>
internal sealed record PabulibSection(string Name, CsvRecord Header, IReadOnlyList<CsvRecord> Rows)
{
    public static void RequireColumns(CsvRecord row, int expected, string section)
    {
        if (row.Fields.Count != expected)
        {
            throw new PabulibFormatException(row.LineNumber, $"{section} row has {row.Fields.Count} columns, the header has {expected}");
        }
    }

    public int Column(string name) =>
        Header.Fields.Select(f => f.Trim()).ToList().FindIndex(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Splits the records of a file into its META, PROJECTS and VOTES sections.</summary>
internal sealed record PabulibSections(PabulibSection Meta, PabulibSection Projects, PabulibSection Votes)
{
    private static readonly string[] _order = ["META", "PROJECTS", "VOTES"];

    public static PabulibSections Split(IEnumerable<CsvRecord> records)
    {
        var sections = new List<PabulibSection>();
        string? name = null;
        CsvRecord? header = null;
        var rows = new List<CsvRecord>();
        var lastLine = 0;
        foreach (var record in records)
        {
            lastLine = record.LineNumber;
            if (SectionName(record) is { } next)
            {
                Close(sections, name, header, rows, record.LineNumber);
                Expect(next, sections.Count, record.LineNumber);
                (name, header, rows) = (next, null, []);
            }
            else if (name is null)
            {
                throw new PabulibFormatException(record.LineNumber, "expected the section name META");
            }
            else if (header is null)
            {
                header = record;
            }
            else
            {
                rows.Add(record);
            }
        }

        Close(sections, name, header, rows, lastLine + 1);
        if (sections.Count != 3)
        {
            throw new PabulibFormatException(lastLine + 1, $"the file ends before the {_order[sections.Count]} section");
        }

        return new PabulibSections(sections[0], sections[1], sections[2]);
    }

    private static string? SectionName(CsvRecord record) =>
        record.Fields.Count == 1 && !record.WasQuoted && _order.Contains(record.Fields[0].Trim().ToUpperInvariant())
            ? record.Fields[0].Trim().ToUpperInvariant()
            : null;

    private static void Expect(string name, int index, int line)
    {
        if (index >= _order.Length || _order[index] != name)
        {
            var wanted = index < _order.Length ? _order[index] : "nothing";
            throw new PabulibFormatException(line, $"section {name} found where {wanted} was expected");
        }
    }

    private static void Close(List<PabulibSection> sections, string? name, CsvRecord? header, List<CsvRecord> rows, int line)
    {
        if (name is null)
        {
            return;
        }

        if (header is null)
        {
            throw new PabulibFormatException(line, $"section {name} has no header line");
        }

        sections.Add(new PabulibSection(name, header, rows));
    }
}
