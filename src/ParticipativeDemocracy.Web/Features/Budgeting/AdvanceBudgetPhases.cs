using Mediator;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Behaviors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;
using ParticipativeDemocracy.Web.Realtime;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// Opens each budget's next phase when its time has come (run by Hangfire every minute). A conditional
/// update from the phase it read decides, so on any replica and after restarts a phase opens exactly once;
/// after downtime a budget moves straight to the latest phase due.
/// </summary>
public static class AdvanceBudgetPhases
{
    public sealed record Command : ICommand<int>;

    public sealed class Handler(AppDbContext db, TimeProvider clock, AfterCommit afterCommit) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var budgets = await db.BudgetSettings.AsNoTracking()
                .Where(b => b.CurrentPhase == null || b.CurrentPhase != BudgetPhaseKind.Implementation)
                .ToListAsync(cancellationToken);
            var opened = 0;
            foreach (var budget in budgets)
            {
                if (BudgetPhases.DueAt(budget, now) is not { } due || due <= budget.CurrentPhase)
                {
                    continue;
                }

                var current = budget.CurrentPhase;
                var won = await db.BudgetSettings
                    .Where(b => b.ProcessId == budget.ProcessId && b.CurrentPhase == current)
                    .ExecuteUpdateAsync(s => s.SetProperty(b => b.CurrentPhase, due).SetProperty(b => b.PhaseChangedAt, now), cancellationToken);
                if (won == 1)
                {
                    opened++;
                    var title = await db.Processes.Where(p => p.Id == budget.ProcessId).Select(p => p.Title).SingleAsync(cancellationToken);
                    afterCommit.Publish(new ProcessChanged(new ProcessChange(budget.ProcessId, title, $"Phase:{due}", now)));
                }
            }

            return opened;
        }
    }
}
