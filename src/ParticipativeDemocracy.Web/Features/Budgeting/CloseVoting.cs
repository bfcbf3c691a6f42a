using Mediator;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Voting;
using ParticipativeDemocracy.Web.Common.Behaviors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;
using ParticipativeDemocracy.Web.Realtime;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// Closes voting at the deadline exactly once (a conditional update wins for one caller only, on
/// any replica, also after a restart), counts with the configured rule and stores each budget's outcome
/// with the hash of its inputs. Replacement keys are erased, so ballots can never again be tied to voters.
/// </summary>
public static class CloseVoting
{
    public sealed record Command(Guid ProcessId) : ICommand<bool>;

    public sealed class Handler(AppDbContext db, TimeProvider clock, AfterCommit afterCommit) : ICommandHandler<Command, bool>
    {
        public async ValueTask<bool> Handle(Command command, CancellationToken cancellationToken)
        {
            await BallotBoxGate.CloseAsync(db, command.ProcessId, cancellationToken);
            var now = clock.GetUtcNow();
            var won = await db.BudgetSettings
                .Where(b => b.ProcessId == command.ProcessId && b.ClosedAt == null && b.VotingClosesAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.ClosedAt, now), cancellationToken);
            if (won == 0)
            {
                return false;
            }

            foreach (var budget in await ProcessBudgets.LoadAsync(db, command.ProcessId, cancellationToken))
            {
                db.BudgetOutcomes.Add(await CountAsync(budget, now, cancellationToken));
            }

            await db.BudgetBallots.Where(b => b.ProcessId == command.ProcessId)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.ReplacementKey, (string?)null), cancellationToken);
            var process = await db.Processes.SingleAsync(p => p.Id == command.ProcessId, cancellationToken);
            process.Status = ProcessStatus.Closed;
            process.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            afterCommit.Publish(new ProcessChanged(new ProcessChange(process.Id, process.Title, process.Status.ToString(), now)));
            afterCommit.Publish(new BallotCast(process.Id));
            afterCommit.Publish(new BudgetOutcomeStored(process.Id));
            return true;
        }

        private async Task<BudgetOutcome> CountAsync(ProcessBudget budget, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var processId = budget.ProcessId;
            var settings = await db.BudgetSettings.AsNoTracking().SingleAsync(b => b.ProcessId == processId, cancellationToken);
            var title = await db.Processes.Where(p => p.Id == processId).Select(p => p.Title).SingleAsync(cancellationToken);
            var projects = await db.BudgetProjects.AsNoTracking()
                .Where(p => p.BudgetId == budget.Id && p.Status == ProposalStatus.Feasible).ToListAsync(cancellationToken);
            var ballots = await db.BudgetBallots.AsNoTracking().Where(b => b.BudgetId == budget.Id).ToListAsync(cancellationToken);
            var election = BudgetElection.Build(settings, budget, title, projects, ballots);
            var options = BudgetElection.OptionsFor(settings);
            var result = BudgetCounter.Count(election, options);
            return new BudgetOutcome
            {
                BudgetId = budget.Id,
                ProcessId = processId,
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
}
