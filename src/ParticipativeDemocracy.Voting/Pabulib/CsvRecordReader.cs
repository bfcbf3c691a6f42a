using System.Text;

namespace ParticipativeDemocracy.Voting;

/// <summary>
/// Splits <c>;</c>-separated text with CSV quoting (<c>""</c> inside quotes is one quote). A quoted
/// field may span lines, as Python's csv module (used by the reference parser) allows.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    private int _lineNumber;

    public IEnumerable<CsvRecord> Records()
    {
        while (reader.ReadLine() is { } line)
        {
            _lineNumber++;
            if (_lineNumber == 1)
            {
                line = line.TrimStart('\uFEFF');
            }

            if (line.Trim().Length == 0)
            {
                continue;
            }

            yield return Split(line);
        }
    }

    private CsvRecord Split(string firstLine)
    {
        var start = _lineNumber;
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = firstLine;
        var inQuotes = false;
        var anyQuoted = false;
        var i = 0;
        while (true)
        {
            if (i == line.Length)
            {
                if (!inQuotes)
                {
                    break;
                }

                line = reader.ReadLine() ?? throw new PabulibFormatException(start, "a quoted field is never closed");
                _lineNumber++;
                field.Append('\n');
                i = 0;
                continue;
            }

            var c = line[i++];
            if (inQuotes)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i < line.Length && line[i] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    inQuotes = false;
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
                anyQuoted = true;
            }
            else if (c == ';')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return new CsvRecord(start, fields, anyQuoted);
    }
}
