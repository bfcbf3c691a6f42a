using System.Globalization;
using System.Text;

namespace ParticipativeDemocracy.Web.Features.Polls;

/// <summary>RFC 4180 CSV; cells that a spreadsheet would run as a formula are prefixed with an apostrophe.</summary>
public static class PollCsv
{
    public static string Write(IEnumerable<IReadOnlyList<object?>> rows)
    {
        var csv = new StringBuilder();
        foreach (var row in rows)
        {
            csv.AppendJoin(',', row.Select(Cell)).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Cell(object? value)
    {
        var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        if (text.Length > 0 && value is string && "=+-@".Contains(text[0], StringComparison.Ordinal))
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
