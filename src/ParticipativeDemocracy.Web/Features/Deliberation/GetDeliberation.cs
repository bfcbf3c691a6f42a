using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Deliberation;

namespace ParticipativeDemocracy.Web.Features.Deliberation;

/// <summary>The jury's working page for its panel and facilitators: sessions, rounds and recommendations.</summary>
public static class GetDeliberation
{
    public sealed record Query(string Slug, Guid UserId, bool IsFacilitator) : IQuery<DeliberationView>;

    public sealed record DeliberationView(
        Guid ProcessId, string Slug, string Title, string Remit, bool IsMember, bool IsFacilitator,
        IReadOnlyList<SessionItem> Sessions, IReadOnlyList<RoundItem> Rounds, IReadOnlyList<RecommendationItem> Recommendations);

    public sealed record SessionItem(Guid Id, string Title, DateTimeOffset StartsAt, SessionStatus Status);

    public sealed record RoundItem(Guid Id, string Question, DateTimeOffset ClosesAt, bool IsOpen);

    public sealed record RecommendationItem(
        Guid Id, string Code, string Title, string Text, string DraftedBy, RecommendationStatus Status, int ThresholdPercent, VoteChoice? MyVote);

    public sealed class Handler(AppDbContext db, TimeProvider clock) : IQueryHandler<Query, DeliberationView>
    {
        public async ValueTask<DeliberationView> Handle(Query query, CancellationToken cancellationToken)
        {
            var jury = await JuryAccess.JuryBySlugAsync(db, query.Slug, cancellationToken);
            var isMember = await JuryAccess.IsMemberAsync(db, jury.Id, query.UserId, cancellationToken);
            if (!isMember && !query.IsFacilitator)
            {
                throw new ForbiddenException("Only the jury's panel and its facilitators can see this.");
            }

            var now = clock.GetUtcNow();
            var remit = await db.JurySettings.AsNoTracking().Where(s => s.ProcessId == jury.Id).Select(s => s.Remit)
                .SingleOrDefaultAsync(cancellationToken) ?? jury.Summary;
            var sessions = await db.JurySessions.AsNoTracking().Where(s => s.ProcessId == jury.Id).OrderBy(s => s.StartsAt)
                .Select(s => new SessionItem(s.Id, s.Title, s.StartsAt, s.Status)).ToListAsync(cancellationToken);
            var rounds = await db.DeliberationRounds.AsNoTracking().Where(r => r.ProcessId == jury.Id).OrderBy(r => r.CreatedAt)
                .Select(r => new RoundItem(r.Id, r.Question, r.ClosesAt, r.ClosedAt == null && r.ClosesAt > now)).ToListAsync(cancellationToken);
            var myVotes = await db.RecommendationVotes.AsNoTracking().Where(v => v.UserId == query.UserId)
                .Join(db.Recommendations.Where(r => r.ProcessId == jury.Id), v => v.RecommendationId, r => r.Id, (v, r) => v)
                .ToDictionaryAsync(v => v.RecommendationId, v => v.Choice, cancellationToken);
            var recommendations = (await db.Recommendations.AsNoTracking().Where(r => r.ProcessId == jury.Id).OrderBy(r => r.Code)
                    .ToListAsync(cancellationToken))
                .Select(r => new RecommendationItem(r.Id, r.Code, r.Title, r.Text, r.DraftedByName, r.Status, r.ThresholdPercent,
                    myVotes.TryGetValue(r.Id, out var vote) ? vote : null))
                .ToList();
            return new DeliberationView(jury.Id, jury.Slug, jury.Title, remit, isMember, query.IsFacilitator, sessions, rounds, recommendations);
        }
    }

    public static RouteGroupBuilder MapGetDeliberation(this RouteGroupBuilder group)
    {
        group.MapGet("/{slug}/deliberation", async Task<Ok<DeliberationView>> (
                string slug, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(slug, JuryAccess.UserIdOf(user), JuryAccess.IsFacilitator(user)), ct)))
            .WithName(nameof(GetDeliberation))
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.SignedIn);
        return group;
    }
}
