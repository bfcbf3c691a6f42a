using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Features.Juries;

/// <summary>The panel as it stands: confirmed residents and vertical-slice members.</summary>
public static class ListPanel
{
    public sealed record Query(Guid ProcessId) : IQuery<IReadOnlyList<PanelMemberRow>>;

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<PanelMemberRow>>
    {
        public async ValueTask<IReadOnlyList<PanelMemberRow>> Handle(Query query, CancellationToken cancellationToken)
        {
            await JuryGuard.JuryProcessAsync(db, query.ProcessId, cancellationToken);
            var members = await db.JuryPanelMembers.AsNoTracking().Where(m => m.ProcessId == query.ProcessId)
                .OrderBy(m => m.JoinedAt).ToListAsync(cancellationToken);
            return members.Select(m => new PanelMemberRow(m.Id, m.UserId, m.DisplayName, m.PlayerLevel?.ToString(), m.Status.ToString(), m.JoinedAt)).ToList();
        }
    }

    public static RouteGroupBuilder MapListPanel(this RouteGroupBuilder group)
    {
        group.MapGet("/{processId:guid}/members", async Task<Ok<IReadOnlyList<PanelMemberRow>>> (Guid processId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(processId), ct)))
            .WithName(nameof(ListPanel))
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
