namespace ParticipativeDemocracy.Web.Data.Entities.Budgeting;

/// <summary>A resident's proposal; once reviewed as feasible it is a project on the ballot.</summary>
public sealed class BudgetProject
{
    public Guid Id { get; set; }

    public Guid ProcessId { get; set; }

    /// <summary>The budget whose ballot lists the project: its district's budget, else the city-wide one.</summary>
    public Guid BudgetId { get; set; }

    /// <summary>Short public id ("P01"), used on ballots, in exports and in explanations.</summary>
    public required string Code { get; set; }

    public required string Title { get; set; }

    public string Description { get; set; } = string.Empty;

    public string? District { get; set; }

    public string? Category { get; set; }

    public decimal EstimatedCost { get; set; }

    public decimal? FinalCost { get; set; }

    public ProposalStatus Status { get; set; }

    public string? ReviewReason { get; set; }

    public Guid? AuthorId { get; set; }

    /// <summary>Set when officers merged this duplicate into another proposal (status <see cref="ProposalStatus.Merged"/>).</summary>
    public Guid? MergedIntoId { get; set; }

    /// <summary>The latest implementation status officers posted, once the project is funded.</summary>
    public ImplementationStatus? ImplementationStatus { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public uint Version { get; set; }

    public decimal BallotCost => FinalCost ?? EstimatedCost;
}

public enum ProposalStatus
{
    Submitted,
    Feasible,
    Infeasible,
    Withdrawn,
    Merged,
}
