using System.Text;

namespace ParticipativeDemocracy.Sortition.Csv;

/// <summary>A parsed CSV file: a header and data rows, each row remembering its 1-based line number.</summary>
internal sealed record CsvTable(string FileName, IReadOnlyList<string> Header, IReadOnlyList<CsvRow> Rows)
{
    public int ColumnIndex(string name) =>
        Header.ToList().FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));

    public int RequireColumn(string name)
    {
        var index = ColumnIndex(name);
        return index >= 0
            ? index
            : throw new SortitionInputException(FileName, 1, name, $"the header has no '{name}' column (found: {string.Join(", ", Header)})");
    }

    public static CsvTable Parse(string fileName, string text)
    {
        var records = CsvTokenizer.Split(text);
        if (records.Count == 0)
        {
            throw new SortitionInputException(fileName, 1, "(header)", "the file is empty");
        }

        var header = records[0].Fields.Select(h => h.Trim()).ToList();
        var rows = new List<CsvRow>();
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (record.Fields.Count != header.Count)
            {
                var column = record.Fields.Count > header.Count ? "(extra field)" : header[record.Fields.Count];
                throw new SortitionInputException(fileName, record.Line, column,
                    $"expected {header.Count} fields, found {record.Fields.Count}");
            }

            rows.Add(new CsvRow(record.Line, record.Fields.Select(f => f.Trim()).ToList()));
        }

        return new CsvTable(fileName, header, rows);
    }

    public static CsvTable Load(string path) =>
        Parse(Path.GetFileName(path), File.ReadAllText(path, Encoding.UTF8));
}

internal sealed record CsvRow(int Line, IReadOnlyList<string> Fields);
