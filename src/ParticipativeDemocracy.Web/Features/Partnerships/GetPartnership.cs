using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Partnerships;

namespace ParticipativeDemocracy.Web.Features.Partnerships;

/// <summary>The public page of a partnership: who is at the table, what it decided and what it did.</summary>
public static class GetPartnership
{
    public sealed record Query(Guid? ProcessId, string? Slug = null) : IQuery<PartnershipView>;

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, PartnershipView>
    {
        public async ValueTask<PartnershipView> Handle(Query query, CancellationToken cancellationToken)
        {
            var found = await (from p in db.Processes.AsNoTracking()
                               join settings in db.Partnerships.AsNoTracking() on p.Id equals settings.ProcessId
                               where p.Kind == ProcessKind.Partnership && p.Status != ProcessStatus.Draft
                                     && (query.ProcessId == null ? p.Slug == query.Slug : p.Id == query.ProcessId)
                               select new { p.Id, p.Slug, p.Title, p.Summary, Organisation = p.Organisation!.Name, p.Organisation.TimeZone, settings.Statements, settings.MinGroupSize })
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Partnership", (object?)query.ProcessId ?? query.Slug ?? "");
            var members = await db.PartnershipMembers.AsNoTracking().Where(m => m.ProcessId == found.Id)
                .OrderBy(m => m.Level).ThenBy(m => m.Name)
                .Select(m => new MemberView(m.Id, m.Name, m.Level, m.Role)).ToListAsync(cancellationToken);
            var meetings = await db.PartnershipMeetings.AsNoTracking().Where(m => m.ProcessId == found.Id)
                .OrderByDescending(m => m.HeldAt)
                .Select(m => new MeetingView(m.Id, m.Title, m.HeldAt, m.Agenda, m.Minutes, m.Decisions, m.MinutesPublishedAt))
                .ToListAsync(cancellationToken);
            var actions = await db.PartnershipActions.AsNoTracking().Where(a => a.ProcessId == found.Id)
                .OrderBy(a => a.DueOn)
                .Select(a => new ActionView(a.Id, a.Title, a.Owner, a.DueOn, a.Status, a.Note, a.MeetingId)).ToListAsync(cancellationToken);
            var followers = await db.PartnershipFollowers.CountAsync(f => f.ProcessId == found.Id, cancellationToken);
            return new PartnershipView(found.Id, found.Slug, found.Title, found.Summary, found.Organisation, found.TimeZone,
                PartnershipRules.CompositionOf(members.Select(m => m.Level)), members, meetings, actions, followers, found.Statements, found.MinGroupSize);
        }
    }

    public static RouteGroupBuilder MapGetPartnership(this RouteGroupBuilder group)
    {
        group.MapGet("/{processId:guid}", async Task<Ok<PartnershipView>> (Guid processId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(processId), ct)))
            .WithName(nameof(GetPartnership))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();
        return group;
    }
}

public sealed record PartnershipView(
    Guid ProcessId, string Slug, string Title, string Summary, string Organisation, string TimeZone, Composition Composition,
    IReadOnlyList<MemberView> Members, IReadOnlyList<MeetingView> Meetings, IReadOnlyList<ActionView> Actions, int Followers,
    IReadOnlyList<string> Statements, int MinGroupSize);

public sealed record MemberView(Guid Id, string Name, PlayerLevel Level, string? Role);

public sealed record MeetingView(Guid Id, string Title, DateTimeOffset HeldAt, string Agenda, string? Minutes, IReadOnlyList<string> Decisions, DateTimeOffset? MinutesPublishedAt);

public sealed record ActionView(Guid Id, string Title, string Owner, DateOnly DueOn, PartnershipActionStatus Status, string? Note, Guid? MeetingId);
