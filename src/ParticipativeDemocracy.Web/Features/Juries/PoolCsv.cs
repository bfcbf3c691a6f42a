using System.Text;

namespace ParticipativeDemocracy.Web.Features.Juries;

/// <summary>
/// The pool file officers import and export: the respondents shape of `pd draw` (an id, a column per
/// feature, address columns) plus the contact and support details the draw itself never sees.
/// </summary>
public static class PoolCsv
{
    public const string Id = "id";
    public const string Name = "name";
    public const string Email = "email";
    public const string Address = "address_line_1";
    public const string Postcode = "postcode";
    public const string Availability = "availability";
    public const string AccessNeeds = "access_needs";
    public const string Source = "source";

    public static IReadOnlyList<string> Header(IEnumerable<string> categories) =>
        [Id, Name, Email, .. categories, Address, Postcode, Availability, AccessNeeds, Source];

    public static string Line(IEnumerable<string> fields) => string.Join(',', fields.Select(DrawInputs.Field)) + "\n";

    /// <summary>RFC 4180 records, each with the 1-based line it starts on.</summary>
    public static List<(int Line, List<string> Fields)> Split(string text)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var (line, start, quoted) = (1, 1, false);
        for (var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { field.Append(c); line += c == '\n' ? 1 : 0; }
                continue;
            }

            switch (c)
            {
                case '"': quoted = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    AddRecord(records, start, fields);
                    fields = [];
                    start = ++line;
                    break;
                default: field.Append(c); break;
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            AddRecord(records, start, fields);
        }

        return records;
    }

    private static void AddRecord(List<(int, List<string>)> records, int line, List<string> fields)
    {
        if (fields.Count > 1 || fields[0].Trim().Length > 0)
        {
            records.Add((line, fields.Select(f => f.Trim()).ToList()));
        }
    }
}
