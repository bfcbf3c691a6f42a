using System.Globalization;

namespace ParticipativeDemocracy.Web.Components.Forms;

/// <summary>Reads typed values out of posted text, recording a field error instead of throwing.</summary>
public sealed class RawForm(IReadOnlyDictionary<string, string> values, IDictionary<string, string> errors)
{
    public string Text(string name) => values.GetValueOrDefault(name)?.Trim() ?? "";

    public bool Flag(string name) => values.GetValueOrDefault(name) is "true" or "on";

    public decimal Amount(string name, string message) =>
        decimal.TryParse(Text(name).Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value
            : Fail<decimal>(name, message);

    public int WholeNumber(string name, string message) =>
        int.TryParse(Text(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : Fail<int>(name, message);

    public int? OptionalInt(string name, string message) => Text(name).Length == 0 ? null : WholeNumber(name, message);

    public decimal? OptionalDecimal(string name, string message) => Text(name).Length == 0 ? null : Amount(name, message);

    public TEnum Enum<TEnum>(string name)
        where TEnum : struct, System.Enum => System.Enum.TryParse<TEnum>(Text(name), out var value) ? value : default;

    /// <summary>A datetime-local value, read in the process's time zone and returned as an instant.</summary>
    public DateTimeOffset LocalTime(string name, string timeZone, string message)
    {
        if (!DateTime.TryParse(Text(name), CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return Fail<DateTimeOffset>(name, message);
        }

        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone), TimeSpan.Zero);
    }

    public static string ToLocalInput(DateTimeOffset instant, string timeZone) =>
        ProcessDates.InZone(instant, timeZone).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private T Fail<T>(string name, string message)
    {
        errors.TryAdd(name, message);
        return default!;
    }
}
