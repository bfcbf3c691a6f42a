using System.Security.Claims;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Behaviors;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Deliberation;

namespace ParticipativeDemocracy.Web.Features.Deliberation;

/// <summary>A member supports, opposes or abstains on a recommendation while its vote is open; voting again changes the vote.</summary>
public static class CastRecommendationVote
{
    public sealed record Command(Guid RecommendationId, Guid UserId, VoteChoice Choice) : ICommand<VoteChoice>;

    public sealed record Request(VoteChoice Choice);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Choice).IsInEnum().WithMessage("Choose support, oppose or abstain.");
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, AfterCommit afterCommit) : ICommandHandler<Command, VoteChoice>
    {
        public async ValueTask<VoteChoice> Handle(Command command, CancellationToken cancellationToken)
        {
            var recommendation = await RecommendationVoting.LockAsync(db, command.RecommendationId, cancellationToken);
            await JuryAccess.MemberAsync(db, recommendation.ProcessId, command.UserId, cancellationToken);
            if (recommendation.Status != RecommendationStatus.Voting)
            {
                throw new ConflictException("This recommendation is not open for voting.");
            }

            var vote = await db.RecommendationVotes.SingleOrDefaultAsync(
                v => v.RecommendationId == recommendation.Id && v.UserId == command.UserId, cancellationToken);
            if (vote is null)
            {
                db.RecommendationVotes.Add(new RecommendationVote
                {
                    RecommendationId = recommendation.Id, UserId = command.UserId, Choice = command.Choice, CastAt = clock.GetUtcNow(),
                });
            }
            else
            {
                vote.Choice = command.Choice;
                vote.CastAt = clock.GetUtcNow();
            }

            await db.SaveChangesAsync(cancellationToken);
            afterCommit.Publish(new RecommendationVoteChanged(recommendation.ProcessId, recommendation.Id));
            return command.Choice;
        }
    }

    public static RouteGroupBuilder MapCastRecommendationVote(this RouteGroupBuilder group)
    {
        group.MapPost("/recommendations/{recommendationId:guid}/votes", async Task<NoContent> (
                Guid recommendationId, Request request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(recommendationId, JuryAccess.UserIdOf(user), request.Choice), ct);
                return TypedResults.NoContent();
            })
            .WithName(nameof(CastRecommendationVote))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.SignedIn);
        return group;
    }
}
