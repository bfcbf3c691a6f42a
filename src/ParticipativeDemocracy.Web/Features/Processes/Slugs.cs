using System.Globalization;
using System.Text;

namespace ParticipativeDemocracy.Web.Features.Processes;

internal static class Slugs
{
    private const int MaxLength = 80;

    /// <summary>"Parc Glan-yr-Afon: £50k!" → "parc-glan-yr-afon-50k"; accents are folded, not dropped.</summary>
    public static string From(string title)
    {
        var folded = title.Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().Trim('-');
        result = result.Length > MaxLength ? result[..MaxLength].TrimEnd('-') : result;
        return result.Length == 0 ? "process" : result;
    }
}
