namespace ParticipativeDemocracy.Web.Data.Entities;

/// <summary>One participative process: a budget, a jury, a poll or a partnership.</summary>
public sealed class Process
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    public ProcessKind Kind { get; set; }

    public required string Title { get; set; }

    public required string Slug { get; set; }

    public string Summary { get; set; } = string.Empty;

    public ProcessStatus Status { get; set; }

    public DateTimeOffset? OpensAt { get; set; }

    public DateTimeOffset? ClosesAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>PostgreSQL's xmin, for optimistic concurrency.</summary>
    public uint Version { get; set; }
}

public enum ProcessKind
{
    ParticipatoryBudget,
    CitizensJury,
    ServiceUserPoll,
    Partnership,
}

public enum ProcessStatus
{
    Draft,
    Upcoming,
    Open,
    Closed,
    Archived,
}
