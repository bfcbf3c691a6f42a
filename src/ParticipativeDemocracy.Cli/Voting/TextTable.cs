using System.Text;

namespace ParticipativeDemocracy.Cli.Voting;

/// <summary>A plain, space-padded text table.</summary>
internal static class TextTable
{
    public static string Render(string[] header, IReadOnlyList<string[]> rows, int[] rightAligned)
    {
        var widths = header.Select((h, c) => rows.Select(r => r[c].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        Append(text, header, widths, rightAligned);
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            Append(text, row, widths, rightAligned);
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, string[] cells, int[] widths, int[] rightAligned)
    {
        var padded = cells.Select((cell, c) => rightAligned.Contains(c) ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]));
        text.AppendLine(string.Join("  ", padded).TrimEnd());
    }
}
