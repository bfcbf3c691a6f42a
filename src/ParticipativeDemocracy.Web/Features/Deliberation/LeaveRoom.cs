using Mediator;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Behaviors;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Features.Deliberation;

/// <summary>A connection closed: its owner is no longer present (unless another tab of theirs is open).</summary>
public static class LeaveRoom
{
    public sealed record Command(string ConnectionId) : ICommand<bool>;

    public sealed class Handler(AppDbContext db, AfterCommit afterCommit) : ICommandHandler<Command, bool>
    {
        public async ValueTask<bool> Handle(Command command, CancellationToken cancellationToken)
        {
            var sessionId = await db.RoomConnections.Where(c => c.ConnectionId == command.ConnectionId)
                .Select(c => (Guid?)c.SessionId).SingleOrDefaultAsync(cancellationToken);
            if (sessionId is not { } id)
            {
                return false;
            }

            await RoomLock.EnterAsync(db, id, cancellationToken);
            await db.RoomConnections.Where(c => c.ConnectionId == command.ConnectionId).ExecuteDeleteAsync(cancellationToken);
            afterCommit.Publish(new RoomChanged(id));
            return true;
        }
    }
}
