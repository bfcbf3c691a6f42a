using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Audit;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Features.Admin;

/// <summary>The latest audit entries and a check of the whole chain from the first entry.</summary>
public static class GetAuditLog
{
    public sealed record Query(int Take = 200) : IQuery<Result>;

    public sealed record Result(AuditVerification Verification, IReadOnlyList<Entry> Entries);

    public sealed record Entry(long Sequence, DateTimeOffset At, string Actor, Guid? OnBehalfOfId, string Action,
        string TargetType, string? TargetId, string? Before, string? After);

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var all = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
            var latest = all.OrderByDescending(e => e.Sequence).Take(Math.Clamp(query.Take, 1, 1000))
                .Select(e => new Entry(e.Sequence, e.At, e.ActorName, e.OnBehalfOfId, e.Action, e.TargetType, e.TargetId, e.Before, e.After))
                .ToList();
            return new Result(AuditChain.Verify(all), latest);
        }
    }

    public static RouteGroupBuilder MapGetAuditLog(this RouteGroupBuilder group)
    {
        group.MapGet("/audit", async Task<Ok<Result>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(), ct)))
            .WithName(nameof(GetAuditLog))
            .RequireAuthorization(Policies.Administrator);
        return group;
    }
}
