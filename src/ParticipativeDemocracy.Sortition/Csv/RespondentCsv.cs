using ParticipativeDemocracy.Sortition.Model;

namespace ParticipativeDemocracy.Sortition.Csv;

/// <summary>
/// Reads a pool file: one row per respondent, a column per quota category, an optional id column
/// (otherwise the 0-based data-row index is the id) and optional address columns forming households.
/// </summary>
public static class RespondentCsv
{
    public static IReadOnlyList<Respondent> Load(string path, IReadOnlyList<Quota> quotas, RespondentColumns? columns = null) =>
        Read(CsvTable.Load(path), quotas, columns ?? new RespondentColumns());

    public static IReadOnlyList<Respondent> Parse(string fileName, string text, IReadOnlyList<Quota> quotas,
        RespondentColumns? columns = null) =>
        Read(CsvTable.Parse(fileName, text), quotas, columns ?? new RespondentColumns());

    private static List<Respondent> Read(CsvTable table, IReadOnlyList<Quota> quotas, RespondentColumns columns)
    {
        var categories = quotas.Select(q => q.Category).Distinct(StringComparer.Ordinal).ToList();
        var categoryColumns = categories.Select(table.RequireColumn).ToList();
        var idColumn = columns.IdColumn is null ? -1 : table.RequireColumn(columns.IdColumn);
        var addressColumns = columns.AddressColumns.Select(table.RequireColumn).ToList();
        var knownValues = quotas.Select(q => q.Label).ToHashSet(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var pool = new List<Respondent>();
        foreach (var row in table.Rows)
        {
            var id = idColumn < 0 ? pool.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) : row.Fields[idColumn];
            if (id.Length == 0 || !ids.Add(id))
            {
                throw new SortitionInputException(table.FileName, row.Line, table.Header[idColumn],
                    id.Length == 0 ? "the id is empty" : $"id '{id}' occurs twice");
            }

            var features = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < categories.Count; c++)
            {
                var value = row.Fields[categoryColumns[c]];
                if (!knownValues.Contains($"{categories[c]}={value}"))
                {
                    throw new SortitionInputException(table.FileName, row.Line, table.Header[categoryColumns[c]],
                        $"'{value}' is not a value with a quota in category '{categories[c]}'");
                }

                features[categories[c]] = value;
            }

            var household = addressColumns.Count == 0 ? null : string.Join("\u001f", addressColumns.Select(a => row.Fields[a]));
            pool.Add(new Respondent(id, features, household));
        }

        return pool;
    }
}

/// <summary>Which pool columns hold the id and the address (an empty address list disables the household rule).</summary>
public sealed record RespondentColumns(string? IdColumn = null, IReadOnlyList<string>? Addresses = null)
{
    public IReadOnlyList<string> AddressColumns => Addresses ?? [];
}
