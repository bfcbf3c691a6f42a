using System.Text.Json;

namespace ParticipativeDemocracy.Web.Features.Juries;

/// <summary>A volunteer's feature values (category → value), stored as JSON.</summary>
internal static class VolunteerFeatures
{
    public static string ToJson(IReadOnlyDictionary<string, string> features) => JsonSerializer.Serialize(features);

    public static Dictionary<string, string> FromJson(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Every category needs a value with a quota; the problems are returned by category.</summary>
    public static IEnumerable<(string Category, string Problem)> Problems(
        IReadOnlyDictionary<string, string>? features, IReadOnlyCollection<QuotaLine> quotas)
    {
        foreach (var category in quotas.Select(q => q.Category).Distinct(StringComparer.Ordinal))
        {
            var value = features?.GetValueOrDefault(category);
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return (category, $"Choose a value for '{category}'.");
            }
            else if (!quotas.Any(q => q.Category == category && q.Value == value))
            {
                yield return (category, $"'{value}' is not one of the values of '{category}'.");
            }
        }
    }
}

/// <summary>One quota as the API shows it.</summary>
public sealed record QuotaLine(string Category, string Value, int Min, int Max);
