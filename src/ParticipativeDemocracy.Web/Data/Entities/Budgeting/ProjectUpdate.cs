namespace ParticipativeDemocracy.Web.Data.Entities.Budgeting;

/// <summary>An officer's report on a funded project: its status, and optionally a milestone with its date.</summary>
public sealed class ProjectUpdate
{
    public Guid Id { get; set; }

    public Guid ProcessId { get; set; }

    public Guid ProjectId { get; set; }

    public ImplementationStatus Status { get; set; }

    public required string Note { get; set; }

    public string? Milestone { get; set; }

    public DateOnly? MilestoneDate { get; set; }

    public DateTimeOffset PostedAt { get; set; }

    public Guid? PostedById { get; set; }
}

public enum ImplementationStatus
{
    Planned,
    InProgress,
    Delayed,
    Completed,
}
