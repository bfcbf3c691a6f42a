using System.Security.Claims;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Deliberation;

namespace ParticipativeDemocracy.Web.Features.Deliberation;

/// <summary>A member takes a position on the round's question and says why; after the deadline the round is frozen.</summary>
public static class PostContribution
{
    public sealed record Command(Guid RoundId, Guid UserId, Stance Stance, string Text) : ICommand<Posted>;

    public sealed record Request(Stance Stance, string Text);

    public sealed record Posted(Guid Id);

    public const string ClosedMessage = "This round has closed: contributions are no longer accepted.";

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Stance).IsInEnum().WithMessage("Choose agree, disagree or unsure.");
            RuleFor(c => c.Text).NotEmpty().WithMessage("Say why.").MaximumLength(4000);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command, Posted>
    {
        public async ValueTask<Posted> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            // A share lock on the round: the closing job's conditional update waits for this post, or this post sees the close.
            var round = await db.DeliberationRounds
                .FromSql($"""SELECT * FROM app."DeliberationRounds" WHERE "Id" = {command.RoundId} FOR SHARE""")
                .AsNoTracking().SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Round", command.RoundId);
            var member = await JuryAccess.MemberAsync(db, round.ProcessId, command.UserId, cancellationToken);
            if (round.ClosedAt is not null || round.ClosesAt <= now)
            {
                throw new ConflictException(ClosedMessage);
            }

            var contribution = new RoundContribution
            {
                Id = Guid.CreateVersion7(now),
                RoundId = round.Id,
                UserId = member.UserId,
                DisplayName = member.DisplayName,
                Stance = command.Stance,
                Text = command.Text.Trim(),
                PostedAt = now,
            };
            db.RoundContributions.Add(contribution);
            await db.SaveChangesAsync(cancellationToken);
            return new Posted(contribution.Id);
        }
    }

    public static RouteGroupBuilder MapPostContribution(this RouteGroupBuilder group)
    {
        group.MapPost("/rounds/{roundId:guid}/contributions", async Task<Created<Posted>> (
                Guid roundId, Request request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            {
                var posted = await sender.Send(new Command(roundId, JuryAccess.UserIdOf(user), request.Stance, request.Text), ct);
                return TypedResults.Created($"/api/juries/rounds/{roundId}", posted);
            })
            .WithName(nameof(PostContribution))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.SignedIn);
        return group;
    }
}
