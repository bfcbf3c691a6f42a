using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Behaviors;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Deliberation;

namespace ParticipativeDemocracy.Web.Features.Deliberation;

/// <summary>The facilitator closes the vote: the counts are frozen and the recommendation is adopted if support reached the threshold.</summary>
public static class CloseRecommendationVote
{
    public sealed record Command(Guid RecommendationId) : ICommand<Closed>;

    public sealed record Closed(RecommendationStatus Status, int Support, int Oppose, int Abstain, int ThresholdPercent);

    public sealed class Handler(AppDbContext db, TimeProvider clock, AfterCommit afterCommit) : ICommandHandler<Command, Closed>
    {
        public async ValueTask<Closed> Handle(Command command, CancellationToken cancellationToken)
        {
            var recommendation = await RecommendationVoting.LockAsync(db, command.RecommendationId, cancellationToken);
            if (recommendation.Status != RecommendationStatus.Voting)
            {
                throw new ConflictException("This recommendation is not open for voting.");
            }

            var (support, oppose, abstain) = await RecommendationVoting.CountAsync(db, recommendation.Id, cancellationToken);
            recommendation.Support = support;
            recommendation.Oppose = oppose;
            recommendation.Abstain = abstain;
            recommendation.VoteClosedAt = clock.GetUtcNow();
            recommendation.Status = RecommendationVoting.Reaches(support, oppose, abstain, recommendation.ThresholdPercent)
                ? RecommendationStatus.Adopted
                : RecommendationStatus.NotAdopted;
            await db.SaveChangesAsync(cancellationToken);
            afterCommit.Publish(new RecommendationVoteChanged(recommendation.ProcessId, recommendation.Id));
            return new Closed(recommendation.Status, support, oppose, abstain, recommendation.ThresholdPercent);
        }
    }

    public static RouteGroupBuilder MapCloseRecommendationVote(this RouteGroupBuilder group)
    {
        group.MapPost("/recommendations/{recommendationId:guid}/vote/close", async Task<Ok<Closed>> (
                Guid recommendationId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(recommendationId), ct)))
            .WithName(nameof(CloseRecommendationVote))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Facilitator);
        return group;
    }
}
