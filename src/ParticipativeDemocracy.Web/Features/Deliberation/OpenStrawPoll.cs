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

/// <summary>The facilitator asks the room a quick question; members answer and everyone sees the tally live.</summary>
public static class OpenStrawPoll
{
    public sealed record Command(Guid SessionId, string Question, IReadOnlyList<string> Options, string ActorName) : ICommand<Guid>;

    public sealed record Request(string Question, IReadOnlyList<string>? Options);

    public sealed record Opened(Guid Id);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Question).NotEmpty().MaximumLength(500);
            RuleFor(c => c.Options).Must(o => o.Count is >= 2 and <= 10).WithMessage("Give between 2 and 10 answers.");
            RuleForEach(c => c.Options).NotEmpty().MaximumLength(100);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, AfterCommit afterCommit) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var session = await RoomLock.EnterAsync(db, command.SessionId, cancellationToken);
            RoomLock.EnsureLive(session);
            if (await db.StrawPolls.AnyAsync(p => p.SessionId == session.Id && p.ClosedAt == null, cancellationToken))
            {
                throw new ConflictException("Close the open straw poll first.");
            }

            var now = clock.GetUtcNow();
            var poll = new StrawPoll
            {
                Id = Guid.CreateVersion7(now),
                SessionId = session.Id,
                Question = command.Question.Trim(),
                Options = [.. command.Options.Select(o => o.Trim())],
                OpenedAt = now,
            };
            db.StrawPolls.Add(poll);
            RoomLock.Record(db, session, now, [RoomRecordLine.PollOpened(poll.Question, poll.Options)], command.ActorName);
            await db.SaveChangesAsync(cancellationToken);
            afterCommit.Publish(new RoomChanged(session.Id));
            return poll.Id;
        }
    }

    public static RouteGroupBuilder MapOpenStrawPoll(this RouteGroupBuilder group)
    {
        group.MapPost("/sessions/{sessionId:guid}/polls", async Task<Created<Opened>> (
                Guid sessionId, Request request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            {
                var id = await sender.Send(new Command(sessionId, request.Question, request.Options ?? [], JuryAccess.NameOf(user)), ct);
                return TypedResults.Created($"/api/juries/sessions/{sessionId}/room", new Opened(id));
            })
            .WithName(nameof(OpenStrawPoll))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Facilitator);
        return group;
    }
}
