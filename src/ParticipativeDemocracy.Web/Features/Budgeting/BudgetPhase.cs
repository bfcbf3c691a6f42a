using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>Where a budget is in its life, and the rules each phase imposes on changes.</summary>
public static class BudgetPhase
{
    public static async Task<BudgetSettings> LoadSettingsAsync(AppDbContext db, Guid processId, CancellationToken cancellationToken) =>
        await db.BudgetSettings.SingleOrDefaultAsync(b => b.ProcessId == processId, cancellationToken)
        ?? throw new NotFoundException("Participatory budget", processId);

    public static async Task EnsureBudgetProcessAsync(AppDbContext db, Guid processId, CancellationToken cancellationToken)
    {
        var kind = await db.Processes.Where(p => p.Id == processId).Select(p => (ProcessKind?)p.Kind).SingleOrDefaultAsync(cancellationToken);
        if (kind is null)
        {
            throw new NotFoundException("Process", processId);
        }

        if (kind != ProcessKind.ParticipatoryBudget)
        {
            throw new ConflictException("This process is not a participatory budget.");
        }
    }

    /// <summary>Once voting opens, the ballot rules and the project list are locked.</summary>
    public static void EnsureNotLocked(BudgetSettings settings, DateTimeOffset now)
    {
        if (now >= settings.VotingOpensAt)
        {
            throw new ConflictException(
                $"The ballot rules and the project list are locked: voting opened at {settings.VotingOpensAt:yyyy-MM-dd HH:mm} UTC.");
        }
    }

    /// <summary>Results only once counted: between the close and the count the votes (paper ballots) are being counted.</summary>
    public static BudgetStage StageAt(BudgetSettings settings, DateTimeOffset now) => settings switch
    {
        { CountedAt: not null } => BudgetStage.Results,
        { ClosedAt: not null } => BudgetStage.Counting,
        _ when now >= settings.VotingClosesAt => BudgetStage.Counting,
        _ when now >= settings.VotingOpensAt => BudgetStage.Voting,
        _ => BudgetStage.Proposals,
    };

    /// <summary>Online voting has closed but paper batches are still being keyed or resolved (ADR 0011).</summary>
    public static bool IsCountingPaper(BudgetSettings settings) => settings is { ClosedAt: not null, CountedAt: null };

    public static bool IsVotingOpen(BudgetSettings settings, DateTimeOffset now) =>
        settings.ClosedAt is null && now >= settings.VotingOpensAt && now < settings.VotingClosesAt;

    public static void EnsureVotingOpen(BudgetSettings settings, DateTimeOffset now)
    {
        if (IsVotingOpen(settings, now))
        {
            return;
        }

        throw new ConflictException(settings.ClosedAt is null && now < settings.VotingOpensAt
            ? $"Voting opens at {settings.VotingOpensAt:yyyy-MM-dd HH:mm} UTC."
            : BallotBoxGate.ClosedMessage);
    }
}
