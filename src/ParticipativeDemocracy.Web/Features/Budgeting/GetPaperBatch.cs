using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>For officers: a paper batch's state and the ballots its two keyings disagree on.</summary>
public static class GetPaperBatch
{
    public sealed record Query(Guid ProcessId, Guid BatchId) : IQuery<PaperBatchView>;

    public sealed class Handler(AppDbContext db, PaperBallots paper) : IQueryHandler<Query, PaperBatchView>
    {
        public async ValueTask<PaperBatchView> Handle(Query query, CancellationToken cancellationToken) =>
            (await paper.ViewsAsync(db.PaperBatches.Where(b => b.Id == query.BatchId && b.ProcessId == query.ProcessId), cancellationToken))
            .SingleOrDefault() ?? throw new NotFoundException("Paper batch", query.BatchId);
    }

    public static RouteGroupBuilder MapGetPaperBatch(this RouteGroupBuilder group)
    {
        group.MapGet("/{processId:guid}/paper-batches/{batchId:guid}", async Task<Ok<PaperBatchView>> (
                Guid processId, Guid batchId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(processId, batchId), ct)))
            .WithName(nameof(GetPaperBatch))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
