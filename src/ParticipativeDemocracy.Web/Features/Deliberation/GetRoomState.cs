using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Features.Deliberation;

/// <summary>The live room as it stands: what the room page renders first and what every push carries.</summary>
public static class GetRoomState
{
    public sealed record Query(Guid SessionId) : IQuery<RoomView>;

    public sealed class Handler(AppDbContext db, TimeProvider clock) : IQueryHandler<Query, RoomView>
    {
        public async ValueTask<RoomView> Handle(Query query, CancellationToken cancellationToken)
        {
            var session = await db.JurySessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == query.SessionId, cancellationToken)
                ?? throw new NotFoundException("Session", query.SessionId);
            var queue = await db.SpeakerQueue.AsNoTracking().Where(q => q.SessionId == session.Id).OrderBy(q => q.Sequence)
                .Select(q => new QueuedView(q.UserId, q.DisplayName, q.RaisedAt)).ToListAsync(cancellationToken);
            var connections = await db.RoomConnections.AsNoTracking().Where(c => c.SessionId == session.Id)
                .OrderBy(c => c.ConnectedAt).ToListAsync(cancellationToken);
            var present = connections.GroupBy(c => c.UserId)
                .Select(g => new PresentView(g.Key, g.First().DisplayName, g.First().IsFacilitator)).ToList();
            var agenda = await db.AgendaItems.AsNoTracking().Where(a => a.SessionId == session.Id).OrderBy(a => a.Position)
                .Select(a => new AgendaView(a.Id, a.Position, a.Title, a.Id == session.CurrentAgendaItemId)).ToListAsync(cancellationToken);
            var speaker = session is { SpeakerUserId: { } id, SpeakerName: { } name, FloorGivenAt: { } since }
                ? new SpeakerView(id, name, since)
                : null;
            return new RoomView(session.Id, session.ProcessId, session.Title, session.Status.ToString(), session.StateVersion,
                clock.GetUtcNow(), session.StartedAt, session.SpeakerLimitSeconds, speaker, queue, present, agenda,
                await LatestPollAsync(session.Id, cancellationToken));
        }

        private async Task<PollView?> LatestPollAsync(Guid sessionId, CancellationToken cancellationToken)
        {
            var poll = await db.StrawPolls.AsNoTracking().Where(p => p.SessionId == sessionId)
                .OrderByDescending(p => p.OpenedAt).FirstOrDefaultAsync(cancellationToken);
            if (poll is null)
            {
                return null;
            }

            var counts = await db.StrawPollVotes.AsNoTracking().Where(v => v.PollId == poll.Id)
                .GroupBy(v => v.Option).Select(g => new { Option = g.Key, Votes = g.Count() })
                .ToDictionaryAsync(g => g.Option, g => g.Votes, cancellationToken);
            var options = poll.Options.Select((text, i) => new PollOptionView(i, text, counts.GetValueOrDefault(i))).ToList();
            return new PollView(poll.Id, poll.Question, poll.ClosedAt is null, options, counts.Values.Sum());
        }
    }

    public static RouteGroupBuilder MapGetRoomState(this RouteGroupBuilder group)
    {
        group.MapGet("/sessions/{sessionId:guid}/room", async Task<Ok<RoomView>> (
                Guid sessionId, ClaimsPrincipal user, ISender sender, AppDbContext db, CancellationToken ct) =>
            {
                var room = await sender.Send(new Query(sessionId), ct);
                await JuryAccess.EnsureInsiderAsync(db, room.ProcessId, user, ct);
                return TypedResults.Ok(room);
            })
            .WithName(nameof(GetRoomState))
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.SignedIn);
        return group;
    }
}
