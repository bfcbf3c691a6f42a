using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Juries;

namespace ParticipativeDemocracy.Web.Features.Juries;

/// <summary>Officers page through the pool, newest last, with each volunteer's answers and invitation state.</summary>
public static class ListVolunteers
{
    public sealed record Query(Guid ProcessId, int Skip = 0, int Take = 100) : IQuery<VolunteerPage>;

    public sealed record VolunteerPage(int Total, IReadOnlyList<VolunteerRow> Volunteers);

    public sealed record VolunteerRow(
        Guid Id, string Reference, string Name, string Email, IReadOnlyDictionary<string, string> Features,
        string Source, string Availability, string AccessNeeds, string? DrawId, string? Invitation, IReadOnlyList<int>? AvailableSessions = null);

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, VolunteerPage>
    {
        public async ValueTask<VolunteerPage> Handle(Query query, CancellationToken cancellationToken)
        {
            await JuryGuard.JuryProcessAsync(db, query.ProcessId, cancellationToken);
            var volunteers = db.JuryVolunteers.AsNoTracking().Where(v => v.ProcessId == query.ProcessId);
            var total = await volunteers.CountAsync(cancellationToken);
            var rows = await (from v in volunteers
                              join i in db.JuryInvitations on v.Id equals i.VolunteerId into invitations
                              from i in invitations.DefaultIfEmpty()
                              orderby v.CreatedAt, v.Id
                              select new { v, Status = i == null ? (JuryInvitationStatus?)null : i.Status })
                .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 500)).ToListAsync(cancellationToken);
            return new VolunteerPage(total, rows.Select(r => new VolunteerRow(
                r.v.Id, r.v.Reference, r.v.Name, r.v.Email, VolunteerFeatures.FromJson(r.v.Features), r.v.Source.ToString(),
                r.v.Availability, r.v.AccessNeeds, r.v.DrawId, r.Status?.ToString(), r.v.AvailableSessions)).ToList());
        }
    }

    public static RouteGroupBuilder MapListVolunteers(this RouteGroupBuilder group)
    {
        group.MapGet("/{processId:guid}/volunteers", async Task<Ok<VolunteerPage>> (Guid processId, int? skip, int? take, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(processId, skip ?? 0, take ?? 100), ct)))
            .WithName(nameof(ListVolunteers))
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
