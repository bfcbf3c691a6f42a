using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Features.Juries;

/// <summary>The latest draw for officers: its progress, or why the quotas cannot be met and the smallest fix.</summary>
public static class GetDrawStatus
{
    public sealed record Query(Guid ProcessId) : IQuery<DrawView>;

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, DrawView>
    {
        public async ValueTask<DrawView> Handle(Query query, CancellationToken cancellationToken)
        {
            await JuryGuard.JuryProcessAsync(db, query.ProcessId, cancellationToken);
            var draw = await db.JuryDraws.AsNoTracking().Where(d => d.ProcessId == query.ProcessId)
                .OrderByDescending(d => d.RequestedAt).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Draw of jury", query.ProcessId);
            return DrawView.From(draw);
        }
    }

    public static RouteGroupBuilder MapGetDrawStatus(this RouteGroupBuilder group)
    {
        group.MapGet("/{processId:guid}/draw", async Task<Ok<DrawView>> (Guid processId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(processId), ct)))
            .WithName(nameof(GetDrawStatus))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
