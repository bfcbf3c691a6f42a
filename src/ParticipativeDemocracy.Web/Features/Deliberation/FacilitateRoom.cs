using System.Globalization;
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

/// <summary>
/// The facilitator's controls: start and end the session, give the floor to the next hand (or a
/// named member in the queue), end a turn, move the agenda, close the straw poll. Each is kept in
/// the session's record.
/// </summary>
public static class FacilitateRoom
{
    public enum RoomAction
    {
        Start,
        End,
        GiveFloor,
        EndFloor,
        MoveAgenda,
        ClosePoll,
    }

    public sealed record Command(Guid SessionId, RoomAction Action, Guid? UserId, Guid? AgendaItemId, string ActorName) : ICommand<long>;

    public sealed record Request(RoomAction Action, Guid? UserId, Guid? AgendaItemId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Action).IsInEnum();
            RuleFor(c => c.AgendaItemId).NotNull().When(c => c.Action == RoomAction.MoveAgenda).WithMessage("Choose the agenda item to move to.");
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, AfterCommit afterCommit) : ICommandHandler<Command, long>
    {
        public async ValueTask<long> Handle(Command command, CancellationToken cancellationToken)
        {
            var session = await RoomLock.EnterAsync(db, command.SessionId, cancellationToken);
            var now = clock.GetUtcNow();
            RoomRecordLine[] lines = command.Action switch
            {
                RoomAction.Start => [Start(session, now)],
                RoomAction.End => await EndAsync(session, now, cancellationToken),
                RoomAction.GiveFloor => await GiveFloorAsync(session, command.UserId, now, cancellationToken),
                RoomAction.EndFloor => [EndFloor(session, now) ?? throw new ConflictException("No one has the floor.")],
                RoomAction.MoveAgenda => [await MoveAgendaAsync(session, command.AgendaItemId!.Value, cancellationToken)],
                _ => [await ClosePollAsync(session, now, cancellationToken) ?? throw new ConflictException("No straw poll is open.")],
            };
            RoomLock.Record(db, session, now, lines, command.ActorName);
            await db.SaveChangesAsync(cancellationToken);
            afterCommit.Publish(new RoomChanged(session.Id));
            return session.StateVersion;
        }

        private static RoomRecordLine Start(JurySession session, DateTimeOffset now)
        {
            if (session.Status != SessionStatus.Planned)
            {
                throw new ConflictException("The session has already started.");
            }

            session.Status = SessionStatus.Live;
            session.StartedAt = now;
            return RoomRecordLine.SessionStarted();
        }

        private async Task<RoomRecordLine[]> EndAsync(JurySession session, DateTimeOffset now, CancellationToken cancellationToken)
        {
            RoomLock.EnsureLive(session);
            var turn = EndFloor(session, now);
            var poll = await ClosePollAsync(session, now, cancellationToken);
            await db.SpeakerQueue.Where(q => q.SessionId == session.Id).ExecuteDeleteAsync(cancellationToken);
            session.Status = SessionStatus.Ended;
            session.EndedAt = now;
            return [.. new[] { turn, poll, RoomRecordLine.SessionEnded() }.OfType<RoomRecordLine>()];
        }

        private async Task<RoomRecordLine[]> GiveFloorAsync(JurySession session, Guid? userId, DateTimeOffset now, CancellationToken cancellationToken)
        {
            RoomLock.EnsureLive(session);
            var next = await db.SpeakerQueue.Where(q => q.SessionId == session.Id && (userId == null || q.UserId == userId))
                .OrderBy(q => q.Sequence).FirstOrDefaultAsync(cancellationToken)
                ?? throw new ConflictException(userId is null ? "No hands are raised." : "That member has not raised a hand.");
            var previous = EndFloor(session, now);
            db.SpeakerQueue.Remove(next);
            session.SpeakerUserId = next.UserId;
            session.SpeakerName = next.DisplayName;
            session.FloorGivenAt = now;
            var given = RoomRecordLine.FloorGiven(next.DisplayName);
            return previous is null ? [given] : [previous, given];
        }

        private static RoomRecordLine? EndFloor(JurySession session, DateTimeOffset now)
        {
            if (session is not { SpeakerName: { } name, FloorGivenAt: { } since })
            {
                return null;
            }

            var spoke = now - since;
            session.SpeakerUserId = null;
            session.SpeakerName = null;
            session.FloorGivenAt = null;
            return RoomRecordLine.Spoke(name, spoke);
        }

        private async Task<RoomRecordLine> MoveAgendaAsync(JurySession session, Guid itemId, CancellationToken cancellationToken)
        {
            var item = await db.AgendaItems.AsNoTracking().SingleOrDefaultAsync(a => a.Id == itemId && a.SessionId == session.Id, cancellationToken)
                ?? throw new NotFoundException("Agenda item", itemId);
            session.CurrentAgendaItemId = item.Id;
            return RoomRecordLine.AgendaMoved(item.Position, item.Title);
        }

        private async Task<RoomRecordLine?> ClosePollAsync(JurySession session, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var poll = await db.StrawPolls.SingleOrDefaultAsync(p => p.SessionId == session.Id && p.ClosedAt == null, cancellationToken);
            if (poll is null)
            {
                return null;
            }

            poll.ClosedAt = now;
            var counts = await db.StrawPollVotes.Where(v => v.PollId == poll.Id).GroupBy(v => v.Option)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            return RoomRecordLine.PollClosed(poll.Question, poll.Options.Select((o, i) => (o, counts.GetValueOrDefault(i))));
        }
    }

    public static RouteGroupBuilder MapFacilitateRoom(this RouteGroupBuilder group)
    {
        group.MapPost("/sessions/{sessionId:guid}/control", async Task<NoContent> (
                Guid sessionId, Request request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(sessionId, request.Action, request.UserId, request.AgendaItemId, JuryAccess.NameOf(user)), ct);
                return TypedResults.NoContent();
            })
            .WithName(nameof(FacilitateRoom))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Facilitator);
        return group;
    }
}
