namespace ParticipativeDemocracy.Web.Data.Entities;

/// <summary>
/// One officer or administrator action. Append-only (a trigger refuses updates and deletes) and
/// hash-chained: each entry's hash covers its content and the previous entry's hash.
/// </summary>
public sealed class AuditEntry
{
    public long Sequence { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid? ActorId { get; set; }

    public required string ActorName { get; set; }

    /// <summary>The resident an officer acted for at an assisted voting point.</summary>
    public Guid? OnBehalfOfId { get; set; }

    public required string Action { get; set; }

    public required string TargetType { get; set; }

    public string? TargetId { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }
}
