using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Juries;

namespace ParticipativeDemocracy.Web.Features.Deliberation;

/// <summary>The running count of a recommendation's vote, as the panel and facilitator see it live.</summary>
public static class GetRecommendationTally
{
    public sealed record Query(Guid RecommendationId) : IQuery<RecommendationTallyView>;

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, RecommendationTallyView>
    {
        public async ValueTask<RecommendationTallyView> Handle(Query query, CancellationToken cancellationToken)
        {
            var recommendation = await db.Recommendations.AsNoTracking().SingleOrDefaultAsync(r => r.Id == query.RecommendationId, cancellationToken)
                ?? throw new NotFoundException("Recommendation", query.RecommendationId);
            var (support, oppose, abstain) = await RecommendationVoting.CountAsync(db, recommendation.Id, cancellationToken);
            var members = await db.JuryPanelMembers.CountAsync(
                m => m.ProcessId == recommendation.ProcessId && m.Status == JuryMemberStatus.Active, cancellationToken);
            return new RecommendationTallyView(recommendation.Id, recommendation.Code, recommendation.Status.ToString(),
                recommendation.ThresholdPercent, support, oppose, abstain, members);
        }
    }

    public static RouteGroupBuilder MapGetRecommendationTally(this RouteGroupBuilder group)
    {
        group.MapGet("/recommendations/{recommendationId:guid}/tally", async Task<Ok<RecommendationTallyView>> (
                Guid recommendationId, ClaimsPrincipal user, ISender sender, AppDbContext db, CancellationToken ct) =>
            {
                var processId = await db.Recommendations.Where(r => r.Id == recommendationId).Select(r => (Guid?)r.ProcessId)
                    .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Recommendation", recommendationId);
                await JuryAccess.EnsureInsiderAsync(db, processId, user, ct);
                return TypedResults.Ok(await sender.Send(new Query(recommendationId), ct));
            })
            .WithName(nameof(GetRecommendationTally))
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.SignedIn);
        return group;
    }
}
