using System.Globalization;
using ParticipativeDemocracy.Sortition.Model;

namespace ParticipativeDemocracy.Sortition.Csv;

/// <summary>
/// Reads quota files in either shape: <c>category,feature,min,max</c> (replication code, Panelot) or
/// <c>feature,value,min,max[,min_flex,max_flex]</c> (Sortition Foundation).
/// </summary>
public static class QuotaCsv
{
    public static IReadOnlyList<Quota> Load(string path) => Read(CsvTable.Load(path));

    public static IReadOnlyList<Quota> Parse(string fileName, string text) => Read(CsvTable.Parse(fileName, text));

    private static List<Quota> Read(CsvTable table)
    {
        var hasCategory = table.ColumnIndex("category") >= 0;
        var categoryColumn = hasCategory ? "category" : "feature";
        var valueColumn = hasCategory ? "feature" : "value";
        var columns = new QuotaColumns(
            table.RequireColumn(categoryColumn),
            table.RequireColumn(valueColumn),
            table.RequireColumn("min"),
            table.RequireColumn("max"),
            table.ColumnIndex("min_flex"),
            table.ColumnIndex("max_flex"));

        var quotas = new List<Quota>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var quota = ReadRow(table, row, columns);
            if (!seen.Add(quota.Label))
            {
                throw new SortitionInputException(table.FileName, row.Line, table.Header[columns.Value],
                    $"'{quota.Value}' of '{quota.Category}' is listed twice");
            }

            quotas.Add(quota);
        }

        return quotas.Count > 0
            ? quotas
            : throw new SortitionInputException(table.FileName, 2, "(row)", "the file has no quota rows");
    }

    private static Quota ReadRow(CsvTable table, CsvRow row, QuotaColumns columns)
    {
        var category = RequireText(table, row, columns.Category);
        var value = RequireText(table, row, columns.Value);
        var min = ReadCount(table, row, columns.Min)!.Value;
        var max = ReadCount(table, row, columns.Max)!.Value;
        if (min > max)
        {
            throw new SortitionInputException(table.FileName, row.Line, table.Header[columns.Max],
                $"max {max} is below min {min}");
        }

        return new Quota(category, value, min, max, ReadCount(table, row, columns.MinFlex, optional: true),
            ReadCount(table, row, columns.MaxFlex, optional: true));
    }

    private static string RequireText(CsvTable table, CsvRow row, int column)
    {
        var text = row.Fields[column];
        return text.Length > 0
            ? text
            : throw new SortitionInputException(table.FileName, row.Line, table.Header[column], "the value is empty");
    }

    private static int? ReadCount(CsvTable table, CsvRow row, int column, bool optional = false)
    {
        if (column < 0 || (optional && row.Fields[column].Length == 0))
        {
            return null;
        }

        var text = row.Fields[column];
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count >= 0)
        {
            return count;
        }

        throw new SortitionInputException(table.FileName, row.Line, table.Header[column],
            $"'{text}' is not a whole number ≥ 0");
    }

    private sealed record QuotaColumns(int Category, int Value, int Min, int Max, int MinFlex, int MaxFlex);
}
