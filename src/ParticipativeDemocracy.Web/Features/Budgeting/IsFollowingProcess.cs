using Mediator;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>Whether a resident asked to hear a process's results (the budget page shows follow or stop).</summary>
public static class IsFollowingProcess
{
    public sealed record Query(Guid ProcessId, Guid UserId) : IQuery<bool>;

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, bool>
    {
        public async ValueTask<bool> Handle(Query query, CancellationToken cancellationToken) =>
            await db.ProcessFollowers.AnyAsync(f => f.ProcessId == query.ProcessId && f.UserId == query.UserId, cancellationToken);
    }
}
