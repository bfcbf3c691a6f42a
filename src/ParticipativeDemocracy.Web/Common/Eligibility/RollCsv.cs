using System.Globalization;

namespace ParticipativeDemocracy.Web.Common.Eligibility;

/// <summary>
/// Reads a roll file: a header "reference,date_of_birth,postcode[,district]", then one person a row.
/// Each row is either a person or a reason it was refused, with its line number in the file.
/// </summary>
public static class RollCsv
{
    public const string Header = "reference,date_of_birth,postcode,district";

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    public sealed record Row(int Number, string Reference, DateOnly DateOfBirth, string Postcode, string? District);

    public sealed record Problem(int Number, string Reason);

    public static bool IsHeader(string? line) =>
        line is not null && Split(line.TrimStart('\uFEFF')) is [var a, var b, var c, ..] rest && rest.Count <= 4
        && a.Equals("reference", StringComparison.OrdinalIgnoreCase)
        && b.Equals("date_of_birth", StringComparison.OrdinalIgnoreCase)
        && c.Equals("postcode", StringComparison.OrdinalIgnoreCase);

    public static object Parse(int number, string line, DateOnly today)
    {
        var fields = Split(line);
        if (fields.Count is < 3 or > 4)
        {
            return new Problem(number, $"Expected 3 or 4 columns ({Header}), found {fields.Count}.");
        }

        var reference = fields[0].Trim();
        var postcode = fields[2].Trim();
        var district = fields.Count == 4 && fields[3].Trim() is { Length: > 0 } d ? d : null;
        if (reference.Length == 0)
        {
            return new Problem(number, "The reference is missing.");
        }

        if (reference.Length > 64)
        {
            return new Problem(number, "The reference is longer than 64 characters.");
        }

        if (!DateOnly.TryParseExact(fields[1].Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var born))
        {
            return new Problem(number, $"The date of birth '{Truncate(fields[1])}' is not a date (use YYYY-MM-DD or DD/MM/YYYY).");
        }

        if (born > today)
        {
            return new Problem(number, "The date of birth is in the future.");
        }

        var normalisedPostcode = RollHasher.Normalise(postcode);
        if (normalisedPostcode.Length is < 2 or > 10 || !normalisedPostcode.All(char.IsAsciiLetterOrDigit))
        {
            return new Problem(number, $"The postcode '{Truncate(postcode)}' is not valid.");
        }

        return district is { Length: > 100 }
            ? new Problem(number, "The district is longer than 100 characters.")
            : new Row(number, reference, born, postcode, district);
    }

    /// <summary>Comma-separated fields; double quotes wrap fields that contain commas ("" is a quote).</summary>
    public static List<string> Split(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { current.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { fields.Add(current.ToString()); current.Clear(); }
            else { current.Append(c); }
        }

        fields.Add(current.ToString());
        return fields;
    }

    private static string Truncate(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
