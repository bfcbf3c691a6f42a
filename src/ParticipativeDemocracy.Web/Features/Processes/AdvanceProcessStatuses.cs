using Mediator;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Behaviors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Realtime;

namespace ParticipativeDemocracy.Web.Features.Processes;

/// <summary>Opens processes whose time has come and closes those past their deadline. Run by Hangfire every minute.</summary>
public static class AdvanceProcessStatuses
{
    public sealed record Command : ICommand<int>;

    public sealed class Handler(AppDbContext db, TimeProvider clock, AfterCommit afterCommit) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var due = await db.Processes
                .Where(p => (p.Status == ProcessStatus.Upcoming && p.OpensAt <= now)
                            || ((p.Status == ProcessStatus.Upcoming || p.Status == ProcessStatus.Open) && p.ClosesAt <= now))
                .ToListAsync(cancellationToken);
            foreach (var process in due)
            {
                process.Status = process.ClosesAt <= now ? ProcessStatus.Closed : ProcessStatus.Open;
                process.UpdatedAt = now;
                afterCommit.Publish(new ProcessChanged(new ProcessChange(process.Id, process.Title, process.Status.ToString(), now)));
            }

            await db.SaveChangesAsync(cancellationToken);
            return due.Count;
        }
    }
}
