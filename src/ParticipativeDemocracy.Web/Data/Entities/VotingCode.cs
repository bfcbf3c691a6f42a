namespace ParticipativeDemocracy.Web.Data.Entities;

/// <summary>A batch of one-time codes printed on letters for one process and district.</summary>
public sealed class VotingCodeBatch
{
    public Guid Id { get; set; }

    public Guid ProcessId { get; set; }

    public string? District { get; set; }

    public int Count { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>One code, stored only as a keyed hash; redeemed at most once (a conditional UPDATE decides).</summary>
public sealed class VotingCode
{
    public Guid Id { get; set; }

    public Guid BatchId { get; set; }

    public Guid ProcessId { get; set; }

    public required string CodeHash { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RedeemedAt { get; set; }
}
