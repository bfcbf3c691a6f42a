namespace ParticipativeDemocracy.Web.Data.Entities.Budgeting;

/// <summary>
/// One pot of money in a participatory-budget process: city-wide (no district) or for one district.
/// Projects belong to one budget; each budget has its own ballots, "has voted" registry and count.
/// The first budget of a process has the process's id, so replacement keys of single-budget processes
/// did not change when budgets were introduced.
/// </summary>
public sealed class ProcessBudget
{
    public Guid Id { get; set; }

    public Guid ProcessId { get; set; }

    public required string Name { get; set; }

    public decimal Amount { get; set; }

    /// <summary>Null: city-wide, open to everyone eligible for the process; else only residents of this district.</summary>
    public string? District { get; set; }

    public int Position { get; set; }
}
