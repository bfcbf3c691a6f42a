using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Behaviors;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Deliberation;

namespace ParticipativeDemocracy.Web.Features.Deliberation;

/// <summary>The facilitator opens the panel's final vote on a draft, with the share of support it needs.</summary>
public static class OpenRecommendationVote
{
    public sealed record Command(Guid RecommendationId, int ThresholdPercent) : ICommand<RecommendationStatus>;

    public sealed record Request(int? ThresholdPercent);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.ThresholdPercent).InclusiveBetween(50, 100).WithMessage("The threshold is a percentage between 50 and 100.");
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, AfterCommit afterCommit) : ICommandHandler<Command, RecommendationStatus>
    {
        public async ValueTask<RecommendationStatus> Handle(Command command, CancellationToken cancellationToken)
        {
            var recommendation = await RecommendationVoting.LockAsync(db, command.RecommendationId, cancellationToken);
            if (recommendation.Status != RecommendationStatus.Draft)
            {
                throw new ConflictException("The vote on this recommendation has already been opened.");
            }

            recommendation.Status = RecommendationStatus.Voting;
            recommendation.ThresholdPercent = command.ThresholdPercent;
            recommendation.VoteOpenedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            afterCommit.Publish(new RecommendationVoteChanged(recommendation.ProcessId, recommendation.Id));
            return recommendation.Status;
        }
    }

    public static RouteGroupBuilder MapOpenRecommendationVote(this RouteGroupBuilder group)
    {
        group.MapPost("/recommendations/{recommendationId:guid}/vote/open", async Task<NoContent> (
                Guid recommendationId, Request request, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(recommendationId, request.ThresholdPercent ?? 80), ct);
                return TypedResults.NoContent();
            })
            .WithName(nameof(OpenRecommendationVote))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Facilitator);
        return group;
    }
}
