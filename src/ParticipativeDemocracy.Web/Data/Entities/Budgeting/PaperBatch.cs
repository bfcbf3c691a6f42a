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

    /// <summary>Settled ballots that did not go in the box, and why; filled when the batch counts.</summary>
    public List<PaperSetAside> SetAside { get; set; } = [];

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

/// <summary>
/// A paper ballot as keyed: the voter reference it was issued to, the project codes marked and, in the
/// same order, the number the voter wrote beside each: points on a cumulative ballot, the rank on a
/// ranking ballot (without numbers a ranking ballot is keyed in order of preference). Approval ballots have none.
/// <see cref="Spoilt"/>: the officers marked it spoilt (unreadable, or the voter's intention unclear); it has no marks.
/// </summary>
public sealed record PaperBallotEntry(string VoterReference, List<string> Projects, List<int>? Numbers = null, bool Spoilt = false);

/// <summary>
/// A settled ballot that was not counted: <see cref="Spoilt"/> when it breaks the ballot rules (its voter has
/// voted, on paper), otherwise its voter voted another way before the batch counted.
/// </summary>
public sealed record PaperSetAside(int Position, string VoterReference, bool Spoilt, List<string> Reasons);

public sealed record PaperResolution(int Position, PaperBallotEntry Ballot, Guid OfficerId);

public enum PaperBatchStatus
{
    Keying,
    Mismatched,
    Counted,

    /// <summary>Still unsettled when an officer counted now: its ballots are not in the count and its voters not in the registry.</summary>
    NotCounted,
}
