using System.Text.Json;

namespace ParticipativeDemocracy.Web.Features.Juries;

/// <summary>One planned meeting of the jury, as officers announce it while recruiting.</summary>
public sealed record ScheduledSession(string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

/// <summary>The session schedule is kept with the jury's settings as JSON, in date order.</summary>
public static class JurySchedule
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<ScheduledSession> Read(string json) =>
        JsonSerializer.Deserialize<List<ScheduledSession>>(json, Json) ?? [];

    public static string Write(IEnumerable<ScheduledSession> sessions) =>
        JsonSerializer.Serialize(sessions.Select(s => s with { Title = s.Title.Trim() }).OrderBy(s => s.StartsAt).ToList(), Json);
}
