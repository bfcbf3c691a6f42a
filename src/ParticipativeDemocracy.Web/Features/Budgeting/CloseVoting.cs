using Mediator;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Behaviors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Realtime;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// Closes voting at the deadline exactly once (a conditional update wins for one caller only, on
/// any replica, also after a restart). Replacement keys are erased, so ballots can never again be tied to voters.
/// When every paper batch is settled it counts at once; otherwise the count waits for the paper (ADR 0011).
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

            await db.BudgetBallots.Where(b => b.ProcessId == command.ProcessId)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.ReplacementKey, (string?)null), cancellationToken);
            var process = await db.Processes.SingleAsync(p => p.Id == command.ProcessId, cancellationToken);
            process.Status = ProcessStatus.Closed;
            process.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            afterCommit.Publish(new ProcessChanged(new ProcessChange(process.Id, process.Title, process.Status.ToString(), now)));
            afterCommit.Publish(new BallotCast(process.Id));
            if (!await FinalCount.Unsettled(db, command.ProcessId).AnyAsync(cancellationToken))
            {
                await FinalCount.RunAsync(db, afterCommit, command.ProcessId, now, cancellationToken);
            }

            return true;
        }
    }
}
