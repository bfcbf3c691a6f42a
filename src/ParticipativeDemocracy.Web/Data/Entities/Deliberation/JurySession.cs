namespace ParticipativeDemocracy.Web.Data.Entities.Deliberation;

/// <summary>
/// One sitting of a jury. The row is also the room's lock: every room command first bumps
/// <see cref="StateVersion"/>, so commands on one room run one after another on any replica.
/// </summary>
public sealed class JurySession
{
    public Guid Id { get; set; }

    public Guid ProcessId { get; set; }

    public required string Title { get; set; }

    public DateTimeOffset StartsAt { get; set; }

    public SessionStatus Status { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public Guid? CurrentAgendaItemId { get; set; }

    public int SpeakerLimitSeconds { get; set; }

    public Guid? SpeakerUserId { get; set; }

    public string? SpeakerName { get; set; }

    public DateTimeOffset? FloorGivenAt { get; set; }

    /// <summary>Raised by every change to the room; clients keep the snapshot with the highest version.</summary>
    public long StateVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public enum SessionStatus
{
    Planned,
    Live,
    Ended,
}

/// <summary>One item of a session's agenda, in order.</summary>
public sealed class AgendaItem
{
    public Guid Id { get; set; }

    public Guid SessionId { get; set; }

    public int Position { get; set; }

    public required string Title { get; set; }
}
