namespace ParticipativeDemocracy.Web.Data.Entities.Deliberation;

/// <summary>What the jury reads: an uploaded document (bytes kept in PostgreSQL), a link, or a witness statement.</summary>
public sealed class EvidenceItem
{
    public Guid Id { get; set; }

    public Guid ProcessId { get; set; }

    public EvidenceKind Kind { get; set; }

    public required string Title { get; set; }

    public string? Url { get; set; }

    public string? WitnessName { get; set; }

    public string? Statement { get; set; }

    public string? FileName { get; set; }

    public string? ContentType { get; set; }

    public byte[]? Content { get; set; }

    public DateTimeOffset AddedAt { get; set; }
}

public enum EvidenceKind
{
    Document,
    Link,
    WitnessStatement,
}

/// <summary>A juror's question to a witness, answered later by the facilitator or an officer.</summary>
public sealed class WitnessQuestion
{
    public Guid Id { get; set; }

    public Guid ProcessId { get; set; }

    public required string WitnessName { get; set; }

    public required string Question { get; set; }

    public Guid AskedById { get; set; }

    public required string AskedByName { get; set; }

    public DateTimeOffset AskedAt { get; set; }

    public string? Answer { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }
}
