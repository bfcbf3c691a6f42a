namespace ParticipativeDemocracy.Web.Data.Entities.Partnerships;

/// <summary>One round of the partnership health check, with the statements as they stood when it opened.</summary>
public sealed class HealthCheck
{
    public Guid Id { get; set; }

    public Guid ProcessId { get; set; }

    public int Round { get; set; }

    public List<string> Statements { get; set; } = [];

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }
}

/// <summary>That a member has answered a check. Kept apart from the answers, with nothing to join them on.</summary>
public sealed class HealthCheckParticipation
{
    public Guid HealthCheckId { get; set; }

    public Guid MemberId { get; set; }
}

/// <summary>One anonymous set of 1–5 scores, one per statement, labelled only with the member's level group.</summary>
public sealed class HealthCheckAnswer
{
    public Guid Id { get; set; }

    public Guid HealthCheckId { get; set; }

    public SliceLevel Level { get; set; }

    public List<int> Scores { get; set; } = [];
}

/// <summary>The four levels of a vertical slice; residents and community activists form one.</summary>
public enum SliceLevel
{
    Residents,
    FrontLineWorkers,
    Managers,
    PolicyMakers,
}
