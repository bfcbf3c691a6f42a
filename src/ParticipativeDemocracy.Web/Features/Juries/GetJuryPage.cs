using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Juries;

namespace ParticipativeDemocracy.Web.Features.Juries;

/// <summary>What the public sees of a jury: the remit, the questions of the registration form, whether it is recruiting, whether it is drawn.</summary>
public static class GetJuryPage
{
    public sealed record Query(string Slug) : IQuery<JuryPageView>;

    public sealed record JuryPageView(
        Guid ProcessId, string Title, string Slug, string Summary, string Remit, int PanelSize,
        IReadOnlyList<FeatureQuestion> Features, bool Recruiting, DateTimeOffset? RecruitmentOpensAt,
        DateTimeOffset? RecruitmentClosesAt, bool Drawn, string TimeZone, IReadOnlyList<ScheduledSession>? Schedule = null);

    public sealed record FeatureQuestion(string Category, IReadOnlyList<string> Values);

    public sealed class Handler(AppDbContext db, TimeProvider clock) : IQueryHandler<Query, JuryPageView>
    {
        public async ValueTask<JuryPageView> Handle(Query query, CancellationToken cancellationToken)
        {
            var found = await (from p in db.Processes.AsNoTracking()
                               join s in db.JurySettings on p.Id equals s.ProcessId
                               join o in db.Organisations on p.OrganisationId equals o.Id
                               where p.Slug == query.Slug && p.Kind == ProcessKind.CitizensJury && p.Status != ProcessStatus.Draft
                               select new { p, s, o.TimeZone }).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Jury", query.Slug);
            var quotas = await db.JuryQuotas.AsNoTracking().Where(q => q.ProcessId == found.p.Id).OrderBy(q => q.Position).ToListAsync(cancellationToken);
            var features = quotas.GroupBy(q => q.Category, StringComparer.Ordinal)
                .Select(g => new FeatureQuestion(g.Key, g.Select(q => q.Value).ToList())).ToList();
            var drawn = await db.JuryDraws.AnyAsync(d => d.ProcessId == found.p.Id && d.Status == JuryDrawStatus.Succeeded, cancellationToken);
            var locked = drawn || await db.JuryDraws.AnyAsync(d => d.ProcessId == found.p.Id && (d.Status == JuryDrawStatus.Queued || d.Status == JuryDrawStatus.Running), cancellationToken);
            var now = clock.GetUtcNow();
            var recruiting = !locked && (found.s.RecruitmentOpensAt is null || found.s.RecruitmentOpensAt <= now)
                && (found.s.RecruitmentClosesAt is null || now < found.s.RecruitmentClosesAt);
            return new JuryPageView(found.p.Id, found.p.Title, found.p.Slug, found.p.Summary, found.s.Remit, found.s.PanelSize, features,
                recruiting, found.s.RecruitmentOpensAt, found.s.RecruitmentClosesAt, drawn, found.TimeZone, JurySchedule.Read(found.s.Schedule));
        }
    }

    public static RouteGroupBuilder MapGetJuryPage(this RouteGroupBuilder group)
    {
        group.MapGet("/pages/{slug}", async Task<Ok<JuryPageView>> (string slug, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(slug), ct)))
            .WithName(nameof(GetJuryPage))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();
        return group;
    }
}
