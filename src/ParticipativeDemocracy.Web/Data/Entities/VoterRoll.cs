namespace ParticipativeDemocracy.Web.Data.Entities;

/// <summary>A roll of people entitled to take part, for a whole organisation or one process.</summary>
public sealed class VoterRoll
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid? ProcessId { get; set; }

    public required string Name { get; set; }

    public VoterRollStatus Status { get; set; }

    public int ProcessedRows { get; set; }

    public int AcceptedRows { get; set; }

    public int RejectedRows { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}

public enum VoterRollStatus
{
    Importing,
    Ready,
    Failed,
}

/// <summary>The uploaded file, kept only until the import job has read it.</summary>
public sealed class VoterRollUpload
{
    public Guid RollId { get; set; }

    public required byte[] Content { get; set; }
}

/// <summary>
/// One person on a roll. The reference is stored only as keyed hashes: one of the reference alone
/// (no duplicates on a roll) and one of reference, date of birth and postcode (what a resident proves).
/// Date of birth and district stay readable because eligibility rules need them.
/// </summary>
public sealed class VoterRollEntry
{
    public Guid Id { get; set; }

    public Guid RollId { get; set; }

    public required string ReferenceHash { get; set; }

    public required string MatchHash { get; set; }

    public DateOnly DateOfBirth { get; set; }

    public string? District { get; set; }
}

public sealed class VoterRollProblem
{
    public long Id { get; set; }

    public Guid RollId { get; set; }

    public int RowNumber { get; set; }

    public required string Reason { get; set; }
}

/// <summary>An account proved against a roll entry. Unique on the entry: one entry backs one account.</summary>
public sealed class RollVerification
{
    public Guid Id { get; set; }

    public Guid RollId { get; set; }

    public Guid EntryId { get; set; }

    public Guid UserId { get; set; }

    public DateTimeOffset VerifiedAt { get; set; }
}
