using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;

namespace ParticipativeDemocracy.Web.Features.Rolls;

/// <summary>For officers: the rolls that can back a process (its own and its organisation's), with import progress.</summary>
public static class ListProcessRolls
{
    public sealed record Query(Guid ProcessId) : IQuery<IReadOnlyList<Item>>;

    public sealed record Item(Guid Id, string Name, bool ForThisProcessOnly, VoterRollStatus Status,
        int ProcessedRows, int AcceptedRows, int RejectedRows, DateTimeOffset CreatedAt);

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<Item>>
    {
        public async ValueTask<IReadOnlyList<Item>> Handle(Query query, CancellationToken cancellationToken)
        {
            var process = await db.Processes.AsNoTracking().Where(p => p.Id == query.ProcessId)
                              .Select(p => new { p.OrganisationId }).SingleOrDefaultAsync(cancellationToken)
                          ?? throw new NotFoundException("Process", query.ProcessId);
            return await db.VoterRolls.AsNoTracking()
                .Where(r => r.OrganisationId == process.OrganisationId && (r.ProcessId == null || r.ProcessId == query.ProcessId))
                .OrderByDescending(r => r.CreatedAt)
                .Select(r => new Item(r.Id, r.Name, r.ProcessId != null, r.Status, r.ProcessedRows, r.AcceptedRows, r.RejectedRows, r.CreatedAt))
                .ToListAsync(cancellationToken);
        }
    }

    public static RouteGroupBuilder MapListProcessRolls(this RouteGroupBuilder group)
    {
        group.MapGet("/by-process/{processId:guid}", async Task<Ok<IReadOnlyList<Item>>> (Guid processId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(processId), ct)))
            .WithName(nameof(ListProcessRolls))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
