namespace ParticipativeDemocracy.Web.Data.Entities.Deliberation;

/// <summary>A raised hand; one row per member per session (a unique index), ordered by <see cref="Sequence"/>.</summary>
public sealed class SpeakerQueueEntry
{
    public Guid Id { get; set; }

    public Guid SessionId { get; set; }

    public Guid UserId { get; set; }

    public required string DisplayName { get; set; }

    /// <summary>Database-generated, so two hands raised at the same instant still have one order.</summary>
    public long Sequence { get; set; }

    public DateTimeOffset RaisedAt { get; set; }
}

/// <summary>One open SignalR connection in a room: presence is shared by every replica through this table.</summary>
public sealed class RoomConnection
{
    public required string ConnectionId { get; set; }

    public Guid SessionId { get; set; }

    public Guid UserId { get; set; }

    public required string DisplayName { get; set; }

    public bool IsFacilitator { get; set; }

    public DateTimeOffset ConnectedAt { get; set; }
}

/// <summary>What was decided in the room, in order: the session's record.</summary>
public sealed class SessionRecordEntry
{
    public long Id { get; set; }

    public Guid SessionId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The phrase (see <c>RoomRecordLine</c>); rows from before phrases were kept name the room action instead.</summary>
    public required string Kind { get; set; }

    /// <summary>The phrase's arguments; null on rows from before phrases were kept, which only have <see cref="Text"/>.</summary>
    public List<string>? Args { get; set; }

    /// <summary>The line in English.</summary>
    public required string Text { get; set; }

    public required string ActorName { get; set; }
}

/// <summary>A quick show of hands in the room; not binding.</summary>
public sealed class StrawPoll
{
    public Guid Id { get; set; }

    public Guid SessionId { get; set; }

    public required string Question { get; set; }

    public List<string> Options { get; set; } = [];

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }
}

public sealed class StrawPollVote
{
    public Guid PollId { get; set; }

    public Guid UserId { get; set; }

    public int Option { get; set; }
}
