namespace ParticipativeDemocracy.Web.Data.Entities.Partnerships;

/// <summary>A standing vertical-slice partnership; one per partnership process.</summary>
public sealed class Partnership
{
    public Guid ProcessId { get; set; }

    /// <summary>The health-check statements officers can edit; each check keeps its own copy.</summary>
    public List<string> Statements { get; set; } = [];

    /// <summary>A player level's health-check results are shown only with at least this many answers.</summary>
    public int MinGroupSize { get; set; }

    public uint Version { get; set; }
}

public sealed class PartnershipMember
{
    public Guid Id { get; set; }

    public Guid ProcessId { get; set; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    public PlayerLevel Level { get; set; }

    /// <summary>Organisation or role, e.g. "Neighbourhood policing team".</summary>
    public string? Role { get; set; }

    public DateTimeOffset JoinedAt { get; set; }
}

public sealed class PartnershipMeeting
{
    public Guid Id { get; set; }

    public Guid ProcessId { get; set; }

    public required string Title { get; set; }

    public DateTimeOffset HeldAt { get; set; }

    public string Agenda { get; set; } = string.Empty;

    public string? Minutes { get; set; }

    public List<string> Decisions { get; set; } = [];

    public DateTimeOffset? MinutesPublishedAt { get; set; }
}

public sealed class PartnershipAction
{
    public Guid Id { get; set; }

    public Guid ProcessId { get; set; }

    public Guid? MeetingId { get; set; }

    public required string Title { get; set; }

    public required string Owner { get; set; }

    public DateOnly DueOn { get; set; }

    public PartnershipActionStatus Status { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public enum PartnershipActionStatus
{
    NotStarted,
    InProgress,
    Done,
    Dropped,
}

public sealed class PartnershipFollower
{
    public Guid ProcessId { get; set; }

    public required string Email { get; set; }

    public DateTimeOffset FollowedAt { get; set; }
}
