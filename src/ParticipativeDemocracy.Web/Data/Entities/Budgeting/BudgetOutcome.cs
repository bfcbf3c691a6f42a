namespace ParticipativeDemocracy.Web.Data.Entities.Budgeting;

/// <summary>The count of one budget at the close, with everything needed to re-compute it.</summary>
public sealed class BudgetOutcome
{
    public Guid BudgetId { get; set; }

    public Guid ProcessId { get; set; }

    public DateTimeOffset CountedAt { get; set; }

    public required string Rule { get; set; }

    public required string TieBreak { get; set; }

    public long Seed { get; set; }

    /// <summary>SHA-256 of the anonymised Pabulib file the count was computed from.</summary>
    public required string InputsHash { get; set; }

    public int BallotCount { get; set; }

    public List<string> SelectedCodes { get; set; } = [];

    public decimal TotalCost { get; set; }

    public List<string> Explanation { get; set; } = [];
}
