using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Behaviors;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Deliberation;

namespace ParticipativeDemocracy.Web.Features.Deliberation;

/// <summary>A member answers the open straw poll; answering again changes their answer.</summary>
public static class VoteInStrawPoll
{
    public sealed record Command(Guid PollId, Guid UserId, int Option) : ICommand<long>;

    public sealed record Request(int Option);

    public sealed class Handler(AppDbContext db, AfterCommit afterCommit) : ICommandHandler<Command, long>
    {
        public async ValueTask<long> Handle(Command command, CancellationToken cancellationToken)
        {
            var sessionId = await db.StrawPolls.Where(p => p.Id == command.PollId).Select(p => (Guid?)p.SessionId)
                .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Straw poll", command.PollId);
            var session = await RoomLock.EnterAsync(db, sessionId, cancellationToken);
            await JuryAccess.MemberAsync(db, session.ProcessId, command.UserId, cancellationToken);
            var poll = await db.StrawPolls.AsNoTracking().SingleAsync(p => p.Id == command.PollId, cancellationToken);
            if (poll.ClosedAt is not null)
            {
                throw new ConflictException("This straw poll has closed.");
            }

            if (command.Option < 0 || command.Option >= poll.Options.Count)
            {
                throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("Option", "Choose one of the poll's answers.")]);
            }

            var vote = await db.StrawPollVotes.SingleOrDefaultAsync(v => v.PollId == poll.Id && v.UserId == command.UserId, cancellationToken);
            if (vote is null)
            {
                db.StrawPollVotes.Add(new StrawPollVote { PollId = poll.Id, UserId = command.UserId, Option = command.Option });
            }
            else
            {
                vote.Option = command.Option;
            }

            await db.SaveChangesAsync(cancellationToken);
            afterCommit.Publish(new RoomChanged(session.Id));
            return session.StateVersion;
        }
    }

    public static RouteGroupBuilder MapVoteInStrawPoll(this RouteGroupBuilder group)
    {
        group.MapPost("/polls/{pollId:guid}/votes", async Task<NoContent> (
                Guid pollId, Request request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(pollId, JuryAccess.UserIdOf(user), request.Option), ct);
                return TypedResults.NoContent();
            })
            .WithName(nameof(VoteInStrawPoll))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.SignedIn);
        return group;
    }
}
