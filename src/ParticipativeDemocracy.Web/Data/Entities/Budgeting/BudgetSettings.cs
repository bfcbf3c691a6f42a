namespace ParticipativeDemocracy.Web.Data.Entities.Budgeting;

/// <summary>How a participatory budget process is voted on and counted, for all its budgets. One per budget process.</summary>
public sealed class BudgetSettings
{
    public Guid ProcessId { get; set; }

    /// <summary>The total of the process's budgets (see <see cref="ProcessBudget"/>).</summary>
    public decimal Amount { get; set; }

    public string Currency { get; set; } = "GBP";

    public BudgetBallotKind BallotKind { get; set; }

    public int MinProjects { get; set; }

    public int? MaxProjects { get; set; }

    /// <summary>Approval ballots: the chosen projects must fit within the budget (knapsack voting).</summary>
    public bool MustFitBudget { get; set; }

    /// <summary>Approval within budget: the least share of the budget a ballot must spend (0 to 1).</summary>
    public decimal MinSpendShare { get; set; }

    /// <summary>Cumulative ballots: points each voter distributes.</summary>
    public int? PointsToDistribute { get; set; }

    public BudgetCountingRule CountingRule { get; set; }

    public BudgetCompletion Completion { get; set; }

    public BudgetTieBreak TieBreak { get; set; }

    public long Seed { get; set; }

    public TallyVisibility TallyVisibility { get; set; }

    public DateTimeOffset VotingOpensAt { get; set; }

    public DateTimeOffset VotingClosesAt { get; set; }

    /// <summary>Proposals phase start; null: from when the budget is configured.</summary>
    public DateTimeOffset? ProposalsOpenAt { get; set; }

    /// <summary>Proposals close and officers review them; null: review runs until voting opens, with proposals.</summary>
    public DateTimeOffset? ReviewOpensAt { get; set; }

    /// <summary>After results, officers track funded projects; null: no implementation phase scheduled yet.</summary>
    public DateTimeOffset? ImplementationOpensAt { get; set; }

    /// <summary>The phase the phase job last opened (null: none yet). Moves forward only, by one conditional update.</summary>
    public BudgetPhaseKind? CurrentPhase { get; set; }

    public DateTimeOffset? PhaseChangedAt { get; set; }

    /// <summary>Set exactly once, by the close job: online and assisted voting are over; nothing about the ballot may change afterwards.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>
    /// Set exactly once, when the outcomes are stored: at the close when every paper batch is settled, else when the
    /// last one settles or an officer counts now (ADR 0011). Closed but not counted: paper ballots are being counted.
    /// </summary>
    public DateTimeOffset? CountedAt { get; set; }

    public int ConfigurationVersion { get; set; }

    public uint Version { get; set; }
}

/// <summary>proposals → review → voting → results → implementation.</summary>
public enum BudgetPhaseKind
{
    Proposals,
    Review,
    Voting,
    Results,
    Implementation,
}

public enum BudgetBallotKind
{
    Approval,
    Cumulative,
    Ranking,
}

public enum BudgetCountingRule
{
    Greedy,
    EqualShares,
    Phragmen,
}

public enum BudgetCompletion
{
    None,
    Add1,
    Add1Greedy,
    Add1Full,
}

public enum BudgetTieBreak
{
    ProjectId,
    CostVotesLot,
}

public enum TallyVisibility
{
    Public,
    OfficersOnly,
    HiddenUntilClose,
}
