using System.Text;

namespace ParticipativeDemocracy.Sortition.Csv;

/// <summary>
/// RFC 4180 splitting: quoted fields may hold commas, doubled quotes and line breaks. Each record keeps
/// the 1-based line it starts on, so error messages point at the right line.
/// </summary>
internal sealed class CsvTokenizer
{
    private readonly List<CsvRow> _records = [];
    private readonly StringBuilder _field = new();
    private List<string> _fields = [];
    private int _line = 1;
    private int _recordLine = 1;
    private bool _inQuotes;

    public static IReadOnlyList<CsvRow> Split(string text)
    {
        var tokenizer = new CsvTokenizer();
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (var position = start; position < text.Length; position++)
        {
            var next = position + 1 < text.Length ? text[position + 1] : '\0';
            position += tokenizer._inQuotes ? tokenizer.Quoted(text[position], next) : tokenizer.Plain(text[position]);
        }

        tokenizer.Finish();
        return tokenizer._records;
    }

    /// <summary>Consumes one character inside quotes; returns 1 when it also consumed the next one.</summary>
    private int Quoted(char c, char next)
    {
        if (c == '"' && next == '"')
        {
            _field.Append('"');
            return 1;
        }

        if (c == '"')
        {
            _inQuotes = false;
            return 0;
        }

        _line += c == '\n' ? 1 : 0;
        _field.Append(c);
        return 0;
    }

    private int Plain(char c)
    {
        switch (c)
        {
            case '"':
                _inQuotes = true;
                break;
            case ',':
                EndField();
                break;
            case '\r':
                break;
            case '\n':
                EndRecord();
                _line++;
                _recordLine = _line;
                break;
            default:
                _field.Append(c);
                break;
        }

        return 0;
    }

    private void EndField()
    {
        _fields.Add(_field.ToString());
        _field.Clear();
    }

    private void EndRecord()
    {
        EndField();
        _records.Add(new CsvRow(_recordLine, _fields));
        _fields = [];
    }

    private void Finish()
    {
        if (_field.Length > 0 || _fields.Count > 0)
        {
            EndRecord();
        }
    }
}
