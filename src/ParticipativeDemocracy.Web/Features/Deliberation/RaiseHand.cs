using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Behaviors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Deliberation;

namespace ParticipativeDemocracy.Web.Features.Deliberation;

/// <summary>A member raises (or lowers) their hand: one place in the speaker queue each, in the order the room saw them.</summary>
public static class RaiseHand
{
    public sealed record Command(Guid SessionId, Guid UserId, bool Raised) : ICommand<long>;

    public sealed record Request(bool Raised);

    public sealed class Handler(AppDbContext db, TimeProvider clock, AfterCommit afterCommit) : ICommandHandler<Command, long>
    {
        public async ValueTask<long> Handle(Command command, CancellationToken cancellationToken)
        {
            var session = await RoomLock.EnterAsync(db, command.SessionId, cancellationToken);
            var member = await JuryAccess.MemberAsync(db, session.ProcessId, command.UserId, cancellationToken);
            var existing = await db.SpeakerQueue.SingleOrDefaultAsync(
                q => q.SessionId == session.Id && q.UserId == command.UserId, cancellationToken);
            if (command.Raised)
            {
                RoomLock.EnsureLive(session);
                if (existing is null && session.SpeakerUserId != command.UserId)
                {
                    db.SpeakerQueue.Add(new SpeakerQueueEntry
                    {
                        Id = Guid.CreateVersion7(clock.GetUtcNow()),
                        SessionId = session.Id,
                        UserId = member.UserId,
                        DisplayName = member.DisplayName,
                        RaisedAt = clock.GetUtcNow(),
                    });
                }
            }
            else if (existing is not null)
            {
                db.SpeakerQueue.Remove(existing);
            }

            await db.SaveChangesAsync(cancellationToken);
            afterCommit.Publish(new RoomChanged(session.Id));
            return session.StateVersion;
        }
    }

    public static RouteGroupBuilder MapRaiseHand(this RouteGroupBuilder group)
    {
        group.MapPost("/sessions/{sessionId:guid}/hand", async Task<NoContent> (
                Guid sessionId, Request request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new Command(sessionId, JuryAccess.UserIdOf(user), request.Raised), ct);
                return TypedResults.NoContent();
            })
            .WithName(nameof(RaiseHand))
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.SignedIn);
        return group;
    }
}
