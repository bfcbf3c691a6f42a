using System.Text;

namespace ParticipativeDemocracy.Sortition.Csv;

/// <summary>RFC 4180 splitting: quoted fields may hold commas, doubled quotes and line breaks.</summary>
internal static class CsvTokenizer
{
    public static IReadOnlyList<CsvRow> Split(string text)
    {
        var records = new List<CsvRow>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (; position < text.Length; position++)
        {
            var c = text[position];
            if (inQuotes)
            {
                if (c == '"' && position + 1 < text.Length && text[position + 1] == '"')
                {
                    field.Append('"');
                    position++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inQuotes = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add(new CsvRow(recordLine, fields));
                    fields = [];
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add(new CsvRow(recordLine, fields));
        }

        return records;
    }
}
