using Mediator;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Features.Budgeting;

namespace ParticipativeDemocracy.Web.Jobs;

/// <summary>Every minute: close each budget whose voting deadline has passed. Closing is idempotent.</summary>
public sealed class CloseDueBudgetsJob(AppDbContext db, ISender sender, TimeProvider clock)
{
    public const string Id = "close-due-budgets";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.BudgetSettings.AsNoTracking()
            .Where(b => b.ClosedAt == null && b.VotingClosesAt <= now)
            .Select(b => b.ProcessId)
            .ToListAsync(cancellationToken);
        var closed = 0;
        foreach (var processId in due)
        {
            closed += await sender.Send(new CloseVoting.Command(processId), cancellationToken) ? 1 : 0;
        }

        return closed;
    }
}
