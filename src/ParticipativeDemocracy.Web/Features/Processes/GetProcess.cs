using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;

namespace ParticipativeDemocracy.Web.Features.Processes;

public static class GetProcess
{
    /// <param name="IncludeDrafts">Only for officers' pages: the public never sees drafts.</param>
    public sealed record Query(Guid Id, bool IncludeDrafts = false) : IQuery<ProcessSummary>;

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, ProcessSummary>
    {
        public async ValueTask<ProcessSummary> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Processes.AsNoTracking()
                .Where(p => p.Id == query.Id && (query.IncludeDrafts || p.Status != ProcessStatus.Draft))
                .ToSummaries()
                .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Process", query.Id);
    }

    public static RouteGroupBuilder MapGetProcess(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}", async Task<Ok<ProcessSummary>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(id), ct)))
            .WithName(nameof(GetProcess))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();
        return group;
    }
}
