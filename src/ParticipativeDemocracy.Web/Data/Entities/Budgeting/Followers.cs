namespace ParticipativeDemocracy.Web.Data.Entities.Budgeting;

/// <summary>
/// A signed-in resident asked to hear the results of a process. Deliberately unrelated to ballots
/// and to the voter registry, so following reveals nothing about how (or whether) anyone voted.
/// </summary>
public sealed class ProcessFollower
{
    public Guid ProcessId { get; set; }

    public Guid UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A resident follows one project and is e-mailed each implementation update.</summary>
public sealed class ProjectFollower
{
    public Guid ProjectId { get; set; }

    public Guid UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Marks that a budget's result e-mails were written, so they go out exactly once.</summary>
public sealed class BudgetFeedbackRun
{
    public Guid ProcessId { get; set; }

    public DateTimeOffset SentAt { get; set; }

    public int Proposers { get; set; }

    public int Followers { get; set; }
}
