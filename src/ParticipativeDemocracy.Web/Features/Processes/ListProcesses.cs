using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;

namespace ParticipativeDemocracy.Web.Features.Processes;

/// <summary>The public list of processes: open first, then upcoming, then closed; drafts are hidden.</summary>
public static class ListProcesses
{
    public sealed record Query : IQuery<IReadOnlyList<ProcessSummary>>;

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<ProcessSummary>>
    {
        public async ValueTask<IReadOnlyList<ProcessSummary>> Handle(Query query, CancellationToken cancellationToken)
        {
            var processes = await db.Processes.AsNoTracking()
                .Where(p => p.Status != ProcessStatus.Draft && p.Status != ProcessStatus.Archived)
                .ToSummaries()
                .ToListAsync(cancellationToken);
            return processes
                .OrderBy(p => StatusOrder(p.Status))
                .ThenBy(p => p.ClosesAt ?? DateTimeOffset.MaxValue)
                .ThenBy(p => p.Title, StringComparer.CurrentCulture)
                .ToList();
        }

        private static int StatusOrder(ProcessStatus status) => status switch
        {
            ProcessStatus.Open => 0,
            ProcessStatus.Upcoming => 1,
            _ => 2,
        };
    }

    public static RouteGroupBuilder MapListProcesses(this RouteGroupBuilder group)
    {
        group.MapGet("/", async Task<Ok<IReadOnlyList<ProcessSummary>>> (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(), ct)))
            .WithName(nameof(ListProcesses))
            .AllowAnonymous();
        return group;
    }
}
