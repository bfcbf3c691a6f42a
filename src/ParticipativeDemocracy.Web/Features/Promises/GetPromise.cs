using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Features.Promises;

/// <summary>The participation promise of a process, each dated item with its status and evidence. Public.</summary>
public static class GetPromise
{
    public sealed record Query(Guid ProcessId) : IQuery<PromiseView?>;

    public sealed class Handler(AppDbContext db, TimeProvider clock) : IQueryHandler<Query, PromiseView?>
    {
        public async ValueTask<PromiseView?> Handle(Query query, CancellationToken cancellationToken)
        {
            var promise = await db.ParticipationPromises.AsNoTracking().Include(p => p.Items)
                .SingleOrDefaultAsync(p => p.ProcessId == query.ProcessId, cancellationToken);
            if (promise is null)
            {
                return null;
            }

            var now = clock.GetUtcNow();
            return new PromiseView(promise.ProcessId, promise.Level, promise.Text, promise.UpdatedAt, promise.Items
                .OrderBy(i => i.DueAt)
                .Select(i => new PromiseItemView(i.Id, i.Text, i.DueAt, PromiseStatus.Of(i, now), i.OutcomeAt, i.Evidence, i.EvidenceUrl))
                .ToList());
        }
    }

    public static RouteGroupBuilder MapGetPromise(this RouteGroupBuilder group)
    {
        group.MapGet("/", async Task<Ok<PromiseView>> (Guid processId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(processId), ct) ?? throw new NotFoundException("Participation promise", processId)))
            .WithName(nameof(GetPromise))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();
        return group;
    }
}
