using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ParticipativeDemocracy.Sortition.Csv;
using ParticipativeDemocracy.Sortition.Model;
using ParticipativeDemocracy.Web.Data.Entities.Juries;

namespace ParticipativeDemocracy.Web.Features.Juries;

/// <summary>
/// The draw's inputs as the two CSV files `pd draw` reads. The server draws from these very texts
/// (parsed back), so the published files and hash are exactly what was run. No names or addresses:
/// volunteers get an anonymous id and households a number.
/// </summary>
public static class DrawInputs
{
    public const string IdColumn = "id";
    public const string HouseholdColumn = "household";

    public sealed record Files(string CategoriesCsv, string RespondentsCsv, IReadOnlyDictionary<Guid, string> DrawIds)
    {
        public string Hash => HashOf(CategoriesCsv, RespondentsCsv);
    }

    public static Files Build(IReadOnlyList<JuryQuota> quotas, IReadOnlyList<JuryVolunteer> volunteers)
    {
        var categories = new StringBuilder("category,feature,min,max\n");
        foreach (var q in quotas.OrderBy(q => q.Position))
        {
            categories.Append(Field(q.Category)).Append(',').Append(Field(q.Value)).Append(',')
                .Append(q.Min.ToString(CultureInfo.InvariantCulture)).Append(',').Append(q.Max.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        var names = quotas.OrderBy(q => q.Position).Select(q => q.Category).Distinct(StringComparer.Ordinal).ToList();
        var respondents = new StringBuilder(IdColumn);
        foreach (var name in names)
        {
            respondents.Append(',').Append(Field(name));
        }

        respondents.Append(',').Append(HouseholdColumn).Append('\n');
        var households = new Dictionary<string, int>(StringComparer.Ordinal);
        var drawIds = new Dictionary<Guid, string>();
        var ordered = volunteers.OrderBy(v => v.CreatedAt).ThenBy(v => v.Id).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var volunteer = ordered[i];
            var id = $"v{i + 1:D4}";
            drawIds[volunteer.Id] = id;
            var features = VolunteerFeatures.FromJson(volunteer.Features);
            respondents.Append(id);
            foreach (var name in names)
            {
                respondents.Append(',').Append(Field(features.GetValueOrDefault(name) ?? ""));
            }

            var address = AddressKey(volunteer) ?? $"#{volunteer.Id}";
            if (!households.TryGetValue(address, out var household))
            {
                household = households.Count + 1;
                households[address] = household;
            }

            respondents.Append(",h").Append(household.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return new Files(categories.ToString(), respondents.ToString(), drawIds);
    }

    public static SortitionProblem Problem(string categoriesCsv, string respondentsCsv, int panelSize)
    {
        var quotas = QuotaCsv.Parse("categories.csv", categoriesCsv);
        var pool = RespondentCsv.Parse("respondents.csv", respondentsCsv, quotas, new RespondentColumns(IdColumn, [HouseholdColumn]));
        return new SortitionProblem(pool, panelSize, quotas);
    }

    public static string HashOf(string categoriesCsv, string respondentsCsv) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(categoriesCsv + respondentsCsv)));

    public static string Command(int panelSize, long seed, string algorithm) =>
        string.Create(CultureInfo.InvariantCulture,
            $"pd draw --categories categories.csv --respondents respondents.csv --size {panelSize} --seed {seed} --id-column {IdColumn} --address-columns {HouseholdColumn} --algorithm {algorithm.ToLowerInvariant()}");

    /// <summary>Same first line and postcode ⇒ same household; people without an address live alone.</summary>
    private static string? AddressKey(JuryVolunteer volunteer)
    {
        var line = Normalise(volunteer.AddressLine1);
        var postcode = Normalise(volunteer.Postcode).Replace(" ", "", StringComparison.Ordinal);
        return line.Length == 0 || postcode.Length == 0 ? null : $"{line}|{postcode}";
    }

    private static string Normalise(string text) =>
        string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToUpperInvariant();

    internal static string Field(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
