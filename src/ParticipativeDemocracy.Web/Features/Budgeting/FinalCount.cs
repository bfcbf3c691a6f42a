using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Voting;
using ParticipativeDemocracy.Web.Common.Behaviors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// The count of a closed process: each budget's outcome with the hash of its inputs. It runs exactly once, from
/// whichever comes first after the close — the close itself when every paper batch is settled, the settling of
/// the last batch, or an officer counting now (ADR 0011): a conditional update of <see cref="BudgetSettings.CountedAt"/>
/// decides, under the ballot box gate held exclusively so no paper ballot lands after the count has read the box.
/// </summary>
public static class FinalCount
{
    public const string CountingMessage =
        "Voting has closed and the paper ballots are being counted: the results are published when the count is done.";

    /// <summary>Batches not yet counted (second keying missing, or disagreements unresolved), but <paramref name="except"/>.</summary>
    public static IQueryable<PaperBatch> Unsettled(AppDbContext db, Guid processId, Guid? except = null) =>
        db.PaperBatches.Where(b => b.ProcessId == processId && b.Id != except
                                   && (b.Status == PaperBatchStatus.Keying || b.Status == PaperBatchStatus.Mismatched));

    /// <summary>Counts unless the process is counted already (or not closed): false then, and nothing is written.</summary>
    public static async Task<bool> RunAsync(AppDbContext db, AfterCommit afterCommit, Guid processId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await BallotBoxGate.CloseAsync(db, processId, cancellationToken);
        var won = await db.BudgetSettings
            .Where(b => b.ProcessId == processId && b.ClosedAt != null && b.CountedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.CountedAt, now), cancellationToken);
        if (won == 0)
        {
            return false;
        }

        var settings = await db.BudgetSettings.AsNoTracking().SingleAsync(b => b.ProcessId == processId, cancellationToken);
        var title = await db.Processes.Where(p => p.Id == processId).Select(p => p.Title).SingleAsync(cancellationToken);
        foreach (var budget in await ProcessBudgets.LoadAsync(db, processId, cancellationToken))
        {
            db.BudgetOutcomes.Add(await CountAsync(db, settings, title, budget, now, cancellationToken));
        }

        await db.SaveChangesAsync(cancellationToken);
        afterCommit.Publish(new BudgetOutcomeStored(processId));
        return true;
    }

    private static async Task<BudgetOutcome> CountAsync(
        AppDbContext db, BudgetSettings settings, string title, ProcessBudget budget, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var projects = await db.BudgetProjects.AsNoTracking()
            .Where(p => p.BudgetId == budget.Id && p.Status == ProposalStatus.Feasible).ToListAsync(cancellationToken);
        var ballots = await db.BudgetBallots.AsNoTracking().Where(b => b.BudgetId == budget.Id).ToListAsync(cancellationToken);
        var election = BudgetElection.Build(settings, budget, title, projects, ballots);
        var options = BudgetElection.OptionsFor(settings);
        var result = BudgetCounter.Count(election, options);
        return new BudgetOutcome
        {
            BudgetId = budget.Id,
            ProcessId = budget.ProcessId,
            CountedAt = now,
            Rule = BudgetElection.RuleName(options),
            TieBreak = BudgetCounter.TieBreakName(options),
            Seed = settings.Seed,
            InputsHash = BudgetElection.HashOf(PabulibWriter.Write(election)),
            BallotCount = ballots.Count,
            SelectedCodes = [.. result.Selected],
            TotalCost = result.TotalCost,
            Explanation = [.. result.Explanation],
        };
    }
}
