using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Deliberation;

namespace ParticipativeDemocracy.Web.Features.Deliberation;

/// <summary>
/// Serialises the commands of one room in PostgreSQL (see ADR 0006): bumping the session's state
/// version takes its row lock until the command's transaction ends, on whichever replica it runs.
/// </summary>
public static class RoomLock
{
    public static async Task<JurySession> EnterAsync(AppDbContext db, Guid sessionId, CancellationToken cancellationToken)
    {
        var locked = await db.JurySessions.Where(s => s.Id == sessionId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.StateVersion, x => x.StateVersion + 1), cancellationToken);
        if (locked == 0)
        {
            throw new NotFoundException("Session", sessionId);
        }

        return await db.JurySessions.SingleAsync(s => s.Id == sessionId, cancellationToken);
    }

    public static void EnsureLive(JurySession session)
    {
        if (session.Status != SessionStatus.Live)
        {
            throw new ConflictException("The session is not running.");
        }
    }

    /// <summary>Adds to the session's record what the room decided, one line a phrase.</summary>
    public static void Record(AppDbContext db, JurySession session, DateTimeOffset at, IEnumerable<RoomRecordLine> lines, string actor) =>
        db.SessionRecord.AddRange(lines.Select(line => new SessionRecordEntry
        {
            SessionId = session.Id, At = at, Kind = line.Kind, Args = [.. line.Args], Text = line.English, ActorName = actor,
        }));
}
