namespace ParticipativeDemocracy.Web.Data.Entities.Budgeting;

/// <summary>A resident backs someone else's proposal; one row per person and proposal.</summary>
public sealed class ProposalSupport
{
    public Guid ProjectId { get; set; }

    public Guid UserId { get; set; }

    public Guid ProcessId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
