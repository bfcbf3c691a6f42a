namespace ParticipativeDemocracy.Web.Data.Entities.Budgeting;

/// <summary>
/// A bundle of paper ballots for one budget, keyed in twice by different officers. It counts only when
/// both keyings agree, or once an officer resolved each ballot on which they differ.
/// </summary>
public sealed class PaperBatch
{
    public Guid Id { get; set; }

    public Guid ProcessId { get; set; }

    public Guid BudgetId { get; set; }

    public required string Label { get; set; }

    public PaperBatchStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CountedAt { get; set; }

    public int Counted { get; set; }

    /// <summary>An officer's decision on a ballot the two keyings disagree on, by its position in the batch.</summary>
    public List<PaperResolution> Resolutions { get; set; } = [];

    public uint Version { get; set; }
}

/// <summary>One officer's keying of a whole batch; the second must come from another officer.</summary>
public sealed class PaperKeying
{
    public Guid Id { get; set; }

    public Guid BatchId { get; set; }

    public Guid OfficerId { get; set; }

    public DateTimeOffset KeyedAt { get; set; }

    public List<PaperBallotEntry> Ballots { get; set; } = [];
}

/// <summary>A paper ballot as keyed: the voter reference it was issued to and the project codes marked (in order, for ranking).</summary>
public sealed record PaperBallotEntry(string VoterReference, List<string> Projects);

public sealed record PaperResolution(int Position, PaperBallotEntry Ballot, Guid OfficerId);

public enum PaperBatchStatus
{
    Keying,
    Mismatched,
    Counted,
}
