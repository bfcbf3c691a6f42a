using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Features.Processes;

/// <summary>Every process, drafts included, newest first: the officers' overview.</summary>
public static class ListAllProcesses
{
    public sealed record Query : IQuery<IReadOnlyList<ProcessSummary>>;

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<ProcessSummary>>
    {
        public async ValueTask<IReadOnlyList<ProcessSummary>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Processes.AsNoTracking()
                .OrderByDescending(p => p.CreatedAt)
                .ToSummaries()
                .ToListAsync(cancellationToken);
    }

    public static RouteGroupBuilder MapListAllProcesses(this RouteGroupBuilder group)
    {
        group.MapGet("/all", async Task<Ok<IReadOnlyList<ProcessSummary>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(), ct)))
            .WithName(nameof(ListAllProcesses))
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
