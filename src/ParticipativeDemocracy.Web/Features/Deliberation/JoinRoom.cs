using Mediator;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Behaviors;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Deliberation;

namespace ParticipativeDemocracy.Web.Features.Deliberation;

/// <summary>A member or facilitator opens the room: their connection counts as present until it closes.</summary>
public static class JoinRoom
{
    public sealed record Command(Guid SessionId, string ConnectionId, Guid UserId, string UserName, bool IsFacilitator) : ICommand<Guid>;

    public sealed class Handler(AppDbContext db, TimeProvider clock, AfterCommit afterCommit) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var session = await RoomLock.EnterAsync(db, command.SessionId, cancellationToken);
            var name = command.UserName;
            if (!command.IsFacilitator)
            {
                name = (await JuryAccess.MemberAsync(db, session.ProcessId, command.UserId, cancellationToken)).DisplayName;
            }

            if (await db.RoomConnections.AnyAsync(c => c.ConnectionId == command.ConnectionId, cancellationToken))
            {
                throw new ConflictException("This connection is already in a room.");
            }

            db.RoomConnections.Add(new RoomConnection
            {
                ConnectionId = command.ConnectionId,
                SessionId = session.Id,
                UserId = command.UserId,
                DisplayName = name,
                IsFacilitator = command.IsFacilitator,
                ConnectedAt = clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(cancellationToken);
            afterCommit.Publish(new RoomChanged(session.Id));
            return session.ProcessId;
        }
    }
}
