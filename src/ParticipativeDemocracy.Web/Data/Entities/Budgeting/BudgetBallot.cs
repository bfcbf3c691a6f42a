namespace ParticipativeDemocracy.Web.Data.Entities.Budgeting;

/// <summary>
/// A cast ballot. It holds no voter identity: only a keyed hash that lets the same voter replace it
/// before the close, erased when voting closes (see docs/decisions/0005-ballot-secrecy.md).
/// </summary>
public sealed class BudgetBallot
{
    public Guid Id { get; set; }

    public Guid ProcessId { get; set; }

    public Guid BudgetId { get; set; }

    /// <summary>Shown to the voter; published with the anonymised ballots so anyone can find theirs.</summary>
    public required string ReceiptCode { get; set; }

    public List<BallotChoice> Choices { get; set; } = [];

    public string? ReplacementKey { get; set; }

    public DateTimeOffset CastAt { get; set; }
}

public sealed record BallotChoice(Guid ProjectId, int Points);
