using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Features.Partnerships;

/// <summary>Every closed round's results per level side by side, oldest first so the trend reads left to right; the open round's count only.</summary>
public static class GetHealthCheckResults
{
    public sealed record Query(Guid ProcessId) : IQuery<HealthCheckHistory>;

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, HealthCheckHistory>
    {
        public async ValueTask<HealthCheckHistory> Handle(Query query, CancellationToken cancellationToken)
        {
            var partnership = await PartnershipRules.LoadAsync(db, query.ProcessId, cancellationToken);
            var checks = await db.HealthChecks.AsNoTracking().Where(h => h.ProcessId == query.ProcessId).OrderBy(h => h.Round).ToListAsync(cancellationToken);
            var closedIds = checks.Where(c => c.ClosedAt is not null).Select(c => c.Id).ToList();
            var answers = await db.HealthCheckAnswers.AsNoTracking().Where(a => closedIds.Contains(a.HealthCheckId)).ToListAsync(cancellationToken);
            var open = checks.SingleOrDefault(c => c.ClosedAt is null);
            var openAnswers = open is null ? 0 : await db.HealthCheckParticipations.CountAsync(p => p.HealthCheckId == open.Id, cancellationToken);
            return new HealthCheckHistory(query.ProcessId,
                open is null ? null : new OpenCheck(open.Id, open.Round, open.Statements, openAnswers),
                checks.Where(c => c.ClosedAt is not null)
                    .Select(c => HealthCheckTally.Count(c, answers.Where(a => a.HealthCheckId == c.Id).ToList(), partnership.MinGroupSize))
                    .ToList());
        }
    }

    public static RouteGroupBuilder MapGetHealthCheckResults(this RouteGroupBuilder group)
    {
        group.MapGet("/{processId:guid}/health-checks", async Task<Ok<HealthCheckHistory>> (Guid processId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(processId), ct)))
            .WithName(nameof(GetHealthCheckResults))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();
        return group;
    }
}

public sealed record HealthCheckHistory(Guid ProcessId, OpenCheck? Open, IReadOnlyList<HealthCheckResult> Closed);

public sealed record OpenCheck(Guid Id, int Round, IReadOnlyList<string> Statements, int Answers);
