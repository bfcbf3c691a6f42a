using System.Globalization;

namespace ParticipativeDemocracy.Web.Features.Deliberation;

/// <summary>
/// One line of a session's record, kept as a phrase and its arguments so every reader sees it in their
/// own language (resource <c>JuryRecord_{Kind}</c>); <see cref="English"/> is stored beside it for API
/// readers and older rows.
/// </summary>
public sealed record RoomRecordLine(string Kind, IReadOnlyList<string> Args)
{
    /// <summary>The English phrasing of each kind; the resources hold the same formats.</summary>
    public static readonly IReadOnlyDictionary<string, string> EnglishFormats = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["SessionStarted"] = "Session started",
        ["SessionEnded"] = "Session ended",
        ["FloorGiven"] = "Floor given to {0}",
        ["Spoke"] = "{0} spoke for {1}",
        ["AgendaMoved"] = "Agenda moved to {0}. {1}",
        ["PollOpened"] = "Straw poll opened: {0} ({1})",
        ["PollClosed"] = "Straw poll closed: {0} — {1}",
    };

    public string English => string.Format(CultureInfo.InvariantCulture, EnglishFormats[Kind], [.. Args]);

    public static RoomRecordLine SessionStarted() => new("SessionStarted", []);

    public static RoomRecordLine SessionEnded() => new("SessionEnded", []);

    public static RoomRecordLine FloorGiven(string name) => new("FloorGiven", [name]);

    public static RoomRecordLine Spoke(string name, TimeSpan spoke) =>
        new("Spoke", [name, string.Create(CultureInfo.InvariantCulture, $"{(int)spoke.TotalMinutes}:{spoke.Seconds:D2}")]);

    public static RoomRecordLine AgendaMoved(int position, string title) =>
        new("AgendaMoved", [position.ToString(CultureInfo.InvariantCulture), title]);

    public static RoomRecordLine PollOpened(string question, IEnumerable<string> options) =>
        new("PollOpened", [question, string.Join(", ", options)]);

    public static RoomRecordLine PollClosed(string question, IEnumerable<(string Option, int Count)> results) =>
        new("PollClosed", [question, string.Join(", ", results.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Option} {r.Count}")))]);
}
